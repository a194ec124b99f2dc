#include "predict/features.hpp"

#include "searchspace/cost.hpp"

#include <cmath>

namespace maple::predict {

Eigen::MatrixXd archFeatures(std::span<const nb201::Cell> cells) {
  Eigen::MatrixXd f(static_cast<Eigen::Index>(cells.size()), kArchFeatures);
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    const auto hot = nb201::oneHot(cells[i]);
    int c = 0;
    for (float v : hot) f(row, c++) = v;
    const auto cost = nb201::networkCost(cells[i]);
    f(row, c++) = std::log(cost.macs);
    f(row, c++) = std::log(cost.params);
    f(row, c++) = std::log(cost.activationBytes);
    for (int n : nb201::liveOpCounts(cells[i])) f(row, c++) = n;
  }
  return f;
}

} // namespace maple::predict
