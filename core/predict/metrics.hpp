#pragma once
// Accuracy metrics of predicted against measured latencies (both in ms, same order).
//   acc1/acc5/acc10  share of architectures with |pred - true| / true <= 1 %, 5 %, 10 %
//   rmse_ms          root mean squared error in ms
//   mape             mean absolute percentage error, in percent
//   spearman         rank correlation (average ranks for ties)
//   kendall          Kendall's tau-b (ties in either list handled), O(n log n)
#include <nlohmann/json.hpp>

#include <span>
#include <vector>

namespace maple::predict {

struct Metrics {
  double acc1 = 0, acc5 = 0, acc10 = 0, rmseMs = 0, mape = 0, spearman = 0, kendall = 0;
};

// BadInput when the lists differ in length, are empty or hold a non-positive measurement.
Metrics computeMetrics(std::span<const double> predictedMs, std::span<const double> measuredMs);
// Mean of each metric.
Metrics meanMetrics(std::span<const Metrics> all);

nlohmann::json toJson(const Metrics& m);
Metrics metricsFromJson(const nlohmann::json& j); // BadInput naming a missing key

double spearman(std::span<const double> a, std::span<const double> b);
double kendallTauB(std::span<const double> a, std::span<const double> b);

} // namespace maple::predict
