#pragma once
// Event names to perf_event attributes. perf's generic names (cycles, L1-dcache-load-misses,
// task-clock, ...) map to the kernel's generic event ids from a fixed table, exactly as `perf stat`
// does, so they mean the same on every CPU (and encode even where libpfm4 does not know the CPU).
// Every other name ("INST_RETIRED:ANY_P", "skl::CYCLE_ACTIVITY:STALLS_L2_MISS") is a model-specific
// event that libpfm4 encodes with pfm_get_os_event_encoding(PFM_OS_PERF_EVENT_EXT).
#include <linux/perf_event.h>

#include <string>
#include <vector>

namespace maple::counters {

// Which privilege levels are counted. User-only is what perf_event_paranoid >= 2 allows an
// unprivileged process (the kernel refuses kernel-mode counting with EACCES).
enum class Scope { User, UserAndKernel };
std::string scopeName(Scope s); // "user", "user+kernel"

struct EncodedEvent {
  std::string name;     // as the user wrote it
  std::string encoding; // canonical form: "generic hardware 0x0" or libpfm4's fully qualified string
  std::string pmu;      // "generic" for the fixed table, else the libpfm4 PMU name
  bool hardware = true; // counts on a hardware PMU (everything except software events)
  perf_event_attr attr{};
};

// Throws BadInput naming the event and libpfm4's reason when it cannot be encoded.
EncodedEvent encodeEvent(const std::string& name, Scope scope);

// MAPLE's counter set (generic names) and the software events that always accompany a capture.
const std::vector<std::string>& mapleHardwareEvents();
const std::vector<std::string>& softwareEvents();
// Both, hardware first: what a probe or a capture counts when no events are named.
std::vector<std::string> mapleEvents();
bool isGenericName(const std::string& name);

} // namespace maple::counters
