#include <CLI/CLI.hpp>
#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"

namespace {

constexpr int kFailure = 1;
constexpr int kUsage = 2;

void print_error(const std::exception& error, int depth = 0) {
  std::cerr << (depth == 0 ? "error: " : "  caused by: ") << error.what() << '\n';
  try {
    std::rethrow_if_nested(error);
  } catch (const std::exception& cause) {
    print_error(cause, depth + 1);
  }
}

// glibc serves a block of 128 KiB or more with its own mapping, but raises that limit
// to the size of each such block freed, up to 32 MiB. A build frees large buffers all
// the time (bodies, growing vectors, SQLite blobs): once the limit has risen they come
// from the heap, and the holes they leave stay resident. Keeping the limit fixed gives
// them back on free: at 50,000 posts the build's peak falls from 410 to 366 MiB, at
// the same speed (bench/analysis.md).
void keep_large_blocks_out_of_the_heap() {
#ifdef __GLIBC__
  constexpr int kLargeBlock = 128 * 1024;
  mallopt(M_MMAP_THRESHOLD, kLargeBlock);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_large_blocks_out_of_the_heap();
  CLI::App app{"blogarchive: turns a closed blog's export into a fast, durable static archive"};
  app.set_version_flag("--version", std::string("blogarchive ") + blogarchive::version());
  app.require_subcommand(1);

  blogarchive::ImportOptions import_options;
  auto* import =
      app.add_subcommand("import",
                         "Read blog exports (WordPress WXR, Movable Type/TypePad, Blogger, "
                         "RSS/Atom feeds, WordPress database backups), Jekyll/Hugo site folders or "
                         "a running WordPress "
                         "(https://…, its public REST API) into the SQLite store");
  import
      ->add_option("FILE", import_options.export_files,
                   "Export file(s), site folder(s), or the address of a running WordPress")
      ->required();
  import->add_option("--store", import_options.store_path, "The store (created if missing)")
      ->required();
  import->add_flag("--recover", import_options.recover,
                   "Read malformed XML as far as possible, reporting every repair");
  import->add_flag("--quiet,-q", import_options.quiet, "No progress display");
  import->add_option("--format", import_options.format,
                     "Read every file as this format (wordpress, movabletype, blogger, feed, "
                     "sqldump, jekyll, hugo) "
                     "instead of detecting it");
  import->add_option(
      "--uploads", import_options.uploads_dir,
      "A copy of the blog's media folder (wp-content/uploads): the files published posts use are "
      "copied into the store");
  import->add_option(
      "--uploads-url", import_options.uploads_url,
      "The URL folder those files had (default: from the export, else /wp-content/uploads/)");
  import->add_flag(
      "--fetch-media", import_options.fetch_media,
      "Download used media files the store lacks from the old site (never by default)");
  import->add_option(
      "--fetch-from", import_options.fetch_from,
      "Download them from this address instead of the old site's (a mirror, a backup host)");
  import->add_option("--fetch-jobs", import_options.fetch_jobs, "Downloads at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  import->add_option(
      "--table-prefix", import_options.table_prefix,
      "A database backup holding several WordPress installations: the tables to read (e.g. wp_2_)");
  import
      ->add_option("--delay", import_options.delay_s,
                   "A running WordPress: seconds between two requests, to spare a slow host")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 60.0));
  import
      ->add_option("--max-response-size", import_options.max_response_bytes,
                   "A running WordPress: the largest answer accepted (e.g. 64MB)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64MB");

  blogarchive::BuildOptions build_options;
  auto* build = app.add_subcommand("build", "Generate the static archive from the store");
  build->add_option("--store", build_options.store_path, "The store")->required();
  build->add_option("--config", build_options.config_path, "archive.toml")->required();
  build->add_option("--out", build_options.out_dir, "Output directory (replaced atomically)")
      ->required();
  build->add_option("--jobs,-j", build_options.jobs, "Threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  build->add_flag(
      "--no-render-cache{false}", build_options.use_render_cache,
      "Render and index every post afresh and leave <store>-render-cache and -search-cache alone");
  std::string precompress;
  build
      ->add_flag(
          "--precompress{gzip}", precompress,
          "Also write compressed copies of text files for gzip_static: --precompress (.gz) or "
          "--precompress=gzip,brotli (.gz and .br; Brotli is several times slower)")
      ->check(CLI::IsMember({"gzip", "brotli", "gzip,brotli", "brotli,gzip"}));
  build->add_flag("--quiet,-q", build_options.quiet, "No progress display");
  build->add_flag("--explain", build_options.explain,
                  "Print every rendered document and why the last build's file could not be kept");

  blogarchive::SearchOptions search_options;
  auto* search = app.add_subcommand(
      "search", "Search the archive as its search page does, and print the results");
  search->add_option("QUERY", search_options.query, "Words; \"quoted words\" must stand together")
      ->required();
  search->add_option("--store", search_options.store_path, "The store")->required();
  search->add_option(
      "--config", search_options.config_path,
      "archive.toml (default: the blog's language as the store knows it, default settings)");
  search->add_option("--limit,-n", search_options.limit, "How many results to print")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  search->add_flag("--prefix", search_options.prefix,
                   "The last word is unfinished, as while typing in the search box");
  search->add_flag("--json", search_options.json, "Print the results as JSON (url, title, score)");

  blogarchive::ExportOptions export_options;
  auto* exporter =
      app.add_subcommand("export",
                         "Write redirect configs for nginx or Caddy, or the archive as "
                         "WARC/WACZ (web archives) or ZIM (Kiwix)");
  exporter->add_option("--store", export_options.store_path, "The store")->required();
  exporter->add_option("--config", export_options.config_path, "archive.toml")->required();
  exporter->add_option("--site", export_options.site_dir,
                       "The site built from them (default: build one in a temporary folder)");
  exporter->add_option(
      "--nginx", export_options.nginx_file,
      "nginx maps for the http block; the server-block part goes to NAME.server.conf");
  exporter->add_option("--caddy", export_options.caddy_file, "Caddy directives for the site block");
  exporter->add_option("--warc", export_options.warc_file, "WARC/1.1 file (.warc.gz)");
  exporter->add_option("--wacz", export_options.wacz_file, "WACZ file for ReplayWeb.page (.wacz)");
  exporter->add_option("--zim", export_options.zim_file, "ZIM file for Kiwix (.zim)");

  blogarchive::CheckOptions check_options;
  auto* check =
      app.add_subcommand("check",
                         "Check a built site: every internal link and resource resolves, every "
                         "old URL answers; external links counted per domain (no network)");
  check->add_option("DIR", check_options.site_dir, "The built site")->required();
  check->add_option("--store", check_options.store_path,
                    "The store it was built from: also check the old URLs");
  check->add_option("--config", check_options.config_path,
                    "archive.toml (for the base URL; default: read from the site's robots.txt)");
  check->add_flag("--json", check_options.json, "Print the report as JSON");

  blogarchive::ThemeInitOptions theme_init_options;
  auto* theme = app.add_subcommand("theme", "Work on the archive's look");
  theme->require_subcommand(1);
  auto* theme_init =
      theme->add_subcommand("init",
                            "Write a copy of the default theme into DIR to customise "
                            "(then theme_dir = \"DIR\" in archive.toml)");
  theme_init->add_option("DIR", theme_init_options.dir, "A new or empty folder")->required();

  blogarchive::ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "Serve a built archive for preview");
  serve->add_option("DIR", serve_options.site_dir, "The built site")->required();
  serve->add_option("--host", serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port")->capture_default_str();

  try {
    app.parse(argc, argv);
    build_options.precompress_gzip = precompress.find("gzip") != std::string::npos;
    build_options.precompress_brotli = precompress.find("brotli") != std::string::npos;
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kUsage;
  }

  try {
    blogarchive::CommandResult result;
    if (*import) {
      result = blogarchive::import_exports(import_options, std::cout);
    } else if (*build) {
      result = blogarchive::build_site(build_options, std::cout);
    } else if (*search) {
      result = blogarchive::search_archive(search_options, std::cout);
    } else if (*check) {
      result = blogarchive::check_site(check_options, std::cout);
    } else if (*exporter) {
      result = blogarchive::export_archive(export_options, std::cout);
    } else if (*theme_init) {
      result = blogarchive::init_theme(theme_init_options, std::cout);
    } else if (*serve) {
      blogarchive::serve_site(serve_options, std::cout);
    }
    if (result.warning_count > 0) {
      std::cerr << result.warning_count << " warning(s), listed above\n";
    }
    return result.exit_code;
  } catch (const std::exception& error) {
    print_error(error);
    return kFailure;
  }
}
