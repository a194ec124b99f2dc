#pragma once
// A device configuration as the domain knows it: its name, family and spec-sheet facts (a GPU at
// batch 32 is its own device). A plain value: store/devices.hpp persists it, descriptors, the
// importer and host detection make and read it.
#include <cstdint>
#include <optional>
#include <string>

namespace maple::hardware {

struct Device {
  std::int64_t id = 0; // the project's row id; 0 before it is stored
  std::string name;
  std::string family = "unknown"; // cpu, gpu, mobile, embedded, asic, fpga, unknown
  std::string hardware, vendor, microarchitecture, memoryType, runtime, provenance, notes;
  std::optional<int> cores, smCount, batchSize;
  std::optional<double> baseClockMhz, boostClockMhz, peakFp32Gflops, memoryBandwidthGbs, memoryGb,
      l1dCacheKb, l2CacheKb, l3CacheKb, tdpW;
  std::string createdAt;
};

} // namespace maple::hardware
