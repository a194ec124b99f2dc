// The CUDA engine on seeded random NAS-Bench-201 and FBNet architectures, per batch: the median
// CUDA-event time of a forward pass (what `maple measure --engine cuda` records), the median host
// wall time of run() around it, and the relative error of its logits against the CPU engine's.
#include "bench_engine_cuda.hpp"

#include "engine/cpu/cpu_engine.hpp"
#include "common/cpus.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "logits_compare.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/space.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>

namespace maple::bench {
namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Timing {
  double deviceMs, wallMs, error;
};

Timing timeOne(engine::Engine& gpu, const searchspace::Architecture& arch, const engine::RunConfig& config, int repeats) {
  auto net = gpu.prepare(arch, config);
  for (int i = 0; i < 3; ++i) net->run(); // warm-up: first launches load kernels
  std::vector<double> device, wall;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    net->run();
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    device.push_back(net->lastRunDeviceMs());
  }
  engine::cpu::CpuEngine cpu;
  auto reference = cpu.prepare(arch, {config.batch, availableCpus(), config.seed});
  reference->run();
  return {median(device), median(wall), testing::relativeError(net->output(), reference->output())};
}

void benchSpace(engine::Engine& gpu, const searchspace::SearchSpace& space, int count, const CudaBenchArgs& a) {
  const auto genotypes = space.sample(a.quick ? std::min(count, 3) : count, a.seed);
  const int repeats = a.quick ? 5 : 31;
  for (int batch : a.batches) {
    std::printf("\n%s on cuda, batch %d (median of %d runs)\n%-4s %9s %10s %9s %10s  %s\n", std::string(space.name()).c_str(),
                batch, repeats, "#", "MMAC/img", "device_ms", "wall_ms", "rel_err", "architecture");
    std::vector<double> device;
    double worst = 0;
    for (std::size_t i = 0; i < genotypes.size(); ++i) {
      const searchspace::Architecture arch{&space, genotypes[i]};
      const Timing t = timeOne(gpu, arch, {batch, 1, a.seed + i}, repeats);
      std::printf("%-4zu %9.1f %10.4f %9.4f %10.2e  %s\n", i, space.features(genotypes[i]).macs / 1e6, t.deviceMs, t.wallMs,
                  t.error, arch.canonical().c_str());
      device.push_back(t.deviceMs);
      worst = std::max(worst, t.error);
    }
    std::printf("%s batch %d: median device time %.4f ms; worst relative error against the CPU engine %.2e (goal < 1e-4: %s)\n",
                std::string(space.name()).c_str(), batch, median(device), worst, worst < 1e-4 ? "met" : "NOT met");
  }
}

} // namespace

int benchCuda(const CudaBenchArgs& a) {
  std::string why;
  const auto gpus = engine::cudaDevices(&why);
  if (gpus.empty()) {
    std::fprintf(stderr, "bench_engine: %s\n", why.c_str());
    return 2;
  }
  try {
    auto gpu = engine::makeCudaEngine(0);
    std::printf("CUDA engine (%s) on %s, %d SMs, seed %llu\n", gpu->version().c_str(), gpus.front().name.c_str(),
                gpus.front().smCount, static_cast<unsigned long long>(a.seed));
    if (a.space.empty() || a.space == "nb201") benchSpace(*gpu, searchspace::nb201Space(), a.nb201Archs, a);
    if (a.space.empty() || a.space == "fbnet") benchSpace(*gpu, searchspace::fbnetSpace(), a.fbnetArchs, a);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_engine: %s\n", e.what());
    return 2;
  }
  return 0;
}

} // namespace maple::bench
