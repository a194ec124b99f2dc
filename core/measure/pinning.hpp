#pragma once
// Optional CPU pinning (sched_setaffinity), so the scheduler cannot migrate timed work between
// cores mid-run. Pin before an engine starts its threads or a runner process is spawned: both
// inherit the calling thread's CPU set.
#include <string>
#include <vector>

namespace maple::measure {

// CPUs this thread may run on now, ascending.
std::vector<int> allowedCpus();
// "0-3,6" -> {0,1,2,3,6}; Usage error naming a CPU this process may not use.
std::vector<int> parseCpuList(const std::string& text);
// {0,1,2,3,6} -> "0-3,6"
std::string formatCpuList(const std::vector<int>& cpus);

// Restricts the calling thread to `cpus` until destroyed, then restores the previous set.
class ScopedCpuPin {
public:
  explicit ScopedCpuPin(const std::vector<int>& cpus);
  ~ScopedCpuPin();
  ScopedCpuPin(const ScopedCpuPin&) = delete;
  ScopedCpuPin& operator=(const ScopedCpuPin&) = delete;

private:
  std::vector<int> previous_;
};

} // namespace maple::measure
