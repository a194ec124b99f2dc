#pragma once
// The CPU engine: the whole NAS-Bench-201 CIFAR network (see searchspace/cost.hpp) in float32 with
// batch norm folded into the convolutions, pruned with nb201::liveness(), on a team of threads.
// Outputs equal those of the unpruned PyTorch network with the weights of network_weights.hpp.
// Every other space's network runs as its layer graph (graph_network.hpp).
#include "engine/engine.hpp"

#include <memory>
#include <span>

namespace maple::engine::cpu {

class CpuNetwork final : public PreparedNetwork {
public:
  ~CpuNetwork() override;
  void run() override;
  std::vector<float> output() override;

  // Replaces the input (batch x 3 x 32 x 32 floats, NCHW). Throws maple::Error (Usage) on a size
  // mismatch.
  void setInput(std::span<const float> nchw);
  int threads() const;
  int batch() const;

  struct Impl;
  explicit CpuNetwork(std::unique_ptr<Impl> impl);

private:
  std::unique_ptr<Impl> impl_;
};

class CpuEngine final : public Engine {
public:
  std::string name() const override { return "cpu"; }
  std::string version() const override;
  // config.threads 0 uses every CPU this process may run on. Throws maple::Error (Usage) for a
  // batch or thread count outside 1..4096 / 0..1024. nb201 runs the pruned plan of prepareCpu;
  // any other space prepareGraph(space->network(genotype)).
  std::unique_ptr<PreparedNetwork> prepare(const searchspace::Architecture& arch, const RunConfig& config) override;
  std::unique_ptr<CpuNetwork> prepareCpu(const nb201::Cell& cell, const RunConfig& config);
};

} // namespace maple::engine::cpu
