#pragma once
// Predictions for every device of a project, each predicted by a model that never saw it: the
// devices are dealt into folds; for each fold the harness (predict/harness.hpp) trains on the other
// folds and adapts to each device of this one from k seeded shots. The union is one point per
// measured (device, architecture): 421,875 on the imported data set.
//
// And the predictive spread a method reports for one target device, which "most uncertain"
// sample selection ranks by.
#include "evaluation/points.hpp"
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"

namespace maple::evaluation {

struct CrossDeviceOptions {
  std::string method;                            // empty: predict::defaultMethod()
  std::string descriptorKind = "reference-latency";
  int shots = 10;
  int folds = 3;
  std::uint64_t seed = 1;
  int threads = 0;
};

const std::vector<std::string>& crossDeviceKinds();

struct CrossDeviceRun {
  std::int64_t evaluationId = 0;
  Points points;
};

// Runs the evaluation and stores it like `maple eval` does (store/evaluations.hpp, protocol full,
// every point as a prediction, per-device metrics and the folds in metrics_json) in one
// transaction, so it can be reopened and compared. Usage for folds < 2 or more folds than devices;
// the harness's errors otherwise; nothing is stored when it fails or is cancelled.
CrossDeviceRun crossDeviceEvaluation(store::Project& project, const CrossDeviceOptions& options,
                                     const predict::ProgressFn& progress = {});

// Trains `method` on every other device with latencies and adapts it to `target` from the target's
// own descriptor of `kind` (for reference-latency: its measured reference architectures) and every
// latency measured on it, then returns the spread per cell. BadInput naming the fix when the target
// lacks that descriptor or the method reports no spread.
std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const std::vector<nb201::Cell>& cells,
                                     const predict::ProgressFn& progress = {});

// The k of `cells` (positions, pick order) that `policy` proposes to measure on `target` (may be
// a device not yet in the project, or empty). design trains the default method on every device
// with latencies other than `target` and reads no latency of `target`; reference needs the cells'
// NAS-Bench-201 indices (`spaceIndex`, parallel to cells). Usage when k is 0 or exceeds the cells,
// BadInput naming the fix when no pool can be trained for design.
std::vector<size_t> proposeShots(store::Project& project, const std::string& target, predict::ShotPolicy policy,
                                 const std::vector<nb201::Cell>& cells, const std::vector<std::optional<int>>& spaceIndex,
                                 size_t k, std::uint64_t seed, const predict::ProgressFn& progress = {});

} // namespace maple::evaluation
