#pragma once
// Architectures' cost rows (searchspace/additive_costs.hpp's columns: MACs, params, activation
// bytes, then every op-count group's counts), what archFeatures and opCounts are made of. No
// network is built and no label made per architecture: an additive space (FBNet) sums its
// (position, choice) table per call; an enumerable one (NAS-Bench-201) is costed whole once per
// process and its rows looked up.
#include "searchspace/architecture.hpp"

#include <Eigen/Dense>

#include <span>
#include <string>
#include <vector>

namespace maple::predict {

// An op-count group's place in the cost row.
struct CostGroup {
  std::string name;
  std::vector<std::string> labels;
  int firstColumn;
};
std::vector<CostGroup> costGroups(const searchspace::SearchSpace& space);

// Cost-row columns `columns` of each architecture (architectures x columns).
Eigen::MatrixXd costRows(const searchspace::ArchitectureSet& architectures, std::span<const int> columns);

} // namespace maple::predict
