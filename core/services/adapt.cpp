#include "services/adapt.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "descriptor/from_data.hpp"
#include "evaluation/project_pool.hpp"
#include "predict/shot_policy.hpp"
#include "predictfile/from_predictor.hpp"
#include "services/devices.hpp"
#include "services/measure.hpp"
#include "services/predictors.hpp"
#include "services/spaces.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <algorithm>

namespace maple::services {
namespace {

void checkRequest(store::Project& project, const AdaptRequest& r, const std::vector<std::string>& train) {
  store::requireDevice(project, r.target);
  if (r.shots < 0) fail(ErrorKind::Usage, "shots must be 0 (every measured architecture) or more");
  if (r.parent) return; // trained elsewhere: its devices need not be in this project
  if (train.empty())
    badInput("no training devices: the project has no device with latencies other than " + text::quote(r.target) +
             " (import a data set or measure another device)");
  for (const auto& d : train) {
    if (d == r.target)
      fail(ErrorKind::Usage, "the target " + text::quote(r.target) + " is among the training devices: leave it out");
    store::requireDevice(project, d);
  }
}

// The target's measured architectures of the space, each with the median of its samples, in
// store order.
struct Measured {
  searchspace::ArchitectureSet architectures;
  std::vector<std::optional<int>> spaceIndex;
  std::vector<double> medianMs;
  size_t size() const { return medianMs.size(); }
};

Measured measuredOn(store::Project& project, const searchspace::SearchSpace& space, const std::string& device) {
  Measured out{{&space, {}}, {}, {}};
  for (const auto& m : measuredArchitectures(project, space, device)) {
    out.architectures.genotypes.push_back(m.arch.genotype);
    out.spaceIndex.push_back(m.spaceIndex);
    out.medianMs.push_back(m.medianMs);
  }
  return out;
}

std::vector<AdaptPoint> pointsOf(const Measured& measured, const std::vector<size_t>& which, const predict::Predictor& p) {
  const auto ms = p.predictMs(measured.architectures.subset(which));
  std::vector<AdaptPoint> out;
  for (size_t j = 0; j < which.size(); ++j)
    out.push_back({measured.architectures.at(which[j]), measured.spaceIndex[which[j]], ms[j], measured.medianMs[which[j]]});
  return out;
}

nlohmann::json evaluationJson(const AdaptResult& r) {
  nlohmann::json j{{"device", r.target}, {"shots", r.shots.size()}, {"shot_policy", r.shotPolicy}, {"scored", r.heldOut.size()}};
  if (r.metrics) {
    j["metrics"] = predict::toJson(*r.metrics);
    j["scored_on"] = "the device's measured architectures not used as shots (median of each one's samples)";
  }
  return j;
}

} // namespace

std::vector<std::string> defaultTrainingDevices(store::Project& project, const searchspace::SearchSpace& space,
                                                const std::string& target) {
  store::requireDevice(project, target);
  std::vector<std::string> skip{target};
  if (isImported(project, target))
    for (auto& s : sameChipDevices(project, target)) skip.push_back(std::move(s));
  std::vector<std::string> out;
  for (auto& name : store::devicesMeasuredIn(project, space.name()))
    if (std::find(skip.begin(), skip.end(), name) == skip.end()) out.push_back(std::move(name));
  return out;
}

AdaptResult adaptToDevice(store::Project& project, const AdaptRequest& r, const predict::ProgressFn& progress) {
  AdaptResult out;
  out.space = r.parent ? &searchspace::space(r.parent->searchSpace()) : &resolveSpace(project, r.space);
  if (r.parent && !r.space.empty() && r.space != out.space->name())
    fail(ErrorKind::Usage, "the predictor to adapt is of search space " + std::string(out.space->name()) + ", not " + r.space);
  const auto& space = *out.space;
  out.target = r.target;
  out.method = r.parent ? r.parent->method() : r.method.empty() ? predict::defaultMethod() : r.method;
  out.descriptorKind = r.parent ? r.parent->descriptorKind() : r.descriptorKind;
  out.trainDevices = r.parent               ? r.parent->trainingDevices()
                     : r.trainDevices.empty() ? defaultTrainingDevices(project, space, r.target)
                                              : r.trainDevices;
  checkRequest(project, r, out.trainDevices);
  if (r.store && !r.predictorName.empty() && uniquePredictorName(project, r.predictorName) != r.predictorName)
    fail(ErrorKind::Usage, "a predictor named " + text::quote(r.predictorName) + " is stored in " + project.path() +
                               " already: choose another name");
  const auto measured = measuredOn(project, space, r.target);
  if (measured.size() == 0)
    badInput("device " + text::quote(r.target) + " has no measured architectures of search space " +
             std::string(space.name()) + ": measure some first (Samples, or maple measure)");
  const size_t k = r.shots == 0 ? measured.size() : static_cast<size_t>(r.shots);
  if (k > measured.size())
    badInput(std::to_string(r.shots) + " shots asked on " + text::quote(r.target) + ", which has " +
             std::to_string(measured.size()) + " measured architecture" + (measured.size() == 1 ? "" : "s") +
             ": use at most " + std::to_string(measured.size()) + " shots, or measure more");
  auto scaled = [&](double lo, double hi) -> predict::ProgressFn {
    return [&progress, lo, hi](double f, const std::string& stage) { return !progress || progress(lo + (hi - lo) * f, stage); };
  };
  std::shared_ptr<const predict::Predictor> trained = r.parent;
  if (!trained)
    trained = predict::train(out.method, evaluation::loadTrainingPool(project, space, out.trainDevices, out.descriptorKind),
                             {r.seed, r.threads}, scaled(0, 0.8));

  // The shots: k of the measured architectures chosen by the policy, which reads no latency of
  // the target (design: an optimal design under the pool-trained predictor's prior). Every
  // latency the adaptation uses is one of them, the reference-latency descriptor's included.
  std::vector<size_t> shots;
  if (k == measured.size())
    for (size_t i = 0; i < k; ++i) shots.push_back(i);
  else
    shots = predict::chooseShots(r.shotPolicy, trained.get(), measured.architectures, k, r.seed);
  std::vector<size_t> heldOut;
  for (size_t i = 0; i < measured.size(); ++i)
    if (std::find(shots.begin(), shots.end(), i) == shots.end()) heldOut.push_back(i);
  std::vector<predict::Shot> shotValues;
  for (size_t i : shots) shotValues.push_back({measured.architectures.genotypes[i], measured.medianMs[i]});
  std::optional<descriptor::Descriptor> stored;
  if (out.descriptorKind != descriptor::kReferenceLatency)
    stored = evaluation::deviceDescriptor(project, space, r.target, out.descriptorKind);
  const auto target = predict::targetFromShots(r.target, out.descriptorKind, space, std::move(shotValues),
                                               stored ? &*stored : nullptr, r.shotPolicy);
  out.shotPolicy = target.shotPolicy;
  const auto adapted = trained->adapt(target, scaled(0.8, 0.9));

  out.shots = pointsOf(measured, shots, *adapted);
  out.heldOut = pointsOf(measured, heldOut, *adapted);
  if (!out.heldOut.empty()) {
    std::vector<double> p, m;
    for (const auto& h : out.heldOut) p.push_back(h.predictedMs), m.push_back(h.measuredMs);
    out.metrics = predict::computeMetrics(p, m);
  }
  if (space.size()) out.spaceMs = adapted->predictMs({&space, space.enumerate()}, &out.spaceSpread);

  predictfile::Creation created;
  created.project = project.path();
  std::string devices;
  for (const auto& d : out.trainDevices) devices += (devices.empty() ? "" : ",") + d;
  created.provenance = (r.provenance.empty() ? std::string() : r.provenance + ": ") + "adapted to " + r.target + " with " +
                       std::to_string(shots.size()) + " shots (" + out.shotPolicy + ", seed " + std::to_string(r.seed) + "): " + out.method +
                       " on " + out.descriptorKind + " descriptors, trained on " + devices;
  if (!r.parentCreated.is_null()) created.parent = r.parentCreated;
  out.file = predictfile::fileFromPredictor(*adapted, created, evaluationJson(out));
  if (&space == &searchspace::nb201Space()) out.file.indexTable = store::indexTable(project);
  out.predictorName = r.predictorName.empty()
                          ? uniquePredictorName(project, out.method + "-" + r.target + "-" + std::to_string(shots.size()) + "shots")
                          : r.predictorName;
  if (progress && !progress(1.0, "storing")) fail(ErrorKind::Cancelled, "adaptation cancelled: nothing was stored");
  if (r.store) {
    store::Transaction tx(project.db());
    out.predictorId = storePredictor(project, out.predictorName, out.file);
    tx.commit();
  }
  return out;
}

} // namespace maple::services
