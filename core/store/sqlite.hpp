#pragma once
// Thin RAII layer over the SQLite C API: a connection, prepared statements and transactions.
// Every failure throws maple::Error with sqlite3_errmsg and the file's name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace maple::store {

class Statement;

// Called once per wait, after a second of waiting, with the project's path: a write that finds the
// file locked by another process waits for it (up to kBusyWaitSeconds) instead of failing, and the
// face says so ("waiting for ..."). Not thread-safe to change while connections are open.
inline constexpr int kBusyWaitSeconds = 600;
void setBusyNotice(void (*notice)(const std::string& path));

class Database {
public:
  // Immutable: read-only, no locks, no -wal/-shm beside the file; only for a file no connection is
  // writing (no -wal exists) or one nobody may write (a read-only folder or mount).
  enum class Mode { ReadOnly, Immutable, ReadWrite, Create };
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // Throws "<path>: <what>: <sqlite message>" for the last error on this connection: Io for the
  // operating system's refusals and for a file another process keeps locked, BadInput otherwise.
  [[noreturn]] void raise(const std::string& what) const;

private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
public:
  Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Parameters are 1-based as in SQLite; nullopt binds NULL.
  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bindBlob(int i, const std::vector<std::uint8_t>& v);
  Statement& bindNull(int i);
  template <class T> Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bindNull(i);
  }

  bool step();  // true while a row is available
  void run();   // step once, expecting no row
  void reset(); // clears bindings too

  bool isNull(int col) const;
  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::vector<std::uint8_t> blob(int col) const;
  std::optional<double> optReal(int col) const;
  std::optional<std::int64_t> optInt64(int col) const;

private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction (a savepoint when a transaction is already open); rolls back
// unless commit() was called.
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Database& db_;
  bool nested_;
  bool done_ = false;
};

} // namespace maple::store
