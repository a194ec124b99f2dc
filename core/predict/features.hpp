#pragma once
// Architecture features every method can use: the 6x5 one-hot encoding, then cheap cost features
// (ln MACs, ln params, ln activation bytes of the pruned network) and the live op counts.
#include "searchspace/nb201.hpp"

#include <Eigen/Dense>

#include <span>

namespace maple::predict {

inline constexpr int kArchFeatures = nb201::kEdges * nb201::kOps + 3 + nb201::kOps;
inline constexpr int kLnMacsFeature = nb201::kEdges * nb201::kOps;

// One row per cell, unscaled (the whole space is computed once per process, then looked up).
Eigen::MatrixXd archFeatures(std::span<const nb201::Cell> cells);

} // namespace maple::predict
