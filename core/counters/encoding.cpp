#include "counters/encoding.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"
#include "counters/pmu.hpp"

#include <perfmon/pfmlib_perf_event.h>

#include <cstdlib>
#include <cstring>
#include <map>

namespace maple::counters {
namespace {

struct Generic {
  std::uint32_t type;
  std::uint64_t config;
};

constexpr std::uint64_t cache(std::uint64_t id, std::uint64_t op, std::uint64_t result) {
  return id | (op << 8) | (result << 16);
}

// perf's own names (tools/perf/util/parse-events.c) and their generic ids.
const std::map<std::string, Generic>& genericTable() {
  static const std::map<std::string, Generic> table{
      {"cycles", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES}},
      {"cpu-cycles", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES}},
      {"instructions", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS}},
      {"cache-references", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_REFERENCES}},
      {"cache-misses", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_MISSES}},
      {"branch-instructions", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_INSTRUCTIONS}},
      {"branches", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_INSTRUCTIONS}},
      {"branch-misses", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_MISSES}},
      {"bus-cycles", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_BUS_CYCLES}},
      {"stalled-cycles-frontend", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_STALLED_CYCLES_FRONTEND}},
      {"stalled-cycles-backend", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_STALLED_CYCLES_BACKEND}},
      {"ref-cycles", {PERF_TYPE_HARDWARE, PERF_COUNT_HW_REF_CPU_CYCLES}},
      {"L1-dcache-loads",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_L1D, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_ACCESS)}},
      {"L1-dcache-load-misses",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_L1D, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS)}},
      {"L1-dcache-stores",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_L1D, PERF_COUNT_HW_CACHE_OP_WRITE, PERF_COUNT_HW_CACHE_RESULT_ACCESS)}},
      {"L1-icache-load-misses",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_L1I, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS)}},
      {"LLC-loads",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_LL, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_ACCESS)}},
      {"LLC-load-misses",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_LL, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS)}},
      {"dTLB-loads",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_DTLB, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_ACCESS)}},
      {"dTLB-load-misses",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_DTLB, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS)}},
      {"iTLB-load-misses",
       {PERF_TYPE_HW_CACHE, cache(PERF_COUNT_HW_CACHE_ITLB, PERF_COUNT_HW_CACHE_OP_READ, PERF_COUNT_HW_CACHE_RESULT_MISS)}},
      {"task-clock", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK}},
      {"cpu-clock", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK}},
      {"page-faults", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS}},
      {"faults", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS}},
      {"minor-faults", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS_MIN}},
      {"major-faults", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS_MAJ}},
      {"context-switches", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CONTEXT_SWITCHES}},
      {"cs", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CONTEXT_SWITCHES}},
      {"cpu-migrations", {PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_MIGRATIONS}},
  };
  return table;
}

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

} // namespace

std::string scopeName(Scope s) { return s == Scope::User ? "user" : "user+kernel"; }

bool isGenericName(const std::string& name) { return genericTable().count(name) > 0; }

const std::vector<std::string>& mapleHardwareEvents() {
  static const std::vector<std::string> list{
      "cycles",          "instructions",          "cache-references",        "cache-misses",
      "branch-instructions", "branch-misses",     "L1-dcache-loads",         "L1-dcache-load-misses",
      "LLC-loads",       "LLC-load-misses",       "dTLB-load-misses",        "stalled-cycles-frontend",
      "stalled-cycles-backend"};
  return list;
}

const std::vector<std::string>& softwareEvents() {
  static const std::vector<std::string> list{"task-clock", "page-faults", "context-switches", "cpu-migrations"};
  return list;
}

std::vector<std::string> mapleEvents() {
  auto names = mapleHardwareEvents();
  names.insert(names.end(), softwareEvents().begin(), softwareEvents().end());
  return names;
}

EncodedEvent encodeEvent(const std::string& name, Scope scope) {
  EncodedEvent e;
  e.name = name;
  auto& a = e.attr;
  std::memset(&a, 0, sizeof a);
  a.size = sizeof a; // before encoding: libpfm4 checks it
  if (auto it = genericTable().find(name); it != genericTable().end()) {
    a.type = it->second.type;
    a.config = it->second.config;
    e.pmu = "generic";
    e.hardware = a.type != PERF_TYPE_SOFTWARE;
    e.encoding = std::string(a.type == PERF_TYPE_SOFTWARE ? "generic software " :
                             a.type == PERF_TYPE_HW_CACHE ? "generic hw-cache " : "generic hardware ") +
                 hex(a.config);
    a.exclude_hv = 1;
  } else {
    ensureLibpfm();
    pfm_perf_encode_arg_t arg;
    std::memset(&arg, 0, sizeof arg);
    arg.size = sizeof arg;
    arg.attr = &a;
    char* fstr = nullptr;
    arg.fstr = &fstr;
    const int plm = scope == Scope::User ? PFM_PLM3 : (PFM_PLM0 | PFM_PLM3);
    const int rc = pfm_get_os_event_encoding(name.c_str(), plm, PFM_OS_PERF_EVENT_EXT, &arg);
    if (rc != PFM_SUCCESS) {
      std::string hint = rc == PFM_ERR_NOTFOUND
                             ? " (the PMU's event list names its events; perf's generic names such as cycles or "
                               "LLC-load-misses are also accepted)"
                             : "";
      badInput("event " + text::quote(name) + " cannot be encoded: " + pfm_strerror(rc) + hint);
    }
    e.encoding = fstr ? fstr : name;
    std::free(fstr);
    pfm_event_info_t ev;
    std::memset(&ev, 0, sizeof ev);
    ev.size = sizeof ev;
    pfm_pmu_info_t pmu;
    std::memset(&pmu, 0, sizeof pmu);
    pmu.size = sizeof pmu;
    if (pfm_get_event_info(arg.idx, PFM_OS_PERF_EVENT_EXT, &ev) == PFM_SUCCESS &&
        pfm_get_pmu_info(ev.pmu, &pmu) == PFM_SUCCESS)
      e.pmu = pmu.name;
    e.hardware = a.type != PERF_TYPE_SOFTWARE;
  }
  a.exclude_kernel = scope == Scope::User ? 1 : 0;
  a.disabled = 1;
  a.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
  return e;
}

} // namespace maple::counters
