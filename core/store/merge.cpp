#include "store/merge.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "store/devices.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace maple::store {
namespace {

constexpr const char* kDeviceColumns =
    "name, family, hardware, vendor, microarchitecture, cores, sm_count, base_clock_mhz, boost_clock_mhz, "
    "peak_fp32_gflops, memory_type, memory_bandwidth_gbs, memory_gb, l1d_cache_kb, l2_cache_kb, l3_cache_kb, "
    "tdp_w, batch_size, runtime, provenance, notes, created_at, launcher"; // launcher: how a remote device is reached

// ATTACHes the other file for the lifetime of the object; DETACH needs every statement on it gone,
// so statements live in narrower scopes than this guard.
class Attached {
public:
  Attached(Database& db, const std::string& path) : db_(db) {
    db_.prepare("ATTACH DATABASE ?1 AS other").bind(1, path).run();
  }
  ~Attached() {
    try {
      db_.exec("DETACH DATABASE other");
    } catch (const Error&) {
      // Nothing useful to do in a destructor; the connection closes the attachment eventually.
    }
  }
  Attached(const Attached&) = delete;
  Attached& operator=(const Attached&) = delete;

private:
  Database& db_;
};

struct OtherDevice {
  std::int64_t id;
  std::string name;
};

std::vector<OtherDevice> otherDevices(Database& db) {
  std::vector<OtherDevice> out;
  auto st = db.prepare("SELECT id, name FROM other.devices ORDER BY name");
  while (st.step()) out.push_back({st.int64(0), st.text(1)});
  return out;
}

long mergeLatencies(Database& db, std::int64_t from, std::int64_t to) {
  db.prepare("INSERT OR IGNORE INTO architectures (search_space, cell_code, arch_str, space_index) "
             "SELECT oa.search_space, oa.cell_code, oa.arch_str, "
             "  CASE WHEN EXISTS (SELECT 1 FROM architectures x WHERE x.search_space = oa.search_space "
             "                    AND x.space_index = oa.space_index) THEN NULL ELSE oa.space_index END "
             "FROM other.architectures oa WHERE oa.id IN "
             "  (SELECT architecture_id FROM other.latency_samples WHERE device_id = ?1)")
      .bind(1, from)
      .run();
  db.prepare("INSERT OR IGNORE INTO sources (kind, key, description, created_at) "
             "SELECT kind, key, description, created_at FROM other.sources WHERE id IN "
             "  (SELECT source_id FROM other.latency_samples WHERE device_id = ?1)")
      .bind(1, from)
      .run();
  db.prepare("INSERT OR IGNORE INTO latency_samples (device_id, architecture_id, source_id, latency_ms, repetitions, "
             "  iqr_ms, batch_size, threads, engine, conditions_json, measured_at) "
             "SELECT ?2, a.id, s.id, l.latency_ms, l.repetitions, l.iqr_ms, l.batch_size, l.threads, l.engine, "
             "  l.conditions_json, l.measured_at "
             "FROM other.latency_samples l "
             "JOIN other.architectures oa ON oa.id = l.architecture_id "
             "JOIN architectures a ON a.search_space = oa.search_space AND a.arch_str = oa.arch_str "
             "JOIN other.sources os ON os.id = l.source_id JOIN sources s ON s.key = os.key "
             "WHERE l.device_id = ?1")
      .bind(1, from)
      .bind(2, to)
      .run();
  return db.changes();
}

// Captures get new ids here; returns the mapping so descriptors keep pointing at their capture.
std::map<std::int64_t, std::int64_t> mergeCaptures(Database& db, std::int64_t from, std::int64_t to) {
  std::map<std::int64_t, std::int64_t> ids;
  std::vector<std::int64_t> old;
  {
    auto st = db.prepare("SELECT id FROM other.captures WHERE device_id = ?1 ORDER BY id");
    st.bind(1, from);
    while (st.step()) old.push_back(st.int64(0));
  }
  auto insert = db.prepare("INSERT INTO captures (device_id, workload, repeats, events_json, conditions_json, source, "
                           "  started_at, duration_ms, partial) "
                           "SELECT ?2, workload, repeats, events_json, conditions_json, source, started_at, duration_ms, "
                           "  partial FROM other.captures WHERE id = ?1");
  auto samples = db.prepare("INSERT INTO capture_samples (capture_id, t_ms, event, value, scale, time_enabled_ns, "
                            "  time_running_ns) "
                            "SELECT ?2, t_ms, event, value, scale, time_enabled_ns, time_running_ns "
                            "FROM other.capture_samples WHERE capture_id = ?1 ORDER BY rowid");
  for (auto id : old) {
    insert.bind(1, id).bind(2, to).run();
    insert.reset();
    const auto newId = db.lastInsertId();
    samples.bind(1, id).bind(2, newId).run();
    samples.reset();
    ids[id] = newId;
  }
  return ids;
}

long mergeDescriptors(Database& db, std::int64_t from, std::int64_t to, const std::map<std::int64_t, std::int64_t>& captures) {
  struct Row {
    std::int64_t id;
    std::optional<std::int64_t> capture;
  };
  std::vector<Row> rows;
  {
    auto st = db.prepare("SELECT id, capture_id FROM other.descriptors WHERE device_id = ?1 ORDER BY id");
    st.bind(1, from);
    while (st.step()) rows.push_back({st.int64(0), st.optInt64(1)});
  }
  auto insert = db.prepare("INSERT INTO descriptors (device_id, kind, version, capture_id, values_json, created_at) "
                           "SELECT ?2, kind, version, ?3, values_json, created_at FROM other.descriptors WHERE id = ?1");
  for (const auto& r : rows) {
    std::optional<std::int64_t> capture;
    if (r.capture) {
      auto it = captures.find(*r.capture);
      if (it != captures.end()) capture = it->second;
    }
    insert.bind(1, r.id).bind(2, to).bind(3, capture).run();
    insert.reset();
  }
  return static_cast<long>(rows.size());
}

} // namespace

MergeResult mergeDevices(Project& into, const std::string& otherPath, const std::vector<std::string>& devices,
                         const std::function<bool(int, int)>& progress) {
  std::error_code ec;
  if (std::filesystem::equivalent(otherPath, into.path(), ec))
    fail(ErrorKind::Usage, "cannot merge " + text::quote(otherPath) + " into itself: choose another project file");
  {
    // Refuses a foreign, corrupt or newer file with its own message before anything is attached.
    auto other = Project::open(otherPath);
    if (other.schemaVersion() != into.schemaVersion())
      badInput(text::quote(otherPath) + " has schema version " + std::to_string(other.schemaVersion()) + ", this project " +
               std::to_string(into.schemaVersion()) + ": open both with the same MAPLE version first");
  }
  auto& db = into.db();
  Attached attached(db, otherPath);
  auto available = otherDevices(db);
  std::vector<OtherDevice> chosen;
  if (devices.empty()) chosen = available;
  for (const auto& name : devices) {
    auto it = std::find_if(available.begin(), available.end(), [&](const OtherDevice& d) { return d.name == name; });
    if (it == available.end()) {
      std::string known;
      for (const auto& d : available) known += (known.empty() ? "" : ", ") + d.name;
      badInput("device " + text::quote(name) + " is not in " + text::quote(otherPath) +
               (known.empty() ? std::string(" (it has no devices)") : " (it has: " + known + ")"));
    }
    chosen.push_back(*it);
  }

  MergeResult result;
  Transaction tx(db);
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (progress && !progress(static_cast<int>(i), static_cast<int>(chosen.size())))
      fail(ErrorKind::Cancelled, "merge cancelled: nothing was merged");
    const auto& d = chosen[i];
    if (findDevice(into, d.name)) {
      result.devicesSkipped.push_back(d.name);
      continue;
    }
    db.prepare(std::string("INSERT INTO devices (") + kDeviceColumns + ") SELECT " + kDeviceColumns +
               " FROM other.devices WHERE id = ?1")
        .bind(1, d.id)
        .run();
    const auto newId = db.lastInsertId();
    result.latencySamples += mergeLatencies(db, d.id, newId);
    const auto captures = mergeCaptures(db, d.id, newId);
    result.captures += static_cast<long>(captures.size());
    result.descriptors += mergeDescriptors(db, d.id, newId, captures);
    result.devicesAdded.push_back(d.name);
  }
  tx.commit();
  if (progress) progress(static_cast<int>(chosen.size()), static_cast<int>(chosen.size()));
  return result;
}

} // namespace maple::store
