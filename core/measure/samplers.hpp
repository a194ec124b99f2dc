#pragma once
// Samplers for the protocol: an in-process engine's prepared network, or an external runner.
#include "engine/command/command_runner.hpp"
#include "engine/engine.hpp"
#include "measure/protocol.hpp"

namespace maple::measure {

// Times each run() with the steady clock, or with the engine's own clock (CUDA events) where it
// has one.
class NetworkSampler : public Sampler {
public:
  explicit NetworkSampler(engine::PreparedNetwork& network) : network_(network) {}
  std::vector<double> sample(int warmup, int repetitions) override;

private:
  engine::PreparedNetwork& network_;
};

// One runner request per block; the runner does the warm-up and timing itself.
class RunnerSampler : public Sampler {
public:
  RunnerSampler(engine::CommandRunner& runner, engine::RunnerRequest base) : runner_(runner), base_(std::move(base)) {}
  std::vector<double> sample(int warmup, int repetitions) override;
  // From the latest reply: what the runner says it is.
  const std::string& runtime() const { return runtime_; }
  const std::string& runtimeVersion() const { return runtimeVersion_; }

private:
  engine::CommandRunner& runner_;
  engine::RunnerRequest base_;
  std::string runtime_, runtimeVersion_;
};

} // namespace maple::measure
