#pragma once
// Robust summary of repeated timings: median and quartiles (linear interpolation between order
// statistics, as numpy's default), so one slow outlier run cannot move the figure.
#include <vector>

namespace maple::measure {

struct Summary {
  int count = 0;
  double medianMs = 0, q1Ms = 0, q3Ms = 0, minMs = 0, maxMs = 0;
  double iqrMs() const { return q3Ms - q1Ms; }
  // IQR / median: the spread relative to the figure we report.
  double relativeSpread() const { return medianMs > 0 ? iqrMs() / medianMs : 0; }
};

// Quantile q in [0, 1] of values (any order); values must not be empty.
double quantile(std::vector<double> values, double q);
Summary summarise(const std::vector<double>& values); // BadInput when empty

} // namespace maple::measure
