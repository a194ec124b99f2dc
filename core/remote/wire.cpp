#include "remote/wire.hpp"

#include "remote/wire_fields.hpp"

namespace maple::remote {

using nlohmann::json;
using namespace field;

namespace {

json gpuJson(const hardware::GpuInfo& g) {
  return {{"index", g.index}, {"name", g.name}, {"sm_count", g.smCount}, {"compute_major", g.computeMajor},
          {"compute_minor", g.computeMinor}, {"clock_mhz", g.clockMhz}, {"memory_clock_mhz", g.memoryClockMhz},
          {"memory_gb", g.memoryGb}, {"memory_bus_bits", g.memoryBusBits}, {"l2_cache_kb", g.l2CacheKb},
          {"driver_version", g.driverVersion}, {"runtime_version", g.runtimeVersion}};
}

hardware::GpuInfo gpuFromJson(const json& j) {
  hardware::GpuInfo g;
  g.index = integer(j, "index");
  g.name = str(j, "name");
  g.smCount = integer(j, "sm_count");
  g.computeMajor = integer(j, "compute_major");
  g.computeMinor = integer(j, "compute_minor");
  g.clockMhz = num(j, "clock_mhz");
  g.memoryClockMhz = num(j, "memory_clock_mhz");
  g.memoryGb = num(j, "memory_gb");
  g.memoryBusBits = integer(j, "memory_bus_bits");
  g.l2CacheKb = num(j, "l2_cache_kb");
  g.driverVersion = str(j, "driver_version");
  g.runtimeVersion = str(j, "runtime_version");
  return g;
}

json eventJson(const counters::EventAvailability& e) {
  return {{"event", e.event}, {"hardware", e.hardware}, {"encoding", e.encoding}, {"available", e.available},
          {"error", e.error}, {"errno", e.errorName}, {"reason", e.reason}, {"fix", e.fix}};
}

counters::EventAvailability eventFromJson(const json& j) {
  counters::EventAvailability e;
  e.event = str(j, "event");
  e.hardware = boolean(j, "hardware");
  e.encoding = str(j, "encoding");
  e.available = boolean(j, "available");
  e.error = integer(j, "error");
  e.errorName = str(j, "errno");
  e.reason = str(j, "reason");
  e.fix = str(j, "fix");
  return e;
}

} // namespace

json toJson(const measure::HostInfo& h) {
  json gpus = json::array();
  for (const auto& g : h.gpus) gpus.push_back(gpuJson(g));
  return {{"hostname", h.hostname}, {"kernel", h.kernel}, {"cpu_model", h.cpuModel}, {"vendor", h.vendor},
          {"microarchitecture", h.microarchitecture}, {"logical_cpus", h.logicalCpus},
          {"physical_cores", opt(h.physicalCores)}, {"l1d_kb", opt(h.l1dKb)}, {"l2_kb", opt(h.l2Kb)},
          {"l3_kb", opt(h.l3Kb)}, {"memory_gb", opt(h.memoryGb)}, {"base_mhz", opt(h.baseMhz)},
          {"max_mhz", opt(h.maxMhz)}, {"gpus", gpus}};
}

measure::HostInfo hostFromJson(const json& j) {
  measure::HostInfo h;
  h.hostname = str(j, "hostname");
  h.kernel = str(j, "kernel");
  h.cpuModel = str(j, "cpu_model");
  h.vendor = str(j, "vendor");
  h.microarchitecture = str(j, "microarchitecture");
  h.logicalCpus = integer(j, "logical_cpus");
  h.physicalCores = opt<int>(j, "physical_cores");
  h.l1dKb = opt<double>(j, "l1d_kb");
  h.l2Kb = opt<double>(j, "l2_kb");
  h.l3Kb = opt<double>(j, "l3_kb");
  h.memoryGb = opt<double>(j, "memory_gb");
  h.baseMhz = opt<double>(j, "base_mhz");
  h.maxMhz = opt<double>(j, "max_mhz");
  for (const auto& g : array(j, "gpus")) h.gpus.push_back(gpuFromJson(g));
  if (h.hostname.empty()) badInput("the agent's host detection has an empty hostname");
  return h;
}

json toJson(const measure::Measurement& m) {
  return {{"runs_ms", m.runsMs}, {"warmup", m.warmup}, {"stable", m.stable},
          {"last_median_change", m.lastMedianChange}, {"warnings", m.warnings}};
}

// The summary is recomputed from the runs, so a reply cannot claim a median its runs do not have.
measure::Measurement measurementFromJson(const json& j) {
  measure::Measurement m;
  for (const auto& v : array(j, "runs_ms")) {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() <= 0)
      badInput("the agent's \"runs_ms\" holds " + v.dump() + " (expected times in ms above 0)");
    m.runsMs.push_back(v.get<double>());
  }
  m.summary = measure::summarise(m.runsMs);
  m.warmup = integer(j, "warmup");
  m.stable = boolean(j, "stable");
  m.lastMedianChange = num(j, "last_median_change");
  m.warnings = strings(j, "warnings");
  return m;
}

json toJson(const measure::Protocol& p) {
  return {{"warmup", p.warmup}, {"min_repeats", p.minRepeats}, {"max_repeats", p.maxRepeats},
          {"block_size", p.blockSize}, {"stable_tolerance", p.stableTolerance}, {"high_spread", p.highSpread}};
}

measure::Protocol protocolFromJson(const json& j) {
  measure::Protocol p;
  p.warmup = integer(j, "warmup");
  p.minRepeats = integer(j, "min_repeats");
  p.maxRepeats = integer(j, "max_repeats");
  p.blockSize = integer(j, "block_size");
  p.stableTolerance = num(j, "stable_tolerance");
  p.highSpread = num(j, "high_spread");
  p.validate();
  return p;
}

json toJson(const Counting& c) {
  json pmus = json::array(), events = json::array();
  for (const auto& p : c.pmus)
    pmus.push_back({{"name", p.name}, {"description", p.description}, {"type", p.type}, {"events", p.events},
                    {"generic_counters", p.genericCounters}, {"fixed_counters", p.fixedCounters}});
  for (const auto& e : c.capability.events) events.push_back(eventJson(e));
  const auto& cap = c.capability;
  // null: the agent's host could not read its level (probe.hpp), which is not level 3.
  return {{"perf_event_paranoid", cap.paranoidReadable ? json(cap.paranoid) : json(nullptr)},
          {"privileged", cap.privileged},
          {"scope", counters::scopeName(cap.scope)}, {"hardware_pmu", cap.hardwarePmu},
          {"hardware_pmu_note", cap.hardwarePmuNote}, {"kernel_event_sources", cap.kernelSources},
          {"libpfm4_api", c.libpfmVersion}, {"pmus", pmus}, {"events", events}};
}

Counting countingFromJson(const json& j) {
  Counting c;
  auto& cap = c.capability;
  cap.paranoidReadable = !at(j, "perf_event_paranoid").is_null();
  // Unknown counts as the strictest level, as probe() does on this host.
  cap.paranoid = cap.paranoidReadable ? integer(j, "perf_event_paranoid") : 3;
  cap.privileged = boolean(j, "privileged");
  const auto scope = str(j, "scope");
  if (scope != "user" && scope != "user+kernel") badInput("the agent's \"scope\" is " + scope);
  cap.scope = scope == "user" ? counters::Scope::User : counters::Scope::UserAndKernel;
  cap.hardwarePmu = boolean(j, "hardware_pmu");
  cap.hardwarePmuNote = str(j, "hardware_pmu_note");
  cap.kernelSources = strings(j, "kernel_event_sources");
  c.libpfmVersion = str(j, "libpfm4_api");
  for (const auto& p : array(j, "pmus"))
    c.pmus.push_back({str(p, "name"), str(p, "description"), str(p, "type"), integer(p, "events"),
                      integer(p, "generic_counters"), integer(p, "fixed_counters")});
  for (const auto& e : array(j, "events")) cap.events.push_back(eventFromJson(e));
  return c;
}

} // namespace maple::remote
