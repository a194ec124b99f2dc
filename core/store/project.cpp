#include "store/project.hpp"

#include "common/error.hpp"
#include "store/evaluations.hpp"
#include "store/schema.hpp"

#include <filesystem>
#include <fstream>

namespace maple::store {
namespace {

std::int64_t scalar(Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  if (!st.step()) db.raise("no result for " + sql);
  return st.int64(0);
}

void migrate(Database& db, int from) {
  const auto& steps = migrations();
  for (int v = from; v < static_cast<int>(steps.size()); ++v) {
    Transaction tx(db);
    db.exec(steps[v]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
}

// Everything that can refuse the file, done on a read-only connection so nothing is written.
void validateReadOnly(const std::string& path, Integrity integrity) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    fail(ErrorKind::Io, path + ": no such project file (create one with 'maple new " + path + "')");
  if (std::filesystem::is_directory(path, ec)) badInput(path + ": is a folder, not a project file");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) fail(ErrorKind::Io, path + ": cannot be read (check its permissions)");
    char header[16] = {};
    probe.read(header, sizeof header);
    if (probe.gcount() < 16 || std::string(header, 15) != "SQLite format 3")
      badInput(path + ": not a MAPLE project (it is not an SQLite database)");
  }
  Database db(path, Database::Mode::ReadOnly);
  std::int64_t appId = 0;
  try {
    appId = scalar(db, "PRAGMA application_id");
  } catch (const Error& e) {
    badInput(path + ": not a readable MAPLE project (" + e.what() + ")");
  }
  if (appId != kApplicationId)
    badInput(path + ": not a MAPLE project (SQLite application_id is " + std::to_string(appId) +
             ", a project has " + std::to_string(kApplicationId) + ")");
  const auto version = scalar(db, "PRAGMA user_version");
  if (version > currentSchemaVersion())
    badInput(path + ": written by a newer MAPLE Workbench (schema " + std::to_string(version) +
             ", this build knows up to " + std::to_string(currentSchemaVersion()) +
             "); upgrade MAPLE Workbench to open it");
  if (integrity == Integrity::AlreadyChecked) return;
  // Memory-mapped reads make the full-file check several times faster than page-by-page pread.
  db.exec("PRAGMA mmap_size = 1073741824");
  auto check = db.prepare("PRAGMA quick_check");
  std::string problems;
  while (check.step()) {
    auto line = check.text(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  if (!problems.empty())
    badInput(path + ": the project file is corrupt (" + problems.substr(0, 300) +
             "); restore it from a backup");
}

} // namespace

void Project::configure(Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
}

Project Project::create(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    fail(ErrorKind::Usage, path + ": already exists; choose a new file name or open it instead");
  Database db(path, Database::Mode::Create);
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  configure(db);
  migrate(db, 0);
  return Project(std::move(db));
}

Project Project::open(const std::string& path, Integrity integrity) {
  validateReadOnly(path, integrity);
  Database db(path, Database::Mode::ReadWrite);
  configure(db);
  migrate(db, static_cast<int>(scalar(db, "PRAGMA user_version")));
  Project project(std::move(db));
  compactLegacyEvaluations(project);
  return project;
}

int Project::schemaVersion() { return static_cast<int>(scalar(db_, "PRAGMA user_version")); }

ProjectInfo projectInfo(Project& project) {
  ProjectInfo info;
  auto& db = project.db();
  info.path = project.path();
  info.schemaVersion = project.schemaVersion();
  std::error_code ec;
  auto size = std::filesystem::file_size(project.path(), ec);
  info.fileBytes = ec ? 0 : static_cast<std::int64_t>(size);
  info.devices = scalar(db, "SELECT count(*) FROM devices");
  info.architectures = scalar(db, "SELECT count(*) FROM architectures");
  info.latencySamples = scalar(db, "SELECT count(*) FROM latency_samples");
  info.captures = scalar(db, "SELECT count(*) FROM captures");
  info.descriptors = scalar(db, "SELECT count(*) FROM descriptors");
  info.predictors = scalar(db, "SELECT count(*) FROM predictors");
  info.evaluations = scalar(db, "SELECT count(*) FROM evaluations");
  return info;
}

} // namespace maple::store
