#include "evaluation/points.hpp"

#include "common/error.hpp"
#include "predict/metrics.hpp"
#include "searchspace/space.hpp"
#include "store/devices.hpp"
#include "store/evaluations.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace maple::evaluation {
namespace {

DeviceMetrics metricsOf(const Points& p, const std::string& name, const std::vector<size_t>& idx) {
  DeviceMetrics m;
  m.device = name;
  m.points = static_cast<long>(idx.size());
  if (idx.empty()) return m;
  std::vector<double> pred, meas;
  for (auto i : idx) {
    pred.push_back(p.predictedMs[i]);
    meas.push_back(p.measuredMs[i]);
    m.worstError = std::max(m.worstError, 100 * std::abs(p.relativeError(i)));
  }
  const auto s = predict::computeMetrics(pred, meas);
  m.mape = s.mape;
  m.within10 = 100 * s.acc10;
  m.rmseMs = s.rmseMs;
  m.spearman = s.spearman;
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

std::vector<StoredEvaluation> listStoredEvaluations(store::Project& project, const std::string& space) {
  std::vector<StoredEvaluation> out;
  for (const auto& e : store::listEvaluationRows(project))
    if (space.empty() || e.space == space || e.space.empty())
      out.push_back({e.id, e.name, e.method, e.descriptorKind, e.protocol, e.createdAt, e.space, e.shots,
                     store::countEvaluationPredictions(project, e.id)});
  return out;
}

Points loadEvaluation(store::Project& project, std::int64_t evaluationId) {
  const auto row = store::findEvaluation(project, evaluationId);
  if (!row) badInput("evaluation " + std::to_string(evaluationId) + " is not in " + project.path() + ": pick one from the list");
  Points p;
  p.label = (row->name.empty() ? "" : row->name + ": ") + row->method + " on " + row->descriptorKind + ", " +
            std::to_string(row->shots) + " shots (evaluation " + std::to_string(evaluationId) + ")";
  std::map<std::int64_t, std::uint16_t> devices;
  std::map<std::int64_t, std::uint32_t> archs;
  std::map<std::int64_t, std::string> deviceNames;
  for (const auto& d : store::listDevices(project)) deviceNames[d.id] = d.name;
  // Architectures of every space this build knows: an evaluation is of one, whichever it is.
  std::map<std::int64_t, store::Architecture> archById;
  for (const auto& name : store::spacesIn(project))
    if (const auto* space = searchspace::findSpace(name))
      for (auto& a : store::listArchitectures(project, *space)) archById.emplace(a.id, std::move(a));
  for (const auto& e : store::loadEvaluationPredictions(project, evaluationId)) {
    auto d = devices.try_emplace(e.deviceId, static_cast<std::uint16_t>(p.devices.size()));
    if (d.second) p.devices.push_back(deviceNames[e.deviceId]);
    auto a = archs.try_emplace(e.architectureId, static_cast<std::uint32_t>(p.archs.size()));
    if (a.second) {
      const auto it = archById.find(e.architectureId);
      if (it == archById.end())
        badInput("evaluation " + std::to_string(evaluationId) + " refers to architecture " + std::to_string(e.architectureId) +
                 " of a search space this build does not know");
      p.archs.push_back(it->second.arch.canonical());
      p.archIndex.push_back(it->second.spaceIndex.value_or(-1));
    }
    p.device.push_back(d.first->second);
    p.arch.push_back(a.first->second);
    p.predictedMs.push_back(static_cast<float>(e.predictedMs));
    p.measuredMs.push_back(static_cast<float>(e.measuredMs));
    p.isShot.push_back(e.isShot);
  }
  return p;
}

} // namespace maple::evaluation
