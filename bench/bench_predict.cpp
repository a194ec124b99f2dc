// Predictor speed. NAS-Bench-201 (default): train on the whole pool (every device but the target)
// on 2 threads with progress (goal <= 60 s), adapt to the target from 10 samples (goal <= 2 s),
// predict all 15,625 architectures for it on one core (goal <= 20 ms, median of 7); and the time
// to design 10 shots among all 15,625 (the default policy for a new device). FBNet (--space
// fbnet): the same on HELP's 5,000 FBNet architectures, trained on HELP's nine FBNet meta-training
// devices, adapted to gold_6240; predicting all 5,000 has the goal <= 5 ms. Without the data set,
// a seeded sample of 5,000 FBNet architectures on synthetic devices stands in (said so).
// Usage: bench_predict [--space nb201|fbnet] [DATA_DIR] [METHOD...]   (default: every method)
#include "common/error.hpp"
#include "dataset/help_fbnet.hpp"
#include "dataset/help_nb201.hpp"
#include "descriptor/from_data.hpp"
#include "predict/predictor.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace maple;

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Case {
  predict::TrainingPool pool;
  predict::Target target;
  std::string goals; // the line printed after the table
};

// Trains, designs, adapts and predicts every architecture of the pool with each method; 2 when a
// step returns the wrong number of results.
int timeMethods(const Case& c, const std::vector<std::string>& methods) {
  const auto& all = c.pool.architectures;
  std::printf("pool: %zu devices x %zu %s architectures; target %s, %zu shots\n", c.pool.devices.size(), all.size(),
              std::string(all.space->name()).c_str(), c.target.device.c_str(), c.target.shots.size());
  std::printf("%-10s %10s %10s %12s %10s\n", "method", "train_s", "adapt_ms", "predict_ms", "design_ms");
  for (const auto& method : methods) {
    auto t0 = std::chrono::steady_clock::now();
    int lastPercent = -10;
    auto trained = predict::train(method, c.pool, {1, 2}, [&](double f, const std::string& stage) {
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
    auto adapted = trained->adapt(c.target);
    const double adaptMs = 1000 * since(t0);
    std::vector<double> times;
    for (int i = 0; i < 7; ++i) {
      t0 = std::chrono::steady_clock::now();
      const auto ms = adapted->predictMs(all);
      times.push_back(1000 * since(t0));
      if (ms.size() != all.size()) return 2;
    }
    std::nth_element(times.begin(), times.begin() + 3, times.end());
    std::printf("%-10s %10.3f %10.2f %12.2f %10.1f\n", method.c_str(), trainS, adaptMs, times[3], designMs);
  }
  std::printf("%s\n", c.goals.c_str());
  return 0;
}

const hardware::Device& specOf(const std::vector<hardware::Device>& specs, const std::string& name) {
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const hardware::Device& s) { return s.name == name; });
  if (it == specs.end()) badInput("devices.csv has no row for '" + name + "'");
  return *it;
}

Case nb201Case(const std::string& data) {
  const std::string targetName = "gold_6226";
  const auto table = dataset::readLatencyTable(data + "/nb201_latency_ms.csv");
  const auto specs = dataset::readDeviceSpecs(data + "/devices.csv");
  Case c;
  c.pool.descriptorKind = descriptor::kSpecs;
  c.pool.architectures = searchspace::nb201Set(table.cells);
  c.target.device = targetName;
  const size_t nd = table.devices.size();
  for (size_t d = 0; d < nd; ++d) {
    const auto& name = table.devices[d];
    std::vector<double> col(table.cells.size());
    for (size_t r = 0; r < table.cells.size(); ++r) col[r] = table.ms[r * nd + d];
    if (name == targetName) {
      c.target.descriptor = descriptor::specsDescriptor(specOf(specs, name));
      for (size_t r = 0; r < 10; ++r) c.target.shots.push_back({c.pool.architectures.genotypes[r * 1531], col[r * 1531]});
      continue;
    }
    c.pool.devices.push_back(name);
    c.pool.descriptors.push_back(descriptor::specsDescriptor(specOf(specs, name)));
    c.pool.latencyMs.push_back(std::move(col));
  }
  c.goals = "goals: train <= 60 s on 2 threads, adapt <= 2 s, predict 15,625 <= 20 ms on one core";
  return c;
}

// HELP's FBNet meta-training devices; the target is one of its meta-validation devices.
const std::vector<std::string> kFbnetTrain{"1080ti_1", "1080ti_32", "1080ti_64", "silver_4114", "silver_4210r",
                                           "samsung_a50", "pixel3", "essential_ph_1", "samsung_s7"};
constexpr const char* kFbnetTarget = "gold_6240";
constexpr const char* kFbnetGoal = "predicting all 5,000 FBNet architectures (goal under 5 ms)";

Case fbnetCase(const std::string& data) {
  const auto table = dataset::readFbnetTable(data + "/fbnet_latency_ms.csv");
  const auto specs = dataset::readDeviceSpecs(data + "/devices.csv");
  const auto& fbnet = searchspace::fbnetSpace();
  Case c;
  c.pool.descriptorKind = descriptor::kSpecs;
  c.pool.architectures.space = &fbnet;
  for (const auto& a : table.archs) c.pool.architectures.genotypes.push_back(fbnet.parse(a));
  const size_t nd = table.devices.size();
  auto column = [&](const std::string& name) {
    const auto d = static_cast<size_t>(std::find(table.devices.begin(), table.devices.end(), name) - table.devices.begin());
    if (d == nd) badInput(table.path + " has no column '" + name + "'");
    std::vector<double> col(table.archs.size());
    for (size_t r = 0; r < col.size(); ++r) col[r] = table.ms[r * nd + d];
    return col;
  };
  for (const auto& name : kFbnetTrain) {
    c.pool.devices.push_back(name);
    c.pool.descriptors.push_back(descriptor::specsDescriptor(specOf(specs, name)));
    c.pool.latencyMs.push_back(column(name));
  }
  const auto target = column(kFbnetTarget);
  c.target.device = kFbnetTarget;
  c.target.descriptor = descriptor::specsDescriptor(specOf(specs, kFbnetTarget));
  for (size_t r = 0; r < 10; ++r) c.target.shots.push_back({c.pool.architectures.genotypes[r * 491], target[r * 491]});
  c.goals = std::string("goals: ") + kFbnetGoal + "; train and adapt as for NAS-Bench-201";
  return c;
}

// Without the data set: a seeded sample of 5,000 FBNet architectures on five synthetic devices
// whose latency is a per-block cost at their own speed (timing only; no accuracy is implied).
Case syntheticFbnetCase() {
  const auto& fbnet = searchspace::fbnetSpace();
  Case c;
  c.pool.descriptorKind = descriptor::kSpecs;
  c.pool.architectures = {&fbnet, fbnet.sample(5000, 1)};
  auto device = [](int d) {
    hardware::Device s;
    s.name = "synthetic" + std::to_string(d);
    s.family = "gpu";
    s.cores = 512 << d;
    return s;
  };
  auto latencies = [&](int d) {
    std::vector<double> ms;
    for (const auto& g : c.pool.architectures.genotypes) {
      double v = 0.5;
      for (size_t l = 0; l < g.choices.size(); ++l) v += 0.01 * (1 + g.choices[l] + static_cast<double>(l % 4)) / (d + 1);
      ms.push_back(v);
    }
    return ms;
  };
  for (int d = 0; d < 4; ++d) {
    c.pool.devices.push_back(device(d).name);
    c.pool.descriptors.push_back(descriptor::specsDescriptor(device(d)));
    c.pool.latencyMs.push_back(latencies(d));
  }
  const auto target = latencies(4);
  c.target.device = device(4).name;
  c.target.descriptor = descriptor::specsDescriptor(device(4));
  for (size_t r = 0; r < 10; ++r) c.target.shots.push_back({c.pool.architectures.genotypes[r * 491], target[r * 491]});
  c.goals = std::string("goals: ") + kFbnetGoal + " (a seeded sample on synthetic devices: the data set is absent)";
  return c;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string space = "nb201";
  if (args.size() >= 2 && args[0] == "--space") {
    space = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (space != "nb201" && space != "fbnet") {
    std::fprintf(stderr, "bench_predict: --space takes nb201 or fbnet, not '%s'\n", space.c_str());
    return 1;
  }
  const std::string data = !args.empty() ? args[0] : std::string(MAPLE_DATA_DIR) + (space == "nb201" ? "/help-nb201" : "/help-fbnet");
  std::vector<std::string> methods(args.begin() + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(args.size()), 1), args.end());
  if (methods.empty()) methods = predict::methodNames();
  try {
    if (space == "nb201") return timeMethods(nb201Case(data), methods);
    const bool present = std::filesystem::exists(data + "/fbnet_latency_ms.csv");
    return timeMethods(present ? fbnetCase(data) : syntheticFbnetCase(), methods);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_predict: %s\n", e.what());
    return 2;
  }
}
