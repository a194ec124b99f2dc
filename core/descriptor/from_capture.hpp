#pragma once
// Descriptors reduced from a counter capture. Normalisation (version 1 of each kind):
//
// counters (MAPLE): over one run of every workload step (the capture's totals), with hardware
// counts only:
//   ipc                                 instructions / cycles
//   stalled-cycles-*_per_cycle          stall cycles / cycles
//   <event>_per_kilo_instruction        1000 * event / instructions, for every other hardware event
//   cache-misses_per_reference, branch-misses_per_branch, L1-dcache-load-misses_per_load,
//   LLC-load-misses_per_load            miss ratios, where both events were counted
//   ghz                                 cycles / task-clock ns (effective clock while running)
//   Needs instructions and cycles. Rates, not counts: the workload's size cancels out.
// counters-edge (MAPLE-Edge): per workload step and hardware event, the count of one run divided
//   by the step's mean latency: "<step>/<event>_per_us" (events per microsecond).
// software-timing: only from a capture where no hardware event could be counted (never passed off
//   as counters): per step "<step>/ms" (median latency), "<step>/cpu_per_wall" (task-clock over
//   wall time), "<step>/page-faults_per_ms" and "<step>/context-switches_per_ms".
// Value order follows the capture's event and step order, which is fixed for a named workload and
// event set; predictors match descriptors by name.
// A partial capture (stopped early) makes the per-step kinds from the steps it completed and no
// counters descriptor: its totals cover a different mix of steps than a complete capture's.
#include "counters/capture.hpp"
#include "descriptor/descriptor.hpp"

namespace maple::descriptor {

struct Reduction {
  std::vector<Descriptor> descriptors;
  std::vector<std::string> notes; // kinds that could not be made and why; what a partial capture left out
};

Reduction reduceCapture(const counters::Capture& capture, const std::string& deviceName);

} // namespace maple::descriptor
