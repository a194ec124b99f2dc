#include "store/evaluations.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <cstring>
#include <map>

namespace maple::store {
namespace {

constexpr const char* kColumns =
    "id, predictor_id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at, coalesce(name, '')";

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
  r.name = st.text(9);
  return r;
}

using Bytes = std::vector<std::uint8_t>;

void putVarint(Bytes& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

void putFloat(Bytes& out, double v) {
  const float f = static_cast<float>(v);
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

// Reads what putVarint / putFloat wrote; `bad` names the damage when the bytes do not add up.
class Unpacker {
public:
  Unpacker(const Bytes& b, std::string where) : b_(b), where_(std::move(where)) {}
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= b_.size()) bad("varint array ends early");
      const auto byte = b_[pos_++];
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    bad("varint longer than 64 bits");
  }
  double real() {
    if (pos_ + 4 > b_.size()) bad("float array ends early");
    std::uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits |= static_cast<std::uint32_t>(b_[pos_++]) << (8 * i);
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  bool done() const { return pos_ == b_.size(); }
  [[noreturn]] void bad(const std::string& what) const {
    badInput(where_ + " is damaged (" + what + "): delete the evaluation and run it again");
  }

private:
  const Bytes& b_;
  std::string where_;
  size_t pos_ = 0;
};

struct Packed {
  std::int64_t deviceId = 0;
  long points = 0;
  Bytes archIds, predicted, measured, shots;
};

// One device's predictions, sorted by architecture id.
Packed pack(std::int64_t deviceId, std::vector<EvaluationPrediction> rows) {
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.architectureId < b.architectureId; });
  Packed p;
  p.deviceId = deviceId;
  p.points = static_cast<long>(rows.size());
  std::int64_t lastArch = 0;
  size_t lastShot = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    putVarint(p.archIds, static_cast<std::uint64_t>(rows[i].architectureId - lastArch));
    lastArch = rows[i].architectureId;
    putFloat(p.predicted, rows[i].predictedMs);
    putFloat(p.measured, rows[i].measuredMs);
    if (rows[i].isShot) {
      putVarint(p.shots, i - lastShot);
      lastShot = i;
    }
  }
  return p;
}

void writePacked(Database& db, std::int64_t evaluationId, const std::vector<EvaluationPrediction>& predictions) {
  std::map<std::int64_t, std::vector<EvaluationPrediction>> byDevice;
  for (const auto& p : predictions) byDevice[p.deviceId].push_back(p);
  auto insert = db.prepare(
      "INSERT INTO evaluation_points (evaluation_id, device_id, points, architecture_ids, predicted_ms, measured_ms, "
      "shot_positions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (auto& [device, rows] : byDevice) {
    const auto p = pack(device, std::move(rows));
    insert.bind(1, evaluationId).bind(2, p.deviceId).bind(3, static_cast<std::int64_t>(p.points));
    insert.bindBlob(4, p.archIds).bindBlob(5, p.predicted).bindBlob(6, p.measured).bindBlob(7, p.shots);
    insert.run();
    insert.reset();
  }
}

// Every point of an evaluation is of one space (the harness runs on one), so its first architecture
// names it: the first id of a packed array is stored whole (a delta from 0). Read off the points
// rather than kept in a column, so evaluations stored before spaces were told apart get theirs too.
// Empty when there are none, or when the array is damaged: the listing still shows it, and
// loading it names the damage.
std::string spaceOfPoints(Database& db, std::int64_t evaluationId) {
  auto first = db.prepare("SELECT architecture_ids FROM evaluation_points WHERE evaluation_id = ?1 AND points > 0 LIMIT 1");
  first.bind(1, evaluationId);
  if (!first.step()) return {};
  const auto ids = first.blob(0);
  std::uint64_t archId = 0;
  try {
    archId = Unpacker(ids, "evaluation " + std::to_string(evaluationId) + "'s points").varint();
  } catch (const Error&) {
    return {};
  }
  auto space = db.prepare("SELECT search_space FROM architectures WHERE id = ?1");
  space.bind(1, static_cast<std::int64_t>(archId));
  return space.step() ? space.text(0) : std::string();
}

void unpack(const Statement& st, std::int64_t evaluationId, std::vector<EvaluationPrediction>& out) {
  const auto deviceId = st.int64(0);
  const auto points = st.int64(1);
  const auto archIds = st.blob(2), predicted = st.blob(3), measured = st.blob(4), shots = st.blob(5);
  const std::string where = "evaluation " + std::to_string(evaluationId) + "'s points of device id " + std::to_string(deviceId);
  Unpacker a(archIds, where), p(predicted, where), m(measured, where), s(shots, where);
  if (points < 0 || static_cast<std::uint64_t>(points) > archIds.size() || predicted.size() != 4 * static_cast<size_t>(points) ||
      measured.size() != 4 * static_cast<size_t>(points))
    a.bad("array sizes disagree with the point count " + std::to_string(points));
  const size_t first = out.size();
  std::int64_t arch = 0;
  for (std::int64_t i = 0; i < points; ++i) {
    arch += static_cast<std::int64_t>(a.varint());
    out.push_back({deviceId, arch, p.real(), m.real(), false});
  }
  if (!a.done()) a.bad("architecture ids run past the point count");
  for (std::uint64_t pos = 0, i = 0; !s.done(); ++i) {
    const auto delta = s.varint();
    pos += delta;
    if (pos >= static_cast<std::uint64_t>(points) || (i > 0 && delta == 0)) s.bad("a shot position lies outside the points");
    out[first + pos].isShot = true;
  }
}

} // namespace

std::vector<std::int64_t> saveEvaluations(Project& project, const std::vector<EvaluationToSave>& evaluations) {
  auto& db = project.db();
  Transaction tx(db);
  auto insertEval = db.prepare(
      "INSERT INTO evaluations (predictor_id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at, "
      "name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  std::vector<std::int64_t> ids;
  const auto now = text::nowIso8601();
  for (const auto& e : evaluations) {
    const auto& r = e.row;
    insertEval.bind(1, r.predictorId).bind(2, r.method).bind(3, r.descriptorKind).bind(4, r.protocol);
    insertEval.bind(5, r.shots).bind(6, r.seed).bind(7, r.metricsJson).bind(8, r.createdAt.empty() ? now : r.createdAt);
    insertEval.bind(9, r.name.empty() ? std::optional<std::string>() : r.name);
    insertEval.run();
    insertEval.reset();
    const auto id = db.lastInsertId();
    writePacked(db, id, e.predictions);
    ids.push_back(id);
  }
  tx.commit();
  return ids;
}

std::vector<EvaluationRow> listEvaluationRows(Project& project) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM evaluations ORDER BY id DESC");
  std::vector<EvaluationRow> out;
  while (st.step()) out.push_back(readRow(st));
  for (auto& e : out) e.space = spaceOfPoints(project.db(), e.id);
  return out;
}

std::optional<EvaluationRow> findEvaluation(Project& project, std::int64_t id) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM evaluations WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  auto row = readRow(st);
  row.space = spaceOfPoints(project.db(), id);
  return row;
}

std::vector<EvaluationPrediction> loadEvaluationPredictions(Project& project, std::int64_t evaluationId,
                                                            std::optional<std::int64_t> deviceId) {
  auto st = project.db().prepare(
      "SELECT device_id, points, architecture_ids, predicted_ms, measured_ms, shot_positions FROM evaluation_points "
      "WHERE evaluation_id = ?1 AND (?2 IS NULL OR device_id = ?2) ORDER BY device_id");
  st.bind(1, evaluationId).bind(2, deviceId);
  std::vector<EvaluationPrediction> out;
  while (st.step()) unpack(st, evaluationId, out);
  return out;
}

long countEvaluationPredictions(Project& project, std::int64_t evaluationId) {
  auto st = project.db().prepare("SELECT coalesce(sum(points), 0) FROM evaluation_points WHERE evaluation_id = ?1");
  st.bind(1, evaluationId);
  st.step();
  return static_cast<long>(st.int64(0));
}

void renameEvaluation(Project& project, std::int64_t id, const std::string& name) {
  auto st = project.db().prepare("UPDATE evaluations SET name = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, name.empty() ? std::optional<std::string>() : name);
  st.run();
  if (project.db().changes() == 0) badInput("evaluation " + std::to_string(id) + " is not in " + project.path());
}

void deleteEvaluation(Project& project, std::int64_t id) {
  Transaction tx(project.db());
  auto st = project.db().prepare("DELETE FROM evaluations WHERE id = ?1");
  st.bind(1, id);
  st.run();
  if (project.db().changes() == 0) badInput("evaluation " + std::to_string(id) + " is not in " + project.path());
  tx.commit();
}

void compactLegacyEvaluations(Project& project) {
  auto& db = project.db();
  {
    auto any = db.prepare("SELECT EXISTS (SELECT 1 FROM evaluation_predictions)");
    any.step();
    if (any.int64(0) == 0) return;
  }
  {
    Transaction tx(db);
    std::vector<std::int64_t> ids;
    {
      auto st = db.prepare("SELECT DISTINCT evaluation_id FROM evaluation_predictions ORDER BY evaluation_id");
      while (st.step()) ids.push_back(st.int64(0));
    }
    auto rows = db.prepare(
        "SELECT device_id, architecture_id, predicted_ms, measured_ms, is_shot FROM evaluation_predictions "
        "WHERE evaluation_id = ?1");
    for (auto id : ids) {
      std::vector<EvaluationPrediction> preds;
      rows.bind(1, id);
      while (rows.step()) preds.push_back({rows.int64(0), rows.int64(1), rows.real(2), rows.real(3), rows.int64(4) != 0});
      rows.reset();
      writePacked(db, id, preds);
    }
    db.exec("DELETE FROM evaluation_predictions");
    tx.commit();
  }
  db.exec("VACUUM"); // once: give the file back the space the per-point rows took
}

} // namespace maple::store
