#pragma once
// The evaluation harness: train on some devices, adapt to each test device from k seeded shots,
// score the predictions.
//
// Protocols: full scores every architecture measured on the test device (all 15,625 on the data
// set); help scores HELP's query set, NAS-Bench-201 indices 900..1899 with each device's fastest and
// slowest 10 % of them dropped. Shots count as part of the scored set (marked is_shot when stored).
//
// Shot accounting (k = every latency measured on the test device, whatever it is used for). The
// k shots are chosen by the shot policy (shot_policy.hpp) among the device's measured
// architectures: random (seeded), reference (HELP's references first, in HELP's order) or design
// (the pool-trained predictor's optimal design, which sees no latency of the device).
//   specs and stored capture descriptors cost no latency.
//   reference-latency: the descriptor is made of latencies, so it is built from the shots
//     themselves: it holds the reference architectures among the k shots (none with most random
//     or designed shots: the predictor then has no descriptor information). With k = 0 it cannot
//     be built and the harness refuses.
// Seeds vary the random draws and the adaptation; a device's draw depends on the seed and its name
// alone, not on the other test devices. Reference and design pick the same shots for every seed
// (deterministic). The pool model is trained once per evaluation with the first seed.
// Each result holds the mean over seeds and their standard deviation; coverage68/95 are measured
// on the unmeasured architectures of each device.
#include "predict/metrics.hpp"
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"

#include <map>
#include <optional>

namespace maple::predict {

enum class EvalProtocol { Full, Help };
EvalProtocol parseProtocol(const std::string& name); // Usage for anything but full or help
std::string protocolName(EvalProtocol p);

// Everything the harness reads: latencies of the train and test devices and their descriptors
// (evaluation/project_eval_data.hpp reads it from a project).
struct EvalData {
  std::vector<std::string> devices;
  searchspace::ArchitectureSet architectures;     // one space
  std::vector<std::optional<int>> spaceIndex;     // the data set's index per architecture, when known
  std::vector<std::int64_t> architectureIds;      // project row ids (0 when not from a project)
  std::vector<std::int64_t> deviceIds;            // project row ids (0 when not from a project)
  std::vector<std::vector<double>> latencyMs;     // [device][architecture], NaN where not measured
  std::map<std::string, descriptor::Descriptor> descriptors; // stored kinds, per device
};

struct EvalOptions {
  std::string method;
  std::string descriptorKind;
  EvalProtocol protocol = EvalProtocol::Full;
  std::vector<std::string> trainDevices, testDevices;
  std::vector<int> shots{3, 10};
  ShotPolicy shotPolicy = ShotPolicy::Design;
  int seeds = 1;
  std::uint64_t seed = 1;
  int threads = 0;
};

struct ScoredPrediction {
  size_t cell;      // position in EvalData::architectures
  double predictedMs, measuredMs;
  bool isShot;
};

struct SeedRun {
  std::uint64_t seed;
  std::map<std::string, Metrics> devices;
  Metrics mean;
  std::map<std::string, std::vector<ScoredPrediction>> predictions;
};

struct ShotResult {
  int shots;
  std::map<std::string, Metrics> devices; // mean over seeds
  Metrics mean;                            // mean over devices of the above
  Metrics sd;                              // standard deviation over seeds of the seeds' means
  std::vector<SeedRun> runs;
};

struct EvalResult {
  EvalOptions options;
  std::vector<ShotResult> results;
};

// Usage for a bad option (unknown method, overlapping or empty device lists, shots above the
// architectures a test device has, seeds < 1); progress as in ProgressFn.
EvalResult evaluate(const EvalData& data, const EvalOptions& options, const ProgressFn& progress = {});

// The JSON shape: {"method","descriptor","protocol","shot_policy","deterministic",
// "results":[{"shots","devices":{..},"mean":{..},"sd":{..}}]}.
nlohmann::json toJson(const EvalResult& r);

// For callers that store evaluations (store/evaluations.hpp): the metrics_json object (callers may
// add keys).
nlohmann::json storedMetrics(const std::map<std::string, Metrics>& devices, const Metrics& mean,
                             const std::vector<std::string>& trainDevices, const std::vector<std::string>& testDevices);

} // namespace maple::predict
