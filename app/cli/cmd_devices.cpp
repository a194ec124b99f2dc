#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "store/devices.hpp"

namespace maple::cli {
namespace {

template <class T> nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const store::DeviceSummary& s) {
  const auto& d = s.device;
  return {{"name", d.name},
          {"family", d.family},
          {"hardware", d.hardware},
          {"vendor", d.vendor},
          {"microarchitecture", d.microarchitecture},
          {"cores", opt(d.cores)},
          {"sm_count", opt(d.smCount)},
          {"batch_size", opt(d.batchSize)},
          {"base_clock_mhz", opt(d.baseClockMhz)},
          {"boost_clock_mhz", opt(d.boostClockMhz)},
          {"peak_fp32_gflops", opt(d.peakFp32Gflops)},
          {"memory_type", d.memoryType},
          {"memory_bandwidth_gbs", opt(d.memoryBandwidthGbs)},
          {"memory_gb", opt(d.memoryGb)},
          {"l1d_cache_kb", opt(d.l1dCacheKb)},
          {"l2_cache_kb", opt(d.l2CacheKb)},
          {"l3_cache_kb", opt(d.l3CacheKb)},
          {"tdp_w", opt(d.tdpW)},
          {"runtime", d.runtime},
          {"provenance", d.provenance},
          {"latency_samples", s.latencySamples},
          {"descriptor_kinds", s.descriptorKinds}};
}

} // namespace

void addDevicesCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("devices", "List the project's devices");
  auto project = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--project", *project, "Project file")->required();
  cmd->add_flag("--json", *json, "Print as JSON");
  cmd->callback([project, json] {
    auto p = store::Project::open(*project);
    auto devices = store::listDeviceSummaries(p);
    if (*json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& s : devices) arr.push_back(toJson(s));
      printJson({{"devices", arr}});
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : devices) {
      const auto& d = s.device;
      rows.push_back({d.name, d.family, d.hardware.empty() ? "-" : d.hardware, fmt(d.cores), fmt(d.batchSize),
                      fmt(d.peakFp32Gflops, 6), fmt(d.memoryBandwidthGbs, 4), std::to_string(s.latencySamples)});
    }
    printTable({"NAME", "FAMILY", "HARDWARE", "CORES", "BATCH", "PEAK_GFLOPS", "MEM_GB/S", "SAMPLES"}, rows);
  });
}

} // namespace maple::cli
