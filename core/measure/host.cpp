#include "measure/host.hpp"

#include "common/text.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sys/utsname.h>
#include <tuple>
#include <unistd.h>

namespace fs = std::filesystem;

namespace maple::measure {

std::optional<std::string> readSysLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return std::string(text::trim(line));
}

namespace {

std::vector<int> cpuIds(const std::string& root) {
  std::vector<int> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root + "/sys/devices/system/cpu", ec)) {
    const auto name = e.path().filename().string();
    if (name.size() > 3 && name.rfind("cpu", 0) == 0)
      if (auto n = text::parseInt(std::string_view(name).substr(3))) ids.push_back(static_cast<int>(*n));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// "32K", "1024K", "32M" -> KiB
std::optional<double> cacheKb(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double mult = 1;
  std::string_view num(s);
  if (s.back() == 'K') num.remove_suffix(1);
  else if (s.back() == 'M') mult = 1024, num.remove_suffix(1);
  else mult = 1.0 / 1024; // plain bytes
  auto v = text::parseDouble(num);
  return v ? std::optional<double>(*v * mult) : std::nullopt;
}

void readCpuInfo(const std::string& root, HostInfo& h) {
  std::ifstream in(root + "/proc/cpuinfo");
  std::string line, family, model, fallbackModel;
  while (std::getline(in, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto key = std::string(text::trim(std::string_view(line).substr(0, colon)));
    const auto value = std::string(text::trim(std::string_view(line).substr(colon + 1)));
    if (key == "model name" && h.cpuModel == kUnavailable) h.cpuModel = value;
    else if (key == "vendor_id" && h.vendor.empty()) h.vendor = value;
    else if (key == "cpu family" && family.empty()) family = value;
    else if (key == "model" && model.empty()) model = value;
    else if ((key == "Hardware" || key == "Processor" || key == "uarch") && fallbackModel.empty()) fallbackModel = value;
  }
  if (h.cpuModel == kUnavailable && !fallbackModel.empty()) h.cpuModel = fallbackModel;
  if (h.cpuModel == kUnavailable)
    if (auto m = readSysLine(root + "/sys/firmware/devicetree/base/model")) h.cpuModel = *m;
  if (h.vendor == "GenuineIntel") h.vendor = "Intel";
  else if (h.vendor == "AuthenticAMD") h.vendor = "AMD";
  if (!family.empty() && !model.empty()) h.microarchitecture = "family " + family + " model " + model;
}

void readTopologyAndCaches(const std::string& root, HostInfo& h) {
  const auto ids = cpuIds(root);
  h.logicalCpus = static_cast<int>(ids.size());
  std::set<std::pair<std::string, std::string>> cores;
  // A cache instance is identified by its level, type and the CPUs sharing it.
  std::map<std::tuple<int, std::string, std::string>, double> caches;
  for (int id : ids) {
    const auto dir = root + "/sys/devices/system/cpu/cpu" + std::to_string(id);
    auto pkg = readSysLine(dir + "/topology/physical_package_id");
    auto core = readSysLine(dir + "/topology/core_id");
    if (pkg && core) cores.insert({*pkg, *core});
    for (int i = 0; i < 8; ++i) {
      const auto c = dir + "/cache/index" + std::to_string(i);
      auto level = readSysLine(c + "/level");
      auto type = readSysLine(c + "/type");
      auto size = readSysLine(c + "/size");
      auto shared = readSysLine(c + "/shared_cpu_list");
      if (!level || !type || !size) continue;
      auto lv = text::parseInt(*level);
      auto kb = cacheKb(*size);
      if (lv && kb) caches[{static_cast<int>(*lv), *type, shared.value_or(std::to_string(id))}] = *kb;
    }
  }
  if (!cores.empty()) h.physicalCores = static_cast<int>(cores.size());
  for (const auto& [key, kb] : caches) {
    const auto& [level, type, shared] = key;
    std::optional<double>* slot = level == 1 && type == "Data" ? &h.l1dKb
                                  : level == 2                   ? &h.l2Kb
                                  : level == 3                   ? &h.l3Kb
                                                                 : nullptr;
    if (slot) *slot = slot->value_or(0) + kb;
  }
  const auto freq = root + "/sys/devices/system/cpu/cpu" + (ids.empty() ? "0" : std::to_string(ids[0])) + "/cpufreq/";
  auto khz = [&](const char* file) -> std::optional<double> {
    auto s = readSysLine(freq + file);
    auto v = s ? text::parseDouble(*s) : std::nullopt;
    return v ? std::optional<double>(*v / 1000) : std::nullopt;
  };
  h.baseMhz = khz("base_frequency");
  h.maxMhz = khz("cpuinfo_max_freq");
}

void readMemory(const std::string& root, HostInfo& h) {
  std::ifstream in(root + "/proc/meminfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("MemTotal:", 0) != 0) continue;
    auto rest = text::trim(std::string_view(line).substr(9));
    if (rest.size() > 3 && rest.substr(rest.size() - 3) == " kB") rest.remove_suffix(3);
    if (auto kb = text::parseDouble(text::trim(rest))) h.memoryGb = *kb / (1024.0 * 1024.0);
  }
}

} // namespace

HostInfo detectHost(const std::string& root) {
  HostInfo h;
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) == 0) h.hostname = name;
  utsname u{};
  if (uname(&u) == 0) h.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  readCpuInfo(root, h);
  readTopologyAndCaches(root, h);
  readMemory(root, h);
  return h;
}

hardware::Device deviceFromHost(const std::string& name, const HostInfo& host, const std::string& runtime, int batch,
                             const hardware::GpuInfo* gpu) {
  hardware::Device d;
  d.name = name;
  d.runtime = runtime;
  d.batchSize = batch;
  d.provenance = "detected by maple on host " + text::quote(host.hostname) + " at " + text::nowIso8601();
  std::string notes = "host CPU: " + host.cpuModel + ", " + std::to_string(host.logicalCpus) + " logical CPUs";
  if (host.memoryGb) notes += ", " + std::to_string(static_cast<int>(*host.memoryGb + 0.5)) + " GiB RAM";
  notes += "; kernel " + host.kernel;
  for (const auto& g : host.gpus) notes += "; CUDA device " + std::to_string(g.index) + ": " + g.name;
  d.notes = notes;
  if (gpu) {
    d.family = "gpu";
    d.hardware = gpu->name;
    d.vendor = "NVIDIA";
    d.microarchitecture = "compute capability " + std::to_string(gpu->computeMajor) + "." + std::to_string(gpu->computeMinor);
    d.smCount = gpu->smCount;
    if (gpu->clockMhz > 0) d.boostClockMhz = gpu->clockMhz;
    if (gpu->memoryGb > 0) d.memoryGb = gpu->memoryGb;
    if (gpu->l2CacheKb > 0) d.l2CacheKb = gpu->l2CacheKb;
    // Double data rate: two transfers per memory clock.
    if (gpu->memoryClockMhz > 0 && gpu->memoryBusBits > 0)
      d.memoryBandwidthGbs = 2.0 * gpu->memoryClockMhz * 1e6 * gpu->memoryBusBits / 8 / 1e9;
    return d;
  }
  d.family = "cpu";
  d.hardware = host.cpuModel;
  d.vendor = host.vendor;
  d.microarchitecture = host.microarchitecture;
  d.cores = host.physicalCores ? host.physicalCores : std::optional<int>(host.logicalCpus);
  d.baseClockMhz = host.baseMhz;
  d.boostClockMhz = host.maxMhz;
  d.memoryGb = host.memoryGb;
  d.l1dCacheKb = host.l1dKb;
  d.l2CacheKb = host.l2Kb;
  d.l3CacheKb = host.l3Kb;
  return d;
}

} // namespace maple::measure
