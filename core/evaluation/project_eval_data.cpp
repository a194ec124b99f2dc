#include "evaluation/project_eval_data.hpp"

#include "common/error.hpp"
#include "descriptor/from_data.hpp"
#include "evaluation/project_pool.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <cmath>

namespace maple::evaluation {

predict::EvalData loadEvalData(store::Project& project, const searchspace::SearchSpace& space,
                               const std::vector<std::string>& devices, const std::string& kind) {
  predict::EvalData d;
  d.devices = devices;
  d.architectures.space = &space;
  const auto m = store::loadLatencyMatrix(project, space, devices);
  for (const auto& a : m.architectures) {
    d.architectures.genotypes.push_back(a.arch.genotype);
    d.spaceIndex.push_back(a.spaceIndex);
    d.architectureIds.push_back(a.id);
  }
  d.latencyMs.assign(devices.size(), std::vector<double>(m.architectures.size()));
  for (size_t dev = 0; dev < devices.size(); ++dev) {
    d.deviceIds.push_back(store::requireDevice(project, devices[dev]).id);
    bool any = false;
    for (size_t a = 0; a < m.architectures.size(); ++a) {
      d.latencyMs[dev][a] = m.at(a, dev);
      any = any || std::isfinite(m.at(a, dev));
    }
    if (!any) badInput("device '" + devices[dev] + "' has no latencies in " + project.path() + ": measure or import some");
  }
  if (kind != descriptor::kReferenceLatency)
    for (const auto& dev : devices) d.descriptors[dev] = deviceDescriptor(project, space, dev, kind);
  return d;
}

void appendPredictionRows(const predict::SeedRun& run, const predict::EvalData& data,
                          std::vector<store::EvaluationPrediction>& out) {
  for (const auto& [name, preds] : run.predictions) {
    const auto dev = static_cast<size_t>(std::find(data.devices.begin(), data.devices.end(), name) - data.devices.begin());
    for (const auto& p : preds)
      out.push_back({data.deviceIds[dev], data.architectureIds[p.cell], p.predictedMs, p.measuredMs, p.isShot});
  }
}

} // namespace maple::evaluation
