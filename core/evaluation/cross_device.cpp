#include "evaluation/cross_device.hpp"

#include "common/error.hpp"
#include "predict/harness.hpp"
#include "predict/pool.hpp"
#include "store/devices.hpp"
#include "store/evaluations.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace maple::evaluation {
namespace {

// Devices with more than `minSamples` latencies; the others are appended to `leftOut`.
std::vector<std::string> devicesWithLatencies(store::Project& project, long minSamples, std::vector<std::string>* leftOut = nullptr) {
  std::vector<std::string> out;
  for (const auto& s : store::listDeviceSummaries(project)) {
    if (s.latencySamples > minSamples) out.push_back(s.device.name);
    else if (leftOut && s.latencySamples > 0) leftOut->push_back(s.device.name);
  }
  return out;
}

// The stored shape of store/evaluations.hpp. Every device is trained on in some folds and tested
// in one: "folds" says which.
std::string metricsJson(const std::vector<std::string>& devices, const std::map<std::string, predict::Metrics>& metrics,
                        const nlohmann::json& folds) {
  std::vector<predict::Metrics> all;
  for (const auto& [name, m] : metrics) all.push_back(m);
  auto j = predict::storedMetrics(metrics, predict::meanMetrics(all), devices, devices);
  j["folds"] = folds;
  return j.dump();
}

} // namespace

const std::vector<std::string>& crossDeviceKinds() { return predict::descriptorKinds(); }

CrossDeviceRun crossDeviceEvaluation(store::Project& project, const CrossDeviceOptions& o,
                                     const predict::ProgressFn& progress) {
  // A test device needs its k shots and at least one more latency to score.
  std::vector<std::string> leftOut;
  const auto devices = devicesWithLatencies(project, o.shots, &leftOut);
  if (o.folds < 2) fail(ErrorKind::Usage, "use at least 2 device folds: one to train on, one to predict");
  if (static_cast<size_t>(o.folds) > devices.size())
    fail(ErrorKind::Usage, "cannot deal " + std::to_string(devices.size()) + " devices with more than " +
                               std::to_string(o.shots) + " latencies into " +
                               std::to_string(o.folds) + " folds: use at most " + std::to_string(devices.size()));
  const auto data = predict::loadEvalData(project, devices, o.descriptorKind);

  Points p;
  p.devices = data.devices;
  for (size_t c = 0; c < data.cells.size(); ++c) {
    p.archs.push_back(nb201::toString(data.cells[c]));
    p.archIndex.push_back(data.spaceIndex[c].value_or(-1));
  }
  predict::EvalOptions e;
  e.method = o.method.empty() ? predict::defaultMethod() : o.method;
  e.descriptorKind = o.descriptorKind;
  e.shots = {o.shots};
  e.seed = o.seed;
  e.threads = o.threads;
  p.label = e.method + " on " + e.descriptorKind + ", " + std::to_string(o.shots) + " shots, " + std::to_string(o.folds) +
            " device folds";
  if (!leftOut.empty()) {
    p.label += " (left out, " + std::to_string(o.shots) + " latencies or fewer:";
    for (const auto& d : leftOut) p.label += " " + d;
    p.label += ")";
  }
  store::EvaluationToSave stored;
  std::map<std::string, predict::Metrics> metrics;
  nlohmann::json folds = nlohmann::json::array();
  for (int fold = 0; fold < o.folds; ++fold) {
    e.trainDevices.clear();
    e.testDevices.clear();
    for (size_t d = 0; d < devices.size(); ++d)
      (static_cast<int>(d % static_cast<size_t>(o.folds)) == fold ? e.testDevices : e.trainDevices).push_back(devices[d]);
    const auto result = predict::evaluate(data, e, [&](double f, const std::string& stage) {
      return !progress || progress((fold + f) / o.folds, "fold " + std::to_string(fold + 1) + "/" + std::to_string(o.folds) + ": " + stage);
    });
    const auto& run = result.results.at(0).runs.at(0);
    metrics.insert(run.devices.begin(), run.devices.end());
    folds.push_back({{"train", e.trainDevices}, {"test", e.testDevices}});
    for (const auto& [name, preds] : run.predictions) {
      const auto dev = static_cast<std::uint16_t>(std::find(data.devices.begin(), data.devices.end(), name) - data.devices.begin());
      for (const auto& s : preds) {
        p.device.push_back(dev);
        p.arch.push_back(static_cast<std::uint32_t>(s.cell));
        p.measuredMs.push_back(static_cast<float>(s.measuredMs));
        p.predictedMs.push_back(static_cast<float>(s.predictedMs));
        p.isShot.push_back(s.isShot);
      }
    }
    predict::appendPredictionRows(run, data, stored.predictions);
  }
  stored.row.method = e.method;
  stored.row.descriptorKind = e.descriptorKind;
  stored.row.protocol = predict::protocolName(e.protocol);
  stored.row.shots = o.shots;
  stored.row.seed = static_cast<std::int64_t>(o.seed);
  stored.row.metricsJson = metricsJson(devices, metrics, folds);
  const auto id = store::saveEvaluations(project, {stored}).at(0);
  p.label += " (evaluation " + std::to_string(id) + ")";
  return {id, std::move(p)};
}

std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const std::vector<nb201::Cell>& cells,
                                     const predict::ProgressFn& progress) {
  store::requireDevice(project, target);
  auto pool = devicesWithLatencies(project, 0);
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

std::vector<size_t> proposeShots(store::Project& project, const std::string& target, predict::ShotPolicy policy,
                                 const std::vector<nb201::Cell>& cells, const std::vector<std::optional<int>>& spaceIndex,
                                 size_t k, std::uint64_t seed, const predict::ProgressFn& progress) {
  const predict::ShotCandidates candidates{cells, spaceIndex};
  if (policy != predict::ShotPolicy::Design || k == 0 || k > cells.size())
    return predict::chooseShots(policy, nullptr, candidates, k, seed); // refuses a bad k before any training
  // Devices with enough latencies to shape the prior (a device being characterised has few).
  auto pool = devicesWithLatencies(project, 100);
  pool.erase(std::remove(pool.begin(), pool.end(), target), pool.end());
  if (pool.size() < 2)
    badInput("the design shot policy needs a pool of at least 2 devices with latencies in " + project.path() +
             ": import a data set (maple import) or choose --shot-policy reference or random");
  const auto trained = predict::train(predict::defaultMethod(), predict::loadTrainingPool(project, pool, "reference-latency"),
                                      {}, progress);
  return predict::chooseShots(policy, trained.get(), candidates, k, seed);
}

} // namespace maple::evaluation
