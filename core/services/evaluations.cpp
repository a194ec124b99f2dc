#include "evaluation/project_eval_data.hpp"
#include "services/evaluations.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "services/devices.hpp"
#include "services/spaces.hpp"
#include "store/devices.hpp"
#include "store/evaluations.hpp"

#include <algorithm>
#include <map>

namespace maple::services {
namespace {

// Devices with more than `minArchs` measured architectures of the space; the others with any go to
// `leftOut`, and devices with none in it are not candidates at all.
std::vector<std::string> devicesWithLatencies(store::Project& project, const searchspace::SearchSpace& space, long minArchs,
                                              std::vector<std::string>& leftOut) {
  std::vector<std::string> out;
  for (const auto& s : store::listDeviceSummaries(project)) {
    const auto measured = s.measuredIn(space.name());
    if (measured > minArchs) out.push_back(s.device.name);
    else if (measured > 0) leftOut.push_back(s.device.name);
  }
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void appendPoints(const predict::SeedRun& run, const predict::EvalData& data, evaluation::Points& p) {
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
}

std::string label(const CrossDeviceRequest& r, const std::string& method, const std::vector<std::string>& leftOut) {
  std::string l = (r.name.empty() ? "" : r.name + ": ") + method + " on " + r.descriptorKind + ", " +
                  std::to_string(r.shots) + " shots, " + std::to_string(r.folds) + " device folds (chips kept whole)" +
                  (r.protocol == predict::EvalProtocol::Help ? ", HELP's query set" : "");
  if (!leftOut.empty()) l += " (left out, " + std::to_string(r.shots) + " latencies or fewer: " + joined(leftOut) + ")";
  return l;
}

std::vector<store::EvaluationToSave> toRows(const predict::EvalResult& r, const predict::EvalData& data) {
  std::vector<store::EvaluationToSave> out;
  for (const auto& s : r.results)
    for (size_t i = 0; i < s.runs.size(); ++i) {
      const auto& run = s.runs[i];
      store::EvaluationToSave e;
      e.row.method = r.options.method;
      e.row.descriptorKind = r.options.descriptorKind;
      e.row.protocol = predict::protocolName(r.options.protocol);
      e.row.shots = s.shots;
      e.row.seed = static_cast<std::int64_t>(run.seed);
      auto metrics = predict::storedMetrics(run.devices, run.mean, r.options.trainDevices, r.options.testDevices);
      metrics["shot_policy"] = predict::shotPolicyName(r.options.shotPolicy);
      e.row.metricsJson = metrics.dump();
      // Predictions of the first seed only: enough for the scatter view, and a 10-seed run of
      // six devices would otherwise add a million rows.
      if (i == 0) evaluation::appendPredictionRows(run, data, e.predictions);
      out.push_back(std::move(e));
    }
  return out;
}

} // namespace

DeviceEvaluation evaluateDevices(store::Project& project, const predict::EvalOptions& options, const std::string& space,
                                 const predict::ProgressFn& progress) {
  auto o = options;
  if (o.method.empty()) o.method = predict::defaultMethod();
  const auto& methods = predict::methodNames();
  if (std::find(methods.begin(), methods.end(), o.method) == methods.end())
    predict::train(o.method, {}, {}); // throws Usage naming the known methods
  auto devices = o.trainDevices;
  devices.insert(devices.end(), o.testDevices.begin(), o.testDevices.end());
  const auto data = evaluation::loadEvalData(project, resolveSpace(project, space), devices, o.descriptorKind);
  DeviceEvaluation out;
  out.result = predict::evaluate(data, o, [&](double f, const std::string& stage) { return !progress || progress(0.99 * f, stage); });
  const auto rows = toRows(out.result, data);
  if (progress && !progress(1.0, "storing")) fail(ErrorKind::Cancelled, "evaluation cancelled: nothing was stored");
  out.evaluationIds = store::saveEvaluations(project, rows);
  return out;
}

std::vector<std::vector<std::string>> chipFolds(store::Project& project, const std::vector<std::string>& devices, int folds) {
  if (folds < 2) fail(ErrorKind::Usage, "use at least 2 device folds: one to train on, one to predict");
  // Chips: each device joins the chip of the first listed device it shares hardware with.
  std::vector<std::vector<std::string>> chips;
  for (const auto& d : devices) {
    const auto siblings = sameChipDevices(project, d);
    auto it = std::find_if(chips.begin(), chips.end(), [&](const auto& chip) {
      return std::find(siblings.begin(), siblings.end(), chip.front()) != siblings.end();
    });
    if (it == chips.end()) chips.push_back({d});
    else it->push_back(d);
  }
  if (chips.size() < static_cast<size_t>(folds))
    fail(ErrorKind::Usage, "cannot deal " + std::to_string(chips.size()) + " chips (" + std::to_string(devices.size()) +
                               " devices, same-chip devices kept together) into " + std::to_string(folds) +
                               " folds: use at most " + std::to_string(chips.size()));
  // Largest chips first, each to the fold with the fewest devices (the first of those on a tie).
  std::stable_sort(chips.begin(), chips.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::vector<std::string>> out(static_cast<size_t>(folds));
  for (const auto& chip : chips) {
    auto fold = std::min_element(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    fold->insert(fold->end(), chip.begin(), chip.end());
  }
  for (auto& f : out) std::sort(f.begin(), f.end());
  return out;
}

CrossDeviceRun crossDeviceEvaluation(store::Project& project, const CrossDeviceRequest& r, const predict::ProgressFn& progress) {
  const auto& space = resolveSpace(project, r.space);
  std::vector<std::string> leftOut;
  auto devices = r.devices;
  if (devices.empty()) devices = devicesWithLatencies(project, space, r.shots, leftOut);
  CrossDeviceRun out;
  out.folds = chipFolds(project, devices, r.folds);
  const auto data = evaluation::loadEvalData(project, space, devices, r.descriptorKind);

  auto& p = out.points;
  p.devices = data.devices;
  for (size_t c = 0; c < data.architectures.size(); ++c) {
    p.archs.push_back(data.architectures.canonical(c));
    p.archIndex.push_back(data.spaceIndex[c].value_or(-1));
  }
  predict::EvalOptions e;
  e.method = r.method.empty() ? predict::defaultMethod() : r.method;
  e.descriptorKind = r.descriptorKind;
  e.protocol = r.protocol;
  e.shots = {r.shots};
  e.seed = r.seed;
  e.threads = r.threads;
  p.label = label(r, e.method, leftOut);

  store::EvaluationToSave stored;
  std::map<std::string, predict::Metrics> metrics;
  nlohmann::json folds = nlohmann::json::array();
  const int n = static_cast<int>(out.folds.size());
  for (int fold = 0; fold < n; ++fold) {
    e.testDevices = out.folds[static_cast<size_t>(fold)];
    e.trainDevices.clear();
    for (int other = 0; other < n; ++other)
      if (other != fold)
        e.trainDevices.insert(e.trainDevices.end(), out.folds[static_cast<size_t>(other)].begin(),
                              out.folds[static_cast<size_t>(other)].end());
    const auto result = predict::evaluate(data, e, [&](double f, const std::string& stage) {
      return !progress || progress(0.99 * (fold + f) / n, "fold " + std::to_string(fold + 1) + "/" + std::to_string(n) + ": " + stage);
    });
    const auto& run = result.results.at(0).runs.at(0);
    metrics.insert(run.devices.begin(), run.devices.end());
    folds.push_back({{"train", e.trainDevices}, {"test", e.testDevices}});
    appendPoints(run, data, p);
    evaluation::appendPredictionRows(run, data, stored.predictions);
  }
  std::vector<predict::Metrics> all;
  for (const auto& [name, m] : metrics) all.push_back(m);
  auto j = predict::storedMetrics(metrics, predict::meanMetrics(all), devices, devices);
  j["folds"] = folds;
  j["same_chip_folds"] = true;
  stored.row.method = e.method;
  stored.row.descriptorKind = e.descriptorKind;
  stored.row.protocol = predict::protocolName(e.protocol);
  stored.row.shots = r.shots;
  stored.row.seed = static_cast<std::int64_t>(r.seed);
  stored.row.metricsJson = j.dump();
  stored.row.name = r.name;
  if (progress && !progress(1.0, "storing")) fail(ErrorKind::Cancelled, "evaluation cancelled: nothing was stored");
  out.evaluationId = store::saveEvaluations(project, {stored}).at(0);
  p.label += " (evaluation " + std::to_string(out.evaluationId) + ")";
  return out;
}

std::vector<EvaluationListing> listEvaluations(store::Project& project, const std::string& space) {
  return evaluation::listStoredEvaluations(project, space);
}

evaluation::Points loadEvaluation(store::Project& project, std::int64_t id) { return evaluation::loadEvaluation(project, id); }

void renameEvaluation(store::Project& project, std::int64_t id, const std::string& name) {
  if (text::trim(name).empty()) fail(ErrorKind::Usage, "give the evaluation a name that is not empty");
  store::renameEvaluation(project, id, std::string(text::trim(name)));
}

void deleteEvaluation(store::Project& project, std::int64_t id) { store::deleteEvaluation(project, id); }

} // namespace maple::services
