#pragma once
// Operation counts of a cell under the two ways runtimes execute a NAS-Bench-201 network, the
// features of the per-operation cost model (method opcost):
//   eager  every non-none edge runs (PyTorch-style execution of the cell as written);
//   graph  an edge runs only if its result reaches the cell output (a graph compiler removes dead
//          ends; ops on all-zero inputs still run), as on the data set's TFLite-measured devices.
// A degenerate cell has no path from its input to its output; graph runtimes can fold the whole
// network to a constant there, so such cells form their own regime.
#include "searchspace/nb201.hpp"

#include <Eigen/Dense>

#include <span>

namespace maple::predict {

// Columns: 1, eager counts of skip_connect, conv1x1, conv3x3, avg_pool (none is the baseline),
// then the graph counts of the same four ops.
inline constexpr int kOpCountFeatures = 9;

struct OpCounts {
  Eigen::MatrixXd features;     // cells x kOpCountFeatures
  std::vector<bool> degenerate; // per cell
};

OpCounts opCounts(std::span<const nb201::Cell> cells);

} // namespace maple::predict
