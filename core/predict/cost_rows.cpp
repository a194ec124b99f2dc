#include "predict/cost_rows.hpp"

#include "common/error.hpp"
#include "searchspace/additive_costs.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

namespace maple::predict {
namespace {

using searchspace::AdditiveCosts;
using searchspace::CostEntry;

// A table's entries restricted to the wanted columns, renumbered to their place among them and
// flattened: an architecture then adds only what it is asked for.
struct Projection {
  Eigen::RowVectorXd fixed;
  std::vector<std::size_t> first;  // per (position, choice), position-major, and one past the end
  std::vector<CostEntry> entries; // column: the place in the wanted columns
};

Projection project(const AdditiveCosts& table, std::span<const int> columns) {
  std::vector<int> wantedAt(static_cast<std::size_t>(table.columns()), -1);
  Projection p;
  p.fixed.resize(static_cast<Eigen::Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) {
    wantedAt.at(static_cast<std::size_t>(columns[j])) = static_cast<int>(j);
    p.fixed(static_cast<Eigen::Index>(j)) = table.fixed()[static_cast<std::size_t>(columns[j])];
  }
  for (int pos = 0; pos < table.positions(); ++pos)
    for (int c = 0; c < table.choices(); ++c) {
      p.first.push_back(p.entries.size());
      for (const auto& e : table.entries(pos, c))
        if (const int at = wantedAt[static_cast<std::size_t>(e.column)]; at >= 0) p.entries.push_back({at, e.value});
    }
  p.first.push_back(p.entries.size());
  return p;
}

Eigen::MatrixXd summed(const searchspace::ArchitectureSet& set, const AdditiveCosts& table, std::span<const int> columns) {
  const Projection p = project(table, columns);
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> out(static_cast<Eigen::Index>(set.size()), p.fixed.size());
  for (std::size_t i = 0; i < set.size(); ++i) {
    const auto& choices = set.genotypes[i].choices;
    if (static_cast<int>(choices.size()) != table.positions())
      fail(ErrorKind::Usage, std::string(set.space->name()) + " architecture with " + std::to_string(choices.size()) +
                                 " positions, the space has " + std::to_string(table.positions()));
    auto row = out.row(static_cast<Eigen::Index>(i));
    row = p.fixed;
    for (int pos = 0; pos < table.positions(); ++pos) {
      if (choices[static_cast<std::size_t>(pos)] >= table.choices())
        fail(ErrorKind::Usage, std::string(set.space->name()) + " architecture: choice " +
                                   std::to_string(choices[static_cast<std::size_t>(pos)]) + " at position " + std::to_string(pos + 1));
      const auto cell = static_cast<std::size_t>(pos * table.choices() + choices[static_cast<std::size_t>(pos)]);
      for (std::size_t k = p.first[cell]; k < p.first[cell + 1]; ++k) row(p.entries[k].column) += p.entries[k].value;
    }
  }
  return out;
}

// g's cost row from the space's own features() and opCounts().
std::vector<double> spaceCostRow(const searchspace::SearchSpace& space, const searchspace::Genotype& g) {
  const auto f = space.features(g);
  std::vector<double> row{f.macs, f.params, f.activationBytes};
  for (const auto& group : space.opCounts(g)) row.insert(row.end(), group.counts.begin(), group.counts.end());
  return row;
}

// Every architecture of an enumerable space, by index: small enough (NAS-Bench-201: 15,625 x 18
// doubles) to cost once per process.
const Eigen::MatrixXd& wholeSpace(const searchspace::SearchSpace& space) {
  static std::mutex mutex;
  static std::map<const searchspace::SearchSpace*, Eigen::MatrixXd> cache;
  const std::lock_guard lock(mutex);
  if (auto it = cache.find(&space); it != cache.end()) return it->second;
  const auto n = static_cast<Eigen::Index>(*space.size());
  Eigen::MatrixXd m;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto row = spaceCostRow(space, space.fromIndex(i));
    if (i == 0) m.resize(n, static_cast<Eigen::Index>(row.size()));
    m.row(i) = Eigen::Map<const Eigen::RowVectorXd>(row.data(), static_cast<Eigen::Index>(row.size()));
  }
  return cache.emplace(&space, std::move(m)).first->second;
}

Eigen::MatrixXd lookedUp(const searchspace::ArchitectureSet& set, std::span<const int> columns) {
  const auto& all = wholeSpace(*set.space);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(set.size()), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t i = 0; i < set.size(); ++i) {
    const auto row = all.row(*set.space->index(set.genotypes[i]));
    for (std::size_t j = 0; j < columns.size(); ++j)
      out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = row(columns[j]);
  }
  return out;
}

} // namespace

std::vector<CostGroup> costGroups(const searchspace::SearchSpace& space) {
  const searchspace::Genotype first{std::vector<std::uint8_t>(static_cast<std::size_t>(space.positions()), 0)};
  std::vector<CostGroup> out;
  int column = searchspace::kFeatureColumns;
  for (auto& g : space.opCounts(first)) {
    out.push_back({std::move(g.name), std::move(g.labels), column});
    column += static_cast<int>(g.counts.size());
  }
  return out;
}

Eigen::MatrixXd costRows(const searchspace::ArchitectureSet& set, std::span<const int> columns) {
  if (set.empty()) return Eigen::MatrixXd(0, static_cast<Eigen::Index>(columns.size())); // nothing to cost, even without a space
  const auto& space = *set.space;
  if (const auto* table = space.additiveCosts()) return summed(set, *table, columns);
  if (space.size()) return lookedUp(set, columns);
  throw std::logic_error("search space " + std::string(space.name()) + " is neither additive nor enumerable");
}

} // namespace maple::predict
