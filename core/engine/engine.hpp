#pragma once
// Inference engines run a whole network of a search space (searchspace/architecture.hpp) so it can
// be timed. An engine prepares a network once (weights from a seed, buffers allocated, BN folded)
// and then runs forward passes.
#include "searchspace/architecture.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace maple::engine {

struct RunConfig {
  int batch = 1;
  int threads = 1;         // 0: all hardware threads
  std::uint64_t seed = 42; // deterministic weights and input
};

class PreparedNetwork {
public:
  virtual ~PreparedNetwork() = default;
  // One forward pass on the prepared input; returns when the result is complete (a GPU engine
  // synchronises). Timing is the caller's business, except where the engine has better clocks.
  virtual void run() = 0;
  // Logits of the last run, batch x classes (the space's network: 10 for nb201), row-major, on the host.
  virtual std::vector<float> output() = 0;
  // Milliseconds of the last run measured by the engine's own clock (CUDA events), if it has one.
  virtual double lastRunDeviceMs() const { return -1; }
};

class Engine {
public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;    // "cpu", "cuda"
  virtual std::string version() const = 0; // engine and library versions, e.g. "eigen 3.4.0"
  // Throws maple::Error (Usage) for an architecture of a space the engine does not run, or a
  // configuration out of range.
  virtual std::unique_ptr<PreparedNetwork> prepare(const searchspace::Architecture& arch, const RunConfig& config) = 0;
};

} // namespace maple::engine
