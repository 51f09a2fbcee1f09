#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sqlite.hpp"

namespace blogarchive::store {

/// One post's rendered content from an earlier build. `key` says what it was made
/// from (body, attachments, pipeline version); `links` lists the URLs the content asked
/// the site about, and `links_hash` what the site answered, so a build can check that
/// the links would still be rewritten the same way.
struct CachedRender {
  std::uint64_t key = 0;
  std::string links;  ///< one URL per line
  std::uint64_t links_hash = 0;
  std::string payload;  ///< the rendered item, encoded by the pipeline
};

/// The render cache: a SQLite file beside the store ("blog.db" → "blog.db-render-cache")
/// holding what the content pipeline made of each post. Derived data only: deleting it
/// makes the next build slower and changes nothing else. In WAL mode, so that every build
/// thread can read through its own RenderCacheReader while one RenderCacheWriter writes.
std::filesystem::path render_cache_path(const std::filesystem::path& store_path);

class RenderCacheReader {
 public:
  explicit RenderCacheReader(const std::filesystem::path& cache_path);
  std::optional<CachedRender> find(std::int64_t post_id);

 private:
  Database db_;
  Statement select_;
};

/// Collects new entries in one transaction that commit() makes durable; thread-safe.
class RenderCacheWriter {
 public:
  /// Creates the cache file (and its table) when missing; a cache that cannot be read
  /// (damaged, from another version) is replaced.
  explicit RenderCacheWriter(const std::filesystem::path& cache_path);
  ~RenderCacheWriter();
  RenderCacheWriter(const RenderCacheWriter&) = delete;
  RenderCacheWriter& operator=(const RenderCacheWriter&) = delete;

  void put(std::int64_t post_id, const CachedRender& entry);
  void commit();

 private:
  std::mutex mutex_;
  Database db_;
  Statement upsert_;
  bool open_ = true;
};

/// A document an earlier build wrote into a site folder: the key it was rendered under
/// and what its file looked like then, so that a file changed since is not taken for it.
struct WrittenDocument {
  std::uint64_t key = 0;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t inode = 0;
};

/// The documents of the last build into `site` (an output folder's absolute path), by
/// their path in the site; empty when there was none. Creates the cache when missing.
std::unordered_map<std::string, WrittenDocument> read_written_documents(
    const std::filesystem::path& cache_path, const std::string& site);

/// Replaces the documents recorded for `site` with `documents`, in one transaction.
void save_written_documents(const std::filesystem::path& cache_path, const std::string& site,
                            const std::vector<std::pair<std::string, WrittenDocument>>& documents);

}  // namespace blogarchive::store
