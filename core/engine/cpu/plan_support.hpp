#pragma once
// Pieces both execution plans (the NAS-Bench-201 plan in cpu_network.cpp and the layer-graph plan
// in graph_network.cpp) build on: aligned buffers, batch-norm folding and work sharing; and the
// liveness every layer-graph planner (this engine's and the CUDA engine's) prunes and frees by.
#include "engine/cpu/network_weights.hpp"
#include "searchspace/layer_graph.hpp"

#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

namespace maple::engine::cpu {

struct FreeDeleter {
  void operator()(float* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<float[], FreeDeleter>;

// 64-byte aligned, zeroed.
Buffer allocate(std::size_t floats);

struct Folded {
  std::vector<float> w; // column-major k x m, k = (ky * kernel + kx) * in + c
  std::vector<float> bias;
  int k = 0;
  int m = 0;
};

// conv (OIHW) followed by inference BN (or none): w' = w * gamma / sqrt(var + eps),
// b' = beta - mean * gamma / sqrt(var + eps).
Folded fold(const Tensor& conv, const BatchNorm* bn);

// Throws maple::Error (Usage) for a batch outside 1..4096 or threads outside 0..1024.
void checkRunConfig(const RunConfig& config);

// Member `member` of `members` takes [first, last) of `count` items, in multiples of `grain`.
std::pair<long, long> share(long count, long grain, int member, int members);

// Which layers the output (the last one) depends on, and which live layers read each layer.
struct Liveness {
  std::vector<bool> live;
  std::vector<std::vector<int>> consumers;
};
Liveness liveness(const std::vector<searchspace::Layer>& layers);

} // namespace maple::engine::cpu
