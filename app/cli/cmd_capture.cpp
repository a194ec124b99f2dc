// maple capture: count the reference workload on this machine (or import `perf stat -x,` output
// recorded on another one), store the capture and the descriptors reduced from it in one
// transaction, and report what was counted, what was made, and what could not be and why.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "counters/perf_stat_import.hpp"
#include "services/capture.hpp"
#include "services/devices.hpp"
#include "services/remote.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>

namespace maple::cli {
namespace {

struct Opts {
  std::string project, device, events, workload, engine = "cpu", fromPerfStat, remote;
  double timeout = 300;
  int repeats = 5, threads = 1;
  bool allowSoftware = false, json = false;
};

// Counts the workload on this machine or on the device `launcher` reaches; Ctrl-C (or a failure)
// leaves nothing behind: storing comes after.
services::DeviceCapture liveCapture(const Opts& o, const std::string& launcher) {
  services::CaptureRequest request;
  request.engine = o.engine;
  request.workload = o.workload.empty() ? "nb201-reference" : o.workload;
  request.threads = o.threads;
  for (auto n : text::split(o.events, ','))
    if (!text::trim(n).empty()) request.options.events.emplace_back(text::trim(n));
  request.options.repeats = o.repeats;
  request.options.allowSoftwareFallback = o.allowSoftware;
  counters::CaptureCallbacks callbacks;
  std::atomic<std::size_t> streamed{0}; // written on the sampling thread (or, remotely, as readings arrive)
  callbacks.onSamples = [&streamed](const std::vector<counters::Sample>& batch) {
    streamed += batch.size();
    return !InterruptGuard::interrupted();
  };
  callbacks.onProgress = [&](double fraction, const std::string& step) {
    progressLine("capture: " + std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "% " + step + " (" +
                     std::to_string(streamed.load()) + " readings)",
                 step == "done");
    return !InterruptGuard::interrupted();
  };
  if (!launcher.empty()) std::cerr << "capturing via " << text::quote(launcher) << "\n";
  try {
    return services::captureOnDevice(request, launcher, callbacks, o.timeout, &InterruptGuard::interrupted);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Cancelled) {
      progressLine("capture: cancelled", true);
      fail(ErrorKind::Cancelled, std::string(e.what()) + ": nothing was stored");
    }
    throw;
  }
}

// The largest multiplexing scale an event had in any step (1: counted all the time).
double maxScale(const counters::Capture& c, const std::string& event) {
  double s = 1;
  for (const auto& step : c.steps)
    if (auto it = step.scale.find(event); it != step.scale.end()) s = std::max(s, it->second);
  return s;
}

nlohmann::json eventsJson(const counters::Capture& c) {
  auto arr = nlohmann::json::array();
  for (const auto& e : c.events) {
    const auto total = c.totals.find(e.event);
    arr.push_back({{"event", e.event},
                   {"hardware", e.hardware},
                   {"counted", e.counted},
                   {"per_run", e.counted && total != c.totals.end() ? nlohmann::json(total->second) : nlohmann::json(nullptr)},
                   {"max_scale", maxScale(c, e.event)},
                   {"reason", e.reason},
                   {"fix", e.fix}});
  }
  return arr;
}

void printReport(const Opts& o, const counters::Capture& c, const descriptor::Reduction& r, bool deviceCreated,
                 double wallS) {
  if (o.json) {
    auto steps = nlohmann::json::array();
    for (const auto& s : c.steps)
      steps.push_back({{"name", s.name}, {"kind", s.kind}, {"runs", s.runs}, {"median_ms", s.medianMs}});
    auto made = nlohmann::json::array();
    for (const auto& d : r.descriptors)
      made.push_back({{"kind", d.kind}, {"version", d.version}, {"names", d.names}, {"values", d.values},
                      {"provenance", d.provenance}});
    printJson({{"capture_id", c.id},
               {"device", o.device},
               {"device_created", deviceCreated},
               {"source", c.source},
               {"workload", c.workload},
               {"engine", c.engine},
               {"repeats", c.repeats},
               {"scope", c.scope},
               {"software_only", c.softwareOnly},
               {"duration_ms", c.durationMs},
               {"wall_s", wallS},
               {"samples", c.samples.size()},
               {"events", eventsJson(c)},
               {"steps", steps},
               {"descriptors", made},
               {"not_made", r.notes}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : c.events) {
    const auto total = c.totals.find(e.event);
    const bool have = e.counted && total != c.totals.end();
    rows.push_back({e.event, e.hardware ? "hardware" : "software", have ? fmt(total->second, 6) : "-",
                    have ? fmt(maxScale(c, e.event), 3) : "-", e.counted ? "counted" : "not counted: " + e.reason});
  }
  printTable({"EVENT", "KIND", "PER_RUN", "MAX_SCALE", "STATUS"}, rows);
  std::cout << "\ncapture " << c.id << " stored for device " << text::quote(o.device);
  if (!o.fromPerfStat.empty())
    std::cout << (deviceCreated ? " (created without specs)" : "") << ": imported from " << o.fromPerfStat << ", "
              << c.samples.size() << " readings\n";
  else
    std::cout << (deviceCreated ? " (created from the detected host)" : "") << ": workload " << c.workload << ", "
              << c.steps.size() << " steps x" << c.repeats << ", " << c.samples.size() << " readings, "
              << fmt(wallS, 3) << " s\n";
  for (const auto& d : r.descriptors) {
    std::cout << "descriptor " << d.kind << " v" << d.version << ": " << d.values.size() << " values";
    if (d.kind == "software-timing") std::cout << " (software events and timings, not hardware counters)";
    std::cout << "\n";
  }
  for (const auto& n : r.notes) std::cout << "not made: " << n << "\n";
}

void run(const Opts& o) {
  if (o.repeats < 1) fail(ErrorKind::Usage, "--repeats must be at least 1");
  if (o.threads < 0) fail(ErrorKind::Usage, "--threads must be 0 (all CPUs) or more");
  const auto t0 = std::chrono::steady_clock::now();
  auto project = store::Project::open(o.project);
  services::checkCaptureTarget(project, o.device); // before waiting for a capture
  InterruptGuard interrupt; // Ctrl-C cancels the capture; nothing is stored

  const auto launcher = o.fromPerfStat.empty() ? services::launcherFor(project, o.device, o.remote) : "";
  counters::Capture capture;
  services::CaptureOrigin origin;
  if (!o.fromPerfStat.empty()) {
    capture = counters::importPerfStatCsv(o.fromPerfStat, o.workload.empty() ? "external" : o.workload);
    origin.description = "maple capture --from-perf-stat " + o.fromPerfStat;
  } else {
    auto live = liveCapture(o, launcher);
    capture = std::move(live.capture);
    origin = std::move(live.origin);
  }
  const auto stored = services::storeCapture(project, o.device, capture, origin);
  if (!stored.notice.empty()) std::cerr << stored.notice << "\n";
  printReport(o, capture, stored.reduction, stored.deviceCreated,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

} // namespace

void addCaptureCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand(
      "capture", "Count hardware events while the reference workload runs (or import perf stat output) and store "
                 "the capture with its MAPLE descriptors");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  cmd->add_option("--device", o->device, "Device to store the capture under (created from this machine if new)")
      ->required();
  auto* events = cmd->add_option("--events", o->events,
                                 "Comma-separated events, all of which must count (default: MAPLE's hardware set "
                                 "plus software events, leaving out what this machine cannot count)");
  cmd->add_option("--workload", o->workload,
                  "nb201-reference (default: every operator and four reference networks) or nb201-ops; with "
                  "--from-perf-stat, a free label of what ran");
  auto* repeats = cmd->add_option("--repeats", o->repeats, "Timed repeats of each workload step (default 5)");
  auto* engine = cmd->add_option("--engine", o->engine,
                                 "cpu (default) or cuda (counts the CPU thread that drives the GPU)");
  auto* threads = cmd->add_option("--threads", o->threads, "Engine threads (default 1; 0: every CPU)")->check(threadRange());
  auto* allow = cmd->add_flag("--allow-software", o->allowSoftware,
                              "Without hardware counters, make a labelled software-timing descriptor instead of "
                              "failing");
  auto* perf = cmd->add_option("--from-perf-stat", o->fromPerfStat,
                               "Import this `perf stat -x,` output (recorded on another machine) as the capture");
  auto* remote = cmd->add_option("--remote", o->remote,
                                 "Capture on a remote device through this launcher, e.g. 'ssh pi@board maple agent' "
                                 "(kept with the device; /usr/share/doc/maple/remote.md)");
  cmd->add_option("--timeout", o->timeout, "With --remote: seconds to wait for each reply of the device (default 300)");
  for (auto* live : {events, repeats, engine, threads, allow, remote}) perf->excludes(live);
  cmd->add_flag("--json", o->json, "Print the capture summary as JSON");
  cmd->callback([o] { run(*o); });
}

} // namespace maple::cli
