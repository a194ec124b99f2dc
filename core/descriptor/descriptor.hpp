#pragma once
// A hardware descriptor: a named, versioned vector that tells predictors what a device is like.
// Kinds (each normalised as its producer documents):
//   counters          MAPLE's hardware-counter vector from a capture
//   counters-edge     MAPLE-Edge's generic kernel counters normalised by operator latency
//   software-timing   fallback from software events and timings where no hardware PMU exists;
//                     never passed off as a counter descriptor
//   reference-latency latencies of fixed reference architectures on the device, normalised
//   specs             spec-sheet facts of the hardware
// A plain value: store/descriptors.hpp persists it.
#include <string>
#include <vector>

namespace maple::descriptor {

struct Descriptor {
  std::string kind;
  int version = 1;
  std::vector<std::string> names; // one per value, e.g. "instructions_per_cycle"
  std::vector<double> values;
  std::string provenance;         // how it was made (capture id, reference archs, file)
  int shotsUsed = 0;              // latencies measured on the device to build it (count as shots)
};

// Every kind above: what a training pool can be described by. The two any project can make (from
// its latencies and devices table) come first, as the faces offer them.
inline const std::vector<std::string>& kinds() {
  static const std::vector<std::string> all{"reference-latency", "specs", "counters", "counters-edge", "software-timing"};
  return all;
}

} // namespace maple::descriptor
