#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"
#include "remote/agent_link.hpp"

#include <algorithm>
#include <iostream>

namespace maple::cli {
namespace {

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

void printCounting(const remote::Counting& c) {
  const auto& cap = c.capability;
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
  std::cout << "kernel event sources: " << sources << "\n\nlibpfm4 (API " << c.libpfmVersion
            << ") PMUs (`maple pmu --pmu NAME` lists a PMU's events):\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : c.pmus)
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
}

} // namespace

void addPmuCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("pmu", "What this machine (or a remote device) can count with perf_event, and why not");
  struct Opts {
    std::string events, pmu, remote;
    double timeout = 60;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--events", o->events, "Comma-separated events to probe (default: MAPLE's set and software events)");
  cmd->add_option("--pmu", o->pmu, "List the events of this libpfm4 PMU instead");
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->add_option("--remote", o->remote,
                  "Probe a remote device through this launcher, e.g. 'ssh pi@board maple agent' (/usr/share/doc/maple/remote.md)");
  cmd->add_option("--timeout", o->timeout, "With --remote: seconds to wait for the device's reply (default 60)");
  cmd->callback([o] {
    if (!o->pmu.empty()) {
      if (!o->remote.empty()) fail(ErrorKind::Usage, "--pmu lists this machine's libpfm4 tables; it does not take --remote");
      return listEvents(o->pmu, o->json);
    }
    std::vector<std::string> names;
    for (auto n : text::split(o->events, ','))
      if (!text::trim(n).empty()) names.emplace_back(text::trim(n));
    remote::Counting c;
    if (!o->remote.empty()) {
      InterruptGuard interrupt;
      remote::AgentLink link(o->remote, o->timeout, &InterruptGuard::interrupted);
      c = link.probe(names);
    } else {
      if (names.empty()) names = counters::mapleEvents();
      c = {counters::probe(names), counters::listPmus(), counters::libpfmVersion()};
    }
    if (o->json) return printJson(remote::toJson(c));
    printCounting(c);
  });
}
} // namespace maple::cli
