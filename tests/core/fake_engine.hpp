#pragma once
// A test double for engine::Engine: each "forward pass" spins for a time that grows with the cell's
// live convolutions and writes a buffer, so steps differ and counters have work to see. It runs
// nb201 architectures only (cellOf refuses others).
#include "engine/engine.hpp"
#include "searchspace/cost.hpp"

#include <chrono>
#include <vector>

namespace maple::testing {

class FakeNetwork : public engine::PreparedNetwork {
public:
  explicit FakeNetwork(double ms) : ms_(ms), buffer_(64 * 1024) {}
  void run() override {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double, std::milli>(ms_);
    while (std::chrono::steady_clock::now() < end)
      for (size_t i = 0; i < buffer_.size(); i += 16) buffer_[i] += 1.0f;
  }
  std::vector<float> output() override { return std::vector<float>(10, buffer_[0]); }

private:
  double ms_;
  std::vector<float> buffer_;
};

class FakeEngine : public engine::Engine {
public:
  explicit FakeEngine(double baseMs = 0.2) : baseMs_(baseMs) {}
  std::string name() const override { return "fake"; }
  std::string version() const override { return "test double"; }
  std::unique_ptr<engine::PreparedNetwork> prepare(const searchspace::Architecture& arch,
                                                   const engine::RunConfig&) override {
    const auto ops = nb201::liveOpCounts(searchspace::cellOf(arch.genotype));
    const double convs = ops[static_cast<int>(nb201::Op::Conv3x3)] + 0.3 * ops[static_cast<int>(nb201::Op::Conv1x1)];
    return std::make_unique<FakeNetwork>(baseMs_ * (1 + convs));
  }

private:
  double baseMs_;
};

} // namespace maple::testing
