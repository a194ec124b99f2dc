#pragma once
// Architectures, sources (provenance) and latency samples.
#include "searchspace/architecture.hpp"
#include "store/project.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maple::store {

struct Architecture {
  std::int64_t id = 0;
  searchspace::Architecture arch;
  std::optional<int> spaceIndex; // the data set's own index (HELP's), known once its table is imported
};

// The architecture of `space` with data-set index `datasetIndex` (HELP's idx: NAS-Bench-201's
// official index, FBNet's row), once that table is imported.
std::optional<Architecture> architectureByIndex(Project& project, const searchspace::SearchSpace& space,
                                                std::int64_t datasetIndex);
// The largest data-set index among the architectures of `space`; nullopt when none has one.
std::optional<std::int64_t> largestDatasetIndex(Project& project, const searchspace::SearchSpace& space);
// The stored row of an architecture, if any.
std::optional<Architecture> findArchitecture(Project& project, const searchspace::Architecture& arch);
// The architectures of one space, ordered by data-set index, then space index (code), then row id.
// BadInput naming the row when a stored string does not parse in its space.
std::vector<Architecture> listArchitectures(Project& project, const searchspace::SearchSpace& space);
// The search spaces the project holds architectures of, by name (some may be unknown to this build).
std::vector<std::string> spacesIn(Project& project);
// NAS-Bench-201's index order as cell codes (entry i: the code of index i) when the project knows
// every index (the whole table was imported); empty otherwise.
std::vector<int> indexTable(Project& project);

// A provenance record; the key identifies it so a repeated import reuses it. Returns the id.
std::int64_t ensureSource(Project& project, const std::string& kind, const std::string& key,
                          const std::string& description);

struct LatencySample {
  std::int64_t deviceId = 0;
  std::int64_t architectureId = 0;
  double latencyMs = 0;
  std::optional<int> repetitions, batchSize, threads;
  std::optional<double> iqrMs;
  std::string engine;
  std::string conditionsJson; // the measurement conditions (see measure/)
  std::string measuredAt;
};
// Writes architectures and samples with statements prepared once, for bulk imports and measuring
// loops alike. Call inside the caller's transaction when writing many rows.
class LatencyWriter {
public:
  explicit LatencyWriter(Project& project);
  // Returns the row id of the architecture `canonical` (the space's canonical string) of `space`,
  // inserting it if new and recording cellCode and spaceIndex where they were unknown.
  std::int64_t architecture(std::string_view space, const std::string& canonical,
                            std::optional<std::int64_t> cellCode = {}, std::optional<std::int64_t> spaceIndex = {});
  // An architecture of any space: its canonical string, its index in the space where the space is
  // enumerable (NAS-Bench-201's cell code), and (where known) the data set's index.
  std::int64_t architecture(const searchspace::Architecture& arch, std::optional<std::int64_t> datasetIndex = {});
  // Returns false when (source, device, architecture) is already stored.
  bool sample(std::int64_t sourceId, const LatencySample& sample);

private:
  Database& db_;
  Statement insertArch_, insertSample_;
};

// An architecture as the store keys it: its space's canonical string, and NAS-Bench-201's code and
// official index where the space has them.
struct ArchitectureKey {
  std::string canonical;
  std::optional<int> cellCode, spaceIndex;
};
// The bulk path for a table's architectures: inserts the new ones kRowsPerStatement at a time
// (recording cellCode and spaceIndex where a stored row lacked them) and returns every row id in
// the order given. Call inside the caller's transaction.
std::vector<std::int64_t> ensureArchitectures(Project& project, std::string_view space,
                                              const std::vector<ArchitectureKey>& architectures);

// One value per architecture: an architecture measured several times on a device has several
// samples (rows); what every count, pool and evaluation uses is the median of their latencies.
struct ArchitectureLatency {
  std::int64_t architectureId = 0;
  double medianMs = 0;         // median of the samples' latency_ms
  std::optional<double> iqrMs; // median of the samples' IQRs, where they have one
  int repetitions = 0;         // timed runs summed over the samples that record them
  int samples = 0;
};
// Ordered by architecture id.
std::vector<ArchitectureLatency> deviceLatencies(Project& project, std::int64_t deviceId);

// The bulk path of a data-set import: one device's column of samples from one source. Rows go in
// groups of kRowsPerStatement per statement (one statement's fixed cost - cursors, conflict
// checks set-up - is most of a one-row insert's), and the values every row shares are bound once.
// Imported rows have no measured_at: the data set does not say when it measured, and the time of
// the import is the source's created_at (a 20-byte text per row was 40 % of the rows' bytes).
// Call inside the caller's transaction.
class ImportedColumnWriter {
public:
  explicit ImportedColumnWriter(Project& project);
  // Row r: architectureIds[r], ms[r * stride]. Returns the rows added; the others were stored
  // already for (device, architecture, source).
  long write(std::int64_t sourceId, std::int64_t deviceId, std::optional<int> batchSize,
             const std::vector<std::int64_t>& architectureIds, const double* ms, std::size_t stride);

  static constexpr int kRowsPerStatement = 256;

private:
  long run(Statement& st, std::int64_t sourceId, std::int64_t deviceId, std::optional<int> batchSize,
           const std::int64_t* ids, const double* ms, std::size_t stride, int rows);

  Database& db_;
  Statement many_, one_;
};

// Suspends SQLite's per-row foreign-key lookups while it lives (three parent lookups per sample
// row, 40 % of a bulk import's time), for an import whose device, architecture and source ids all
// come from rows its own transaction wrote or read, so they cannot dangle. Create it before the
// transaction: SQLite ignores the setting inside one (then the lookups simply stay on).
class ForeignKeyLookupsSuspended {
public:
  explicit ForeignKeyLookupsSuspended(Project& project);
  ~ForeignKeyLookupsSuspended();
  ForeignKeyLookupsSuspended(const ForeignKeyLookupsSuspended&) = delete;
  ForeignKeyLookupsSuspended& operator=(const ForeignKeyLookupsSuspended&) = delete;

private:
  Database& db_;
  bool wasOn_;
};

// Latency per architecture (rows: every architecture of the space, ordered as listArchitectures)
// and device (columns, in the order asked): the median of its samples (deviceLatencies), NaN where
// a device has none.
struct LatencyMatrix {
  std::vector<std::string> devices;
  std::vector<Architecture> architectures;
  std::vector<double> ms; // row-major: ms[a * devices.size() + d]
  double at(size_t arch, size_t device) const { return ms[arch * devices.size() + device]; }
};
LatencyMatrix loadLatencyMatrix(Project& project, const searchspace::SearchSpace& space,
                                const std::vector<std::string>& devices);

// The device's newest latency sample of the architecture (row ids), if it has one.
std::optional<double> latestLatencyMs(Project& project, std::int64_t deviceId, std::int64_t architectureId);

} // namespace maple::store
