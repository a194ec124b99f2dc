#include "store/latencies.hpp"

#include "common/error.hpp"
#include "common/latency_bounds.hpp"
#include "common/text.hpp"
#include "store/devices.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace maple::store {

LatencyWriter::LatencyWriter(Project& project)
    : db_(project.db()),
      insertArch_(db_.prepare(
          "INSERT INTO architectures (search_space, cell_code, arch_str, space_index) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT(search_space, arch_str) DO UPDATE SET cell_code = coalesce(cell_code, excluded.cell_code), "
          "space_index = coalesce(space_index, excluded.space_index) RETURNING id")),
      insertSample_(db_.prepare(
          "INSERT INTO latency_samples (device_id, architecture_id, source_id, latency_ms, repetitions, iqr_ms, "
          "batch_size, threads, engine, conditions_json, measured_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING")) {}

std::int64_t LatencyWriter::architecture(std::string_view space, const std::string& canonical,
                                         std::optional<std::int64_t> cellCode, std::optional<std::int64_t> spaceIndex) {
  insertArch_.bind(1, space).bind(2, cellCode).bind(3, canonical).bind(4, spaceIndex);
  if (!insertArch_.step()) db_.raise("no id returned for architecture " + canonical);
  const auto id = insertArch_.int64(0);
  insertArch_.reset();
  return id;
}

std::int64_t LatencyWriter::architecture(const searchspace::Architecture& arch, std::optional<std::int64_t> datasetIndex) {
  return architecture(arch.spaceName(), arch.canonical(), arch.index(), datasetIndex);
}

bool LatencyWriter::sample(std::int64_t sourceId, const LatencySample& s) {
  if (!plausibleLatencyMs(s.latencyMs))
    badInput(db_.path() + ": latency " + std::to_string(s.latencyMs) + " ms is outside 1e-6 .. 1e7 ms; not stored");
  auto& st = insertSample_;
  st.bind(1, s.deviceId).bind(2, s.architectureId).bind(3, sourceId).bind(4, s.latencyMs);
  st.bind(5, s.repetitions).bind(6, s.iqrMs).bind(7, s.batchSize).bind(8, s.threads);
  st.bind(9, s.engine.empty() ? std::optional<std::string>() : s.engine);
  st.bind(10, s.conditionsJson.empty() ? std::optional<std::string>() : s.conditionsJson);
  st.bind(11, s.measuredAt.empty() ? text::nowIso8601() : s.measuredAt);
  st.run();
  st.reset();
  return db_.changes() > 0;
}

namespace {
// ?1..?3 are device, source and batch; row i takes ?(4 + 2i) and ?(5 + 2i).
std::string importStatement(int rows) {
  std::string sql = "INSERT INTO latency_samples (device_id, architecture_id, source_id, latency_ms, batch_size) VALUES ";
  for (int i = 0; i < rows; ++i)
    sql += (i ? ", (?1, ?" : "(?1, ?") + std::to_string(4 + 2 * i) + ", ?2, ?" + std::to_string(5 + 2 * i) + ", ?3)";
  return sql + " ON CONFLICT DO NOTHING";
}
} // namespace

ImportedColumnWriter::ImportedColumnWriter(Project& project)
    : db_(project.db()), many_(db_.prepare(importStatement(kRowsPerStatement))), one_(db_.prepare(importStatement(1))) {}

long ImportedColumnWriter::run(Statement& st, std::int64_t sourceId, std::int64_t deviceId, std::optional<int> batchSize,
                               const std::int64_t* ids, const double* ms, std::size_t stride, int rows) {
  st.bind(1, deviceId).bind(2, sourceId).bind(3, batchSize);
  for (int i = 0; i < rows; ++i) st.bind(4 + 2 * i, ids[i]).bind(5 + 2 * i, ms[static_cast<std::size_t>(i) * stride]);
  st.run();
  return db_.changes();
}

long ImportedColumnWriter::write(std::int64_t sourceId, std::int64_t deviceId, std::optional<int> batchSize,
                                 const std::vector<std::int64_t>& architectureIds, const double* ms, std::size_t stride) {
  long added = 0;
  std::size_t r = 0;
  for (; r + kRowsPerStatement <= architectureIds.size(); r += kRowsPerStatement)
    added += run(many_, sourceId, deviceId, batchSize, architectureIds.data() + r, ms + r * stride, stride,
                 kRowsPerStatement);
  for (; r < architectureIds.size(); ++r)
    added += run(one_, sourceId, deviceId, batchSize, architectureIds.data() + r, ms + r * stride, stride, 1);
  return added;
}

namespace {
constexpr int kArchitecturesPerStatement = 64;

// Rows of (space, code, string, index); a stored row only gains the code and index it lacked, and
// one that lacks neither is left unwritten (a re-import rewrites no page).
std::string architectureStatement(int rows) {
  std::string sql = "INSERT INTO architectures (search_space, cell_code, arch_str, space_index) VALUES ";
  for (int i = 0; i < rows; ++i)
    sql += (i ? ", (?1, ?" : "(?1, ?") + std::to_string(2 + 3 * i) + ", ?" + std::to_string(3 + 3 * i) + ", ?" +
           std::to_string(4 + 3 * i) + ")";
  return sql + " ON CONFLICT(search_space, arch_str) DO UPDATE SET cell_code = coalesce(cell_code, excluded.cell_code), "
               "space_index = coalesce(space_index, excluded.space_index) "
               "WHERE (cell_code IS NULL AND excluded.cell_code IS NOT NULL) "
               "OR (space_index IS NULL AND excluded.space_index IS NOT NULL)";
}

void insertArchitectures(Statement& st, std::string_view space, const ArchitectureKey* rows, int count) {
  st.bind(1, space);
  for (int i = 0; i < count; ++i)
    st.bind(2 + 3 * i, rows[i].cellCode).bind(3 + 3 * i, rows[i].canonical).bind(4 + 3 * i, rows[i].spaceIndex);
  st.run();
}
} // namespace

std::vector<std::int64_t> ensureArchitectures(Project& project, std::string_view space,
                                              const std::vector<ArchitectureKey>& architectures) {
  auto& db = project.db();
  auto many = db.prepare(architectureStatement(kArchitecturesPerStatement));
  auto one = db.prepare(architectureStatement(1));
  std::size_t r = 0;
  for (; r + kArchitecturesPerStatement <= architectures.size(); r += kArchitecturesPerStatement)
    insertArchitectures(many, space, architectures.data() + r, kArchitecturesPerStatement);
  for (; r < architectures.size(); ++r) insertArchitectures(one, space, architectures.data() + r, 1);
  // One read of the space's ids beats a lookup per row (RETURNING does not keep the rows' order).
  std::unordered_map<std::string, std::int64_t> idOf;
  auto st = db.prepare("SELECT arch_str, id FROM architectures WHERE search_space = ?1");
  st.bind(1, space);
  while (st.step()) idOf.emplace(st.text(0), st.int64(1));
  std::vector<std::int64_t> ids;
  ids.reserve(architectures.size());
  for (const auto& a : architectures) ids.push_back(idOf.at(a.canonical));
  return ids;
}

ForeignKeyLookupsSuspended::ForeignKeyLookupsSuspended(Project& project) : db_(project.db()) {
  auto st = db_.prepare("PRAGMA foreign_keys");
  wasOn_ = st.step() && st.int64(0) != 0;
  if (wasOn_) db_.exec("PRAGMA foreign_keys = OFF");
}

ForeignKeyLookupsSuspended::~ForeignKeyLookupsSuspended() {
  if (!wasOn_) return;
  try {
    db_.exec("PRAGMA foreign_keys = ON");
  } catch (const std::exception&) {
    // The connection is closing or broken; the next Project::open turns the lookups on again.
  }
}

namespace {
// Columns: id, cell_code, arch_str, space_index. An enumerable space's code is its index (cheaper
// than parsing); otherwise the canonical string is parsed.
Architecture readArchitecture(const Statement& st, const searchspace::SearchSpace& space) {
  Architecture a;
  a.id = st.int64(0);
  a.arch.space = &space;
  const auto code = st.optInt64(1);
  try {
    a.arch.genotype = code && space.size() ? space.fromIndex(*code) : space.parse(st.text(2));
  } catch (const Error& e) {
    badInput("the project's architecture row " + std::to_string(a.id) + " is not a valid " + std::string(space.name()) +
             " architecture (" + e.what() + "): the project file is damaged");
  }
  if (auto idx = st.optInt64(3)) a.spaceIndex = static_cast<int>(*idx);
  return a;
}
} // namespace

std::optional<Architecture> architectureByIndex(Project& project, const searchspace::SearchSpace& space,
                                                std::int64_t datasetIndex) {
  auto st = project.db().prepare(
      "SELECT id, cell_code, arch_str, space_index FROM architectures WHERE search_space = ?1 AND space_index = ?2");
  st.bind(1, space.name()).bind(2, datasetIndex);
  if (!st.step()) return std::nullopt;
  return readArchitecture(st, space);
}

std::optional<std::int64_t> largestDatasetIndex(Project& project, const searchspace::SearchSpace& space) {
  auto st = project.db().prepare("SELECT max(space_index) FROM architectures WHERE search_space = ?1");
  st.bind(1, space.name());
  st.step();
  return st.optInt64(0);
}

std::optional<Architecture> findArchitecture(Project& project, const searchspace::Architecture& arch) {
  auto st = project.db().prepare(
      "SELECT id, cell_code, arch_str, space_index FROM architectures WHERE search_space = ?1 AND arch_str = ?2");
  st.bind(1, arch.spaceName()).bind(2, arch.canonical());
  if (!st.step()) return std::nullopt;
  return readArchitecture(st, *arch.space);
}

std::vector<Architecture> listArchitectures(Project& project, const searchspace::SearchSpace& space) {
  auto st = project.db().prepare(
      "SELECT id, cell_code, arch_str, space_index FROM architectures WHERE search_space = ?1 "
      "ORDER BY space_index IS NULL, space_index, cell_code, id");
  st.bind(1, space.name());
  std::vector<Architecture> out;
  while (st.step()) out.push_back(readArchitecture(st, space));
  return out;
}

std::vector<std::string> spacesIn(Project& project) {
  auto st = project.db().prepare("SELECT DISTINCT search_space FROM architectures ORDER BY search_space");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

std::vector<int> indexTable(Project& project) {
  auto st = project.db().prepare(
      "SELECT cell_code, space_index FROM architectures WHERE search_space = ?1 AND space_index IS NOT NULL "
      "ORDER BY space_index");
  st.bind(1, nb201::kSpaceName);
  std::vector<int> table;
  while (st.step()) {
    if (st.int64(1) != static_cast<std::int64_t>(table.size())) return {}; // a gap: not the whole table
    table.push_back(static_cast<int>(st.int64(0)));
  }
  if (table.size() != static_cast<size_t>(nb201::kSpaceSize)) return {};
  return table;
}

std::int64_t ensureSource(Project& project, const std::string& kind, const std::string& key,
                          const std::string& description) {
  auto& db = project.db();
  auto ins = db.prepare(
      "INSERT INTO sources (kind, key, description, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(key) DO NOTHING");
  ins.bind(1, kind).bind(2, key).bind(3, description).bind(4, text::nowIso8601());
  ins.run();
  auto sel = db.prepare("SELECT id FROM sources WHERE key = ?");
  sel.bind(1, key);
  sel.step();
  return sel.int64(0);
}

namespace {
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
} // namespace

std::vector<ArchitectureLatency> deviceLatencies(Project& project, std::int64_t deviceId) {
  auto st = project.db().prepare(
      "SELECT architecture_id, latency_ms, iqr_ms, repetitions FROM latency_samples WHERE device_id = ?1 "
      "ORDER BY architecture_id");
  st.bind(1, deviceId);
  std::vector<ArchitectureLatency> out;
  std::vector<double> ms, iqr;
  auto flush = [&] {
    if (ms.empty()) return;
    out.back().medianMs = median(ms);
    if (!iqr.empty()) out.back().iqrMs = median(iqr);
    out.back().samples = static_cast<int>(ms.size());
    ms.clear();
    iqr.clear();
  };
  while (st.step()) {
    const auto arch = st.int64(0);
    if (out.empty() || out.back().architectureId != arch) {
      flush();
      out.push_back({arch, 0, std::nullopt, 0, 0});
    }
    ms.push_back(st.real(1));
    if (auto q = st.optReal(2)) iqr.push_back(*q);
    if (auto r = st.optInt64(3)) out.back().repetitions += static_cast<int>(*r);
  }
  flush();
  return out;
}

LatencyMatrix loadLatencyMatrix(Project& project, const searchspace::SearchSpace& space,
                                const std::vector<std::string>& devices) {
  LatencyMatrix m;
  m.devices = devices;
  m.architectures = listArchitectures(project, space);
  m.ms.assign(m.architectures.size() * devices.size(), std::numeric_limits<double>::quiet_NaN());
  std::unordered_map<std::int64_t, size_t> row;
  for (size_t i = 0; i < m.architectures.size(); ++i) row[m.architectures[i].id] = i;
  for (size_t d = 0; d < devices.size(); ++d)
    for (const auto& a : deviceLatencies(project, requireDevice(project, devices[d]).id))
      if (auto it = row.find(a.architectureId); it != row.end()) m.ms[it->second * devices.size() + d] = a.medianMs;
  return m;
}

std::optional<double> latestLatencyMs(Project& project, std::int64_t deviceId, std::int64_t architectureId) {
  auto st = project.db().prepare(
      "SELECT latency_ms FROM latency_samples WHERE device_id = ? AND architecture_id = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, deviceId).bind(2, architectureId);
  if (!st.step()) return std::nullopt;
  return st.real(0);
}

} // namespace maple::store
