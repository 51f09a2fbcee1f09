#include "store/render_cache.hpp"

#include "blogarchive/error.hpp"

namespace blogarchive::store {
namespace {

// Bump when the table changes; an older cache file is then simply recreated.
constexpr int kCacheVersion = 2;

Database open_cache(const std::filesystem::path& path) {
  return open_disposable(
      path, kCacheVersion,
      "DROP TABLE IF EXISTS rendered;"
      "CREATE TABLE rendered (post_id INTEGER PRIMARY KEY, key INTEGER NOT NULL,"
      " links TEXT NOT NULL, links_hash INTEGER NOT NULL, payload BLOB NOT NULL);"
      "DROP TABLE IF EXISTS documents;"
      "CREATE TABLE documents (site TEXT NOT NULL, path TEXT NOT NULL, key INTEGER NOT NULL,"
      " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,"
      " PRIMARY KEY (site, path)) WITHOUT ROWID;");
}

}  // namespace

std::filesystem::path render_cache_path(const std::filesystem::path& store_path) {
  return store_path.string() + "-render-cache";
}

RenderCacheReader::RenderCacheReader(const std::filesystem::path& cache_path)
    : db_(cache_path, false),
      select_(
          db_.prepare("SELECT key, links, links_hash, payload FROM rendered WHERE post_id = ?")) {
  // SQLite's default page cache, unlike the body readers (Database::limit_page_cache):
  // capped at 256 KiB, a warm build at 50,000 posts took about 15 % longer, most of it
  // in the kernel, for 2 MiB less at its peak.
}

std::optional<CachedRender> RenderCacheReader::find(std::int64_t post_id) {
  select_.bind(1, post_id);
  std::optional<CachedRender> found;
  if (select_.step()) {
    found = CachedRender{static_cast<std::uint64_t>(select_.integer(0)), select_.text(1),
                         static_cast<std::uint64_t>(select_.integer(2)), select_.text(3)};
  }
  select_.reset();
  return found;
}

RenderCacheWriter::RenderCacheWriter(const std::filesystem::path& cache_path)
    : db_(open_cache(cache_path)),
      upsert_((db_.execute("BEGIN IMMEDIATE"),
               db_.prepare("INSERT OR REPLACE INTO rendered VALUES (?, ?, ?, ?, ?)"))) {
  db_.limit_page_cache(kSmallPageCacheKiB);
}

RenderCacheWriter::~RenderCacheWriter() {
  if (open_) {
    db_.rollback_quietly();
  }
}

void RenderCacheWriter::put(std::int64_t post_id, const CachedRender& entry) {
  const std::lock_guard lock(mutex_);
  upsert_.bind(1, post_id)
      .bind(2, static_cast<std::int64_t>(entry.key))
      .bind(3, entry.links)
      .bind(4, static_cast<std::int64_t>(entry.links_hash))
      .bind(5, entry.payload)
      .run();
}

void RenderCacheWriter::commit() {
  const std::lock_guard lock(mutex_);
  db_.execute("COMMIT");
  open_ = false;
}

std::unordered_map<std::string, WrittenDocument> read_written_documents(
    const std::filesystem::path& cache_path, const std::string& site) {
  Database db = open_cache(cache_path);
  Statement select =
      db.prepare("SELECT path, key, size, mtime_ns, inode FROM documents WHERE site = ?");
  select.bind(1, site);
  std::unordered_map<std::string, WrittenDocument> documents;
  while (select.step()) {
    documents.emplace(select.text(0),
                      WrittenDocument{static_cast<std::uint64_t>(select.integer(1)),
                                      select.integer(2), select.integer(3), select.integer(4)});
  }
  return documents;
}

void save_written_documents(const std::filesystem::path& cache_path, const std::string& site,
                            const std::vector<std::pair<std::string, WrittenDocument>>& documents) {
  Database db = open_cache(cache_path);
  db.execute("BEGIN IMMEDIATE");
  try {
    db.prepare("DELETE FROM documents WHERE site = ?").bind(1, site).run();
    Statement insert = db.prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& [path, document] : documents) {
      insert.bind(1, site)
          .bind(2, path)
          .bind(3, static_cast<std::int64_t>(document.key))
          .bind(4, document.size)
          .bind(5, document.mtime_ns)
          .bind(6, document.inode)
          .run();
    }
    db.execute("COMMIT");
  } catch (...) {
    db.rollback_quietly();
    throw;
  }
}

}  // namespace blogarchive::store
