#pragma once
// Accuracy metrics of predicted against measured latencies (both in ms, same order).
//   acc1/acc5/acc10  share of architectures with |pred - true| / true <= 1 %, 5 %, 10 %
//   rmse_ms          root mean squared error in ms
//   mape             mean absolute percentage error, in percent
//   spearman         rank correlation (average ranks for ties)
//   kendall          Kendall's tau-b (ties in either list handled), O(n log n)
//   coverage68/95    calibration of a method's spread: share of unmeasured architectures whose
//                    ln-error lies inside the 1-sigma (68 %) and 1.96-sigma (95 %) bands; absent when
//                    the method reports no spread
#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <vector>

namespace maple::predict {

struct Metrics {
  double acc1 = 0, acc5 = 0, acc10 = 0, rmseMs = 0, mape = 0, spearman = 0, kendall = 0;
  std::optional<double> coverage68, coverage95;
  // Scored on the shots themselves: every scored architecture was a shot (a fit's ceiling, not a
  // prediction); "in_sample": true in JSON.
  bool inSample = false;
};

// BadInput when the lists differ in length, are empty or hold a non-positive measurement.
Metrics computeMetrics(std::span<const double> predictedMs, std::span<const double> measuredMs);
// Sets coverage68/95 from the predictions, measurements and 1-sigma ln-spreads given (same order;
// callers pass the unmeasured architectures only). BadInput on differing lengths.
void addCoverage(Metrics& m, std::span<const double> predictedMs, std::span<const double> measuredMs,
                 std::span<const double> spread);
// Mean of each metric (coverage over the entries that have it).
Metrics meanMetrics(std::span<const Metrics> all);
// Sample standard deviation of each metric (0 for fewer than two).
Metrics sdMetrics(std::span<const Metrics> all);

nlohmann::json toJson(const Metrics& m);
Metrics metricsFromJson(const nlohmann::json& j); // BadInput naming a missing key

double spearman(std::span<const double> a, std::span<const double> b);
double kendallTauB(std::span<const double> a, std::span<const double> b);

} // namespace maple::predict
