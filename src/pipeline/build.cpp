#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "core/content_hash.hpp"
#include "core/parallel.hpp"
#include "output/precompress.hpp"
#include "output/sink.hpp"
#include "pipeline/document_reuse.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/search_documents.hpp"
#include "pipeline/site_plan.hpp"
#include "store/render_cache.hpp"
#include "store/search_cache.hpp"

namespace blogarchive {

// The whole build, top to bottom: config → store outline → site model → articles and
// pages (content from the store or the render cache) → listings → feed and other site
// files → media and redirects → search index, swapped into place only when complete.
CommandResult build_site(const BuildOptions& options, std::ostream& report) {
  const auto started = std::chrono::steady_clock::now();
  const int jobs = options.jobs > 0 ? options.jobs : core::default_jobs();
  // Freed before the search merge (below), so that the merge reuses its heap.
  auto plan =
      std::make_unique<const pipeline::SitePlan>(options.store_path, options.config_path, jobs);
  core::Diagnostics diagnostics = plan->diagnostics;  // the model's warnings come first
  const pipeline::DocumentSources sources{
      options.store_path,
      options.use_render_cache ? store::render_cache_path(options.store_path) : "", jobs};
  pipeline::Progress progress(std::cerr, !options.quiet && ::isatty(STDERR_FILENO) != 0);
  // The site goes into out_dir, swapped in when complete, or to the caller's sink.
  std::optional<output::DiskSink> disk;
  std::optional<output::FunctionSink> given;
  if (options.sink) {
    given.emplace(options.sink);
  } else {
    disk.emplace(options.out_dir, jobs);
  }
  output::OutputSink& target = disk ? static_cast<output::OutputSink&>(*disk) : *given;
  const output::Precompression formats{options.precompress_gzip, options.precompress_brotli};
  output::PrecompressingSink precompressing(target, formats);
  output::OutputSink& sink = formats.any() ? precompressing : target;
  // Compressed copies go with a kept document, so whether there are any is part of its key.
  const auto salt =
      static_cast<std::uint64_t>(formats.gzip) | static_cast<std::uint64_t>(formats.brotli) << 1;
  pipeline::DocumentReuse reuse =
      sources.render_cache_path.empty() || !disk
          ? pipeline::DocumentReuse()
          : pipeline::DocumentReuse(sources.render_cache_path, options.out_dir, salt, diagnostics);
  const pipeline::DocumentOutput documents{sink, reuse, progress};
  std::optional<pipeline::SearchCollector> search;
  if (plan->config.search.enabled) {
    search.emplace(search::language_of(plan->config.language), plan->catalog,
                   plan->config.search.comments,
                   options.use_render_cache ? store::search_cache_path(options.store_path) : "");
  }
  {
    // The summaries (every post's excerpt) die with this scope, before the search merge
    // below reaches its peak: at 50,000 posts that is about 50 MiB off the build's peak.
    const auto summaries = pipeline::write_item_documents(*plan, sources, documents, diagnostics,
                                                          search ? &*search : nullptr);
    pipeline::write_listing_documents(*plan, summaries, jobs, documents);
    pipeline::write_site_files(*plan, summaries, documents);
  }
  // After every article, page and listing: only then does the resolver know all media used.
  const std::set<std::string> used_media = plan->inputs.resolver.used_media();
  const std::size_t media = pipeline::write_media_files(used_media, options.store_path, sink);
  pipeline::write_redirect_files(plan->model, plan->redirects, used_media, jobs, sink);
  const std::size_t articles = plan->model.articles.size();
  const std::size_t pages = plan->model.pages.size();
  // Nothing below needs the outline, the site model or the redirect table (over 100 MiB
  // at 50,000 posts): the search merge, the build's peak, allocates into their place.
  plan.reset();
  if (search) {
    // Its files are documents too: kept from the last build when their digest is.
    search->finish([&](const store::LazyFile& file) { reuse.write(sink, file); }, diagnostics,
                   jobs);
  }
  if (disk) {
    disk->commit();
    reuse.save(*disk, jobs, diagnostics);
  }

  for (const auto& warning : diagnostics.warnings()) {
    report << fmt::format("warning: {}: {}\n", warning.location, warning.message);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.explain) {
    for (const auto& [path, why] : reuse.reasons()) {
      report << fmt::format("rendered {}: {}\n", path, why);
    }
  }
  report << fmt::format(
      "built {}: {} articles, {} pages, {} media files, {} files ({} unchanged), {} bytes, "
      "{} documents rendered, {} kept, in {:.2f} s\n",
      disk ? options.out_dir.string() : "in memory", articles, pages, media,
      disk ? disk->file_count() : given->file_count(), disk ? disk->unchanged_count() : 0,
      disk ? disk->byte_count() : given->byte_count(), reuse.rendered_count(), reuse.kept_count(),
      seconds);
  return CommandResult{static_cast<int>(diagnostics.warnings().size())};
}

}  // namespace blogarchive
