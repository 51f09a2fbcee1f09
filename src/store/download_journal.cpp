#include "store/download_journal.hpp"

namespace blogarchive::store {

std::filesystem::path download_journal_path(const std::filesystem::path& store_path) {
  return store_path.string() + "-download-journal";
}

DownloadJournal::DownloadJournal(const std::filesystem::path& path) : db_(path, true) {
  db_.execute("PRAGMA journal_mode=WAL");
  db_.execute(
      "CREATE TABLE IF NOT EXISTS answers (url TEXT PRIMARY KEY, body BLOB NOT NULL, total INTEGER "
      "NOT NULL, "
      "total_pages INTEGER NOT NULL)");
}

std::optional<JournalEntry> DownloadJournal::find(const std::string& url) {
  Statement select = db_.prepare("SELECT body, total, total_pages FROM answers WHERE url = ?");
  select.bind(1, url);
  if (!select.step()) {
    return std::nullopt;
  }
  return JournalEntry{select.blob(0), select.integer(1), select.integer(2)};
}

void DownloadJournal::put(const std::string& url, const JournalEntry& entry) {
  Statement upsert = db_.prepare(
      "INSERT OR REPLACE INTO answers (url, body, total, total_pages) VALUES (?, ?, ?, ?)");
  upsert.bind(1, url).bind_blob(2, entry.body).bind(3, entry.total).bind(4, entry.total_pages);
  upsert.run();
}

std::int64_t DownloadJournal::size() {
  Statement count = db_.prepare("SELECT count(*) FROM answers");
  count.step();
  return count.integer(0);
}

void remove_download_journal(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

}  // namespace blogarchive::store
