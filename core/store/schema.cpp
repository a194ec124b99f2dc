#include "store/schema.hpp"

namespace maple::store {

namespace {

// Migration 1: the first schema. Units are in column names; JSON columns hold self-describing
// records whose shape is owned by the module that writes them.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  family TEXT NOT NULL DEFAULT 'unknown',
  hardware TEXT,
  vendor TEXT,
  microarchitecture TEXT,
  cores INTEGER,
  sm_count INTEGER,
  base_clock_mhz REAL,
  boost_clock_mhz REAL,
  peak_fp32_gflops REAL,
  memory_type TEXT,
  memory_bandwidth_gbs REAL,
  memory_gb REAL,
  l1d_cache_kb REAL,
  l2_cache_kb REAL,
  l3_cache_kb REAL,
  tdp_w REAL,
  batch_size INTEGER,
  runtime TEXT,
  provenance TEXT NOT NULL,
  notes TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE architectures (
  id INTEGER PRIMARY KEY,
  search_space TEXT NOT NULL,
  cell_code INTEGER NOT NULL,
  arch_str TEXT NOT NULL,
  space_index INTEGER,
  UNIQUE (search_space, cell_code)
);
CREATE UNIQUE INDEX architectures_by_index ON architectures(search_space, space_index);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE latency_samples (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  architecture_id INTEGER NOT NULL REFERENCES architectures(id),
  source_id INTEGER NOT NULL REFERENCES sources(id),
  latency_ms REAL NOT NULL CHECK (latency_ms > 0),
  repetitions INTEGER,
  iqr_ms REAL,
  batch_size INTEGER,
  threads INTEGER,
  engine TEXT,
  conditions_json TEXT,
  measured_at TEXT,
  UNIQUE (device_id, architecture_id, source_id)
);

CREATE TABLE captures (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  workload TEXT NOT NULL,
  repeats INTEGER,
  events_json TEXT NOT NULL,
  conditions_json TEXT,
  source TEXT NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms REAL
);

CREATE TABLE capture_samples (
  capture_id INTEGER NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  t_ms REAL NOT NULL,
  event TEXT NOT NULL,
  value REAL NOT NULL,
  scale REAL NOT NULL DEFAULT 1,
  time_enabled_ns INTEGER,
  time_running_ns INTEGER
);
CREATE INDEX capture_samples_by_capture ON capture_samples(capture_id, t_ms);

CREATE TABLE descriptors (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  capture_id INTEGER REFERENCES captures(id) ON DELETE SET NULL,
  values_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE predictors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  method TEXT NOT NULL,
  descriptor_kind TEXT NOT NULL,
  meta_json TEXT NOT NULL,
  payload BLOB NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE evaluations (
  id INTEGER PRIMARY KEY,
  predictor_id INTEGER REFERENCES predictors(id) ON DELETE SET NULL,
  method TEXT NOT NULL,
  descriptor_kind TEXT NOT NULL,
  protocol TEXT NOT NULL,
  shots INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  metrics_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE evaluation_predictions (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  architecture_id INTEGER NOT NULL REFERENCES architectures(id),
  predicted_ms REAL NOT NULL,
  measured_ms REAL NOT NULL,
  is_shot INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX evaluation_predictions_by_eval ON evaluation_predictions(evaluation_id, device_id);
)SQL";

// Migration 2: a capture stopped early keeps the steps it completed and says so (counters/session.hpp).
constexpr std::string_view kV2 = R"SQL(
ALTER TABLE captures ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));
)SQL";

// Migration 3: a remote device keeps the launcher that reaches its `maple agent` (e.g. "ssh
// pi@board maple agent"), so later runs can name the device alone (store/device_launcher.hpp).
constexpr std::string_view kV3 = R"SQL(
ALTER TABLE devices ADD COLUMN launcher TEXT;
)SQL";

// Migration 4: evaluations get a user-given name, and their points are stored compactly, one row
// per (evaluation, device) with packed arrays (store/evaluations.hpp) instead of one row per point
// (about 20 MB for a cross-device run over the data set). Rows of evaluation_predictions written
// before are packed when the project is opened (store::compactLegacyEvaluations).
constexpr std::string_view kV4 = R"SQL(
ALTER TABLE evaluations ADD COLUMN name TEXT;
CREATE TABLE evaluation_points (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  points INTEGER NOT NULL CHECK (points >= 0),
  architecture_ids BLOB NOT NULL,
  predicted_ms BLOB NOT NULL,
  measured_ms BLOB NOT NULL,
  shot_positions BLOB, -- NULL: no shots
  UNIQUE (evaluation_id, device_id)
);
)SQL";

// Migration 5: an architecture is identified by its space and canonical string (arch_str), so a
// space without integer codes (FBNet: 9^22 architectures) fits; cell_code (NAS-Bench-201's code)
// and space_index (its official index) stay for the rows that have them; the code needs no index of
// its own (it follows from the string). SQLite cannot drop NOT NULL
// in place: the table is rebuilt under a new name with every id kept (latency_samples,
// evaluation_points and evaluation_predictions point at them), the old one dropped and the new one
// renamed. The runner turns foreign keys off around it and checks them before committing
// (project.cpp: migrate).
constexpr std::string_view kV5 = R"SQL(
CREATE TABLE architectures_v5 (
  id INTEGER PRIMARY KEY,
  search_space TEXT NOT NULL,
  cell_code INTEGER, -- NAS-Bench-201's cell code; NULL in a space that has none
  arch_str TEXT NOT NULL CHECK (arch_str <> ''), -- the space's canonical string: the identity
  space_index INTEGER,
  UNIQUE (search_space, arch_str)
);
INSERT INTO architectures_v5 (id, search_space, cell_code, arch_str, space_index)
  SELECT id, search_space, cell_code, arch_str, space_index FROM architectures ORDER BY id;
DROP TABLE architectures;
ALTER TABLE architectures_v5 RENAME TO architectures;
CREATE UNIQUE INDEX architectures_by_index ON architectures(search_space, space_index);
)SQL";

} // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> list{kV1, kV2, kV3, kV4, kV5};
  return list;
}

int currentSchemaVersion() { return static_cast<int>(migrations().size()); }

} // namespace maple::store
