#include "store/render_cache.hpp"

#include <string_view>

#include "blogarchive/error.hpp"

namespace blogarchive::store {
namespace {

// Bump when the table changes; an older cache file is then simply recreated.
constexpr int kCacheVersion = 3;

Database open_cache(const std::filesystem::path& path) {
  return open_disposable(
      path, kCacheVersion,
      "DROP TABLE IF EXISTS rendered;"
      "CREATE TABLE rendered (post_id INTEGER PRIMARY KEY, key INTEGER NOT NULL,"
      " links TEXT NOT NULL, links_hash INTEGER NOT NULL, payload BLOB NOT NULL);"
      "DROP TABLE IF EXISTS documents;"
      "CREATE TABLE documents (site TEXT PRIMARY KEY, entries BLOB NOT NULL);");
}

// The documents of one site are one row: a build replaces all of them at once, and
// writing them as a row each (10,000 rows under a (site, path) key at 10,000 posts) was
// a fifteenth of a warm build. Each document: the path's length (4 bytes), the path,
// then key, size, mtime_ns and inode (8 bytes each), all numbers little-endian.
void put_number(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

std::uint64_t take_number(std::string_view bytes, std::size_t& at, int count) {
  if (bytes.size() - at < static_cast<std::size_t>(count)) {
    throw StoreError("the render cache's list of documents ends early");
  }
  std::uint64_t value = 0;
  for (int i = 0; i < count; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at++])) << (8 * i);
  }
  return value;
}

std::string encode_documents(
    const std::vector<std::pair<std::string, WrittenDocument>>& documents) {
  std::string out;
  for (const auto& [path, document] : documents) {
    put_number(out, path.size(), 4);
    out += path;
    put_number(out, document.key, 8);
    put_number(out, static_cast<std::uint64_t>(document.size), 8);
    put_number(out, static_cast<std::uint64_t>(document.mtime_ns), 8);
    put_number(out, static_cast<std::uint64_t>(document.inode), 8);
  }
  return out;
}

std::unordered_map<std::string, WrittenDocument> decode_documents(std::string_view bytes) {
  std::unordered_map<std::string, WrittenDocument> documents;
  for (std::size_t at = 0; at < bytes.size();) {
    const auto length = static_cast<std::size_t>(take_number(bytes, at, 4));
    if (bytes.size() - at < length) {
      throw StoreError("the render cache's list of documents ends early");
    }
    std::string path(bytes.substr(at, length));
    at += length;
    WrittenDocument document;
    document.key = take_number(bytes, at, 8);
    document.size = static_cast<std::int64_t>(take_number(bytes, at, 8));
    document.mtime_ns = static_cast<std::int64_t>(take_number(bytes, at, 8));
    document.inode = static_cast<std::int64_t>(take_number(bytes, at, 8));
    documents.emplace(std::move(path), document);
  }
  return documents;
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
  Statement select = db.prepare("SELECT entries FROM documents WHERE site = ?");
  select.bind(1, site);
  return select.step() ? decode_documents(select.blob_view(0))
                       : std::unordered_map<std::string, WrittenDocument>();
}

void save_written_documents(const std::filesystem::path& cache_path, const std::string& site,
                            const std::vector<std::pair<std::string, WrittenDocument>>& documents) {
  Database db = open_cache(cache_path);
  db.prepare("INSERT OR REPLACE INTO documents VALUES (?, ?)")
      .bind(1, site)
      .bind_blob(2, encode_documents(documents))
      .run();
}

}  // namespace blogarchive::store
