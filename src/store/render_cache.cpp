#include "store/render_cache.hpp"

#include "blogarchive/error.hpp"

namespace blogarchive::store {
namespace {

// Bump when the table changes; an older cache file is then simply recreated.
constexpr int kCacheVersion = 1;

Database open_cache(const std::filesystem::path& path) {
  return open_disposable(path, kCacheVersion,
                         "DROP TABLE IF EXISTS rendered;"
                         "CREATE TABLE rendered (post_id INTEGER PRIMARY KEY, key INTEGER NOT NULL,"
                         " links TEXT NOT NULL, links_hash INTEGER NOT NULL, payload BLOB NOT NULL);");
}

}  // namespace

std::filesystem::path render_cache_path(const std::filesystem::path& store_path) {
  return store_path.string() + "-render-cache";
}

RenderCacheReader::RenderCacheReader(const std::filesystem::path& cache_path)
    : db_(cache_path, false),
      select_(db_.prepare("SELECT key, links, links_hash, payload FROM rendered WHERE post_id = ?")) {}

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
      upsert_((db_.execute("BEGIN IMMEDIATE"), db_.prepare("INSERT OR REPLACE INTO rendered VALUES (?, ?, ?, ?, ?)"))) {}

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

}  // namespace blogarchive::store
