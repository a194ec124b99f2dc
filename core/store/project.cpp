#include "store/project.hpp"

#include "common/error.hpp"
#include "store/evaluations.hpp"
#include "common/text.hpp"
#include "store/open_checks.hpp"
#include "store/schema.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace maple::store {
namespace {

std::int64_t scalar(Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  if (!st.step()) db.raise("no result for " + sql);
  return st.int64(0);
}

// A reference that no longer resolves after a migration's statements, as "table row N".
std::string danglingReference(Database& db) {
  auto check = db.prepare("PRAGMA foreign_key_check");
  if (!check.step()) return {};
  return check.text(0) + " row " + std::to_string(check.int64(1)) + " (pointing into " + check.text(2) + ")";
}

// Foreign keys are off while a migration runs: one that rebuilds a table (5) drops the parent of
// rows pointing at it before its copy takes the name. SQLite ignores the pragma inside a
// transaction, so it is set around each; foreign_key_check before the commit proves every
// reference still resolves, otherwise the migration rolls back.
void migrate(Database& db, int from) {
  const auto& steps = migrations();
  for (int v = from; v < static_cast<int>(steps.size()); ++v) {
    db.exec("PRAGMA foreign_keys = OFF");
    {
      Transaction tx(db);
      db.exec(steps[v]);
      if (auto bad = danglingReference(db); !bad.empty())
        badInput(db.path() + ": upgrading to schema " + std::to_string(v + 1) + " would leave " + bad +
                 " dangling; nothing was changed (restore the project from a backup)");
      db.exec("PRAGMA user_version = " + std::to_string(v + 1));
      tx.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
  }
}

void refuseVersion(const std::string& path, std::int64_t version) {
  if (version < 0)
    badInput(path + ": the project file is corrupt (schema version " + std::to_string(version) +
             " is negative); restore it from a backup");
  if (version > currentSchemaVersion())
    badInput(path + ": written by a newer MAPLE Workbench (schema " + std::to_string(version) +
             ", this build knows up to " + std::to_string(currentSchemaVersion()) +
             "); upgrade MAPLE Workbench to open it");
}

void refuseHeader(const std::string& path, bool sqlite, std::int64_t appId, std::int64_t version) {
  if (!sqlite) badInput(path + ": not a MAPLE project (it is not an SQLite database)");
  if (appId != kApplicationId)
    badInput(path + ": not a MAPLE project (SQLite application_id is " + std::to_string(appId) +
             ", a project has " + std::to_string(kApplicationId) + ")");
  refuseVersion(path, version);
}

// integrity_check, not quick_check: only it compares every index with its table, and a damaged
// UNIQUE index would let a re-import add duplicate rows (docs/store.md has its cost).
void checkPages(Database& db, const std::string& path) {
  // Memory-mapped reads make the full-file check several times faster than page-by-page pread.
  db.exec("PRAGMA mmap_size = 1073741824");
  auto check = db.prepare("PRAGMA integrity_check(20)");
  std::string problems;
  while (check.step()) {
    auto line = check.text(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  if (!problems.empty())
    badInput(path + ": the project file is corrupt (" + problems.substr(0, 300) + "); restore it from a backup");
}

// Everything that can refuse the file, done before anything could write to it: the header with
// plain reads, then the pages on a read-only connection. Without a -wal no connection is writing,
// so the check reads an immutable snapshot and leaves no -wal/-shm beside a refused file.
void validateReadOnly(const std::string& path, Integrity integrity, bool immutable) {
  const auto h = readFileHeader(path);
  // With a -wal the header may be stale (the newest pages are in the log): SQLite decides below.
  if (!h.sqlite || immutable) refuseHeader(path, h.sqlite, h.applicationId, h.userVersion);
  Database db(path, immutable ? Database::Mode::Immutable : Database::Mode::ReadOnly);
  std::int64_t appId = 0;
  try {
    appId = scalar(db, "PRAGMA application_id");
  } catch (const Error& e) {
    badInput(path + ": not a readable MAPLE project (" + e.what() + ")");
  }
  refuseHeader(path, true, appId, scalar(db, "PRAGMA user_version"));
  if (integrity == Integrity::Check) checkPages(db, path);
}

void refuseSpecialName(const std::string& path) {
  if (path.empty()) fail(ErrorKind::Usage, "no project file name given: name the file to create (maple new my.maple)");
  if (path == ":memory:" || path.rfind("file:", 0) == 0)
    fail(ErrorKind::Usage, text::quote(path) + " is a special SQLite name, not a file: name a project file (maple new my.maple)");
}

// Removes a half-made database and its journals.
void removeDatabaseFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
}

} // namespace

void Project::configure(Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
}

// Built under a temporary name and renamed into place only when complete, so a full disk or a
// killed process leaves no half-made project under the user's name.
Project Project::create(const std::string& path) {
  refuseSpecialName(path);
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0)
    fail(ErrorKind::Usage, path + ": already exists; choose a new file name or open it instead");
  const std::string temp = path + ".creating";
  removeDatabaseFiles(temp); // a leftover of an earlier interrupted create
  try {
    Database db(temp, Database::Mode::Create);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    configure(db);
    migrate(db, 0);
    db.exec("PRAGMA journal_mode = DELETE"); // checkpoint everything into the file before renaming it
  } catch (const Error& e) {
    removeDatabaseFiles(temp);
    fail(e.kind(), path + ": cannot be created, nothing was left behind (" + e.what() + ")");
  }
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
    const int err = errno;
    removeDatabaseFiles(temp);
    if (err == EEXIST) fail(ErrorKind::Usage, path + ": already exists; choose a new file name or open it instead");
    fail(ErrorKind::Io, path + ": cannot create: " + std::strerror(err));
  }
  Database db(path, Database::Mode::ReadWrite);
  configure(db);
  return Project(std::move(db), false);
}

Project Project::open(const std::string& path, Integrity integrity) {
  const bool writable = canWriteProject(path);
  // Without a -wal no connection is writing: the checks may read an immutable snapshot.
  const bool immutable = !hasWalFile(path);
  validateReadOnly(path, integrity, immutable);
  if (!writable) {
    Database db(path, immutable ? Database::Mode::Immutable : Database::Mode::ReadOnly);
    if (scalar(db, "PRAGMA user_version") < currentSchemaVersion())
      fail(ErrorKind::Io, path + ": written by an older MAPLE Workbench and read-only here, so it cannot be upgraded; "
                                 "copy it somewhere writable and open the copy");
    db.exec("PRAGMA query_only = ON");
    return Project(std::move(db), true);
  }
  Database db(path, Database::Mode::ReadWrite);
  configure(db);
  migrate(db, static_cast<int>(scalar(db, "PRAGMA user_version")));
  Project project(std::move(db), false);
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
  auto spaces = db.prepare("SELECT search_space, count(*) FROM architectures GROUP BY search_space ORDER BY search_space");
  while (spaces.step()) info.spaces.push_back({spaces.text(0), spaces.int64(1), 0});
  auto samples = db.prepare("SELECT a.search_space, count(*) FROM latency_samples l JOIN architectures a "
                            "ON a.id = l.architecture_id GROUP BY a.search_space");
  while (samples.step())
    for (auto& s : info.spaces)
      if (s.space == samples.text(0)) s.latencySamples = samples.int64(1);
  return info;
}

} // namespace maple::store
