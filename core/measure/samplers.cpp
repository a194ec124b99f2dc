#include "measure/samplers.hpp"

#include <chrono>

namespace maple::measure {

std::vector<double> NetworkSampler::sample(int warmup, int repetitions) {
  for (int i = 0; i < warmup; ++i) network_.run();
  std::vector<double> out;
  out.reserve(static_cast<size_t>(repetitions));
  for (int i = 0; i < repetitions; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    network_.run();
    const auto t1 = std::chrono::steady_clock::now();
    const double own = network_.lastRunDeviceMs();
    out.push_back(own >= 0 ? own : std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return out;
}

std::vector<double> RunnerSampler::sample(int warmup, int repetitions) {
  auto req = base_;
  req.warmup = warmup;
  req.repetitions = repetitions;
  auto reply = runner_.request(req);
  runtime_ = reply.runtime;
  runtimeVersion_ = reply.runtimeVersion;
  return reply.latenciesMs;
}

} // namespace maple::measure
