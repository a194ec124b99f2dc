#pragma once
// bench_engine --engine cuda (bench_engine_cuda.cpp).
#include <cstdint>
#include <string>
#include <vector>

namespace maple::bench {

struct CudaBenchArgs {
  int nb201Archs = 20;
  int fbnetArchs = 10;
  std::string space; // empty: both
  std::uint64_t seed = 201;
  std::vector<int> batches{1, 32};
  bool quick = false;
};

// Prints the CUDA cases; returns the exit status (2: no usable GPU or no CUDA engine, with why).
int benchCuda(const CudaBenchArgs& args);

} // namespace maple::bench
