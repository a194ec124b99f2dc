#pragma once
// The CPU engine's runner for any search space's layer graph (searchspace/layer_graph.hpp):
// batch norm folded into the convolution before it, ReLUs fused, layers that do not reach the
// output pruned, buffers reused once their last reader has run, every step split across a team
// of threads. Convolutions it runs: 1x1 of any stride and groups, depthwise 3x3 / 5x5 of stride
// 1 or 2 with padding (k-1)/2, dense 3x3 with padding 1; average pools 3x3/1/1 without the padding
// in the count and 2x2/2. Other layers are refused with a Usage error when the network is prepared.
#include "engine/engine.hpp"
#include "searchspace/layer_graph.hpp"

#include <memory>

namespace maple::engine::cpu {

class GraphNetwork final : public PreparedNetwork {
public:
  ~GraphNetwork() override;
  void run() override;
  // batch x classes, row-major.
  std::vector<float> output() override;
  int threads() const;

  struct Impl;
  explicit GraphNetwork(std::unique_ptr<Impl> impl);

private:
  std::unique_ptr<Impl> impl_;
};

// Weights and input as graphTensors(graph, config) gives them. Throws maple::Error (Usage) for a
// batch or thread count out of range (see CpuEngine) or a layer this runner does not support.
std::unique_ptr<GraphNetwork> prepareGraph(const searchspace::LayerGraph& graph, const RunConfig& config);

} // namespace maple::engine::cpu
