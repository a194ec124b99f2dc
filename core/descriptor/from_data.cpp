#include "descriptor/from_data.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"

#include <algorithm>
#include <cmath>

namespace maple::descriptor {

namespace {
// HELP's NAS-Bench-201 index of each reference (nb201Space().referenceArchitectures() order).
constexpr int kNb201ReferenceIndex[] = {11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462};

bool anyReference(const searchspace::SearchSpace& space, const std::map<std::string, double>& latencyByCanonical) {
  for (const auto& ref : space.referenceArchitectures())
    if (auto it = latencyByCanonical.find(ref); it != latencyByCanonical.end() && it->second > 0) return true;
  return false;
}
} // namespace

std::optional<int> referenceDatasetIndex(const searchspace::SearchSpace& space, size_t position) {
  if (&space != &searchspace::nb201Space() || position >= std::size(kNb201ReferenceIndex)) return std::nullopt;
  return kNb201ReferenceIndex[position];
}

std::string referenceValueName(const searchspace::SearchSpace& space, size_t position) {
  return "ref" + std::to_string(referenceDatasetIndex(space, position).value_or(static_cast<int>(position))) + "_ln_ms";
}

Descriptor referenceLatencyDescriptor(const searchspace::SearchSpace& space,
                                      const std::map<std::string, double>& latencyByCanonical,
                                      const std::string& deviceName) {
  Descriptor d;
  d.kind = kReferenceLatency;
  const auto refs = space.referenceArchitectures();
  for (size_t k = 0; k < refs.size(); ++k) {
    auto it = latencyByCanonical.find(refs[k]);
    if (it == latencyByCanonical.end() || !(it->second > 0)) continue;
    d.names.push_back(referenceValueName(space, k));
    d.values.push_back(std::log(it->second));
  }
  if (d.values.empty()) {
    const bool nb201 = &space == &searchspace::nb201Space();
    badInput("device '" + deviceName + "' has no latency on any " + std::string(space.name()) +
             " reference architecture" +
             (nb201 ? " (NAS-Bench-201 11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462): measure some of them (" +
                          setting("archs", "11982,431,...") + ")"
                    : ": measure some of them") +
             " to build its reference-latency descriptor");
  }
  d.shotsUsed = static_cast<int>(d.values.size());
  d.provenance = "latencies of " + std::to_string(d.values.size()) + " HELP reference architectures";
  return d;
}

Descriptor referenceLatencyFromShots(const searchspace::SearchSpace& space,
                                     const std::map<std::string, double>& latencyByCanonical) {
  if (anyReference(space, latencyByCanonical)) return referenceLatencyDescriptor(space, latencyByCanonical, "");
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

Descriptor specsDescriptor(const hardware::Device& dev) {
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
