#include "store/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "blogarchive/error.hpp"

namespace blogarchive::store {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw StoreError(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Database::Database(const std::filesystem::path& path, bool create) {
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("cannot open the store '{}': {}", path.string(), message));
  }
  sqlite3_busy_timeout(db_, 5000);
  execute("PRAGMA foreign_keys = ON");
}

Database::Database(Database&& other) noexcept : db_(other.db_) {
  other.db_ = nullptr;
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

void Database::execute(std::string_view sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError(fmt::format("store: {}", message));
  }
}

void Database::limit_page_cache(int kib) {
  // A negative cache_size is in KiB, a positive one in pages.
  execute(fmt::format("PRAGMA cache_size = -{}", kib));
}

void Database::release_memory() {
  sqlite3_db_release_memory(db_);
}

Statement Database::prepare(std::string_view sql) {
  return Statement(db_, sql);
}

int Database::user_version() {
  Statement statement(db_, "PRAGMA user_version");
  statement.step();
  return static_cast<int>(statement.integer(0));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    fail(db, "store: cannot prepare a statement");
  }
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    fail(db_, "store: bind");
  }
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  // sqlite3_bind_blob64: a media file may be larger than an int can count.
  if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
      SQLITE_OK) {
    fail(db_, "store: bind");
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) {
    fail(db_, "store: bind");
  }
  return *this;
}

Statement& Statement::bind_zeroblob(int index, std::size_t size) {
  if (sqlite3_bind_zeroblob64(stmt_, index, size) != SQLITE_OK) {
    fail(db_, "store: bind");
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) {
    fail(db_, "store: bind");
  }
  return *this;
}

bool Statement::step() {
  const int result = sqlite3_step(stmt_);
  if (result == SQLITE_ROW) {
    return true;
  }
  if (result == SQLITE_DONE) {
    return false;
  }
  fail(db_, "store");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  const auto* value = sqlite3_column_text(stmt_, column);
  return value ? std::string(reinterpret_cast<const char*>(value),
                             static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
               : std::string{};
}

std::string Statement::blob(int column) const {
  return std::string(blob_view(column));
}

void Database::write_blob(const char* table, const char* column, std::int64_t rowid,
                          std::string_view bytes) {
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(db_, "main", table, column, rowid, 1, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    fail(db_, "store: open blob");
  }
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
    const std::size_t size = std::min(kPiece, bytes.size() - at);
    if (sqlite3_blob_write(blob, bytes.data() + at, static_cast<int>(size), static_cast<int>(at)) !=
        SQLITE_OK) {
      sqlite3_blob_close(blob);
      fail(db_, "store: write blob");
    }
  }
  if (sqlite3_blob_close(blob) != SQLITE_OK) {
    fail(db_, "store: write blob");
  }
}

std::string_view Statement::blob_view(int column) const {
  const auto* value = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  return value ? std::string_view(value,
                                  static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
               : std::string_view{};
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) {
    return std::nullopt;
  }
  return text(column);
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

void Database::rollback_quietly() noexcept {
  try {
    execute("ROLLBACK");
  } catch (const StoreError&) {
    // Nothing more can be done: closing the connection rolls back as well.
  }
}

Database open_disposable(const std::filesystem::path& path, int version, std::string_view schema) {
  auto open = [&] {
    Database db(path, true);
    db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
    if (db.user_version() != version) {
      db.execute(schema);
      db.execute("PRAGMA user_version = " + std::to_string(version));
    }
    return db;
  };
  try {
    return open();
  } catch (const StoreError&) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix, ignored);
    }
    return open();
  }
}

}  // namespace blogarchive::store
