#pragma once
// Options of the library's commands; the CLI fills these from its flags.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive {

/// What `import` reads and where it writes.
struct ImportOptions {
  /// Export files, site folders, or the address of a running WordPress ("https://…"),
  /// read through its public REST API.
  std::vector<std::filesystem::path> export_files;
  std::filesystem::path store_path;
  /// Read malformed XML with libxml2's recovering parser and report every repair.
  bool recover = false;
  /// No progress display.
  bool quiet = false;
  /// The format ("wordpress", "movabletype", "blogger", "feed", "jekyll", "hugo"); empty:
  /// detected from each file's content or folder's layout.
  std::string format;
  /// A copy of the blog's media folder (wp-content/uploads): the files published content
  /// uses are copied into the store; the others are listed and left out.
  std::filesystem::path uploads_dir;
  /// The URL folder the media were served from; empty: from the export's attachments,
  /// else "/wp-content/uploads/".
  std::string uploads_url;
  /// Download media files that are used but missing from the store, from the old site
  /// (or fetch_from). Never by default: the old site may be gone, or slow, or not ours.
  bool fetch_media = false;
  std::string fetch_from;
  int fetch_jobs = 4;
  /// A database backup: the table prefix of the installation to read; empty: the only one.
  std::string table_prefix;
  /// A running site: the least time between two requests, in seconds.
  double delay_s = 0;
  /// A running site: the largest single answer accepted.
  std::size_t max_response_bytes = std::size_t{64} << 20;
};

/// What `build` reads and where it writes.
struct BuildOptions {
  std::filesystem::path store_path;
  std::filesystem::path config_path;
  std::filesystem::path out_dir;
  /// Threads; 0: one per core. The output is the same for any number.
  int jobs = 0;
  /// Keep what the content pipeline made of each post in "<store>-render-cache" and
  /// reuse it when nothing it depends on changed.
  bool use_render_cache = true;
  /// Also write .gz (and with precompress_brotli .br) copies of text files, for servers
  /// that send them as they are.
  bool precompress_gzip = false;
  bool precompress_brotli = false;
  /// No progress display.
  bool quiet = false;
  /// Say for every rendered document why it was not kept from the last build.
  bool explain = false;
  /// When set, every file of the site goes here (path relative to the site, bytes)
  /// instead of into out_dir, which is then not touched: a build in memory, for tests
  /// and tools. Called from the build's threads one at a time. Nothing is kept from an
  /// earlier build then, so the render and search caches still apply but every
  /// document is rendered.
  std::function<void(const std::string& path, std::string_view bytes)> sink;
};

/// What `search` looks for, in which store, and how it prints what it finds.
struct SearchOptions {
  std::filesystem::path store_path;
  std::filesystem::path config_path;
  std::string query;
  std::size_t limit = 10;
  /// The last word is still being typed: it also matches the words it begins.
  bool prefix = false;
  bool json = false;
};

/// What `export` writes: redirect configs for servers whose config lives outside the
/// site, and packages of the whole archive for web archives and offline readers.
struct ExportOptions {
  std::filesystem::path store_path;
  std::filesystem::path config_path;
  /// A site `build` made from this store and config; empty: build one in a temporary folder.
  std::filesystem::path site_dir;
  /// nginx: the maps (http block) here, the server-block part beside it as NAME.server.conf.
  std::filesystem::path nginx_file;
  std::filesystem::path caddy_file;
  std::filesystem::path warc_file;  ///< WARC/1.1, one gzip member per record
  std::filesystem::path wacz_file;  ///< WACZ 1.1.1 for ReplayWeb.page
  std::filesystem::path zim_file;   ///< ZIM for Kiwix, through blogarchive-zim
};

/// What `check` verifies.
struct CheckOptions {
  std::filesystem::path site_dir;
  std::filesystem::path store_path;   ///< empty: links only, no old URLs
  std::filesystem::path config_path;  ///< empty: the base URL from the site's robots.txt
  bool json = false;
};

/// Where `serve` listens and what it serves.
struct ThemeInitOptions {
  std::filesystem::path dir;  ///< a folder that does not exist yet, or an empty one
};

struct ServeOptions {
  std::filesystem::path site_dir;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
};

}  // namespace blogarchive
