#pragma once
// A CUDA device as the CUDA engine's plugin reports it: what a device row and a sample's conditions
// record of a GPU. A plain value, so the engines and measure/ share it without knowing each other.
#include <string>

namespace maple::hardware {

struct GpuInfo {
  int index = 0;
  std::string name;
  int smCount = 0;
  int computeMajor = 0, computeMinor = 0;
  double clockMhz = 0, memoryClockMhz = 0, memoryGb = 0;
  int memoryBusBits = 0;
  double l2CacheKb = 0;
  std::string driverVersion, runtimeVersion;
};

} // namespace maple::hardware
