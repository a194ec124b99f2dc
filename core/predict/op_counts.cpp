#include "predict/op_counts.hpp"

namespace maple::predict {

OpCounts opCounts(std::span<const nb201::Cell> cells) {
  OpCounts out;
  out.features = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(cells.size()), kOpCountFeatures);
  out.degenerate.resize(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto& cell = cells[i];
    const auto live = nb201::liveness(cell);
    auto row = out.features.row(static_cast<Eigen::Index>(i));
    row(0) = 1;
    for (int e = 0; e < nb201::kEdges; ++e) {
      const int op = static_cast<int>(cell.ops[static_cast<size_t>(e)]);
      if (op == static_cast<int>(nb201::Op::None)) continue;
      row(op) += 1;
      if (live.nodeReachesOut[static_cast<size_t>(nb201::kEdgeList[static_cast<size_t>(e)].to)]) row(4 + op) += 1;
    }
    out.degenerate[i] = !live.nodeHasData[nb201::kNodes - 1];
  }
  return out;
}

} // namespace maple::predict
