#pragma once
// Evaluations of predictors (one row per method, descriptor, protocol, shot count and seed) and the
// predictions they scored, for the workbench's scatter view. The predictions are stored compactly:
// one evaluation_points row per (evaluation, device) holding packed arrays, ascending architecture
// ids as LEB128 varint deltas, predicted and measured ms as little-endian float32 (7 significant
// digits, far below any measurement's precision), and the positions of the shots as varint deltas:
// about 9 bytes a point instead of a row each (~50). metrics_json is written by the
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
  std::string name; // given by the user; empty until then
  std::string space; // the search space of its architectures, read off its points; empty without (intact) points
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
std::vector<EvaluationRow> listEvaluationRows(Project& project);
std::optional<EvaluationRow> findEvaluation(Project& project, std::int64_t id);
// In device, then architecture order; one device when deviceId is given. Predicted and measured
// values come back as stored (float32). BadInput naming the evaluation when its packed arrays are
// damaged.
std::vector<EvaluationPrediction> loadEvaluationPredictions(Project& project, std::int64_t evaluationId,
                                                            std::optional<std::int64_t> deviceId = {});
long countEvaluationPredictions(Project& project, std::int64_t evaluationId);

// BadInput when the id is unknown. Deleting removes its points too.
void renameEvaluation(Project& project, std::int64_t id, const std::string& name);
void deleteEvaluation(Project& project, std::int64_t id);

// Packs rows that projects of schema 3 and older kept one per point (evaluation_predictions), then
// reclaims their space. Project::open calls it; it does nothing when there are none.
void compactLegacyEvaluations(Project& project);

} // namespace maple::store
