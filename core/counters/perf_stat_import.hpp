#pragma once
// Import of `perf stat -x,` output recorded on another machine (an edge board with perf but no
// MAPLE) as a capture. Both layouts are read:
//   value,unit,event,run_time_ns,pct_running[,metric,metric_unit]           (perf stat -x, CMD)
//   time_s,value,unit,event,run_time_ns,pct_running[,metric,metric_unit]    (perf stat -x, -I MS CMD)
// perf already scaled the values; the scale is recovered as 100 / pct_running. "<not supported>",
// and "<not counted>" of a whole run, mark the event uncounted with that reason (never a zero); an
// interval line "<not counted>" is an interval in which the task did not run and adds nothing.
// "cycles:u" is read as cycles. msec values
// (task-clock) are converted to ns, as perf_event counts them. Interval deltas are summed into the
// cumulative series a live capture stores. perf's metric-only lines (no value: TopdownL1, tma_*)
// are skipped; a raw event such as "cpu/event=0x3c,umask=0x00/", whose commas perf prints
// unquoted, is rejoined. Refused with file:line: reason: negative counts or counts past 2^64,
// control bytes in event names, time stamps that go back, and any other malformed line; a file
// with NUL bytes, larger than 64 MiB or not a regular file, or in which no event was counted.
#include "counters/capture.hpp"

#include <string>

namespace maple::counters {

Capture importPerfStatCsv(const std::string& path, const std::string& workload);

} // namespace maple::counters
