#pragma once
// A set of open counters on the calling thread: one perf_event group per PMU (software events in
// their own group), each group no larger than the PMU's counter count so that it can be scheduled
// at all; the kernel multiplexes between groups. Counters start disabled. With inherit they also
// count threads the calling thread creates after the set is opened (an engine's worker pool).
#include "counters/encoding.hpp"
#include "counters/reading.hpp"

#include <vector>

namespace maple::counters {

class CounterSet {
public:
  // Throws Io with the plain reason and fix when an event does not open.
  explicit CounterSet(std::vector<EncodedEvent> events, bool inherit = true);
  ~CounterSet();
  CounterSet(const CounterSet&) = delete;
  CounterSet& operator=(const CounterSet&) = delete;

  void enable();
  void disable();
  // One reading per event, in the order given. Safe to call from another thread while counting.
  std::vector<Reading> read() const;
  const std::vector<EncodedEvent>& events() const { return events_; }
  int groupCount() const { return static_cast<int>(groups_.size()); }

private:
  struct Group {
    std::vector<int> fds;         // leader first
    std::vector<size_t> eventIdx; // position of each member in events_
  };
  std::vector<EncodedEvent> events_;
  std::vector<Group> groups_;
  void closeAll();
};

} // namespace maple::counters
