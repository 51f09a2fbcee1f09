#include "store/search_cache.hpp"

#include "blogarchive/error.hpp"

namespace blogarchive::store {
namespace {

// Bump when the tables change; an older cache file is then simply recreated.
constexpr int kCacheVersion = 2;

Database open_cache(const std::filesystem::path& path) {
  return open_disposable(
      path, kCacheVersion,
      "DROP TABLE IF EXISTS analysed; DROP TABLE IF EXISTS index_files;"
      "DROP TABLE IF EXISTS index_key;"
      "CREATE TABLE analysed (digest INTEGER PRIMARY KEY, record BLOB NOT NULL);"
      "CREATE TABLE index_files (position INTEGER PRIMARY KEY, path TEXT NOT NULL,"
      " digest INTEGER NOT NULL, bytes BLOB NOT NULL);"
      "CREATE TABLE index_key (key INTEGER NOT NULL);");
}

}  // namespace

std::filesystem::path search_cache_path(const std::filesystem::path& store_path) {
  return store_path.string() + "-search-cache";
}

SearchCache::SearchCache(const std::filesystem::path& cache_path)
    : db_(open_cache(cache_path)),
      select_analysed_(db_.prepare("SELECT record FROM analysed WHERE digest = ?")),
      insert_analysed_(db_.prepare("INSERT OR REPLACE INTO analysed VALUES (?, ?)")) {
  db_.execute("BEGIN IMMEDIATE");
  Statement digests = db_.prepare("SELECT digest FROM analysed");
  while (digests.step()) {
    digests_.insert(static_cast<std::uint64_t>(digests.integer(0)));
  }
  Statement key = db_.prepare("SELECT key FROM index_key");
  if (key.step()) {
    index_key_ = static_cast<std::uint64_t>(key.integer(0));
  }
}

std::optional<std::string> SearchCache::analysed(std::uint64_t digest) {
  select_analysed_.bind(1, static_cast<std::int64_t>(digest));
  std::optional<std::string> record;
  if (select_analysed_.step()) {
    record = select_analysed_.blob(0);
  }
  select_analysed_.reset();
  return record;
}

void SearchCache::for_each_index_file(const std::function<void(const LazyFile&)>& each) {
  // The bytes have a statement of their own: selected with the path, SQLite would read
  // every file's blob, 19 MB at 10,000 posts, also for the files a build keeps.
  Statement files = db_.prepare("SELECT position, path, digest FROM index_files ORDER BY position");
  Statement bytes = db_.prepare("SELECT bytes FROM index_files WHERE position = ?");
  while (files.step()) {
    const std::int64_t position = files.integer(0);
    each({files.text(1), static_cast<std::uint64_t>(files.integer(2)), [&] {
            bytes.reset();
            bytes.bind(1, position);
            if (!bytes.step()) {
              throw StoreError("a file of the kept search index went missing while being read");
            }
            return bytes.blob_view(0);  // the document store is large: not copied
          }});
  }
}

SearchCache::~SearchCache() {
  if (open_) {
    db_.rollback_quietly();
  }
}

void SearchCache::put(std::uint64_t digest, const std::string& record) {
  insert_analysed_.bind(1, static_cast<std::int64_t>(digest)).bind_blob(2, record).run();
}

void SearchCache::commit() {
  db_.execute("COMMIT");
  open_ = false;
}

void SearchCache::keep_as_is() {
  commit();
}

void SearchCache::begin_index() {
  db_.execute("DELETE FROM index_files; DELETE FROM index_key;");
  insert_file_.emplace(db_.prepare("INSERT INTO index_files VALUES (?, ?, ?, ?)"));
  file_position_ = 0;
  index_key_ = 0;
}

void SearchCache::add_index_file(std::string_view path, std::uint64_t digest,
                                 std::string_view bytes) {
  // The document store is large: written in pieces into a blob made to its size.
  const std::int64_t position = file_position_++;
  insert_file_->bind(1, position)
      .bind(2, path)
      .bind(3, static_cast<std::int64_t>(digest))
      .bind_zeroblob(4, bytes.size())
      .run();
  db_.write_blob("index_files", "bytes", position, bytes);
}

void SearchCache::save(std::uint64_t key, const std::vector<std::uint64_t>& keep) {
  insert_file_.reset();
  {
    db_.execute(
        "CREATE TEMP TABLE IF NOT EXISTS keep (digest INTEGER PRIMARY KEY); DELETE FROM keep;");
    Statement kept = db_.prepare("INSERT OR IGNORE INTO keep VALUES (?)");
    for (const std::uint64_t digest : keep) {
      kept.bind(1, static_cast<std::int64_t>(digest)).run();
    }
    db_.execute(
        "DELETE FROM analysed WHERE digest NOT IN (SELECT digest FROM keep); DELETE FROM keep;");
    db_.prepare("INSERT INTO index_key VALUES (?)").bind(1, static_cast<std::int64_t>(key)).run();
  }
  commit();
  index_key_ = key;
  digests_ = std::unordered_set<std::uint64_t>(keep.begin(), keep.end());
}

}  // namespace blogarchive::store
