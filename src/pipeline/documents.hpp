#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/packed_strings.hpp"
#include "output/sink.hpp"
#include "pipeline/content_rendering.hpp"
#include "pipeline/document_reuse.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/search_documents.hpp"
#include "pipeline/site_plan.hpp"
#include "render/theme.hpp"
#include "site/site_model.hpp"

namespace blogarchive::pipeline {

/// Where the bodies come from and how a build runs.
struct DocumentSources {
  std::filesystem::path store_path;         ///< bodies and comments, read per post
  std::filesystem::path render_cache_path;  ///< empty: no render cache
  int jobs = 1;
};

/// Where documents go: into the sink, unless the last build left the same document.
struct DocumentOutput {
  output::OutputSink& sink;
  DocumentReuse& reuse;
  Progress& progress;
  /// False when only the content is wanted (`blogarchive search` reads the posts'
  /// text): no page is rendered, and no listing entry.
  bool documents = true;
};

/// What listings and the feed need of the articles once their documents are written.
struct ArticleSummaries {
  core::PackedStrings entries;             ///< listing entry HTML, by article index
  std::vector<std::string> feed_excerpts;  ///< excerpt HTML of the newest articles
};

/// Renders and writes the document of every article and page in parallel, taking each
/// post's content from the render cache when nothing it depends on changed, and hands
/// each to `search` when given. Warnings are added in article, then page order,
/// whatever the number of threads.
ArticleSummaries write_item_documents(const SitePlan& plan, const DocumentSources& sources,
                                      const DocumentOutput& output, core::Diagnostics& diagnostics,
                                      SearchCollector* search = nullptr);

/// Writes every page of every listing (overview, categories, tags, years, months) in
/// parallel.
void write_listing_documents(const SitePlan& plan, const ArticleSummaries& summaries, int jobs,
                             const DocumentOutput& output);

/// Writes the Atom feed, sitemap, robots.txt, 404 page and the theme's static files.
void write_site_files(const SitePlan& plan, const ArticleSummaries& summaries,
                      const DocumentOutput& output);

/// Writes the media files content used (SiteLinkResolver::used_media) at their old
/// paths, from the store; returns how many.
std::size_t write_media_files(const std::set<std::string>& used,
                              const std::filesystem::path& store_path, output::OutputSink& sink);

/// Writes the old blog's URLs (`table`) as redirects: `_redirects` (Netlify, Cloudflare Pages and
/// `serve`), `.htaccess` (Apache) and, unless switched off, a static redirect page at each
/// old page path that is not one of the `media` files written.
void write_redirect_files(const site::SiteModel& model, const redirects::RedirectTable& table,
                          const std::set<std::string>& media, int jobs, output::OutputSink& sink);

}  // namespace blogarchive::pipeline
