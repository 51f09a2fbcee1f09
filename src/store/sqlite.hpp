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

/// The page cache of a connection that touches each row once per build
/// (Database::limit_page_cache).
constexpr int kSmallPageCacheKiB = 256;

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
  /// Caps this connection's page cache (SQLite's default is 2 MiB), for connections
  /// that touch each row once per build, in order: the body reader of each build
  /// thread, the render-cache writer. Their caches only held pages nobody asked for
  /// again (written pages go to the WAL sooner): at 10,000 posts about 5 MiB of the
  /// build's peak. Measure before capping another: capped, the render-cache reader
  /// cost a warm 50,000-post build over a second of system time. The search cache
  /// (read by digest, in no order) is left at the default too, untested: a cap there
  /// was undone for a slowdown that an A/B later showed to be the machine's.
  void limit_page_cache(int kib);
  /// Frees what this connection's page cache holds, for a connection that has done
  /// its reading but stays open.
  void release_memory();
  /// Rolls back the open transaction, for destructors: a failure is ignored, since
  /// SQLite rolls back on close anyway.
  void rollback_quietly() noexcept;
  sqlite3* handle() { return db_; }
  /// Writes `bytes` into the blob `column` of `table`'s row `rowid` (made with
  /// zeroblob of their size) in pieces: inserting a large blob as a value makes SQLite
  /// build the whole row in memory once more.
  void write_blob(const char* table, const char* column, std::int64_t rowid,
                  std::string_view bytes);

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
  /// A blob of `size` zero bytes, to be filled by Database::write_blob.
  Statement& bind_zeroblob(int index, std::size_t size);
  Statement& bind_blob(int index, std::string_view bytes);
  /// Steps once; true while a row is available.
  bool step();
  /// Runs to completion and resets for the next use.
  void run();
  void reset();

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::string blob(int column) const;
  /// The blob where SQLite holds it: valid until the next step or reset.
  std::string_view blob_view(int column) const;
  std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace blogarchive::store
