#include "predict/op_counts.hpp"

#include "common/error.hpp"
#include "predict/cost_rows.hpp"

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

// The cost-row columns (cost_rows.hpp) of the sharing's counts, baseline labels left out.
std::vector<int> sharingColumns(const searchspace::SearchSpace& space, const std::string& sharing) {
  const Sharing s = sharingOf(space, sharing);
  const auto groups = costGroups(space);
  std::vector<int> columns;
  for (const auto& name : s.groups)
    for (const auto& group : groups)
      if (group.name == name)
        for (size_t i = 0; i < group.labels.size(); ++i)
          if (group.labels[i] != s.baseline) columns.push_back(group.firstColumn + static_cast<int>(i));
  return columns;
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
  return 1 + static_cast<int>(sharingColumns(space, sharing).size());
}

OpCounts opCounts(const searchspace::ArchitectureSet& set, const std::string& sharing) {
  const auto& space = *set.space;
  const auto columns = sharingColumns(space, sharing);
  OpCounts out;
  out.graphColumns = sharingOf(space, sharing).groups.back() == "graph" ? static_cast<int>(columns.size()) / 2 : 0;
  out.features.resize(static_cast<Eigen::Index>(set.size()), 1 + static_cast<Eigen::Index>(columns.size()));
  out.features.col(0).setOnes();
  out.features.rightCols(static_cast<Eigen::Index>(columns.size())) = costRows(set, columns);
  out.degenerate.resize(set.size());
  for (size_t i = 0; i < set.size(); ++i) out.degenerate[i] = degenerate(space, set.genotypes[i]);
  return out;
}

} // namespace maple::predict
