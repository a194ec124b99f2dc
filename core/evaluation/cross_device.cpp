#include "evaluation/cross_device.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"
#include "evaluation/project_pool.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <cmath>

namespace maple::evaluation {
namespace {

// Devices with at least `minArchitectures` measured architectures of `space`.
std::vector<std::string> devicesWithLatencies(store::Project& project, const searchspace::SearchSpace& space,
                                              std::int64_t minArchitectures) {
  std::vector<std::string> out;
  for (const auto& s : store::listDeviceSummaries(project))
    if (s.measuredIn(space.name()) >= minArchitectures) out.push_back(s.device.name);
  return out;
}

} // namespace

std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const searchspace::ArchitectureSet& architectures,
                                     const predict::ProgressFn& progress) {
  const auto& space = *architectures.space;
  store::requireDevice(project, target);
  // Only devices that have a descriptor of this kind can train: one measured only on
  // non-reference architectures has no reference-latency descriptor and is left out.
  std::vector<std::string> pool;
  for (const auto& d : store::devicesMeasuredIn(project, space.name())) {
    if (d == target) continue;
    try {
      evaluation::deviceDescriptor(project, space, d, kind);
      pool.push_back(d);
    } catch (const Error&) {
    }
  }
  if (pool.empty())
    badInput("no device in " + project.path() + " besides " + text::quote(target) + " has a '" + kind +
             "' descriptor to train on: import a data set or measure the reference architectures on another device");
  predict::Target t;
  t.device = target;
  t.descriptor = evaluation::deviceDescriptor(project, space, target, kind);
  // The current predictor of the target knows every latency measured on it so far.
  const auto measured = store::loadLatencyMatrix(project, space, {target});
  for (size_t a = 0; a < measured.architectures.size(); ++a)
    if (std::isfinite(measured.at(a, 0))) t.shots.push_back({measured.architectures[a].arch.genotype, measured.at(a, 0)});
  const auto trained = predict::train(method, evaluation::loadTrainingPool(project, space, pool, kind), {}, progress);
  const auto adapted = trained->adapt(t, progress);
  std::vector<double> spread;
  adapted->predictMs(architectures, &spread);
  if (spread.size() != architectures.size())
    badInput("method '" + method + "' reports no uncertainty: choose one that does (opcost, lowrank) for most-uncertain selection");
  return spread;
}

std::vector<size_t> proposeShots(store::Project& project, const std::string& target, predict::ShotPolicy policy,
                                 const searchspace::ArchitectureSet& candidates, size_t k, std::uint64_t seed,
                                 const predict::ProgressFn& progress) {
  if (policy != predict::ShotPolicy::Design || k == 0 || k > candidates.size())
    return predict::chooseShots(policy, nullptr, candidates, k, seed); // refuses a bad k before any training
  const auto& space = *candidates.space;
  // Devices with enough latencies to shape the prior (a device being characterised has few).
  auto pool = devicesWithLatencies(project, space, 100);
  pool.erase(std::remove(pool.begin(), pool.end(), target), pool.end());
  if (pool.size() < 2)
    badInput("the design shot policy needs a pool of at least 2 devices with latencies in " + project.path() +
             ": import a data set (maple import) or choose " + setting("shot-policy", "reference") + " or " +
             setting("shot-policy", "random"));
  const auto trained = predict::train(predict::defaultMethod(),
                                      evaluation::loadTrainingPool(project, space, pool, "reference-latency"), {}, progress);
  return predict::chooseShots(policy, trained.get(), candidates, k, seed);
}

} // namespace maple::evaluation
