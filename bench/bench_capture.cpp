// Times the default capture as `maple capture --project P --device D` runs it: the nb201-reference
// workload on the CPU engine (one thread), 5 repeats, MAPLE's hardware events plus software events,
// stored with its descriptors in a fresh project. Goal: <= 30 s. Where this machine has no hardware
// PMU the labelled software fallback runs instead (the same workload and repeats), and says so.
// Usage: bench_capture [REPEATS]
#include "store/descriptors.hpp"
#include "store/counter_captures.hpp"
#include "counters/session.hpp"
#include "descriptor/from_capture.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "store/devices.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("maple-bench-capture-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int rc = 0;
  try {
    maple::counters::CaptureOptions options;
    if (argc > 1) options.repeats = std::stoi(argv[1]);
    options.allowSoftwareFallback = true;
    maple::engine::cpu::CpuEngine engine;
    const auto t0 = Clock::now();
    auto capture = maple::counters::runCapture(engine, "nb201-reference", {}, options);
    const auto t1 = Clock::now();
    auto project = maple::store::Project::create((dir / "bench.maple").string());
    maple::store::Transaction tx(project.db());
    maple::hardware::Device d;
    d.name = "bench";
    const auto device = maple::store::upsertDevice(project, d);
    maple::store::saveCapture(project, device, capture);
    const auto reduction = maple::descriptor::reduceCapture(capture, "bench");
    maple::store::saveCaptureDescriptors(project, device, reduction.descriptors, capture.id);
    tx.commit();
    const auto t2 = Clock::now();
    const double run = std::chrono::duration<double>(t1 - t0).count(), store = std::chrono::duration<double>(t2 - t1).count();
    std::printf("default capture (%s, workload %s, %zu steps x %d repeats, %zu events counted, %s):\n",
                capture.engine.c_str(), capture.workload.c_str(), capture.steps.size(), capture.repeats,
                capture.countedEvents().size(),
                capture.softwareOnly ? "NO hardware PMU here: software fallback" : "hardware counters");
    std::printf("  prepare + warm-up + counting %6.3f s (counting alone %.3f s, %zu readings)\n", run,
                capture.durationMs / 1000, capture.samples.size());
    std::printf("  store + reduce               %6.3f s (%zu descriptors)\n", store, reduction.descriptors.size());
    std::printf("  total                        %6.3f s -> goal <= 30 s %s\n", run + store,
                run + store <= 30 ? "met" : "NOT met");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_capture: %s\n", e.what());
    rc = 2;
  }
  fs::remove_all(dir);
  return rc;
}
