#include "descriptor/from_data.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"

#include <algorithm>
#include <cmath>

namespace maple::descriptor {

const std::vector<int>& referenceArchitectures() {
  static const std::vector<int> list{11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462};
  return list;
}

Descriptor referenceLatencyDescriptor(const std::map<int, double>& latencyByIndex, const std::string& deviceName) {
  Descriptor d;
  d.kind = kReferenceLatency;
  for (int index : referenceArchitectures()) {
    auto it = latencyByIndex.find(index);
    if (it == latencyByIndex.end() || !(it->second > 0)) continue;
    d.names.push_back("ref" + std::to_string(index) + "_ln_ms");
    d.values.push_back(std::log(it->second));
  }
  if (d.values.empty())
    badInput("device '" + deviceName +
             "' has no latency on any reference architecture (NAS-Bench-201 11982, 431, 55, 9, 14451, 8636, 9881, "
             "13479, 6196, 1462): measure some of them (" + setting("archs", "11982,431,...") +
             ") to build its reference-latency descriptor");
  d.shotsUsed = static_cast<int>(d.values.size());
  d.provenance = "latencies of " + std::to_string(d.values.size()) + " HELP reference architectures";
  return d;
}

Descriptor referenceLatencyFromShots(const std::map<int, double>& latencyByIndex) {
  bool any = false;
  for (int index : referenceArchitectures())
    if (auto it = latencyByIndex.find(index); it != latencyByIndex.end() && it->second > 0) any = true;
  if (any) return referenceLatencyDescriptor(latencyByIndex, "");
  Descriptor d;
  d.kind = kReferenceLatency;
  d.provenance = "no HELP reference architecture among the shots";
  return d;
}

const std::vector<std::string>& specFamilies() {
  static const std::vector<std::string> families{"gpu", "server_cpu", "mobile_soc", "sbc", "asic", "fpga"};
  return families;
}

std::string specFamilyFlag(const std::string& family) {
  static const std::map<std::string, std::string> aliases{
      {"cpu", "server_cpu"}, {"desktop_cpu", "server_cpu"}, {"mobile", "mobile_soc"}, {"embedded", "sbc"}};
  if (std::find(specFamilies().begin(), specFamilies().end(), family) != specFamilies().end()) return family;
  auto it = aliases.find(family);
  return it == aliases.end() ? std::string() : it->second;
}

Descriptor specsDescriptor(const store::Device& dev) {
  Descriptor d;
  d.kind = kSpecs;
  d.version = 2;
  auto add = [&](const char* name, const auto& v) {
    if (v && *v > 0) {
      d.names.push_back(std::string("ln_") + name);
      d.values.push_back(std::log(static_cast<double>(*v)));
    }
  };
  add("cores", dev.cores);
  add("base_clock_mhz", dev.baseClockMhz);
  add("boost_clock_mhz", dev.boostClockMhz);
  add("peak_fp32_gflops", dev.peakFp32Gflops);
  add("memory_bandwidth_gbs", dev.memoryBandwidthGbs);
  add("memory_gb", dev.memoryGb);
  add("l1d_cache_kb", dev.l1dCacheKb);
  add("l2_cache_kb", dev.l2CacheKb);
  add("l3_cache_kb", dev.l3CacheKb);
  add("tdp_w", dev.tdpW);
  add("batch_size", dev.batchSize);
  if (d.values.empty())
    badInput("device '" + dev.name +
             "' has no spec-sheet facts (cores, clocks, bandwidth...): fill them in (devices.csv on import, or "
             "the workbench's device page) to use the specs descriptor");
  const auto flag = specFamilyFlag(dev.family);
  for (const auto& family : specFamilies()) {
    d.names.push_back("family_" + family);
    d.values.push_back(flag == family ? 1.0 : 0.0);
  }
  d.provenance = "devices table (" + dev.provenance + ")";
  return d;
}

} // namespace maple::descriptor
