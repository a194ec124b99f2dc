#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/text.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"

#include <algorithm>
#include <iostream>

namespace maple::cli {
namespace {

std::vector<std::string> defaultEvents() {
  auto names = counters::mapleHardwareEvents();
  names.insert(names.end(), counters::softwareEvents().begin(), counters::softwareEvents().end());
  return names;
}

std::string paranoidMeaning(int level, bool privileged) {
  if (privileged) return "privileged (CAP_PERFMON or CAP_SYS_ADMIN): no restriction";
  switch (level) {
  case -1: return "no restriction";
  case 0: return "per-process and CPU-wide counting allowed";
  case 1: return "per-process counting of user and kernel mode";
  case 2: return "per-process counting of user mode only";
  default: return "no unprivileged perf_event use at all";
  }
}

void listEvents(const std::string& pmu, bool json) {
  const auto events = counters::listPmuEvents(pmu);
  if (json) {
    auto arr = nlohmann::json::array();
    for (const auto& e : events) arr.push_back({{"name", e.name}, {"umasks", e.umasks}, {"description", e.description}});
    printJson({{"pmu", pmu}, {"events", arr}});
    return;
  }
  for (const auto& e : events) {
    std::string masks;
    for (const auto& m : e.umasks) masks += (masks.empty() ? "" : ",") + m;
    std::cout << e.name << (masks.empty() ? "" : " [" + masks + "]") << "\n    " << e.description << "\n";
  }
}

} // namespace

void addPmuCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("pmu", "What this machine can count with perf_event, and why not");
  struct Opts {
    std::string events, pmu;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--events", o->events, "Comma-separated events to probe (default: MAPLE's set and software events)");
  cmd->add_option("--pmu", o->pmu, "List the events of this libpfm4 PMU instead");
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->callback([o] {
    if (!o->pmu.empty()) return listEvents(o->pmu, o->json);
    std::vector<std::string> names;
    for (auto n : text::split(o->events, ','))
      if (!text::trim(n).empty()) names.emplace_back(text::trim(n));
    if (names.empty()) names = defaultEvents();
    const auto cap = counters::probe(names);
    const auto pmus = counters::listPmus();
    if (o->json) {
      auto pmuArr = nlohmann::json::array();
      for (const auto& p : pmus)
        pmuArr.push_back({{"name", p.name}, {"description", p.description}, {"type", p.type}, {"events", p.events},
                          {"generic_counters", p.genericCounters}, {"fixed_counters", p.fixedCounters}});
      auto evArr = nlohmann::json::array();
      for (const auto& e : cap.events)
        evArr.push_back({{"event", e.event}, {"hardware", e.hardware}, {"available", e.available},
                         {"encoding", e.encoding}, {"errno", e.errorName}, {"reason", e.reason}, {"fix", e.fix}});
      printJson({{"perf_event_paranoid", cap.paranoidReadable ? nlohmann::json(cap.paranoid) : nlohmann::json()},
                 {"privileged", cap.privileged},
                 {"scope", counters::scopeName(cap.scope)},
                 {"hardware_pmu", cap.hardwarePmu},
                 {"hardware_pmu_note", cap.hardwarePmuNote},
                 {"kernel_event_sources", cap.kernelSources},
                 {"libpfm4_api", counters::libpfmVersion()},
                 {"pmus", pmuArr},
                 {"events", evArr}});
      return;
    }
    std::string sources;
    for (const auto& s : cap.kernelSources) sources += (sources.empty() ? "" : ", ") + s;
    if (cap.paranoidReadable)
      std::cout << "perf_event_paranoid: " << cap.paranoid << " (" << paranoidMeaning(cap.paranoid, cap.privileged) << ")";
    else
      std::cout << "perf_event_paranoid: unreadable (/proc/sys/kernel/perf_event_paranoid is missing: a kernel without "
                   "perf_event, or no /proc; counting is treated as not allowed)";
    std::cout << "\ncounting scope:      " << counters::scopeName(cap.scope)
              << "\nhardware PMU:        " << (cap.hardwarePmu ? "yes" : "no") << " (" << cap.hardwarePmuNote << ")\n";
    if (!cap.hardwarePmu) std::cout << "                     " << counters::kNoHardwarePmu << "\n";
    std::cout << "kernel event sources: " << sources << "\n\nlibpfm4 (API " << counters::libpfmVersion()
              << ") PMUs (`maple pmu --pmu NAME` lists a PMU's events):\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : pmus)
      rows.push_back({p.name, p.type, std::to_string(p.events), std::to_string(p.genericCounters),
                      std::to_string(p.fixedCounters), p.description});
    printTable({"PMU", "TYPE", "EVENTS", "COUNTERS", "FIXED", "DESCRIPTION"}, rows);
    std::cout << "\n";
    rows.clear();
    std::vector<std::string> fixes; // each fix once, however many events it concerns
    for (const auto& e : cap.events) {
      rows.push_back({e.event, e.available ? "ok" : (e.errorName.empty() ? "unknown" : e.errorName),
                      e.encoding.empty() ? "-" : e.encoding, e.available ? "" : e.reason});
      if (!e.available && !e.fix.empty() && std::find(fixes.begin(), fixes.end(), e.fix) == fixes.end())
        fixes.push_back(e.fix);
    }
    printTable({"EVENT", "STATUS", "ENCODING", "WHY NOT"}, rows);
    for (const auto& f : fixes) std::cout << "fix: " << f << "\n";
  });
}

} // namespace maple::cli
