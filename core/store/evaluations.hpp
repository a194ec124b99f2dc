#pragma once
// Evaluations of predictors (one row per method, descriptor, protocol, shot count and seed) and the
// predictions they scored, for the workbench's scatter view. metrics_json is written by the
// harness's owner (predict/): {"devices": {NAME: {acc1, ...}}, "mean": {...}, "train_devices": [...],
// "test_devices": [...]}; a cross-device run (evaluation/cross_device.hpp) adds "folds":
// [{"train": [...], "test": [...]}, ...].
#include "store/project.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maple::store {

struct EvaluationRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> predictorId;
  std::string method, descriptorKind, protocol;
  int shots = 0;
  std::int64_t seed = 0;
  std::string metricsJson;
  std::string createdAt;
};

struct EvaluationPrediction {
  std::int64_t deviceId = 0;
  std::int64_t architectureId = 0;
  double predictedMs = 0, measuredMs = 0;
  bool isShot = false;
};

struct EvaluationToSave {
  EvaluationRow row;
  std::vector<EvaluationPrediction> predictions;
};

// Writes every evaluation and its predictions in one transaction (all or nothing); returns the ids.
std::vector<std::int64_t> saveEvaluations(Project& project, const std::vector<EvaluationToSave>& evaluations);
// Newest first.
std::vector<EvaluationRow> listEvaluations(Project& project);
std::optional<EvaluationRow> findEvaluation(Project& project, std::int64_t id);
// In device, then architecture order; one device when deviceId is given.
std::vector<EvaluationPrediction> loadEvaluationPredictions(Project& project, std::int64_t evaluationId,
                                                            std::optional<std::int64_t> deviceId = {});

} // namespace maple::store
