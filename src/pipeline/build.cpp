#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <ostream>
#include <set>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "output/precompress.hpp"
#include "output/sink.hpp"
#include "pipeline/content_rendering.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/parallel.hpp"
#include "pipeline/progress.hpp"
#include "render/catalog.hpp"
#include "site/config.hpp"
#include "site/privacy_page.hpp"
#include "store/render_cache.hpp"
#include "store/store.hpp"

namespace blogarchive {

namespace {

// WordPress allows posts without a title; a page headed by nothing is unreadable and
// unlinkable in listings, so they are named "Ohne Titel (05.09.2009)".
void name_untitled_items(blog::Snapshot& snapshot, const render::Catalog& catalog) {
  for (auto& post : snapshot.posts) {
    if (core::trim(post.title).empty() && blog::is_published(post)) {
      post.title = catalog.get("untitled") + (post.date ? " (" + catalog.date(*post.date) + ")" : std::string());
    }
  }
}

}  // namespace


// The whole build, top to bottom: config → store outline → site model → articles and
// pages (content from the store or the render cache) → listings → feed and other site
// files, swapped into place only when complete.
CommandResult build_site(const BuildOptions& options, std::ostream& report) {
  const auto started = std::chrono::steady_clock::now();
  const site::SiteConfig config = site::load_config(options.config_path);
  if (!std::filesystem::is_regular_file(options.store_path)) {
    throw InputError(fmt::format("the store '{}' does not exist; run blogarchive import first",
                                 options.store_path.string()));
  }
  const render::Theme theme = render::Theme::load(config.theme_dir);
  const auto catalog = render::Catalog::parse(theme.file("i18n/" + config.language + ".toml"), config.language);
  auto privacy_page = site::load_privacy_page(config, catalog.get("cookie_privacy_link"));

  auto store = store::Store::open(options.store_path, false);  // also brings the schema up to date
  blog::Snapshot outline = store.load_outline();
  name_untitled_items(outline, catalog);
  core::Diagnostics diagnostics;
  const site::SiteModel model = site::build_site_model(outline, config, diagnostics, std::move(privacy_page));
  std::set<std::string> published_files;
  for (const auto& [path, bytes] : theme.static_files()) {
    published_files.insert("/assets/" + path);
  }
  const pipeline::ContentInputs inputs(
      model, {catalog.get("embed_label"), catalog.get("remote_image_label"), catalog.get("missing_image_label"),
              config.privacy.remote_images, std::move(published_files)});

  const int jobs = options.jobs > 0 ? options.jobs : pipeline::default_jobs();
  const pipeline::DocumentSources sources{
      options.store_path, options.use_render_cache ? store::render_cache_path(options.store_path) : "", jobs};
  pipeline::Progress progress(std::cerr, !options.quiet && ::isatty(STDERR_FILENO) != 0);
  output::DiskSink disk(options.out_dir);
  const output::Precompression formats{options.precompress_gzip, options.precompress_brotli};
  output::PrecompressingSink precompressing(disk, formats);
  output::OutputSink& sink = formats.any() ? static_cast<output::OutputSink&>(precompressing) : disk;
  const auto summaries = pipeline::write_item_documents(model, inputs, theme, sources, sink, progress, diagnostics);
  pipeline::write_listing_documents(model, inputs, theme, summaries, jobs, sink, progress);
  pipeline::write_site_files(model, theme, summaries, sink);
  disk.commit();

  for (const auto& warning : diagnostics.warnings()) {
    report << fmt::format("warning: {}: {}\n", warning.location, warning.message);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report << fmt::format("built {}: {} articles, {} pages, {} files ({} unchanged), {} bytes in {:.2f} s\n",
                        options.out_dir.string(), model.articles.size(), model.pages.size(), disk.file_count(),
                        disk.unchanged_count(), disk.byte_count(), seconds);
  return CommandResult{static_cast<int>(diagnostics.warnings().size())};
}

}  // namespace blogarchive
