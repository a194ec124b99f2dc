#pragma once
// The conditions of one latency sample, stored as JSON in latency_samples.conditions_json so a
// figure can be judged later (nn-Meter's lesson: frequency, governor and threads change latencies).
#include "measure/host.hpp"
#include "measure/protocol.hpp"

#include <string>
#include <vector>

namespace maple::measure {

struct CpuFrequency {
  int cpu = 0;
  std::string governor = kUnavailable;
  std::optional<double> currentMhz; // nullopt: unavailable
};

struct Conditions {
  std::string host, time, kernel;
  std::string cpuModel = kUnavailable;
  std::vector<CpuFrequency> cpus; // the CPUs the measurement may run on
  std::vector<int> pinnedCpus;    // empty: not pinned
  int threads = 0, batch = 0;
  std::string engine, engineVersion;
  std::optional<hardware::GpuInfo> gpu;
  // From the protocol and the measurement.
  int warmup = 0, repetitions = 0;
  bool stable = false;
  double relativeSpread = 0;
  std::vector<std::string> warnings;
};

// Governor and current frequency of each CPU in `cpus`, read now from
// <root>/sys/devices/system/cpu/cpuN/cpufreq/.
std::vector<CpuFrequency> readCpuFrequencies(const std::vector<int>& cpus, const std::string& root = "");

// Host facts, the CPU frequencies read now and the current UTC time; the caller fills the rest.
Conditions currentConditions(const HostInfo& host, const std::vector<int>& cpus, const std::string& root = "");
void recordMeasurement(Conditions& c, const Measurement& m);

std::string toJson(const Conditions& c);
// Back from JSON (for views and tests); BadInput on malformed text.
Conditions conditionsFromJson(const std::string& json);

} // namespace maple::measure
