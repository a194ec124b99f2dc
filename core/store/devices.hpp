#pragma once
// The device inventory: one row per device configuration (a GPU at batch 32 is its own device).
#include "store/project.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maple::store {

struct Device {
  std::int64_t id = 0;
  std::string name;
  std::string family = "unknown"; // cpu, gpu, mobile, embedded, asic, fpga, unknown
  std::string hardware, vendor, microarchitecture, memoryType, runtime, provenance, notes;
  std::optional<int> cores, smCount, batchSize;
  std::optional<double> baseClockMhz, boostClockMhz, peakFp32Gflops, memoryBandwidthGbs, memoryGb,
      l1dCacheKb, l2CacheKb, l3CacheKb, tdpW;
  std::string createdAt;
};

struct DeviceSummary {
  Device device;
  std::int64_t latencySamples = 0;        // rows in every space: an architecture measured twice counts twice
  std::int64_t measuredArchitectures = 0; // distinct architectures with a latency, in every space
  bool imported = false;                  // see isImported
  std::vector<std::string> descriptorKinds;
  std::vector<SpaceCounts> spaces; // the spaces it has latencies in, by name
  // Distinct architectures of `space` with a latency: what a pool of that space can use.
  std::int64_t measuredIn(std::string_view space) const;
};

std::vector<Device> listDevices(Project& project);
std::vector<DeviceSummary> listDeviceSummaries(Project& project);
std::optional<Device> findDevice(Project& project, const std::string& name);
Device requireDevice(Project& project, const std::string& name); // BadInput naming the known ones

// A device that came from a data set: its latencies came from an import source (sources.kind
// 'import:...') or its provenance says "imported from". Merging keeps both, so it stays imported.
bool isImported(Project& project, const Device& device);

// Inserts a new device; if one with this name exists, only its empty fields are filled, so a
// repeated import changes nothing. Returns the id. Call inside the caller's transaction.
// BadInput when the name has a problem (see deviceNameProblem).
std::int64_t upsertDevice(Project& project, const Device& device);

// Why `name` cannot name a device (empty, over 200 bytes, invalid UTF-8, control characters), or
// "" when it can. Names end up in JSON output and terminals, which need well-formed text.
std::string deviceNameProblem(const std::string& name);

} // namespace maple::store
