#pragma once
// A MAPLE project: one SQLite file holding devices, architectures, latencies, captures,
// descriptors, predictors and evaluations.
#include "store/sqlite.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace maple::store {

// Whether open() reads the whole file to check it. The workbench checks once when the user opens a
// file, then each worker thread opens its own connection to it without reading it all again.
enum class Integrity { Check, AlreadyChecked };

class Project {
public:
  // Fails if the file exists. Writes the schema in one transaction.
  static Project create(const std::string& path);
  // Validates before writing anything: a foreign, corrupt or newer file is refused with the file's
  // name and the reason, and stays byte-for-byte untouched. Older schemas are migrated.
  // A project whose file, folder or file system this process cannot write is opened read-only
  // (readOnly() is true; any write fails with an Io error saying so).
  static Project open(const std::string& path, Integrity integrity = Integrity::Check);

  Database& db() { return db_; }
  bool readOnly() const { return readOnly_; }
  const std::string& path() const { return db_.path(); }
  int schemaVersion();

private:
  Project(Database db, bool readOnly) : db_(std::move(db)), readOnly_(readOnly) {}
  static void configure(Database& db);
  Database db_;
  bool readOnly_;
};

// What one search space holds: in a project, its stored architectures; for a device, the
// distinct architectures it has latencies for. latencySamples counts rows (a repeat counts twice).
struct SpaceCounts {
  std::string space;
  std::int64_t architectures = 0, latencySamples = 0;
};

struct ProjectInfo {
  std::string path;
  int schemaVersion = 0;
  std::int64_t fileBytes = 0;
  std::int64_t devices = 0, architectures = 0, latencySamples = 0, captures = 0, descriptors = 0,
               predictors = 0, evaluations = 0;
  std::vector<SpaceCounts> spaces; // every space with architectures, by name
};
ProjectInfo projectInfo(Project& project);

} // namespace maple::store
