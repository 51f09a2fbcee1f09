#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "store/sqlite.hpp"

namespace blogarchive::store {

/// One answer kept for a resumed import: the body and the totals the server announced
/// (WordPress's X-WP-Total and X-WP-TotalPages; 0 when it did not).
struct JournalEntry {
  std::string body;
  std::int64_t total = 0;
  std::int64_t total_pages = 0;
};

/// The download journal: a SQLite file beside the store ("blog.db" →
/// "blog.db-download-journal") keeping every answer of an import from a live site as it
/// arrives, each in its own transaction. A run that stops part way (a server gone, too
/// many errors) leaves the store untouched and the journal behind; the next run asks only
/// for what the journal lacks. Removed once the import is committed to the store.
std::filesystem::path download_journal_path(const std::filesystem::path& store_path);

/// Deletes the journal at `path` (and SQLite's -wal and -shm files), if there is one.
void remove_download_journal(const std::filesystem::path& path);

class DownloadJournal {
 public:
  explicit DownloadJournal(const std::filesystem::path& path);
  std::optional<JournalEntry> find(const std::string& url);
  void put(const std::string& url, const JournalEntry& entry);
  /// How many answers it holds.
  std::int64_t size();

 private:
  Database db_;
};

}  // namespace blogarchive::store
