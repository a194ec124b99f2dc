#pragma once
// Architecture features every method can use: the space's one-hot encoding (positions x choices),
// then cheap cost features (ln MACs, ln params, ln activation bytes of the network) and the counts
// of the space's last op-count group (NAS-Bench-201: the live op counts).
#include "searchspace/architecture.hpp"

#include <Eigen/Dense>

namespace maple::predict {

// Columns of archFeatures for architectures of `space`.
int featureCount(const searchspace::SearchSpace& space);
// The column of ln MACs.
int lnMacsFeature(const searchspace::SearchSpace& space);
// The feature names in column order (what a predictor file records as its feature layout).
std::vector<std::string> featureNames(const searchspace::SearchSpace& space);

// One row per architecture, unscaled. Enumerable spaces compute the whole space once per process
// and look rows up; an additive one (FBNet) sums its cost table per call (cost_rows.hpp).
Eigen::MatrixXd archFeatures(const searchspace::ArchitectureSet& architectures);

} // namespace maple::predict
