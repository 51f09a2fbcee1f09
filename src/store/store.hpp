#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "blog/post.hpp"
#include "core/image_size.hpp"
#include "store/sqlite.hpp"

namespace blogarchive::store {

/// The schema version this build writes and reads (PRAGMA user_version).
constexpr int kSchemaVersion = 8;

/// An import in progress: everything written through it lands in one transaction that
/// only commit() makes durable. Destroying it uncommitted rolls everything back.
class ImportTransaction : public blog::ImportSink {
 public:
  explicit ImportTransaction(Database& db);
  ImportTransaction(const ImportTransaction&) = delete;
  ImportTransaction& operator=(const ImportTransaction&) = delete;
  ~ImportTransaction() override;

  void site(const blog::SiteInfo& info) override;
  void author(const blog::Author& author) override;
  void term(const blog::Term& term) override;
  void post(const blog::Post& post) override;
  /// A media file at its URL path ("/wp-content/uploads/2009/03/bild.jpg"); `source`
  /// says where it came from ("uploads", or the URL it was fetched from).
  void media(const std::string& path, std::string_view bytes, const std::string& source);
  /// A setting of the store outside the export ("media_prefix").
  void setting(const std::string& key, const std::string& value);
  void commit();

 private:
  Database& db_;
  bool open_ = true;
  Statement insert_site_;
  Statement insert_author_;
  Statement insert_term_;
  Statement upsert_post_;
  Statement delete_post_terms_;
  Statement insert_post_term_;
  Statement delete_aliases_;
  Statement insert_alias_;
  Statement delete_comments_;
  Statement insert_comment_;
  Statement insert_media_;
};

/// One blog's SQLite store.
class Store {
 public:
  /// Opens (and with `create`, creates) the store and brings its schema up to date.
  /// Throws StoreError for a file that is not a store or was made by a newer version.
  static Store open(const std::filesystem::path& path, bool create);

  std::unique_ptr<ImportTransaction> begin_import();
  /// Everything, bodies and comments included.
  blog::Snapshot load_snapshot();
  /// Everything but post bodies, excerpts and comments (read those with a BodyReader):
  /// a 100,000-post blog's outline fits in a few dozen megabytes. With more than one
  /// job, what belongs to the posts is read on a second connection beside them: not
  /// inside an open import transaction, whose writes only this connection sees.
  blog::Snapshot load_outline(int jobs = 1);
  /// The URL paths of all media files in the store, sorted.
  std::vector<std::string> media_paths();
  /// The pixel size of each image among them (read from its header at import), by path.
  std::map<std::string, core::ImageSize> media_image_sizes();
  /// A setting written by ImportTransaction::setting; empty when never set.
  std::string setting(const std::string& key);
  /// One value the export said about the blog as a whole ("language", "title", …);
  /// empty when it said nothing.
  std::string site_value(const std::string& key);
  /// Frees the page cache that reading the outline filled, when the store stays open
  /// but is read no more.
  void release_memory() { db_.release_memory(); }

 private:
  Store(Database db, std::filesystem::path path) : db_(std::move(db)), path_(std::move(path)) {}
  Database db_;
  std::filesystem::path path_;  ///< for a second connection
};

/// Reads media files one at a time through its own connection.
class MediaReader {
 public:
  explicit MediaReader(const std::filesystem::path& path);
  /// The file's bytes; nullopt when the store has no such path.
  std::optional<std::string> read(const std::string& path);

 private:
  Database db_;
  Statement select_;
};

/// Reads the bodies and comments of single posts through its own connection, so that
/// each build thread can have one. Open it on a store that Store::open has upgraded.
class BodyReader {
 public:
  explicit BodyReader(const std::filesystem::path& path);
  /// Fills post.content, post.excerpt and post.comments (oldest first) from the store.
  void read(blog::Post& post);

 private:
  Database db_;
  Statement select_body_;
  Statement select_comments_;
};

}  // namespace blogarchive::store
