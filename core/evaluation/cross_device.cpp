#include "evaluation/cross_device.hpp"

#include "common/error.hpp"
#include "predict/pool.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <cmath>

namespace maple::evaluation {
namespace {

std::vector<std::string> devicesWithLatencies(store::Project& project) {
  std::vector<std::string> out;
  for (const auto& s : store::listDeviceSummaries(project))
    if (s.measuredArchitectures > 0) out.push_back(s.device.name);
  return out;
}

} // namespace

std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const std::vector<nb201::Cell>& cells,
                                     const predict::ProgressFn& progress) {
  store::requireDevice(project, target);
  auto pool = devicesWithLatencies(project);
  pool.erase(std::remove(pool.begin(), pool.end(), target), pool.end());
  predict::Target t;
  t.device = target;
  t.descriptor = predict::deviceDescriptor(project, target, kind);
  // The current predictor of the target knows every latency measured on it so far.
  const auto measured = store::loadLatencyMatrix(project, {target});
  for (size_t a = 0; a < measured.architectures.size(); ++a)
    if (std::isfinite(measured.at(a, 0))) t.shots.push_back({measured.architectures[a].cell, measured.at(a, 0)});
  const auto trained = predict::train(method, predict::loadTrainingPool(project, pool, kind), {}, progress);
  const auto adapted = trained->adapt(t, progress);
  std::vector<double> spread;
  adapted->predictMs(cells, &spread);
  if (spread.size() != cells.size())
    badInput("method '" + method + "' reports no uncertainty: choose one that does (opcost, lowrank) for most-uncertain selection");
  return spread;
}

} // namespace maple::evaluation
