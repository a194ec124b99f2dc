#pragma once
// Descriptors derived from what the project already holds, no capture needed.
//
// reference-latency (version 1): ln(ms) of the device's latency on HELP's reference architectures
//   (NAS-Bench-201 indices 11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462), one value per
//   reference measured, named "ref<index>_ln_ms". Log rather than HELP's min-max so absolute speed
//   survives; predictors standardise over the pool and match values by name, so a descriptor built
//   from a subset of the references (few shots) is still usable. shotsUsed = references measured.
// specs (version 1): spec-sheet facts from the devices table: ln of cores, clocks (MHz), peak FP32
//   GFLOPS, memory bandwidth (GB/s), memory (GB), caches (KB), TDP (W) and batch size, plus a 0/1
//   value per family. An unknown fact is left out (not zero); shotsUsed = 0.
#include "descriptor/descriptor.hpp"
#include "store/devices.hpp"

#include <map>
#include <vector>

namespace maple::descriptor {

inline constexpr const char* kReferenceLatency = "reference-latency";
inline constexpr const char* kSpecs = "specs";

const std::vector<int>& referenceArchitectures(); // NAS-Bench-201 indices, HELP's order

// latencyByIndex: measured ms per NAS-Bench-201 index; references missing from it are left out.
// BadInput when none of the references is measured.
Descriptor referenceLatencyDescriptor(const std::map<int, double>& latencyByIndex, const std::string& deviceName);

// BadInput naming the device when the devices table knows none of its facts.
Descriptor specsDescriptor(const store::Device& device);

} // namespace maple::descriptor
