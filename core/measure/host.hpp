#pragma once
// What this machine is: CPU model, cores, caches (from /sys), memory (from /proc/meminfo), and the
// CUDA devices a CUDA build found. Used to create a device row for a machine being measured and to
// record the conditions of each sample.
#include "hardware/device.hpp"
#include "hardware/gpu.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maple::measure {

inline constexpr const char* kUnavailable = "unavailable";

struct HostInfo {
  std::string hostname, kernel;
  std::string cpuModel = kUnavailable, vendor, microarchitecture; // microarchitecture: "family F model M"
  int logicalCpus = 0;
  std::optional<int> physicalCores;
  // Whole-chip totals in KiB, each distinct cache instance counted once (as spec sheets give them).
  std::optional<double> l1dKb, l2Kb, l3Kb;
  std::optional<double> memoryGb;
  std::optional<double> baseMhz, maxMhz; // cpufreq, where the kernel exposes it
  std::vector<hardware::GpuInfo> gpus;
};

// Reads /proc and /sys under `root` ("" for the real ones; tests point it at a fake tree).
HostInfo detectHost(const std::string& root = "");

// A device row for `name` describing this host: the CPU, or `gpu` when measuring on that GPU.
hardware::Device deviceFromHost(const std::string& name, const HostInfo& host, const std::string& runtime,
                             int batch, const hardware::GpuInfo* gpu = nullptr);

// Reads a one-line /sys or /proc file, trimmed; nullopt when absent or unreadable.
std::optional<std::string> readSysLine(const std::string& path);

} // namespace maple::measure
