#pragma once

namespace maple {

// Number of CPUs this process may run on (its affinity mask, which taskset, cgroups' cpusets and
// containers narrow), at least 1; hardware_concurrency() counts the machine's and oversubscribes.
int availableCpus();

} // namespace maple
