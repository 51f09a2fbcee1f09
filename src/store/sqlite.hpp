#pragma once
// A minimal RAII layer over the SQLite C API: errors become StoreError with the
// database's own message.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace blogarchive::store {

class Statement;

class Database {
 public:
  Database(const std::filesystem::path& path, bool create);
  Database(Database&& other) noexcept;
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;
  ~Database();

  void execute(std::string_view sql);
  Statement prepare(std::string_view sql);
  int user_version();
  /// Rolls back the open transaction, for destructors: a failure is ignored, since
  /// SQLite rolls back on close anyway.
  void rollback_quietly() noexcept;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

/// Opens a file of derived data (a cache) in WAL mode, creating it when missing. When
/// its user_version is not `version`, `schema` (which drops and creates the tables) is
/// run and the version set; a file that cannot be read as a database is deleted and
/// made afresh, since it only ever holds what a build can make again.
Database open_disposable(const std::filesystem::path& path, int version, std::string_view schema);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);
  /// Steps once; true while a row is available.
  bool step();
  /// Runs to completion and resets for the next use.
  void run();
  void reset();

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::string blob(int column) const;
  std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace blogarchive::store
