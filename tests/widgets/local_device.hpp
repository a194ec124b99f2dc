#pragma once
// A local device with latencies written as a measurement would, for tests that need a measured
// target without running the engine.
#include "services/devices.hpp"
#include "small_project.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "store/sqlite.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace maple::testing {

inline measure::HostInfo fakeHost() {
  measure::HostInfo h;
  h.hostname = "box";
  h.cpuModel = "Test CPU 3000";
  h.logicalCpus = 4;
  return h;
}

// A local device `name` with latencies of `n` of the small project's architectures (HELP's
// references first), written as a measurement would (its own source), each 1.5x those of `like`.
inline void addLocalLatencies(store::Project& p, int n, const std::string& like = "dev0", const std::string& name = "box") {
  services::addHostDevice(p, name, fakeHost());
  const auto device = store::requireDevice(p, name).id;
  const auto m = store::loadLatencyMatrix(p, searchspace::nb201Space(), {like});
  std::vector<size_t> order;
  auto isReference = [&](size_t a) {
    const auto i = m.architectures[a].spaceIndex.value_or(-1);
    return std::find(std::begin(kReferenceIndices), std::end(kReferenceIndices), i) != std::end(kReferenceIndices);
  };
  for (size_t a = 0; a < m.architectures.size(); ++a)
    if (isReference(a)) order.push_back(a);
  for (size_t a = 0; a < m.architectures.size(); ++a)
    if (!isReference(a)) order.push_back(a);
  store::Transaction tx(p.db());
  const auto source = store::ensureSource(p, "measurement", "test:" + name, "test latencies of " + name);
  store::LatencyWriter w(p);
  for (int i = 0; i < n; ++i) {
    const size_t a = order[static_cast<size_t>(i)];
    store::LatencySample s;
    s.deviceId = device;
    s.architectureId = m.architectures[a].id;
    s.latencyMs = 1.5 * m.at(a, 0);
    s.iqrMs = 0.01 * s.latencyMs;
    s.repetitions = 10;
    w.sample(source, s);
  }
  tx.commit();
}

} // namespace maple::testing
