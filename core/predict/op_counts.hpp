#pragma once
// Operation counts of an architecture, the features of the per-operation cost model (method
// opcost): a base cost, then the counts of one "sharing" of the space's op-count groups
// (SearchSpace::opCounts), i.e. which operations are assumed to cost the same.
//   nb201  one sharing, "eager+graph": the eager counts (every non-none edge runs, PyTorch-style)
//          then the graph counts (an edge runs only if its result reaches the cell output, as a
//          graph compiler executes it), of skip_connect, conv1x1, conv3x3, avg_pool (none is the
//          baseline). A degenerate cell has no path from its input to its output; graph runtimes
//          can fold the whole network to a constant there, so such cells form their own regime.
//   fbnet  "stage_block" (a cost per block per stage), "shape" (per kernel size, expansion,
//          grouping and skip), "layer_block" (per block per layer) or "shape+stage_block" (both
//          groups: under opcost's isotropic wide prior a (stage, block) cost then shrinks towards
//          its shape's); opcost chooses among them by cross-validation on the training devices.
//          No FBNet architecture is degenerate.
// A sharing named "a+b" concatenates the space's groups a and b.
#include "searchspace/architecture.hpp"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace maple::predict {

struct OpCounts {
  Eigen::MatrixXd features;     // architectures x columns: 1, then the sharing's counts
  std::vector<bool> degenerate; // per architecture
  int graphColumns = 0;         // trailing columns that count graph-compiled work (nb201: 4)
};

// The sharings a space offers; opcost cross-validates among them, the first winning ties.
const std::vector<std::string>& opCountSharings(const searchspace::SearchSpace& space);
// Usage naming the space's sharings for one it does not offer.
OpCounts opCounts(const searchspace::ArchitectureSet& architectures, const std::string& sharing);
// Columns of opCounts(.., sharing).features.
int opCountColumns(const searchspace::SearchSpace& space, const std::string& sharing);

} // namespace maple::predict
