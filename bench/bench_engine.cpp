// Our CPU engine against PyTorch on the same seeded random NAS-Bench-201 architectures, one thread
// and all threads, batch 1 and 32: the median of repeated runs of each, their ratio per case
// (ours / PyTorch; goal <= 1.0; PyTorch times each case just before we do) and the geometric mean. Then this core's peak FMA rate and the
// share of it our engine reaches on conv-heavy cells (stretch goal: half).
// PyTorch below batch 16 runs small 3x3 and 1x1 convolutions on its native path, im2col + BLAS, so
// its speed there depends on the BLAS libblas.so.3 resolves to (Debian's default is the reference
// BLAS); to compare against OpenBLAS, run with LD_LIBRARY_PATH naming an OpenBLAS libblas.so.3.
// Then the same comparison on random FBNet architectures (the layer-graph runner; --fbnet-archs N,
// default 10; --space nb201|fbnet runs one space only; the peak FMA part runs with nb201).
// With --engine cuda: the CUDA engine's device and wall times and its agreement with the CPU engine
// instead (bench_engine_cuda.cpp).
// Usage: bench_engine [--engine cpu|cuda] [--archs N] [--fbnet-archs N] [--space S] [--seed S] [--batch B]
//                     [--threads T] [--case I] [--kernel K] [--quick] [--python PATH]
//   --batch: only this batch size (default: 1 and 32)
//   --threads: only this thread count (default: 1 and all)
//   --case: only architecture I of each space's sample (its weights as in the full run), to re-time or
//           profile one case
//   --kernel: our GEMM kernel for the comparison (avx512, avx2, eigen; default the best available)
//   --quick: 4 architectures, fewer repeats (a smoke run, not a figure to report)
#include "bench_engine_cuda.hpp"
#include "common/cpus.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cpu/gemm.hpp"
#include "engine/cpu/graph_network.hpp"
#include "engine/cpu/network_weights.hpp"
#include "fma_peak.hpp"
#include "searchspace/cost.hpp"
#include "searchspace/space.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace maple;

namespace {

struct Args {
  int archs = 20;
  int fbnetArchs = 10;
  std::string space; // empty: both
  std::uint64_t seed = 201;
  std::string kernel;
  std::vector<int> batches{1, 32};
  int threads = 0; // 0: one thread, then all
  int onlyCase = -1; // -1: every case
  bool quick = false;
  std::string python = "/usr/bin/python3";
  std::string engine = "cpu";
};

double medianOf(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Median ms of `repeats` forward passes after `warmup` untimed ones.
double medianRunMs(engine::PreparedNetwork& net, int warmup, int repeats) {
  for (int i = 0; i < warmup; ++i) net.run();
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    net.run();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return medianOf(ms);
}

double timeOurs(const nb201::Cell& cell, const engine::RunConfig& config, int warmup, int repeats) {
  engine::cpu::CpuEngine engine;
  return medianRunMs(*engine.prepareCpu(cell, config), warmup, repeats);
}

double timeGraph(const searchspace::LayerGraph& graph, const engine::RunConfig& config, int warmup, int repeats) {
  return medianRunMs(*engine::cpu::prepareGraph(graph, config), warmup, repeats);
}

// PyTorch's side (bench/torch_timing.py), one case at a time, just before ours: a case's two
// timings are seconds apart, so the changing load of a shared machine weighs on both alike. After
// one failure (torch missing) it stops trying.
struct Torch {
  const Args& args;
  std::string version = "unavailable";
  bool failed = false;

  // Median ms of the network exported to `file`; NAN when PyTorch is unavailable.
  double medianMs(const std::string& file, int threads, int warmup, int repeats) {
    if (failed) return NAN;
    const std::string cmd = args.python + " " + std::string(MAPLE_BENCH_DIR) + "/torch_timing.py --threads " +
                            std::to_string(threads) + " --warmup " + std::to_string(warmup) + " --repeats " +
                            std::to_string(repeats) + " " + file;
    double ms = NAN;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) {
      failed = true;
      return NAN;
    }
    char line[4096];
    while (std::fgets(line, sizeof line, p)) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      ms = j.at("median_ms").get<double>();
      version = j.at("torch").get<std::string>() + " with BLAS " + j.at("blas").get<std::string>();
    }
    const int status = pclose(p);
    if (status != 0) {
      std::fprintf(stderr, "torch_timing.py exited with status %d (is python3-torch installed?)\n", status);
      failed = true;
    }
    return ms;
  }
};

// The case indices [0, count) that run: all, or the one --case names.
std::vector<std::size_t> casesOf(const Args& a, std::size_t count) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < count; ++i)
    if (a.onlyCase < 0 || static_cast<std::size_t>(a.onlyCase) == i) out.push_back(i);
  return out;
}

struct RatioLog {
  double sum = 0;
  int count = 0;
  void add(double ratio) {
    if (std::isfinite(ratio)) sum += std::log(ratio), ++count;
  }
  double geomean() const { return std::exp(sum / count); }
};

// One batch and thread count of a space: its heading, a row per case (PyTorch's median of files[i],
// then ours: time(i, config, warmup, repeats); cost(i): the work per image in millions, under
// costColumn; label(i): the architecture) and their geometric mean. `space` starts the heading and
// the mean's line ("" or "fbnet ").
template <class Time, class Cost, class Label>
RatioLog timeRows(const Args& a, Torch& torch, const char* space, const char* costColumn,
                  const std::vector<std::size_t>& cases, const std::vector<std::string>& files, int batch,
                  int threads, Time time, Cost cost, Label label) {
  const int repeats = a.quick ? 3 : batch == 1 ? 21 : 5, warmup = 2;
  std::printf("\n%sbatch %d, %d thread%s (median of %d runs)\n%-4s %-9s %10s %12s %9s  %s\n", space, batch, threads,
              threads == 1 ? "" : "s", repeats, "#", costColumn, "ours_ms", "pytorch_ms", "ratio", "architecture");
  RatioLog c;
  for (size_t i : cases) {
    const double theirs = torch.medianMs(files[i], threads, warmup, repeats);
    const double ours = time(i, engine::RunConfig{batch, threads, a.seed + i}, warmup, repeats);
    const double ratio = ours / theirs;
    std::printf("%-4zu %9.1f %10.3f %12.3f %9.3f  %s\n", i, cost(i), ours, theirs, ratio, label(i).c_str());
    c.add(ratio);
  }
  if (c.count)
    std::printf("%sgeometric mean ratio, batch %d, %d thread%s: %.3f\n", space, batch, threads, threads == 1 ? "" : "s",
                c.geomean());
  return c;
}

// FBNet: seeded random architectures through the layer-graph runner, against PyTorch.
void benchFbnet(const Args& a, const fs::path& dir, const std::vector<int>& threadCounts, Torch& torch,
                RatioLog& overall) {
  const auto& space = searchspace::fbnetSpace();
  const auto genotypes = space.sample(a.fbnetArchs, a.seed);
  std::printf("\nFBNet (layer-graph runner), %zu random architectures (seed %llu)\n", genotypes.size(),
              static_cast<unsigned long long>(a.seed));
  const auto cases = casesOf(a, genotypes.size());
  RatioLog fb;
  for (int batch : a.batches) {
    std::vector<std::string> files(genotypes.size());
    for (size_t i : cases) {
      files[i] = (dir / ("fbnet" + std::to_string(i) + "_b" + std::to_string(batch) + ".bin")).string();
      engine::cpu::exportGraph("fbnet", space.format(genotypes[i]), space.network(genotypes[i]), {batch, 1, a.seed + i},
                               files[i]);
    }
    for (int threads : threadCounts) {
      const RatioLog c = timeRows(
          a, torch, "fbnet ", "MMAC/img", cases, files, batch, threads,
          [&](size_t i, const engine::RunConfig& config, int warmup, int repeats) {
            return timeGraph(space.network(genotypes[i]), config, warmup, repeats);
          },
          [&](size_t i) { return space.features(genotypes[i]).macs / 1e6; },
          [&](size_t i) { return space.format(genotypes[i]); });
      fb.sum += c.sum, fb.count += c.count;
    }
    for (size_t i : cases) fs::remove(files[i]);
  }
  if (fb.count) std::printf("fbnet geometric mean ratio (ours / PyTorch): %.3f -> goal <= 1.0 %s\n", fb.geomean(),
                            fb.geomean() <= 1.0 ? "met" : "NOT met");
  overall.sum += fb.sum, overall.count += fb.count;
}

// NAS-Bench-201: seeded random cells through CpuEngine::prepareCpu, against PyTorch.
void benchNb201(const Args& a, const fs::path& dir, const std::vector<int>& threadCounts, Torch& torch,
                RatioLog& overall) {
  std::mt19937 rng(static_cast<std::uint32_t>(a.seed));
  std::uniform_int_distribution<int> code(0, nb201::kSpaceSize - 1);
  std::vector<nb201::Cell> cells;
  while (static_cast<int>(cells.size()) < a.archs) cells.push_back(nb201::cellFromCode(code(rng)));
  const auto cases = casesOf(a, cells.size());
  for (int batch : a.batches) {
    std::vector<std::string> files(cells.size());
    for (size_t i : cases) {
      files[i] = (dir / ("net" + std::to_string(i) + "_b" + std::to_string(batch) + ".bin")).string();
      engine::cpu::exportNetwork(cells[i], {batch, 1, a.seed + i}, files[i]);
    }
    for (int threads : threadCounts) {
      const RatioLog c = timeRows(
          a, torch, "", "MFLOP/img", cases, files, batch, threads,
          [&](size_t i, const engine::RunConfig& config, int warmup, int repeats) {
            return timeOurs(cells[i], config, warmup, repeats);
          },
          [&](size_t i) { return nb201::networkCost(cells[i]).flops / 1e6; },
          [&](size_t i) { return nb201::toString(cells[i]); });
      overall.sum += c.sum, overall.count += c.count;
    }
    for (size_t i : cases) fs::remove(files[i]);
  }
}

// Peak FMA rate of one core, and our engine's share of it on two conv-heavy cells.
void benchPeak(const Args& a, const std::vector<std::string>& kernels) {
  const auto peak = maple::bench::measureFmaPeak();
  for (const auto& p : peak.rates) std::printf("\npeak %s FMA, one core: %.1f GFLOP/s", p.first.c_str(), p.second);
  std::printf("\n");
  const double best = peak.best();
  for (const char* arch : {"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                           "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"}) {
    const auto cell = nb201::parseCell(arch);
    const int batch = 32;
    std::printf("conv-heavy %s, batch %d, 1 thread (%.0f MFLOP of conv/linear work per image):\n", arch, batch,
                2 * nb201::networkCost(cell).macs / 1e6);
    for (const auto& k : kernels) {
      engine::cpu::selectGemmKernel(k);
      const double ms = timeOurs(cell, {batch, 1, a.seed}, 2, a.quick ? 3 : 9);
      const double gflops = 2 * nb201::networkCost(cell).macs * batch / (ms * 1e6);
      std::printf("  gemm %-7s %8.2f ms  %6.1f GFLOP/s = %3.0f%% of peak (stretch goal 50%%: %s)\n", k.c_str(), ms, gflops,
                  100 * gflops / best, gflops >= 0.5 * best ? "met" : "NOT met");
    }
  }
}

} // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0); // a long run shows its progress through a pipe too
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    if (s == "--archs" && i + 1 < argc) a.archs = std::stoi(argv[++i]);
    else if (s == "--fbnet-archs" && i + 1 < argc) a.fbnetArchs = std::stoi(argv[++i]);
    else if (s == "--space" && i + 1 < argc) a.space = argv[++i];
    else if (s == "--seed" && i + 1 < argc) a.seed = std::stoull(argv[++i]);
    else if (s == "--python" && i + 1 < argc) a.python = argv[++i];
    else if (s == "--kernel" && i + 1 < argc) a.kernel = argv[++i];
    else if (s == "--batch" && i + 1 < argc) a.batches = {std::stoi(argv[++i])};
    else if (s == "--threads" && i + 1 < argc) a.threads = std::stoi(argv[++i]);
    else if (s == "--case" && i + 1 < argc) a.onlyCase = std::stoi(argv[++i]);
    else if (s == "--quick") a.quick = true;
    else if (s == "--engine" && i + 1 < argc && (argv[i + 1] == std::string("cpu") || argv[i + 1] == std::string("cuda")))
      a.engine = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_engine [--engine cpu|cuda] [--archs N] [--fbnet-archs N] [--space nb201|fbnet] "
                           "[--seed S] [--batch B] [--threads T] [--case I] [--kernel K] [--quick] [--python PATH]\n");
      return 1;
    }
  }
  if (a.engine == "cuda") return maple::bench::benchCuda({a.archs, a.fbnetArchs, a.space, a.seed, a.batches, a.quick});
  const auto kernels = engine::cpu::availableGemmKernels();
  if (a.kernel.empty()) a.kernel = kernels.front();
  try {
    engine::cpu::selectGemmKernel(a.kernel);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_engine: %s\n", e.what());
    return 1;
  }
  if (a.quick) a.archs = std::min(a.archs, 4), a.fbnetArchs = std::min(a.fbnetArchs, 3);
  const bool nb201 = a.space.empty() || a.space == "nb201", fbnet = a.space.empty() || a.space == "fbnet";
  const int sampled = std::min(nb201 ? a.archs : a.fbnetArchs, fbnet ? a.fbnetArchs : a.archs);
  if (a.onlyCase >= sampled) {
    std::fprintf(stderr, "bench_engine: --case %d is outside the sample (use 0..%d, or raise --archs / --fbnet-archs)\n",
                 a.onlyCase, sampled - 1);
    return 1;
  }
  const int allThreads = availableCpus();

  const auto dir = fs::temp_directory_path() / ("maple-bench-engine-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::printf("CPU engine (%s) vs PyTorch, %d random architectures (seed %llu), %d CPUs available\n",
              engine::cpu::CpuEngine().version().c_str(), a.archs, static_cast<unsigned long long>(a.seed), allThreads);

  const std::vector<int> threadCounts = a.threads > 0 ? std::vector<int>{a.threads} : std::vector<int>{1, allThreads};
  Torch torch{a};
  RatioLog overall;
  if (nb201) benchNb201(a, dir, threadCounts, torch, overall);
  if (fbnet) benchFbnet(a, dir, threadCounts, torch, overall);
  fs::remove_all(dir);
  if (overall.count) {
    const double g = overall.geomean();
    std::printf("\nPyTorch %s; overall geometric mean ratio (ours / PyTorch): %.3f -> goal <= 1.0 %s\n",
                torch.version.c_str(), g, g <= 1.0 ? "met" : "NOT met");
  } else {
    std::printf("\nPyTorch unavailable: no ratios (install python3-torch)\n");
  }
  if (nb201) benchPeak(a, kernels);
  return 0;
}
