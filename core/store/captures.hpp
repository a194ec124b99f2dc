#pragma once
// Counter captures: one row per capture (what ran, which events, under which conditions) and its
// time series of samples. The JSON columns are written and read by counters/, which owns their shape.
#include "store/project.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maple::store {

struct CaptureRow {
  std::int64_t id = 0;
  std::int64_t deviceId = 0;
  std::string workload;
  std::optional<int> repeats;
  std::string eventsJson;     // the events asked for and what became of each
  std::string conditionsJson; // host, scope, per-step results
  std::string source;         // "perf_event", "perf-stat-csv:<file>", ...
  std::string startedAt;
  std::optional<double> durationMs;
  bool partial = false;       // stopped before every workload step ran
};

struct CaptureSampleRow {
  double tMs = 0;   // since the capture started
  std::string event;
  double value = 0; // scaled: raw * enabled / running
  double scale = 1; // enabled / running, kept so a reader can undo or judge the scaling
  std::optional<std::int64_t> timeEnabledNs, timeRunningNs;
};

// Writes the capture and all its samples in one transaction; returns the capture id.
std::int64_t saveCapture(Project& project, const CaptureRow& capture, const std::vector<CaptureSampleRow>& samples);
// Newest first; all devices when deviceId is absent.
std::vector<CaptureRow> listCaptures(Project& project, std::optional<std::int64_t> deviceId = {});
std::optional<CaptureRow> findCapture(Project& project, std::int64_t id);
std::vector<CaptureSampleRow> loadCaptureSamples(Project& project, std::int64_t captureId); // by time, in the order written

} // namespace maple::store
