#include "store/evaluations.hpp"

#include "common/text.hpp"

namespace maple::store {
namespace {

constexpr const char* kColumns = "id, predictor_id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at";

EvaluationRow readRow(const Statement& st) {
  EvaluationRow r;
  r.id = st.int64(0);
  r.predictorId = st.optInt64(1);
  r.method = st.text(2);
  r.descriptorKind = st.text(3);
  r.protocol = st.text(4);
  r.shots = static_cast<int>(st.int64(5));
  r.seed = st.int64(6);
  r.metricsJson = st.text(7);
  r.createdAt = st.text(8);
  return r;
}

} // namespace

std::vector<std::int64_t> saveEvaluations(Project& project, const std::vector<EvaluationToSave>& evaluations) {
  auto& db = project.db();
  Transaction tx(db);
  auto insertEval = db.prepare(
      "INSERT INTO evaluations (predictor_id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  auto insertPred = db.prepare(
      "INSERT INTO evaluation_predictions (evaluation_id, device_id, architecture_id, predicted_ms, measured_ms, is_shot) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  std::vector<std::int64_t> ids;
  const auto now = text::nowIso8601();
  for (const auto& e : evaluations) {
    const auto& r = e.row;
    insertEval.bind(1, r.predictorId).bind(2, r.method).bind(3, r.descriptorKind).bind(4, r.protocol);
    insertEval.bind(5, r.shots).bind(6, r.seed).bind(7, r.metricsJson).bind(8, r.createdAt.empty() ? now : r.createdAt);
    insertEval.run();
    insertEval.reset();
    const auto id = db.lastInsertId();
    for (const auto& p : e.predictions) {
      insertPred.bind(1, id).bind(2, p.deviceId).bind(3, p.architectureId).bind(4, p.predictedMs);
      insertPred.bind(5, p.measuredMs).bind(6, p.isShot ? 1 : 0);
      insertPred.run();
      insertPred.reset();
    }
    ids.push_back(id);
  }
  tx.commit();
  return ids;
}

std::vector<EvaluationRow> listEvaluations(Project& project) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM evaluations ORDER BY id DESC");
  std::vector<EvaluationRow> out;
  while (st.step()) out.push_back(readRow(st));
  return out;
}

std::optional<EvaluationRow> findEvaluation(Project& project, std::int64_t id) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM evaluations WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readRow(st);
}

std::vector<EvaluationPrediction> loadEvaluationPredictions(Project& project, std::int64_t evaluationId,
                                                            std::optional<std::int64_t> deviceId) {
  auto st = project.db().prepare(
      "SELECT device_id, architecture_id, predicted_ms, measured_ms, is_shot FROM evaluation_predictions "
      "WHERE evaluation_id = ?1 AND (?2 IS NULL OR device_id = ?2) ORDER BY device_id, architecture_id");
  st.bind(1, evaluationId).bind(2, deviceId);
  std::vector<EvaluationPrediction> out;
  while (st.step())
    out.push_back({st.int64(0), st.int64(1), st.real(2), st.real(3), st.int64(4) != 0});
  return out;
}

} // namespace maple::store
