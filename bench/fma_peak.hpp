#pragma once
// Peak single-precision FMA throughput of one core, measured: independent chains of vector FMAs
// (enough of them to cover the FMA latency on every port), per instruction set this CPU supports.
#include <string>
#include <utility>
#include <vector>

namespace maple::bench {

struct FmaPeak {
  std::vector<std::pair<std::string, double>> rates; // instruction set, GFLOP/s (an FMA is 2 flops)
  double best() const;
};

// Runs on the calling thread for about a second.
FmaPeak measureFmaPeak();

} // namespace maple::bench
