#include "store/sqlite.hpp"

#include "common/error.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <utility>

namespace maple::store {
namespace {

void (*busyNotice)(const std::string&) = nullptr;

// A file: URI for `path` with immutable=1; the characters URIs reserve are percent-encoded.
std::string immutableUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

// SQLite's busy handler: back off up to 100 ms between tries, say once that we are waiting, give
// up after kBusyWaitSeconds (the error then says the file is locked, not that it is bad).
int waitWhileBusy(void* self, int attempt) {
  const auto& db = *static_cast<const Database*>(self);
  const int sleepMs = attempt < 10 ? 10 * (attempt + 1) : 100;
  const long waitedMs = attempt < 10 ? 5L * attempt * (attempt + 1) : 550L + 100L * (attempt - 10);
  if (waitedMs >= kBusyWaitSeconds * 1000L) return 0;
  if (waitedMs < 1000 && waitedMs + sleepMs >= 1000 && busyNotice) busyNotice(db.path());
  sqlite3_sleep(sleepMs);
  return 1;
}

} // namespace

void setBusyNotice(void (*notice)(const std::string& path)) { busyNotice = notice; }

Database::Database(const std::string& path, Mode mode) : path_(path) {
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  switch (mode) {
  case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
  case Mode::Immutable:
    flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    name = immutableUri(path);
    break;
  case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
  case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    fail(ErrorKind::Io, path + ": cannot open: " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_handler(db_, waitWhileBusy, this);
}

Database::~Database() { sqlite3_close_v2(db_); }

// The busy handler holds `this`: a moved connection points it at its new home.
Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {
  if (db_) sqlite3_busy_handler(db_, waitWhileBusy, this);
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    if (db_) sqlite3_busy_handler(db_, waitWhileBusy, this);
  }
  return *this;
}

void Database::raise(const std::string& what) const {
  const int code = sqlite3_extended_errcode(db_) & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    fail(ErrorKind::Io, path_ + ": " + what + ": another process kept the project locked for " +
                            std::to_string(kBusyWaitSeconds) + " s; nothing was written, try again when it has finished");
  if (code == SQLITE_READONLY)
    fail(ErrorKind::Io, path_ + ": " + what + ": the project is read-only here (its file, folder or disk cannot be "
                            "written); copy it somewhere writable to change it");
  if (code == SQLITE_FULL)
    fail(ErrorKind::Io, path_ + ": " + what + ": the disk is full; nothing was written, free some space and retry");
  const bool io = code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_PERM;
  fail(io ? ErrorKind::Io : ErrorKind::BadInput, path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void Database::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    raise("SQL failed");
  }
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
    raise("cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
  return Statement(*this, stmt);
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int i, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, i, v) != SQLITE_OK) db_->raise("bind");
  return *this;
}
Statement& Statement::bind(int i, double v) {
  if (sqlite3_bind_double(stmt_, i, v) != SQLITE_OK) db_->raise("bind");
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  if (sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    db_->raise("bind");
  return *this;
}
Statement& Statement::bindBlob(int i, const std::vector<std::uint8_t>& v) {
  if (sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    db_->raise("bind");
  return *this;
}
Statement& Statement::bindNull(int i) {
  if (sqlite3_bind_null(stmt_, i) != SQLITE_OK) db_->raise("bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->raise("statement failed");
}

void Statement::run() {
  step();
  sqlite3_reset(stmt_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::text(int col) const {
  auto p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::vector<std::uint8_t> Statement::blob(int col) const {
  auto p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
  return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, col)) : std::vector<std::uint8_t>();
}
std::optional<double> Statement::optReal(int col) const {
  return isNull(col) ? std::nullopt : std::optional<double>(real(col));
}
std::optional<std::int64_t> Statement::optInt64(int col) const {
  return isNull(col) ? std::nullopt : std::optional<std::int64_t>(int64(col));
}

// Inside an open transaction a nested one is a savepoint, so a repository's own transaction can be
// part of a caller's larger one (a capture stored with its descriptors and its new device).
Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  db_.exec(nested_ ? "SAVEPOINT maple_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  const char* sql = nested_ ? "ROLLBACK TO maple_nested; RELEASE maple_nested" : "ROLLBACK";
  sqlite3_exec(db_.handle(), sql, nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE maple_nested" : "COMMIT");
  done_ = true;
}

} // namespace maple::store
