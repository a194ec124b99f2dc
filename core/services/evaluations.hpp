#pragma once
// Cross-device evaluations: every chosen device predicted by a model that never saw it nor its
// same-chip siblings (1080ti_1 / _32 / _256 are dealt into one fold), stored compactly, listed,
// renamed, deleted and reopened as points.
#include "evaluation/points.hpp"
#include "predict/harness.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace maple::services {

struct CrossDeviceRequest {
  std::string space;                              // empty: the project's only one (resolveSpace)
  std::vector<std::string> devices;               // empty: every device with more than `shots` latencies
  std::string method;                             // empty: predict::defaultMethod()
  std::string descriptorKind = "reference-latency";
  int shots = 10;
  int folds = 3;
  predict::EvalProtocol protocol = predict::EvalProtocol::Full; // Help: HELP's query set is scored
  std::uint64_t seed = 1;
  int threads = 0;
  std::string name;                               // empty: a generated label
};

// The devices dealt into `folds` folds, chips kept whole (sameChipDevices), balanced by device
// count, deterministic. Usage when there are fewer chips than folds.
std::vector<std::vector<std::string>> chipFolds(store::Project& project, const std::vector<std::string>& devices,
                                                int folds);

struct CrossDeviceRun {
  std::int64_t evaluationId = 0;
  evaluation::Points points;
  std::vector<std::vector<std::string>> folds;
};

// Runs and stores it (one transaction, after progress(1.0, "storing"); nothing stored when it fails
// or is cancelled).
CrossDeviceRun crossDeviceEvaluation(store::Project& project, const CrossDeviceRequest& request,
                                     const predict::ProgressFn& progress = {});

// `maple eval`: train on opts.trainDevices, adapt to each of opts.testDevices from each shot count
// of each seed, score, and store one evaluation per shot count and seed (the first seed's
// predictions with it, for the scatter view) in one transaction after progress(1.0, "storing").
// On the architectures of `space` (empty: the project's only one). Usage for an unknown method;
// the harness's errors otherwise; nothing stored when it fails or is cancelled.
struct DeviceEvaluation {
  predict::EvalResult result;
  std::vector<std::int64_t> evaluationIds;
};
DeviceEvaluation evaluateDevices(store::Project& project, const predict::EvalOptions& options, const std::string& space = {},
                                 const predict::ProgressFn& progress = {});

using EvaluationListing = evaluation::StoredEvaluation;
// Newest first; of `space` alone when it is given (a page shows its space's evaluations).
std::vector<EvaluationListing> listEvaluations(store::Project& project, const std::string& space = {});
evaluation::Points loadEvaluation(store::Project& project, std::int64_t id); // BadInput for an unknown id
void renameEvaluation(store::Project& project, std::int64_t id, const std::string& name); // BadInput: unknown id; Usage: empty name
void deleteEvaluation(store::Project& project, std::int64_t id); // BadInput for an unknown id

} // namespace maple::services
