#pragma once
// Descriptors derived from what the project already holds, no capture needed.
//
// reference-latency (version 1): ln(ms) of the device's latency on the search space's reference
//   architectures (SearchSpace::referenceArchitectures: HELP's ten, in HELP's order; for
//   NAS-Bench-201 indices 11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462), one value per
//   reference measured, named "ref<index>_ln_ms" on nb201 (HELP's index, so stored descriptors keep
//   matching) and "ref<k>_ln_ms" (k = the reference's position) on spaces without an index. Log rather than HELP's min-max so absolute speed
//   survives; predictors standardise over the pool and match values by name, so a descriptor built
//   from a subset of the references (few shots) is still usable. shotsUsed = references measured.
// specs (version 2): spec-sheet facts from the devices table: ln of cores, clocks (MHz), peak FP32
//   GFLOPS, memory bandwidth (GB/s), memory (GB), caches (KB), TDP (W) and batch size, plus a 0/1
//   value per family of the sheet (specFamilies(): gpu, server_cpu, mobile_soc, sbc, asic, fpga;
//   specFamilyFlag maps other spellings). An unknown fact is left out (not zero); shotsUsed = 0.
//   Version 1 tested names the sheet never uses ("cpu", "mobile", "embedded"), so its flags were
//   0 for every CPU, phone and board.
#include "descriptor/descriptor.hpp"
#include "searchspace/space.hpp"
#include "hardware/device.hpp"

#include <map>
#include <optional>
#include <vector>

namespace maple::descriptor {

inline constexpr const char* kReferenceLatency = "reference-latency";
inline constexpr const char* kSpecs = "specs";

// HELP's data-set index of the reference at `position` of space.referenceArchitectures() where its
// value names use one (nb201), else nullopt.
std::optional<int> referenceDatasetIndex(const searchspace::SearchSpace& space, size_t position);
// The value name of the reference at `position`.
std::string referenceValueName(const searchspace::SearchSpace& space, size_t position);

// latencyByCanonical: measured ms per canonical architecture string of `space`; references missing
// from it are left out. BadInput when none of the references is measured.
Descriptor referenceLatencyDescriptor(const searchspace::SearchSpace& space,
                                      const std::map<std::string, double>& latencyByCanonical,
                                      const std::string& deviceName);

// The same from the shots of an adaptation: may be empty (no reference among them), which
// predictors read as "nothing known of the device" rather than refusing.
Descriptor referenceLatencyFromShots(const searchspace::SearchSpace& space,
                                     const std::map<std::string, double>& latencyByCanonical);

// The families the specs descriptor flags, as the devices sheet (devices.csv) spells them.
const std::vector<std::string>& specFamilies();
// The flag a device family sets: itself when the sheet spells it so; a detected host's "cpu" and a
// "desktop_cpu" count as server_cpu, the importer's fallbacks "mobile" and "embedded" as
// mobile_soc and sbc; empty for an unknown family (no flag set).
std::string specFamilyFlag(const std::string& family);

// BadInput naming the device when the devices table knows none of its facts.
Descriptor specsDescriptor(const hardware::Device& device);

} // namespace maple::descriptor
