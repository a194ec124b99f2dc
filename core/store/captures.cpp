#include "store/captures.hpp"

namespace maple::store {
namespace {

constexpr const char* kColumns =
    "id, device_id, workload, repeats, events_json, conditions_json, source, started_at, duration_ms, partial";

CaptureRow readCapture(const Statement& st) {
  CaptureRow c;
  c.id = st.int64(0);
  c.deviceId = st.int64(1);
  c.workload = st.text(2);
  if (auto r = st.optInt64(3)) c.repeats = static_cast<int>(*r);
  c.eventsJson = st.text(4);
  c.conditionsJson = st.text(5);
  c.source = st.text(6);
  c.startedAt = st.text(7);
  c.durationMs = st.optReal(8);
  c.partial = st.int64(9) != 0;
  return c;
}

} // namespace

std::int64_t saveCapture(Project& project, const CaptureRow& c, const std::vector<CaptureSampleRow>& samples) {
  auto& db = project.db();
  Transaction tx(db);
  auto ins = db.prepare(
      "INSERT INTO captures (device_id, workload, repeats, events_json, conditions_json, source, started_at, "
      "duration_ms, partial) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  ins.bind(1, c.deviceId).bind(2, c.workload).bind(3, c.repeats).bind(4, c.eventsJson);
  ins.bind(5, c.conditionsJson.empty() ? std::optional<std::string>() : c.conditionsJson);
  ins.bind(6, c.source).bind(7, c.startedAt).bind(8, c.durationMs).bind(9, c.partial ? 1 : 0);
  ins.run();
  const auto id = db.lastInsertId();
  auto row = db.prepare(
      "INSERT INTO capture_samples (capture_id, t_ms, event, value, scale, time_enabled_ns, time_running_ns) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& s : samples) {
    row.bind(1, id).bind(2, s.tMs).bind(3, s.event).bind(4, s.value).bind(5, s.scale);
    row.bind(6, s.timeEnabledNs).bind(7, s.timeRunningNs);
    row.run();
    row.reset();
  }
  tx.commit();
  return id;
}

std::vector<CaptureRow> listCaptures(Project& project, std::optional<std::int64_t> deviceId) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns +
                                 " FROM captures WHERE ?1 IS NULL OR device_id = ?1 ORDER BY id DESC");
  st.bind(1, deviceId);
  std::vector<CaptureRow> out;
  while (st.step()) out.push_back(readCapture(st));
  return out;
}

std::optional<CaptureRow> findCapture(Project& project, std::int64_t id) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM captures WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readCapture(st);
}

std::vector<CaptureSampleRow> loadCaptureSamples(Project& project, std::int64_t captureId) {
  auto st = project.db().prepare(
      "SELECT t_ms, event, value, scale, time_enabled_ns, time_running_ns FROM capture_samples "
      "WHERE capture_id = ? ORDER BY t_ms, rowid");
  st.bind(1, captureId);
  std::vector<CaptureSampleRow> out;
  while (st.step())
    out.push_back({st.real(0), st.text(1), st.real(2), st.real(3), st.optInt64(4), st.optInt64(5)});
  return out;
}

} // namespace maple::store
