#include "store/sqlite.hpp"

#include "common/error.hpp"

#include <sqlite3.h>

#include <utility>

namespace maple::store {

Database::Database(const std::string& path, Mode mode) : path_(path) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
  case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
  case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
  case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    fail(ErrorKind::Io, path + ": cannot open: " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

void Database::raise(const std::string& what) const {
  int code = sqlite3_extended_errcode(db_);
  ErrorKind kind = (code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_FULL ||
                           (code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN ||
                           (code & 0xff) == SQLITE_PERM
                       ? ErrorKind::Io
                       : ErrorKind::BadInput;
  fail(kind, path_ + ": " + what + ": " + sqlite3_errmsg(db_));
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
