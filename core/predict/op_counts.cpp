#include "predict/op_counts.hpp"

#include "common/error.hpp"

#include <algorithm>

namespace maple::predict {
namespace {

// The groups a sharing concatenates, and the label every group leaves out as the baseline.
struct Sharing {
  std::vector<std::string> groups;
  std::string baseline;
};

Sharing sharingOf(const searchspace::SearchSpace& space, const std::string& sharing) {
  const auto& known = opCountSharings(space);
  if (std::find(known.begin(), known.end(), sharing) == known.end()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    fail(ErrorKind::Usage, "search space " + std::string(space.name()) + " has no op-count sharing '" + sharing +
                               "' (known: " + list + ")");
  }
  // A sharing "a+b" concatenates groups a and b.
  Sharing out{{}, space.name() == "nb201" ? "none" : ""};
  for (size_t at = 0; at <= sharing.size();) {
    const size_t plus = std::min(sharing.find('+', at), sharing.size());
    out.groups.push_back(sharing.substr(at, plus - at));
    at = plus + 1;
  }
  return out;
}

// nb201 only: the output receives nothing from the input.
bool degenerate(const searchspace::SearchSpace& space, const searchspace::Genotype& g) {
  if (&space != &searchspace::nb201Space()) return false;
  return !nb201::liveness(searchspace::cellOf(g)).nodeHasData[nb201::kNodes - 1];
}

// The sharing's counts of one architecture, baseline labels left out.
std::vector<double> countsOf(const searchspace::SearchSpace& space, const searchspace::Genotype& g, const Sharing& s) {
  std::vector<double> out;
  const auto groups = space.opCounts(g);
  for (const auto& name : s.groups)
    for (const auto& group : groups)
      if (group.name == name)
        for (size_t i = 0; i < group.counts.size(); ++i)
          if (group.labels[i] != s.baseline) out.push_back(group.counts[i]);
  return out;
}

} // namespace

const std::vector<std::string>& opCountSharings(const searchspace::SearchSpace& space) {
  static const std::vector<std::string> nb201{"eager+graph"};
  static const std::vector<std::string> fbnet{"stage_block", "shape", "layer_block", "shape+stage_block"};
  if (space.name() == "nb201") return nb201;
  if (space.name() == "fbnet") return fbnet;
  fail(ErrorKind::Usage, "search space " + std::string(space.name()) + " has no op-count sharing for method opcost");
}

int opCountColumns(const searchspace::SearchSpace& space, const std::string& sharing) {
  const searchspace::Genotype first{std::vector<std::uint8_t>(static_cast<size_t>(space.positions()), 0)};
  return 1 + static_cast<int>(countsOf(space, first, sharingOf(space, sharing)).size());
}

OpCounts opCounts(const searchspace::ArchitectureSet& set, const std::string& sharing) {
  const auto& space = *set.space;
  const Sharing s = sharingOf(space, sharing);
  const int cols = opCountColumns(space, sharing);
  OpCounts out;
  out.graphColumns = s.groups.back() == "graph" ? (cols - 1) / 2 : 0;
  out.features = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(set.size()), cols);
  out.degenerate.resize(set.size());
  for (size_t i = 0; i < set.size(); ++i) {
    auto row = out.features.row(static_cast<Eigen::Index>(i));
    row(0) = 1;
    const auto counts = countsOf(space, set.genotypes[i], s);
    for (size_t c = 0; c < counts.size(); ++c) row(static_cast<Eigen::Index>(c + 1)) = counts[c];
    out.degenerate[i] = degenerate(space, set.genotypes[i]);
  }
  return out;
}

} // namespace maple::predict
