#include "counters/session.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"
#include "counters/counter_set.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"
#include "measure/conditions.hpp"
#include "measure/pinning.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace maple::counters {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Refused events grouped by reason, so forty ENOENTs read as one line.
std::string refusalText(const std::vector<EventStatus>& refused) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& s : refused) {
    const std::string key = s.reason + (s.fix.empty() ? "" : "; fix: " + s.fix);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) groups.push_back({key, {s.event}});
    else it->second.push_back(s.event);
  }
  std::string out;
  for (const auto& [key, names] : groups) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    out += "\n  " + list + ": " + key;
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Stops and joins the sampling thread on every exit path.
class Sampler {
public:
  Sampler(const CounterSet& set, Clock::time_point t0, double intervalMs, Capture& capture, std::mutex& mu,
          const std::function<bool(const std::vector<Sample>&)>& onSamples, std::atomic<bool>& cancelled)
      : set_(set), t0_(t0), capture_(capture), mu_(mu), onSamples_(onSamples), cancelled_(cancelled) {
    thread_ = std::thread([this, intervalMs] {
      std::unique_lock lock(waitMu_);
      while (!cv_.wait_for(lock, std::chrono::duration<double, std::milli>(intervalMs), [this] { return stop_; })) {
        lock.unlock();
        sampleOnce();
        lock.lock();
      }
    });
  }
  ~Sampler() { stop(); }
  void stop() {
    {
      std::lock_guard lock(waitMu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  void sampleOnce() {
    std::vector<Sample> batch;
    try {
      const auto readings = set_.read();
      const double t = msSince(t0_);
      for (size_t i = 0; i < readings.size(); ++i)
        if (readings[i].counted()) batch.push_back({t, set_.events()[i].name, readings[i]});
    } catch (const Error&) {
      return; // the capturing thread reads the same counters and reports the failure
    }
    {
      std::lock_guard lock(mu_);
      capture_.samples.insert(capture_.samples.end(), batch.begin(), batch.end());
    }
    if (onSamples_ && !batch.empty() && !onSamples_(batch)) cancelled_ = true;
  }

private:
  const CounterSet& set_;
  Clock::time_point t0_;
  Capture& capture_;
  std::mutex& mu_;
  const std::function<bool(const std::vector<Sample>&)>& onSamples_;
  std::atomic<bool>& cancelled_;
  std::mutex waitMu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// A timed repeat lasts at least this long, so that multiplexed groups each get PMU time in it.
constexpr double kMinRepeatMs = 10;

// Times `repeats` repeats of one step (`passes` runs each) while counting; nullopt when a stop
// came mid-step.
std::optional<StepResult> measureStep(const WorkloadStep& step, int passes, int repeats, const CounterSet& set,
                                      const std::function<void()>& checkCancel, const std::function<bool()>& stopping) {
  StepResult r{step.name, step.kind, repeats * passes, 0, 0, 0, {}, {}};
  std::vector<double> ms;
  const auto before = set.read();
  for (int rep = 0; rep < repeats; ++rep) {
    const auto s0 = Clock::now();
    for (int p = 0; p < passes; ++p) step.run();
    ms.push_back(msSince(s0) / passes);
    checkCancel();
    if (stopping()) return std::nullopt;
  }
  const auto after = set.read();
  r.medianMs = median(ms);
  r.minMs = *std::min_element(ms.begin(), ms.end());
  double sum = 0;
  for (double v : ms) sum += v;
  r.meanMs = sum / ms.size();
  for (size_t e = 0; e < set.events().size(); ++e) {
    const auto& name = set.events()[e].name;
    const auto d = difference(after[e], before[e]);
    if (!d.counted())
      fail(ErrorKind::Io, "counter " + text::quote(name) + " never ran during step " + text::quote(step.name) +
                              " (the PMU had no free counter for its group): count fewer events or stop other "
                              "profilers and the NMI watchdog");
    r.perRun[name] = d.value / r.runs;
    r.scale[name] = d.scale;
  }
  return r;
}

} // namespace

std::vector<std::string> Capture::countedEvents() const {
  std::vector<std::string> out;
  for (const auto& e : events)
    if (e.counted) out.push_back(e.event);
  return out;
}

bool Capture::counted(const std::string& event) const {
  return std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.counted && e.event == event; });
}

EventPlan planEvents(const CaptureOptions& options) {
  const bool explicitList = !options.events.empty();
  std::vector<std::string> names = options.events;
  if (!explicitList) names = mapleEvents();
  const auto cap = probe(names);
  EventPlan plan;
  plan.scope = scopeName(cap.scope);
  std::vector<EventStatus> refusedHw, refusedSw;
  int hwOk = 0;
  for (const auto& a : cap.events) {
    if (a.encoding.empty()) badInput(a.reason); // a misspelt name is never "unavailable"
    plan.statuses.push_back({a.event, a.hardware, a.available, a.encoding, a.reason, a.fix});
    if (a.available) hwOk += a.hardware ? 1 : 0;
    else (a.hardware ? refusedHw : refusedSw).push_back(plan.statuses.back());
  }
  if (!refusedSw.empty())
    fail(ErrorKind::Io, "software events cannot be counted here either:" + refusalText(refusedSw));
  // Asking for software events only is a software capture by choice; hardware events that all
  // fail make one only with the user's consent.
  plan.softwareOnly = hwOk == 0;
  if (plan.softwareOnly && !refusedHw.empty() && !options.allowSoftwareFallback)
    fail(ErrorKind::Io, "hardware counters cannot be counted here:" + refusalText(refusedHw) +
                            "\nor allow the labelled software fallback (" + setting("allow-software") +
                            "): it makes a software-timing descriptor, not a counter descriptor");
  if (explicitList && !plan.softwareOnly && !refusedHw.empty())
    fail(ErrorKind::Io, "some requested events cannot be counted here:" + refusalText(refusedHw));
  for (const auto& s : plan.statuses)
    if (s.counted) plan.toCount.push_back(s.event);
  if (plan.softwareOnly && std::find(plan.toCount.begin(), plan.toCount.end(), "task-clock") == plan.toCount.end()) {
    auto extra = probe(softwareEvents());
    for (const auto& a : extra.events)
      if (a.available && std::find(plan.toCount.begin(), plan.toCount.end(), a.event) == plan.toCount.end()) {
        plan.statuses.push_back({a.event, false, true, a.encoding, "", ""});
        plan.toCount.push_back(a.event);
      }
  }
  return plan;
}

std::string hostConditionsJson(const std::string& scope) {
  const auto host = measure::detectHost();
  const auto freq = measure::readCpuFrequencies(measure::allowedCpus());
  const auto paranoid = readParanoidLevel(); // null when unreadable: unknown, not level 3
  std::string corePmu;
  for (const auto& p : listPmus())
    if (p.type == "core") corePmu = p.name + " (" + std::to_string(p.genericCounters) + " generic + " +
                                    std::to_string(p.fixedCounters) + " fixed counters)";
  nlohmann::json j{{"host", host.hostname},
                   {"cpu_model", host.cpuModel},
                   {"microarchitecture", host.microarchitecture},
                   {"logical_cpus", host.logicalCpus},
                   {"kernel", host.kernel},
                   {"governor", freq.empty() ? std::string(measure::kUnavailable) : freq.front().governor},
                   {"perf_event_paranoid", paranoid ? nlohmann::json(*paranoid) : nlohmann::json(nullptr)},
                   {"privileged", hasPerfmonPrivilege()},
                   {"scope", scope},
                   {"libpfm4_api", libpfmVersion()},
                   {"libpfm4_core_pmu", corePmu},
                   {"kernel_event_sources", kernelEventSources()}};
  return j.dump();
}

Capture runCapture(engine::Engine& engine, const std::string& workloadName, const engine::RunConfig& config,
                   const CaptureOptions& options, const CaptureCallbacks& callbacks) {
  if (options.repeats < 1) fail(ErrorKind::Usage, "repeats must be at least 1");
  workloadCells(workloadName); // an unknown name fails before anything is probed
  const auto plan = planEvents(options);
  const Scope scope = plan.scope == "user" ? Scope::User : Scope::UserAndKernel;
  std::vector<EncodedEvent> encoded;
  for (const auto& name : plan.toCount) encoded.push_back(encodeEvent(name, scope));

  CounterSet set(encoded, options.inherit);
  const auto workload = prepareWorkload(workloadName, engine, config, [&](int done, int total) {
    return !callbacks.onProgress ||
           callbacks.onProgress(0.1 * done / total, done < total ? "preparing step " + std::to_string(done + 1) : "prepared");
  });

  Capture c;
  c.workload = workload.name;
  c.engine = workload.engine;
  c.repeats = options.repeats;
  c.scope = plan.scope;
  c.softwareOnly = plan.softwareOnly;
  c.events = plan.statuses;
  c.plannedSteps = static_cast<int>(workload.steps.size());
  c.startedAt = text::nowIso8601();
  c.hostJson = hostConditionsJson(plan.scope);

  std::atomic<bool> cancelled{false};
  auto checkCancel = [&] {
    if (cancelled) fail(ErrorKind::Cancelled, "capture cancelled");
  };

  // Warm-up (uncounted) also calibrates how many passes make one timed repeat.
  std::vector<int> passes(workload.steps.size(), 1);
  for (size_t i = 0; i < workload.steps.size(); ++i) {
    const auto t0 = Clock::now();
    workload.steps[i].run();
    const double ms = msSince(t0);
    passes[i] = std::clamp(static_cast<int>(std::ceil(kMinRepeatMs / std::max(ms, 1e-3))), 1, 10000);
  }

  std::mutex mu;
  const auto t0 = Clock::now();
  set.enable();
  Sampler sampler(set, t0, options.sampleIntervalMs, c, mu, callbacks.onSamples, cancelled);
  const auto stopping = [&] { return callbacks.stopRequested && callbacks.stopRequested(); };
  const size_t n = workload.steps.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& step = workload.steps[i];
    if (callbacks.onProgress && !callbacks.onProgress(0.1 + 0.9 * i / n, step.name)) cancelled = true;
    checkCancel();
    auto r = stopping() ? std::nullopt : measureStep(step, passes[i], options.repeats, set, checkCancel, stopping);
    if (!r) {
      c.partial = true;
      break;
    }
    for (const auto& [event, count] : r->perRun) c.totals[event] += count;
    c.steps.push_back(std::move(*r));
  }
  set.disable();
  sampler.stop();
  checkCancel();
  sampler.sampleOnce(); // the final cumulative values, after the last step
  c.durationMs = msSince(t0);
  if (c.steps.empty()) fail(ErrorKind::Cancelled, "capture stopped before its first step was counted: nothing to keep");
  if (callbacks.onProgress)
    callbacks.onProgress(1.0, c.partial ? "stopped after " + std::to_string(c.steps.size()) + " of " +
                                              std::to_string(n) + " steps"
                                        : "done");
  return c;
}

} // namespace maple::counters
