#include "evaluation/points.hpp"

#include "common/error.hpp"
#include "searchspace/nb201.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace maple::evaluation {
namespace {

std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double mid = (static_cast<double>(i) + static_cast<double>(j)) / 2.0; // ties share their mean rank
    for (size_t k = i; k <= j; ++k) r[order[k]] = mid;
    i = j + 1;
  }
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  if (a.size() < 2) return 0;
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
}

DeviceMetrics metricsOf(const Points& p, const std::string& name, const std::vector<size_t>& idx) {
  DeviceMetrics m;
  m.device = name;
  m.points = static_cast<long>(idx.size());
  if (idx.empty()) return m;
  double sumAbs = 0, sumSq = 0;
  long within = 0;
  std::vector<double> meas, pred;
  meas.reserve(idx.size());
  pred.reserve(idx.size());
  for (auto i : idx) {
    const double e = std::abs(p.relativeError(i));
    sumAbs += e;
    within += e <= 0.10;
    m.worstError = std::max(m.worstError, 100 * e);
    const double d = p.predictedMs[i] - p.measuredMs[i];
    sumSq += d * d;
    meas.push_back(p.measuredMs[i]);
    pred.push_back(p.predictedMs[i]);
  }
  const double n = static_cast<double>(idx.size());
  m.mape = 100 * sumAbs / n;
  m.within10 = 100 * static_cast<double>(within) / n;
  m.rmseMs = std::sqrt(sumSq / n);
  m.spearman = pearson(ranks(meas), ranks(pred));
  return m;
}

} // namespace

std::vector<DeviceMetrics> deviceMetrics(const Points& p) {
  std::vector<std::vector<size_t>> byDevice(p.devices.size());
  std::vector<size_t> all;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.isShot[i]) continue;
    byDevice[p.device[i]].push_back(i);
    all.push_back(i);
  }
  std::vector<DeviceMetrics> out;
  for (size_t d = 0; d < p.devices.size(); ++d) out.push_back(metricsOf(p, p.devices[d], byDevice[d]));
  out.push_back(metricsOf(p, "all", all));
  return out;
}

std::vector<size_t> worstPoints(const Points& p, size_t n) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < p.size(); ++i)
    if (!p.isShot[i]) idx.push_back(i);
  n = std::min(n, idx.size());
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(n), idx.end(), [&](size_t a, size_t b) {
    return std::abs(p.relativeError(a)) > std::abs(p.relativeError(b));
  });
  idx.resize(n);
  return idx;
}

std::vector<long> errorHistogram(const Points& p, double lo, double hi, int bins) {
  if (bins < 1 || !(hi > lo)) fail(ErrorKind::Usage, "a histogram needs at least one bin and hi > lo");
  std::vector<long> h(static_cast<size_t>(bins), 0);
  const double width = (hi - lo) / bins;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.isShot[i]) continue;
    const int b = static_cast<int>(std::floor((100 * p.relativeError(i) - lo) / width));
    ++h[static_cast<size_t>(std::clamp(b, 0, bins - 1))];
  }
  return h;
}

std::vector<StoredEvaluation> listEvaluations(store::Project& project) {
  auto st = project.db().prepare(
      "SELECT e.id, e.method, e.descriptor_kind, e.protocol, e.created_at, e.shots, "
      "  (SELECT count(*) FROM evaluation_predictions p WHERE p.evaluation_id = e.id) "
      "FROM evaluations e ORDER BY e.id DESC");
  std::vector<StoredEvaluation> out;
  while (st.step())
    out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), static_cast<int>(st.int64(5)), static_cast<long>(st.int64(6))});
  return out;
}

Points loadEvaluation(store::Project& project, std::int64_t evaluationId) {
  Points p;
  {
    auto st = project.db().prepare("SELECT method, descriptor_kind, shots FROM evaluations WHERE id = ?1");
    st.bind(1, evaluationId);
    if (!st.step())
      badInput("evaluation " + std::to_string(evaluationId) + " is not in " + project.path() + ": pick one from the list");
    p.label = st.text(0) + " on " + st.text(1) + ", " + std::to_string(st.int64(2)) + " shots (evaluation " +
              std::to_string(evaluationId) + ")";
  }
  auto st = project.db().prepare(
      "SELECT d.name, a.arch_str, a.space_index, p.predicted_ms, p.measured_ms, p.is_shot "
      "FROM evaluation_predictions p JOIN devices d ON d.id = p.device_id JOIN architectures a ON a.id = p.architecture_id "
      "WHERE p.evaluation_id = ?1 ORDER BY p.device_id, p.architecture_id");
  st.bind(1, evaluationId);
  std::map<std::string, std::uint16_t> devices;
  std::map<std::string, std::uint32_t> archs;
  while (st.step()) {
    const auto dev = st.text(0), arch = st.text(1);
    auto d = devices.try_emplace(dev, static_cast<std::uint16_t>(p.devices.size()));
    if (d.second) p.devices.push_back(dev);
    auto a = archs.try_emplace(arch, static_cast<std::uint32_t>(p.archs.size()));
    if (a.second) {
      p.archs.push_back(arch);
      p.archIndex.push_back(st.isNull(2) ? -1 : static_cast<int>(st.int64(2)));
    }
    p.device.push_back(d.first->second);
    p.arch.push_back(a.first->second);
    p.predictedMs.push_back(static_cast<float>(st.real(3)));
    p.measuredMs.push_back(static_cast<float>(st.real(4)));
    p.isShot.push_back(static_cast<std::uint8_t>(st.int64(5) != 0));
  }
  return p;
}

} // namespace maple::evaluation
