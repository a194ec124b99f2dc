// Adapting to a local device from the demo pool, the workbench's "Adapt to <target>" with default
// settings (goal < 2 s on two cores, release build): load the training pool from the project,
// train, adapt from 10 shots, score the held-out architectures and predict the whole space. Runs on
// a copy of the demo project (scripts/run.sh makes it, with a device measured on this machine), so
// the adapted predictors it stores do not pile up in the demo. Prints, in the same run, the time of
// loading the pool alone, the part of the total that reading the project takes.
// Usage: bench_adapt [PROJECT] [RUNS]   (default build/demo/demo.maple, 5 runs)
#include "common/error.hpp"
#include "evaluation/project_pool.hpp"
#include "services/adapt.hpp"
#include "services/devices.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace maple;

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
} // namespace

int main(int argc, char** argv) {
  const std::string demo = argc > 1 ? argv[1] : "build/demo/demo.maple";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const auto copy = std::filesystem::temp_directory_path() / ("bench_adapt_" + std::to_string(::getpid()) + ".maple");
  try {
    if (!std::filesystem::exists(demo)) {
      std::fprintf(stderr, "no demo project at %s: run scripts/run.sh first (or pass a project)\n", demo.c_str());
      return 2;
    }
    {
      auto checkpoint = store::Project::open(demo); // fold the WAL into the file before copying it
      checkpoint.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::filesystem::copy_file(demo, copy);
    auto project = store::Project::open(copy.string(), store::Integrity::AlreadyChecked);
    std::string target;
    for (const auto& d : services::listDeviceChoices(project))
      if (!d.imported && d.measuredArchitectures > 10) target = d.name;
    if (target.empty()) {
      std::fprintf(stderr, "%s has no local device with more than 10 measured architectures: run scripts/run.sh\n", demo.c_str());
      std::filesystem::remove(copy);
      return 2;
    }
    services::AdaptRequest request;
    request.target = target;
    const auto train = services::defaultTrainingDevices(project, searchspace::nb201Space(), target);
    std::printf("adapt to %s (%d threads available) from %zu training devices, %d shots, default method and descriptor\n",
                target.c_str(), static_cast<int>(std::thread::hardware_concurrency()), train.size(), request.shots);
    std::vector<double> total, pool;
    for (int r = 0; r < runs; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      evaluation::loadTrainingPool(project, searchspace::nb201Space(), train, request.descriptorKind);
      pool.push_back(since(t0));
      t0 = std::chrono::steady_clock::now();
      const auto result = services::adaptToDevice(project, request);
      total.push_back(since(t0));
      if (r == 0)
        std::printf("method %s; %zu held out: within 10 %% %.1f %%, Spearman %.3f\n", result.method.c_str(),
                    result.heldOut.size(), result.metrics ? 100 * result.metrics->acc10 : 0.0,
                    result.metrics ? result.metrics->spearman : 0.0);
    }
    std::printf("adapt (load pool + train + adapt + score + predict 15,625 + store): best %.3f s, median %.3f s "
                "(goal < 2 s)\n",
                *std::min_element(total.begin(), total.end()), median(total));
    std::printf("of which loading the pool alone: median %.3f s (%.0f %% of the median total)\n", median(pool),
                100 * median(pool) / median(total));
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_adapt: %s\n", e.what());
    std::filesystem::remove(copy);
    return 1;
  }
  std::filesystem::remove(copy);
  std::filesystem::remove(copy.string() + "-wal");
  std::filesystem::remove(copy.string() + "-shm");
  return 0;
}
