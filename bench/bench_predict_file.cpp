// Times what a user of a shared predictor waits for: open a .maplepred file, rebuild the predictor
// and predict all 15,625 NAS-Bench-201 architectures (goal: <= 50 ms in total). The file is made
// first from the data set: trained on HELP's meta-training devices with reference-latency
// descriptors, then adapted to gold_6226 with 10 shots and, separately, bound to it with zero shots.
// Usage: bench_predict_file [METHOD ...]   (default: every method)
#include "dataset/help_nb201.hpp"
#include "evaluation/project_pool.hpp"
#include "predictfile/from_predictor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace maple;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kTrain{"1080ti_1",       "1080ti_32", "1080ti_256", "silver_4114", "silver_4210r",
                                      "samsung_a50",    "pixel3",    "essential_ph_1", "samsung_s7"};
constexpr const char* kTarget = "gold_6226";
constexpr int kRuns = 15;

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

struct Timing {
  double best, median;
};

// Load + restore + (bind) + predict the whole space, kRuns times.
template <class F> Timing timeRuns(F&& once) {
  std::vector<double> t;
  for (int r = 0; r < kRuns; ++r) {
    const auto a = Clock::now();
    once();
    t.push_back(ms(a, Clock::now()));
  }
  std::sort(t.begin(), t.end());
  return {t.front(), t[t.size() / 2]};
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> methods(argv + 1, argv + argc);
  if (methods.empty()) methods = predict::methodNames();
  const auto dir = std::filesystem::temp_directory_path() / ("maple-bench-predfile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  int status = 0;
  try {
    auto project = store::Project::create((dir / "bench.maple").string());
    dataset::importHelpNb201(project, std::string(MAPLE_DATA_DIR) + "/help-nb201");
    const auto pool = evaluation::loadTrainingPool(project, searchspace::nb201Space(), kTrain, "reference-latency");
    const auto descriptor = evaluation::deviceDescriptor(project, searchspace::nb201Space(), kTarget, "reference-latency");
    const searchspace::ArchitectureSet all{&searchspace::nb201Space(), searchspace::nb201Space().enumerate()};
    std::printf("%-10s %10s %12s %12s %12s %12s  %s\n", "method", "file_KiB", "adapted_best", "adapted_med",
                "bound_best", "bound_med", "goal <= 50 ms (adapted, median)");
    for (const auto& method : methods) {
      auto trained = predict::train(method, pool, {});
      predict::Target target{kTarget, descriptor, {}, {}};
      const auto m = store::loadLatencyMatrix(project, searchspace::nb201Space(), {kTarget});
      for (size_t a = 0; a < m.architectures.size() && target.shots.size() < 10; a += 1000)
        target.shots.push_back({m.architectures[a].arch.genotype, m.at(a, 0)});
      const auto adapted = trained->adapt(target);
      const auto poolFile = predictfile::fileFromPredictor(*trained, {});
      const auto adaptedFile = predictfile::fileFromPredictor(*adapted, {});
      const auto poolPath = (dir / (method + "-pool.maplepred")).string();
      const auto adaptedPath = (dir / (method + "-adapted.maplepred")).string();
      predictfile::writePredictorFile(poolPath, poolFile);
      predictfile::writePredictorFile(adaptedPath, adaptedFile);
      // Phases of the adapted file's path, each the median of kRuns.
      std::vector<double> tRead, tRestore, tPredict;
      double checksum = 0;
      const auto a = timeRuns([&] {
        const auto t0 = Clock::now();
        const auto file = predictfile::readPredictorFile(adaptedPath);
        const auto t1 = Clock::now();
        const auto p = predict::restore(file.state);
        const auto t2 = Clock::now();
        checksum += p->predictMs(all)[0];
        tRead.push_back(ms(t0, t1));
        tRestore.push_back(ms(t1, t2));
        tPredict.push_back(ms(t2, Clock::now()));
      });
      const auto b = timeRuns([&] {
        const auto p = predict::restore(predictfile::readPredictorFile(poolPath).state);
        checksum += p->adapt({kTarget, descriptor, {}, {}})->predictMs(all)[0];
      });
      auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
      };
      std::printf("%-10s %10.1f %12.2f %12.2f %12.2f %12.2f  %s  (read %.2f, restore %.2f, predict %.2f)%s\n",
                  method.c_str(), static_cast<double>(std::filesystem::file_size(adaptedPath)) / 1024.0, a.best,
                  a.median, b.best, b.median, a.median <= 50.0 ? "met" : "NOT met", median(tRead), median(tRestore),
                  median(tPredict), checksum > 0 ? "" : " (no prediction?)");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_predict_file: %s\n", e.what());
    status = 2;
  }
  std::filesystem::remove_all(dir);
  return status;
}
