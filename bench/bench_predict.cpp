// Predictor speed on the NAS-Bench-201 data set: train on the whole pool (every device but the
// target) on 2 threads with progress (goal <= 60 s), adapt to the target from 10 samples
// (goal <= 2 s), predict all 15,625 architectures for it on one core (goal <= 20 ms, median of 7);
// and the time to design 10 shots among all 15,625 (the default policy for a new device).
// Usage: bench_predict [DATA_DIR] [METHOD...]   (default: every method)
#include "dataset/help_nb201.hpp"
#include "descriptor/from_data.hpp"
#include "predict/predictor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

using namespace maple;

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : std::string(MAPLE_DATA_DIR) + "/help-nb201";
  std::vector<std::string> methods(argv + std::min(argc, 2), argv + argc);
  if (methods.empty()) methods = predict::methodNames();
  const std::string targetName = "gold_6226";
  try {
    const auto table = dataset::readLatencyTable(data + "/nb201_latency_ms.csv");
    const auto specs = dataset::readDeviceSpecs(data + "/devices.csv");
    predict::TrainingPool pool;
    pool.descriptorKind = descriptor::kSpecs;
    pool.architectures = searchspace::nb201Set(table.cells);
    const auto& all = pool.architectures;
    predict::Target target;
    target.device = targetName;
    const size_t nd = table.devices.size();
    for (size_t d = 0; d < nd; ++d) {
      const auto& name = table.devices[d];
      const auto spec = *std::find_if(specs.begin(), specs.end(), [&](const hardware::Device& s) { return s.name == name; });
      std::vector<double> col(table.cells.size());
      for (size_t r = 0; r < table.cells.size(); ++r) col[r] = table.ms[r * nd + d];
      if (name == targetName) {
        target.descriptor = descriptor::specsDescriptor(spec);
        for (size_t r = 0; r < 10; ++r) target.shots.push_back({all.genotypes[r * 1531], col[r * 1531]});
        continue;
      }
      pool.devices.push_back(name);
      pool.descriptors.push_back(descriptor::specsDescriptor(spec));
      pool.latencyMs.push_back(std::move(col));
    }
    std::printf("pool: %zu devices x %zu architectures; target %s, 10 shots\n", pool.devices.size(), all.size(),
                targetName.c_str());
    std::printf("%-10s %10s %10s %12s %10s\n", "method", "train_s", "adapt_ms", "predict_ms", "design_ms");
    for (const auto& method : methods) {
      auto t0 = std::chrono::steady_clock::now();
      int lastPercent = -10;
      auto trained = predict::train(method, pool, {1, 2}, [&](double f, const std::string& stage) {
        if (100 * f >= lastPercent + 10) {
          lastPercent = static_cast<int>(100 * f);
          std::fprintf(stderr, "  %s training %3d%% %s\n", method.c_str(), lastPercent, stage.c_str());
        }
        return true;
      });
      const double trainS = since(t0);
      t0 = std::chrono::steady_clock::now();
      if (trained->designShots(all, 10).size() != 10) return 2;
      const double designMs = 1000 * since(t0);
      t0 = std::chrono::steady_clock::now();
      auto adapted = trained->adapt(target);
      const double adaptMs = 1000 * since(t0);
      std::vector<double> times;
      for (int i = 0; i < 7; ++i) {
        t0 = std::chrono::steady_clock::now();
        const auto ms = adapted->predictMs(all);
        times.push_back(1000 * since(t0));
        if (ms.size() != table.cells.size()) return 2;
      }
      std::nth_element(times.begin(), times.begin() + 3, times.end());
      std::printf("%-10s %10.3f %10.2f %12.2f %10.1f\n", method.c_str(), trainS, adaptMs, times[3], designMs);
    }
    std::printf("goals: train <= 60 s on 2 threads, adapt <= 2 s, predict 15,625 <= 20 ms on one core\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_predict: %s\n", e.what());
    return 2;
  }
  return 0;
}
