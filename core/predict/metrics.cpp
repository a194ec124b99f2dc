#include "predict/metrics.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace maple::predict {
namespace {

std::vector<double> averageRanks(std::span<const double> v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> rank(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double r = 0.5 * static_cast<double>(i + j) + 1;
    for (size_t t = i; t <= j; ++t) rank[order[t]] = r;
    i = j + 1;
  }
  return rank;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
}

// Pairs tied in a run of equal values: sum of t(t-1)/2.
template <class Eq> double tiedPairs(size_t n, Eq equal) {
  double ties = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && equal(i, j)) ++j;
    const double t = static_cast<double>(j - i);
    ties += t * (t - 1) / 2;
    i = j;
  }
  return ties;
}

// Sorts v in place and returns the number of inversions (exchanges a bubble sort would make).
double mergeSortInversions(std::vector<double>& v, std::vector<double>& tmp, size_t lo, size_t hi) {
  if (hi - lo < 2) return 0;
  const size_t mid = (lo + hi) / 2;
  double swaps = mergeSortInversions(v, tmp, lo, mid) + mergeSortInversions(v, tmp, mid, hi);
  size_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    if (v[j] < v[i]) swaps += static_cast<double>(mid - i), tmp[k++] = v[j++];
    else tmp[k++] = v[i++];
  }
  while (i < mid) tmp[k++] = v[i++];
  while (j < hi) tmp[k++] = v[j++];
  std::copy(tmp.begin() + static_cast<std::ptrdiff_t>(lo), tmp.begin() + static_cast<std::ptrdiff_t>(hi),
            v.begin() + static_cast<std::ptrdiff_t>(lo));
  return swaps;
}

} // namespace

double spearman(std::span<const double> a, std::span<const double> b) { return pearson(averageRanks(a), averageRanks(b)); }

// Knight's algorithm: sort by (a, b), count ties, then count the inversions of b.
double kendallTauB(std::span<const double> a, std::span<const double> b) {
  const size_t n = a.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t i, size_t j) { return a[i] < a[j] || (a[i] == a[j] && b[i] < b[j]); });
  const double n0 = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  const double n1 = tiedPairs(n, [&](size_t i, size_t j) { return a[order[i]] == a[order[j]]; });
  const double n3 = tiedPairs(n, [&](size_t i, size_t j) {
    return a[order[i]] == a[order[j]] && b[order[i]] == b[order[j]];
  });
  std::vector<double> bs(n), tmp(n);
  for (size_t i = 0; i < n; ++i) bs[i] = b[order[i]];
  const double swaps = mergeSortInversions(bs, tmp, 0, n);
  const double n2 = tiedPairs(n, [&](size_t i, size_t j) { return bs[i] == bs[j]; });
  const double denom = std::sqrt((n0 - n1) * (n0 - n2));
  return denom > 0 ? (n0 - n1 - n2 + n3 - 2 * swaps) / denom : 0;
}

Metrics computeMetrics(std::span<const double> pred, std::span<const double> meas) {
  if (pred.size() != meas.size())
    badInput("metrics need as many predictions as measurements (" + std::to_string(pred.size()) + " vs " +
             std::to_string(meas.size()) + ")");
  if (meas.empty()) badInput("metrics need at least one measured architecture");
  Metrics m;
  double sq = 0, ape = 0;
  size_t in1 = 0, in5 = 0, in10 = 0;
  for (size_t i = 0; i < meas.size(); ++i) {
    if (!(meas[i] > 0)) badInput("a measured latency is not positive (" + std::to_string(meas[i]) + " ms)");
    const double rel = std::abs(pred[i] - meas[i]) / meas[i];
    in1 += rel <= 0.01;
    in5 += rel <= 0.05;
    in10 += rel <= 0.10;
    ape += rel;
    sq += (pred[i] - meas[i]) * (pred[i] - meas[i]);
  }
  const double n = static_cast<double>(meas.size());
  m.acc1 = static_cast<double>(in1) / n;
  m.acc5 = static_cast<double>(in5) / n;
  m.acc10 = static_cast<double>(in10) / n;
  m.rmseMs = std::sqrt(sq / n);
  m.mape = 100 * ape / n;
  m.spearman = spearman(pred, meas);
  m.kendall = kendallTauB(pred, meas);
  return m;
}

void addCoverage(Metrics& m, std::span<const double> pred, std::span<const double> meas, std::span<const double> spread) {
  if (pred.size() != meas.size() || spread.size() != meas.size())
    badInput("coverage needs a prediction and a spread per measurement");
  if (meas.empty()) return;
  size_t in68 = 0, in95 = 0;
  for (size_t i = 0; i < meas.size(); ++i) {
    const double z = std::abs(std::log(pred[i] / meas[i])) / spread[i];
    in68 += z <= 1.0;
    in95 += z <= 1.96;
  }
  m.coverage68 = static_cast<double>(in68) / static_cast<double>(meas.size());
  m.coverage95 = static_cast<double>(in95) / static_cast<double>(meas.size());
}

namespace {
// Every scalar field of Metrics, for the per-field mean and sd.
constexpr double Metrics::*kFields[] = {&Metrics::acc1, &Metrics::acc5,     &Metrics::acc10,  &Metrics::rmseMs,
                                        &Metrics::mape, &Metrics::spearman, &Metrics::kendall};
constexpr std::optional<double> Metrics::*kOptional[] = {&Metrics::coverage68, &Metrics::coverage95};

// mean (sd = false) or sample standard deviation of each field.
Metrics combine(std::span<const Metrics> all, bool sd) {
  Metrics out;
  auto reduce = [sd](const std::vector<double>& v) {
    double mean = 0;
    for (double x : v) mean += x / static_cast<double>(v.size());
    if (!sd) return mean;
    if (v.size() < 2) return 0.0;
    double sq = 0;
    for (double x : v) sq += (x - mean) * (x - mean);
    return std::sqrt(sq / static_cast<double>(v.size() - 1));
  };
  if (all.empty()) return out;
  for (auto f : kFields) {
    std::vector<double> v;
    for (const auto& m : all) v.push_back(m.*f);
    out.*f = reduce(v);
  }
  for (auto f : kOptional) {
    std::vector<double> v;
    for (const auto& m : all)
      if (m.*f) v.push_back(*(m.*f));
    if (!v.empty()) out.*f = reduce(v);
  }
  out.inSample = std::any_of(all.begin(), all.end(), [](const Metrics& m) { return m.inSample; });
  return out;
}
} // namespace

Metrics meanMetrics(std::span<const Metrics> all) { return combine(all, false); }
Metrics sdMetrics(std::span<const Metrics> all) { return combine(all, true); }

nlohmann::json toJson(const Metrics& m) {
  nlohmann::json j{{"acc1", m.acc1}, {"acc5", m.acc5}, {"acc10", m.acc10}, {"rmse_ms", m.rmseMs},
                   {"mape", m.mape}, {"spearman", m.spearman}, {"kendall", m.kendall}};
  if (m.coverage68) j["coverage68"] = *m.coverage68;
  if (m.coverage95) j["coverage95"] = *m.coverage95;
  if (m.inSample) j["in_sample"] = true;
  return j;
}

Metrics metricsFromJson(const nlohmann::json& j) {
  Metrics m;
  try {
    m.acc1 = j.at("acc1").get<double>();
    m.acc5 = j.at("acc5").get<double>();
    m.acc10 = j.at("acc10").get<double>();
    m.rmseMs = j.at("rmse_ms").get<double>();
    m.mape = j.at("mape").get<double>();
    m.spearman = j.at("spearman").get<double>();
    m.kendall = j.at("kendall").get<double>();
    if (j.contains("coverage68")) m.coverage68 = j.at("coverage68").get<double>();
    if (j.contains("coverage95")) m.coverage95 = j.at("coverage95").get<double>();
    m.inSample = j.value("in_sample", false);
  } catch (const nlohmann::json::exception& e) {
    badInput(std::string("metrics record is incomplete (") + e.what() + ")");
  }
  return m;
}

} // namespace maple::predict
