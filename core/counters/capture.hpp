#pragma once
// A capture: counter values recorded while a reference workload ran on a device (or imported from
// `perf stat` output recorded elsewhere). It holds the time series streamed during the run and, per
// workload step, the counts of one run and its latency: the input of the descriptor reduction.
#include "counters/reading.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace maple::counters {

// What became of one event asked for. Unavailable events keep their reason: never a silent zero.
struct EventStatus {
  std::string event;
  bool hardware = true;
  bool counted = false;
  std::string encoding;
  std::string reason, fix; // why not counted, what would fix it
};

struct Sample {
  double tMs = 0;   // since counting started
  std::string event;
  Reading reading;  // cumulative since counting started, scaled
};

struct StepResult {
  std::string name; // workload step, e.g. "op/nor_conv_3x3"
  std::string kind; // "operator" or "network"
  int runs = 0;     // timed runs
  double medianMs = 0, meanMs = 0, minMs = 0;
  std::map<std::string, double> perRun; // scaled counts of one run, per event
  std::map<std::string, double> scale;  // multiplexing scale of those counts
};

struct Capture {
  std::int64_t id = 0; // set once stored
  std::string workload, engine;
  std::string source = "perf_event"; // or "perf-stat-csv:<file>"
  int repeats = 0;
  std::string scope;         // "user" or "user+kernel"
  bool softwareOnly = false; // no hardware event was counted: reduces to software-timing only
  // Stopped early: steps (and totals) cover only the first steps of the workload.
  bool partial = false;
  int plannedSteps = 0;      // steps the workload has (0 for an imported perf stat file)
  std::vector<EventStatus> events;
  std::vector<Sample> samples;
  std::vector<StepResult> steps;
  std::map<std::string, double> totals; // scaled counts of the measured part (all steps, one run each)
  std::string hostJson;                 // conditions: CPU model, kernel, paranoid, libpfm4 version
  std::string startedAt;
  double durationMs = 0;

  std::vector<std::string> countedEvents() const;
  bool counted(const std::string& event) const;
};

} // namespace maple::counters
