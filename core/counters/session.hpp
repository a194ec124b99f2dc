#pragma once
// Capture sessions: count a workload's steps with hardware (or, when allowed, software) events,
// streaming cumulative readings at a fixed interval for a live view.
#include "counters/capture.hpp"
#include "counters/workload.hpp"

#include <functional>

namespace maple::counters {

struct CaptureOptions {
  // Empty: MAPLE's generic hardware set plus the software events; events this machine cannot
  // count are then left out with their reason. Named events must all open.
  std::vector<std::string> events;
  int repeats = 5;            // timed runs of each step (after one warm-up run)
  double sampleIntervalMs = 50;
  bool allowSoftwareFallback = false;
  bool inherit = true;        // also count threads the workload creates
};

struct CaptureCallbacks {
  // Called on the sampling thread with each interval's readings; false cancels.
  std::function<bool(const std::vector<Sample>&)> onSamples;
  // Called on the capturing thread before each step; false cancels.
  std::function<bool(double fraction, const std::string& step)> onProgress;
  // Polled on the capturing thread before each step and after each timed repeat; true stops early
  // and keeps what was counted (a partial capture), where cancelling keeps nothing.
  std::function<bool()> stopRequested;
};

// Resolves which events to count: throws Io with each refused event's reason and fix when the
// request cannot be met (see CaptureOptions); softwareOnly tells the caller a fallback happened.
struct EventPlan {
  std::vector<EventStatus> statuses; // every event considered, counted or not
  std::vector<std::string> toCount;
  bool softwareOnly = false;
  std::string scope;
};
EventPlan planEvents(const CaptureOptions& options);

// Opens the counters, then prepares the named workload on the engine (so that worker threads the
// engine starts are counted through inherit), runs every step once uncounted as a warm-up, then
// `repeats` timed repeats of each step while counting. Throws Cancelled when a callback returns
// false, Io when counting fails, BadInput for an unknown workload. A stop returns the steps
// completed so far with `partial` set (the step it interrupted is dropped: its counts would cover
// only some repeats); a stop before the first step completed throws Cancelled: nothing was counted.
Capture runCapture(engine::Engine& engine, const std::string& workload, const engine::RunConfig& config,
                   const CaptureOptions& options, const CaptureCallbacks& callbacks = {});

// The conditions recorded with a capture (JSON text).
std::string hostConditionsJson(const std::string& scope);

} // namespace maple::counters
