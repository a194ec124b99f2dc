#include "predict/features.hpp"

#include "searchspace/cost.hpp"

#include <cmath>

namespace maple::predict {
namespace {

Eigen::RowVectorXd compute(const nb201::Cell& cell) {
  Eigen::RowVectorXd f(kArchFeatures);
  int c = 0;
  for (float v : nb201::oneHot(cell)) f(c++) = v;
  const auto cost = nb201::networkCost(cell);
  f(c++) = std::log(cost.macs);
  f(c++) = std::log(cost.params);
  f(c++) = std::log(cost.activationBytes);
  for (int n : nb201::liveOpCounts(cell)) f(c++) = n;
  return f;
}

// Every cell of the space, by cell code: costing a network is the slow part of a prediction, and
// the space is small (15,625 x 38 doubles), so it is done once per process.
const Eigen::MatrixXd& spaceFeatures() {
  static const Eigen::MatrixXd all = [] {
    Eigen::MatrixXd m(nb201::kSpaceSize, kArchFeatures);
    for (int code = 0; code < nb201::kSpaceSize; ++code) m.row(code) = compute(nb201::cellFromCode(code));
    return m;
  }();
  return all;
}

} // namespace

Eigen::MatrixXd archFeatures(std::span<const nb201::Cell> cells) {
  const auto& all = spaceFeatures();
  Eigen::MatrixXd f(static_cast<Eigen::Index>(cells.size()), kArchFeatures);
  for (size_t i = 0; i < cells.size(); ++i) f.row(static_cast<Eigen::Index>(i)) = all.row(nb201::cellCode(cells[i]));
  return f;
}

} // namespace maple::predict
