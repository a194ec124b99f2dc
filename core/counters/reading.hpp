#pragma once
// A counter value with its multiplexing record. When more events are asked for than the PMU has
// counters, the kernel time-shares them; a counter then ran only part of the time it was enabled
// and perf's estimate is raw * enabled / running. The scale factor travels with the value so
// a reader can see how much of it is extrapolated.
#include <cstdint>

namespace maple::counters {

struct Reading {
  std::uint64_t raw = 0;
  std::uint64_t enabledNs = 0;
  std::uint64_t runningNs = 0;
  double value = 0; // raw * scale; NaN when the counter never ran (never a silent zero)
  double scale = 1; // enabled / running (1 when not multiplexed)
  bool counted() const { return runningNs > 0; }
};

// running == 0: not counted (value NaN). running > enabled cannot happen on a sane kernel and is
// treated as unscaled.
Reading scaleReading(std::uint64_t raw, std::uint64_t enabledNs, std::uint64_t runningNs);
// The counts between two readings of the same counter, scaled by that interval's own ratio. Io
// error when the later reading is smaller (a reset counter), never a silent zero.
Reading difference(const Reading& later, const Reading& earlier);

} // namespace maple::counters
