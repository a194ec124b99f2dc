#pragma once
// What this machine lets us count, and why not: the paranoid level, privileges, whether a hardware
// PMU exists, and for each event whether it opens, with the kernel's errno in plain words and the fix.
#include "counters/encoding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maple::counters {

// The exact words used when the kernel offers no hardware PMU (KVM guests without a virtual PMU).
inline constexpr const char* kNoHardwarePmu =
    "this machine exposes no hardware PMU: hardware counters cannot be read here";

struct EventAvailability {
  std::string event;
  bool hardware = true;
  std::string encoding;  // empty when the name could not be encoded
  bool available = false;
  int error = 0;         // errno of perf_event_open, 0 when it opened or did not get that far
  std::string errorName; // "ENOENT", ...
  std::string reason;    // plain language
  std::string fix;       // what the user can do; empty when nothing can be done here
};

struct Capability {
  int paranoid = 2;        // kernel.perf_event_paranoid; 3 (the strictest) when it cannot be read
  bool paranoidReadable = true; // false: the level is unknown (no perf_event, or no /proc), not 3
  bool privileged = false; // CAP_PERFMON or CAP_SYS_ADMIN in the effective set
  Scope scope = Scope::User;
  bool hardwarePmu = false;
  std::string hardwarePmuNote; // why we think so
  std::vector<std::string> kernelSources;
  std::vector<EventAvailability> events;
};

// kernel.perf_event_paranoid from `path`; nullopt when it is missing or unreadable (never a
// made-up level).
std::optional<int> readParanoidLevel(const std::string& path = "/proc/sys/kernel/perf_event_paranoid");
// The level, or 3 (no unprivileged use) when it cannot be read.
int paranoidLevel();
bool hasPerfmonPrivilege();
// User+kernel where the paranoid level and privileges allow it, else user only.
Scope defaultScope();

// Probes each event by opening it alone on this thread (and closing it again).
Capability probe(const std::vector<std::string>& events);
EventAvailability probeEvent(const std::string& name, Scope scope, bool hardwarePmu);

// Plain reason and fix for a perf_event_open errno.
struct Explanation {
  std::string reason, fix;
};
Explanation explainOpenError(int err, bool hardwareEvent, bool hardwarePmu, int paranoid, Scope scope);
std::string errnoName(int err);

} // namespace maple::counters
