#include "measure/stats.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cmath>

namespace maple::measure {

double quantile(std::vector<double> values, double q) {
  if (values.empty()) badInput("quantile of no values");
  std::sort(values.begin(), values.end());
  const double pos = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Summary summarise(const std::vector<double>& values) {
  if (values.empty()) badInput("no timings to summarise");
  Summary s;
  s.count = static_cast<int>(values.size());
  s.medianMs = quantile(values, 0.5);
  s.q1Ms = quantile(values, 0.25);
  s.q3Ms = quantile(values, 0.75);
  const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
  s.minMs = *mn;
  s.maxMs = *mx;
  return s;
}

} // namespace maple::measure
