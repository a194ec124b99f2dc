#pragma once
// PMU discovery: what libpfm4 knows about this CPU (detected, or forced with LIBPFM_FORCE_PMU) and
// what the kernel exposes under /sys/bus/event_source/devices. The two differ in a VM: libpfm4
// recognises the CPU model from CPUID while the kernel offers no hardware PMU to count with.
#include <string>
#include <vector>

namespace maple::counters {

struct PmuInfo {
  std::string name;        // libpfm4 name, e.g. "skl", "amd64_fam19h_zen4", "perf"
  std::string description; // e.g. "Intel Skylake"
  std::string type;        // "core", "uncore", "os-generic" or "unknown"
  int events = 0;
  int genericCounters = 0;
  int fixedCounters = 0;
};

struct PmuEvent {
  std::string name; // "pmu::EVENT"
  std::string description;
  std::vector<std::string> umasks; // unit masks / modifiers the event takes
};

// Initialises libpfm4 once per process; throws Io with libpfm4's reason if it cannot start.
void ensureLibpfm();
std::string libpfmVersion(); // the library's API version, "4.0" (libpfm4 reports no release number)

std::vector<PmuInfo> listPmus(); // the PMUs libpfm4 treats as present
// Events of one present PMU; BadInput naming the present ones when the name is unknown.
std::vector<PmuEvent> listPmuEvents(const std::string& pmu);
// Generic counters of the first present core PMU (0 when libpfm4 recognises no core PMU).
int coreCounterCount();

// Names under /sys/bus/event_source/devices ("cpu", "software", "tracepoint", ...).
std::vector<std::string> kernelEventSources();

} // namespace maple::counters
