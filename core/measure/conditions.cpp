#include "measure/conditions.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

namespace maple::measure {

using nlohmann::json;

std::vector<CpuFrequency> readCpuFrequencies(const std::vector<int>& cpus, const std::string& root) {
  std::vector<CpuFrequency> out;
  for (int cpu : cpus) {
    CpuFrequency f;
    f.cpu = cpu;
    const auto dir = root + "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/cpufreq/";
    if (auto g = readSysLine(dir + "scaling_governor")) f.governor = *g;
    if (auto s = readSysLine(dir + "scaling_cur_freq"))
      if (auto khz = text::parseDouble(*s)) f.currentMhz = *khz / 1000;
    out.push_back(f);
  }
  return out;
}

Conditions currentConditions(const HostInfo& host, const std::vector<int>& cpus, const std::string& root) {
  Conditions c;
  c.host = host.hostname;
  c.kernel = host.kernel;
  c.cpuModel = host.cpuModel;
  c.time = text::nowIso8601();
  c.cpus = readCpuFrequencies(cpus, root);
  return c;
}

void recordMeasurement(Conditions& c, const Measurement& m) {
  c.warmup = m.warmup;
  c.repetitions = m.summary.count;
  c.stable = m.stable;
  c.relativeSpread = m.summary.relativeSpread();
  c.warnings = m.warnings;
}

namespace {
json gpuJson(const hardware::GpuInfo& g) {
  return {{"index", g.index},           {"name", g.name},
          {"sm_count", g.smCount},      {"compute_capability", std::to_string(g.computeMajor) + "." + std::to_string(g.computeMinor)},
          {"clock_mhz", g.clockMhz},    {"memory_clock_mhz", g.memoryClockMhz},
          {"memory_gb", g.memoryGb},    {"memory_bus_bits", g.memoryBusBits},
          {"l2_cache_kb", g.l2CacheKb}, {"driver_version", g.driverVersion},
          {"runtime_version", g.runtimeVersion}};
}
} // namespace

std::string toJson(const Conditions& c) {
  json cpus = json::array();
  for (const auto& f : c.cpus)
    cpus.push_back({{"cpu", f.cpu},
                    {"governor", f.governor},
                    {"current_mhz", f.currentMhz ? json(*f.currentMhz) : json(kUnavailable)}});
  json j = {{"host", c.host},
            {"time", c.time},
            {"kernel", c.kernel},
            {"cpu_model", c.cpuModel},
            {"cpus", cpus},
            {"pinned_cpus", c.pinnedCpus},
            {"threads", c.threads},
            {"batch", c.batch},
            {"engine", c.engine},
            {"engine_version", c.engineVersion},
            {"warmup", c.warmup},
            {"repetitions", c.repetitions},
            {"stable", c.stable},
            {"relative_spread", c.relativeSpread},
            {"warnings", c.warnings}};
  if (c.gpu) j["gpu"] = gpuJson(*c.gpu);
  return j.dump();
}

Conditions conditionsFromJson(const std::string& text) {
  try {
    const auto j = parseJson(text, "measurement conditions");
    Conditions c;
    c.host = j.at("host").get<std::string>();
    c.time = j.at("time").get<std::string>();
    c.kernel = j.value("kernel", "");
    c.cpuModel = j.at("cpu_model").get<std::string>();
    for (const auto& f : j.at("cpus")) {
      CpuFrequency cf;
      cf.cpu = f.at("cpu").get<int>();
      cf.governor = f.at("governor").get<std::string>();
      if (f.at("current_mhz").is_number()) cf.currentMhz = f.at("current_mhz").get<double>();
      c.cpus.push_back(cf);
    }
    c.pinnedCpus = j.at("pinned_cpus").get<std::vector<int>>();
    c.threads = j.at("threads").get<int>();
    c.batch = j.at("batch").get<int>();
    c.engine = j.at("engine").get<std::string>();
    c.engineVersion = j.at("engine_version").get<std::string>();
    c.warmup = j.at("warmup").get<int>();
    c.repetitions = j.at("repetitions").get<int>();
    c.stable = j.at("stable").get<bool>();
    c.relativeSpread = j.at("relative_spread").get<double>();
    c.warnings = j.at("warnings").get<std::vector<std::string>>();
    if (j.contains("gpu")) {
      const auto& g = j["gpu"];
      hardware::GpuInfo gi;
      gi.index = g.at("index").get<int>();
      gi.name = g.at("name").get<std::string>();
      gi.smCount = g.at("sm_count").get<int>();
      const auto cc = g.at("compute_capability").get<std::string>();
      const auto dot = cc.find('.');
      gi.computeMajor = std::stoi(cc.substr(0, dot));
      gi.computeMinor = dot == std::string::npos ? 0 : std::stoi(cc.substr(dot + 1));
      gi.clockMhz = g.at("clock_mhz").get<double>();
      gi.memoryClockMhz = g.at("memory_clock_mhz").get<double>();
      gi.memoryGb = g.at("memory_gb").get<double>();
      gi.memoryBusBits = g.at("memory_bus_bits").get<int>();
      gi.l2CacheKb = g.at("l2_cache_kb").get<double>();
      gi.driverVersion = g.at("driver_version").get<std::string>();
      gi.runtimeVersion = g.at("runtime_version").get<std::string>();
      c.gpu = gi;
    }
    return c;
  } catch (const std::exception& e) {
    badInput(std::string("measurement conditions are not valid JSON of the expected shape: ") + e.what());
  }
}

} // namespace maple::measure
