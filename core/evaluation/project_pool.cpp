#include "evaluation/project_pool.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "descriptor/from_data.hpp"
#include "store/descriptors.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <cmath>

namespace maple::evaluation {

namespace {
void requireKind(const std::string& kind) {
  for (const auto& k : descriptor::kinds())
    if (k == kind) return;
  std::string known;
  for (const auto& k : descriptor::kinds()) known += (known.empty() ? "" : ", ") + k;
  fail(ErrorKind::Usage, "unknown descriptor kind '" + kind + "' (known: " + known + ")");
}

std::map<std::string, double> referenceLatencies(store::Project& project, const searchspace::SearchSpace& space,
                                                 const std::string& device) {
  std::map<std::string, double> out;
  for (const auto& shot : referenceShots(project, space, device)) out[space.format(shot.genotype)] = shot.latencyMs;
  return out;
}
} // namespace

std::vector<predict::Shot> referenceShots(store::Project& project, const searchspace::SearchSpace& space,
                                          const std::string& device) {
  std::vector<predict::Shot> out;
  const auto id = store::requireDevice(project, device).id;
  for (const auto& ref : space.referenceArchitectures()) {
    auto arch = store::findArchitecture(project, searchspace::parseArchitecture(space, ref));
    if (!arch) continue;
    if (auto ms = store::latestLatencyMs(project, id, arch->id)) out.push_back({arch->arch.genotype, *ms});
  }
  return out;
}

descriptor::Descriptor deviceDescriptor(store::Project& project, const searchspace::SearchSpace& space,
                                        const std::string& device, const std::string& kind) {
  requireKind(kind);
  const auto dev = store::requireDevice(project, device);
  if (kind == descriptor::kReferenceLatency)
    return descriptor::referenceLatencyDescriptor(space, referenceLatencies(project, space, device), device);
  if (kind == descriptor::kSpecs) return descriptor::specsDescriptor(dev);
  if (auto d = store::latestDescriptor(project, dev.id, kind)) return *d;
  badInput("device '" + device + "' has no '" + kind + "' descriptor: capture it on that machine (maple capture) " +
           "and import the capture, or choose " + setting("descriptor", "reference-latency") + " or " +
           setting("descriptor", "specs"));
}

predict::TrainingPool loadTrainingPool(store::Project& project, const searchspace::SearchSpace& space,
                                       const std::vector<std::string>& devices, const std::string& kind) {
  requireKind(kind);
  if (devices.empty()) fail(ErrorKind::Usage, "no training devices given");
  predict::TrainingPool pool;
  pool.descriptorKind = kind;
  pool.devices = devices;
  for (const auto& d : devices) pool.descriptors.push_back(deviceDescriptor(project, space, d, kind));
  const auto m = store::loadLatencyMatrix(project, space, devices);
  pool.architectures.space = &space;
  pool.latencyMs.assign(devices.size(), {});
  // Architectures measured on every training device: the methods need complete rows.
  for (size_t a = 0; a < m.architectures.size(); ++a) {
    bool complete = true;
    for (size_t d = 0; d < devices.size() && complete; ++d) complete = std::isfinite(m.at(a, d));
    if (!complete) continue;
    pool.architectures.genotypes.push_back(m.architectures[a].arch.genotype);
    for (size_t d = 0; d < devices.size(); ++d) pool.latencyMs[d].push_back(m.at(a, d));
  }
  if (pool.architectures.size() < 20)
    badInput("the training devices share only " + std::to_string(pool.architectures.size()) + " " +
             std::string(space.name()) +
             " architectures measured on all of them (at least 20 needed): measure more, or train on fewer devices");
  return pool;
}

} // namespace maple::evaluation
