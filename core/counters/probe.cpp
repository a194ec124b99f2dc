#include "counters/probe.hpp"

#include "common/error.hpp"
#include "counters/pmu.hpp"

#include <perfmon/pfmlib_perf_event.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <tuple>

namespace maple::counters {
namespace {

constexpr const char* kPrivilegeFix =
    "run `sysctl kernel.perf_event_paranoid=1` as root, or grant CAP_PERFMON "
    "(`setcap cap_perfmon+ep $(command -v maple)`)";

int openAlone(perf_event_attr attr) {
  attr.disabled = 1;
  attr.read_format = 0;
  const int fd = static_cast<int>(perf_event_open(&attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC));
  if (fd < 0) return -errno;
  ::close(fd);
  return 0;
}

bool looksLikeCorePmu(const std::string& source) {
  return source == "cpu" || source == "cpu_core" || source == "cpu_atom" || source.rfind("armv", 0) == 0 ||
         source.rfind("arm_", 0) == 0 || source.rfind("riscv", 0) == 0;
}

// Opening cycles answers the question directly; when permissions hide the answer the kernel's
// list of event sources decides.
std::pair<bool, std::string> detectHardwarePmu(const std::vector<std::string>& sources) {
  perf_event_attr a;
  std::memset(&a, 0, sizeof a);
  a.size = sizeof a;
  a.type = PERF_TYPE_HARDWARE;
  a.config = PERF_COUNT_HW_CPU_CYCLES;
  a.exclude_kernel = 1;
  a.exclude_hv = 1;
  const int rc = openAlone(a);
  if (rc == 0) return {true, "cycles opens"};
  if (rc == -ENOENT || rc == -ENODEV || rc == -EOPNOTSUPP)
    return {false, "cycles fails with " + errnoName(-rc) + " and /sys/bus/event_source/devices has no CPU PMU"};
  const bool listed = std::any_of(sources.begin(), sources.end(), looksLikeCorePmu);
  return {listed, "cycles fails with " + errnoName(-rc) + "; a CPU PMU is " +
                      (listed ? "listed" : "not listed") + " under /sys/bus/event_source/devices"};
}

} // namespace

std::string errnoName(int err) {
  switch (err) {
  case ENOENT: return "ENOENT";
  case EACCES: return "EACCES";
  case EPERM: return "EPERM";
  case EINVAL: return "EINVAL";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  case EBUSY: return "EBUSY";
  case EMFILE: return "EMFILE";
  case ENFILE: return "ENFILE";
  case ENODEV: return "ENODEV";
  case ENOSYS: return "ENOSYS";
  case E2BIG: return "E2BIG";
  case ESRCH: return "ESRCH";
  default: return "errno " + std::to_string(err);
  }
}

std::optional<int> readParanoidLevel(const std::string& path) {
  std::ifstream in(path);
  int level = 0;
  if (!(in >> level)) return std::nullopt;
  return level;
}

int paranoidLevel() { return readParanoidLevel().value_or(3); }

bool hasPerfmonPrivilege() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    unsigned long long caps = std::stoull(line.substr(7), nullptr, 16);
    constexpr int kCapSysAdmin = 21, kCapPerfmon = 38;
    return (caps >> kCapPerfmon & 1) || (caps >> kCapSysAdmin & 1);
  }
  return false;
}

Scope defaultScope() {
  return hasPerfmonPrivilege() || paranoidLevel() <= 1 ? Scope::UserAndKernel : Scope::User;
}

Explanation explainOpenError(int err, bool hardwareEvent, bool hardwarePmu, int paranoid, Scope scope) {
  const std::string level = "kernel.perf_event_paranoid=" + std::to_string(paranoid);
  switch (err) {
  case ENOENT:
    if (hardwareEvent && !hardwarePmu)
      return {kNoHardwarePmu, "run on bare metal or enable the hypervisor's virtual PMU (QEMU/KVM: -cpu host,pmu=on)"};
    if (hardwareEvent)
      return {"this CPU's PMU has no counter for this event", "leave it out of the events to count (the PMU's event list shows what opens)"};
    return {"the kernel does not know this software event", "leave it out of the events to count"};
  case EACCES:
  case EPERM:
    if (paranoid >= 3)
      return {level + " forbids perf_event use by unprivileged processes", kPrivilegeFix};
    if (scope == Scope::UserAndKernel && paranoid >= 2)
      return {level + " forbids counting kernel mode without CAP_PERFMON", kPrivilegeFix};
    return {"permission denied by the kernel (" + level + ")", kPrivilegeFix};
  case EOPNOTSUPP:
    return {"the PMU cannot count this event as asked (no overflow interrupt or unsupported exclusion)",
            "leave it out of the events to count"};
  case EINVAL:
    return {"the kernel rejected the encoding: the event or a modifier is not valid on this CPU",
            "check the name against the PMU's event list"};
  case EBUSY:
    return {"the counter is held exclusively by another user (another profiler or the NMI watchdog)",
            "stop the other profiler, or run `sysctl kernel.nmi_watchdog=0` as root"};
  case EMFILE:
  case ENFILE:
    return {"too many open files", "raise the limit with `ulimit -n` or count fewer events"};
  case ENODEV: return {"the PMU or CPU this event belongs to does not exist here", "leave it out of the events to count"};
  case ENOSYS: return {"this kernel was built without perf_event support", "use a kernel with CONFIG_PERF_EVENTS"};
  case E2BIG:
    return {"the kernel does not understand this perf_event_attr size (kernel older than the headers)",
            "build against the running kernel's headers"};
  default: return {std::strerror(err), ""};
  }
}

EventAvailability probeEvent(const std::string& name, Scope scope, bool hardwarePmu) {
  EventAvailability a;
  a.event = name;
  EncodedEvent e;
  try {
    e = encodeEvent(name, scope);
  } catch (const Error& err) {
    a.reason = err.what();
    a.fix = "check the spelling against the PMU's event list";
    return a;
  }
  a.hardware = e.hardware;
  a.encoding = e.encoding;
  const int rc = openAlone(e.attr);
  if (rc == 0) {
    a.available = true;
    return a;
  }
  a.error = -rc;
  a.errorName = errnoName(a.error);
  auto ex = explainOpenError(a.error, e.hardware, hardwarePmu, paranoidLevel(), scope);
  a.reason = ex.reason;
  a.fix = ex.fix;
  return a;
}

Capability probe(const std::vector<std::string>& events) {
  Capability c;
  c.paranoidReadable = readParanoidLevel().has_value();
  c.paranoid = paranoidLevel();
  c.privileged = hasPerfmonPrivilege();
  c.scope = defaultScope();
  c.kernelSources = kernelEventSources();
  std::tie(c.hardwarePmu, c.hardwarePmuNote) = detectHardwarePmu(c.kernelSources);
  for (const auto& name : events) c.events.push_back(probeEvent(name, c.scope, c.hardwarePmu));
  return c;
}

} // namespace maple::counters
