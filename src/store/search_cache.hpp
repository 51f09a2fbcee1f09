#pragma once
// The search cache: a SQLite file beside the store ("blog.db" → "blog.db-search-cache")
// holding what indexing made of each document (by the document's digest) and the
// files of the last index built (by the index's key). Derived data only, like the
// render cache: deleting it makes the next build slower and changes nothing else.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/sqlite.hpp"

namespace blogarchive::store {

/// A file of the search index whose bytes are read only when asked for: a build that
/// keeps the file from the last one never reads them. `bytes()` is valid until it is
/// called again or the file goes.
struct LazyFile {
  std::string path;
  std::uint64_t digest = 0;  ///< of the bytes, as the index builder gave it
  std::function<std::string_view()> bytes;
};

std::filesystem::path search_cache_path(const std::filesystem::path& store_path);

class SearchCache {
 public:
  /// Opens the cache, creating it when missing, and begins the build's transaction; a
  /// file that is not a readable cache of this version is replaced. Throws StoreError
  /// when even that fails (or another build holds it).
  explicit SearchCache(const std::filesystem::path& cache_path);

  /// Whether a document with this digest is cached. Reads only what the constructor
  /// loaded, so any number of threads may ask at once.
  bool has(std::uint64_t digest) const { return digests_.count(digest) > 0; }
  /// The cached analysis of a document, as encoded by the search module.
  std::optional<std::string> analysed(std::uint64_t digest);

  /// The key of the index whose files are kept, or 0 when none is.
  std::uint64_t index_key() const { return index_key_; }
  /// `each(file)` for every file of the kept index, in the order they were saved; the
  /// file's bytes are read from the cache when the callee asks, during the call.
  void for_each_index_file(const std::function<void(const LazyFile&)>& each);

  /// Adds an analysis; not kept until save or keep_as_is. Not thread-safe.
  void put(std::uint64_t digest, const std::string& record);

  /// Replaces the kept index: begin_index forgets it, add_index_file adds its files one
  /// by one (so a large index is never held whole), and save keeps it under `key`,
  /// forgets every analysis whose digest is not in `keep` and makes what put added
  /// durable: one transaction.
  void begin_index();
  void add_index_file(std::string_view path, std::uint64_t digest, std::string_view bytes);
  void save(std::uint64_t key, const std::vector<std::uint64_t>& keep);
  /// Ends the build's transaction with the kept index unchanged.
  void keep_as_is();

  ~SearchCache();
  SearchCache(const SearchCache&) = delete;
  SearchCache& operator=(const SearchCache&) = delete;

 private:
  void commit();

  Database db_;
  Statement select_analysed_;
  Statement insert_analysed_;
  std::optional<Statement> insert_file_;  ///< while an index is being replaced
  std::int64_t file_position_ = 0;
  bool open_ = true;  ///< the build's transaction, begun by the constructor
  std::unordered_set<std::uint64_t> digests_;
  std::uint64_t index_key_ = 0;
};

}  // namespace blogarchive::store
