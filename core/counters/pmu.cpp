#include "counters/pmu.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <perfmon/pfmlib_perf_event.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace maple::counters {
namespace {

std::string pmuType(pfm_pmu_type_t t) {
  switch (t) {
  case PFM_PMU_TYPE_CORE: return "core";
  case PFM_PMU_TYPE_UNCORE: return "uncore";
  case PFM_PMU_TYPE_OS_GENERIC: return "os-generic";
  default: return "unknown";
  }
}

bool pmuInfo(pfm_pmu_t p, pfm_pmu_info_t& info) {
  std::memset(&info, 0, sizeof info);
  info.size = sizeof info;
  return pfm_get_pmu_info(p, &info) == PFM_SUCCESS && info.is_present;
}

} // namespace

void ensureLibpfm() {
  static std::once_flag once;
  static int rc = PFM_SUCCESS;
  std::call_once(once, [] { rc = pfm_initialize(); });
  if (rc != PFM_SUCCESS)
    fail(ErrorKind::Io, std::string("libpfm4 cannot start: ") + pfm_strerror(rc) +
                            " (check LIBPFM_FORCE_PMU and the libpfm4 installation)");
}

std::string libpfmVersion() {
  const int v = pfm_get_version();
  return std::to_string(PFM_MAJ_VERSION(v)) + "." + std::to_string(PFM_MIN_VERSION(v));
}

std::vector<PmuInfo> listPmus() {
  ensureLibpfm();
  std::vector<PmuInfo> out;
  for (int p = PFM_PMU_NONE; p < PFM_PMU_MAX; ++p) {
    pfm_pmu_info_t info;
    if (!pmuInfo(static_cast<pfm_pmu_t>(p), info)) continue;
    out.push_back({info.name, info.desc ? info.desc : "", pmuType(info.type), info.nevents, info.num_cntrs,
                   info.num_fixed_cntrs});
  }
  return out;
}

std::vector<PmuEvent> listPmuEvents(const std::string& pmu) {
  ensureLibpfm();
  pfm_pmu_info_t info;
  bool found = false;
  std::string present;
  for (int p = PFM_PMU_NONE; p < PFM_PMU_MAX; ++p) {
    if (!pmuInfo(static_cast<pfm_pmu_t>(p), info)) continue;
    present += (present.empty() ? "" : ", ") + std::string(info.name);
    if (pmu == info.name) {
      found = true;
      break;
    }
  }
  if (!found) badInput("no PMU named " + text::quote(pmu) + " is present (present: " + present + ")");
  std::vector<PmuEvent> out;
  for (int i = info.first_event; i != -1; i = pfm_get_event_next(i)) {
    pfm_event_info_t ev;
    std::memset(&ev, 0, sizeof ev);
    ev.size = sizeof ev;
    if (pfm_get_event_info(i, PFM_OS_PERF_EVENT_EXT, &ev) != PFM_SUCCESS) continue;
    PmuEvent e{pmu + "::" + ev.name, ev.desc ? ev.desc : "", {}};
    for (int a = 0; a < ev.nattrs; ++a) {
      pfm_event_attr_info_t at;
      std::memset(&at, 0, sizeof at);
      at.size = sizeof at;
      if (pfm_get_event_attr_info(i, a, PFM_OS_PERF_EVENT_EXT, &at) == PFM_SUCCESS && at.type == PFM_ATTR_UMASK)
        e.umasks.push_back(at.name);
    }
    out.push_back(std::move(e));
  }
  return out;
}

int coreCounterCount() {
  for (const auto& p : listPmus())
    if (p.type == "core") return p.genericCounters;
  return 0;
}

std::vector<std::string> kernelEventSources() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/sys/bus/event_source/devices", ec))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace maple::counters
