#include "pipeline/documents.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <optional>

#include "blogarchive/error.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "redirects/redirect_formats.hpp"
#include "render/renderer.hpp"
#include "site/paths.hpp"
#include "site/privacy_page.hpp"
#include "site/security_headers.hpp"
#include "store/render_cache.hpp"
#include "store/store.hpp"

namespace blogarchive::pipeline {
namespace {

// Articles per chunk: large enough that handing out chunks costs nothing, small
// enough that two threads finish together.
constexpr std::size_t kItemChunk = 32;
constexpr std::size_t kListingChunk = 16;

// What one build thread keeps: its own store connections and compiled templates.
struct Worker {
  Worker(const site::SiteModel& model, const render::Theme& theme, const DocumentSources& sources)
      : renderer(model, theme),
        bodies(sources.store_path),
        analyzer(search::language_of(model.config.language)) {
    if (!sources.render_cache_path.empty()) {
      cache.emplace(sources.render_cache_path);
    }
  }
  render::PageRenderer renderer;
  store::BodyReader bodies;
  std::optional<store::RenderCacheReader> cache;
  search::Analyzer analyzer;  ///< libstemmer's stemmers are not shared between threads
};

// Every line ends with '\n', so that an empty list and a list of one empty URL differ.
std::string join_lines(const std::vector<std::string>& lines) {
  std::string joined;
  for (const auto& line : lines) {
    joined += line;
    joined += '\n';
  }
  return joined;
}

// The cached entry when its key matches and every link it asked about is still
// answered the same way.
std::optional<RenderedEntry> reuse(const blog::Post& post, std::uint64_t key,
                                   const ContentInputs& inputs, store::RenderCacheReader& cache) {
  const auto cached = cache.find(post.id);
  if (!cached || cached->key != key) {
    return std::nullopt;
  }
  std::vector<std::string_view> links = core::split(cached->links, '\n');
  links.pop_back();  // what follows the last line's '\n' (see join_lines)
  if (decisions_hash(links, inputs.resolver) != cached->links_hash) {
    return std::nullopt;
  }
  return decode_entry(cached->payload);
}

RenderedEntry content_of(const blog::Post& outline, const ContentInputs& inputs, Worker& worker,
                         store::RenderCacheWriter* cache_writer) {
  // Items without a body hash (stores from before schema 3, the config's own pages)
  // are always rendered afresh.
  const bool cacheable = outline.body_hash != 0 && worker.cache && cache_writer != nullptr;
  const std::uint64_t key = cacheable ? content_key(outline, inputs) : 0;
  if (cacheable) {
    if (auto entry = reuse(outline, key, inputs, *worker.cache)) {
      return std::move(*entry);
    }
  }
  blog::Post post = outline;
  if (post.id != site::kPrivacyPageId) {
    worker.bodies.read(post);
  }
  ContentResult result = render_content(post, inputs);
  if (cacheable) {
    cache_writer->put(
        post.id, {key, join_lines(result.links), result.links_hash, encode_entry(result.entry)});
  }
  return std::move(result.entry);
}

}  // namespace

ArticleSummaries write_item_documents(const SitePlan& plan, const DocumentSources& sources,
                                      const DocumentOutput& output, core::Diagnostics& diagnostics,
                                      SearchCollector* search) {
  const site::SiteModel& model = plan.model;
  const ContentInputs& inputs = plan.inputs;
  const render::Theme& theme = plan.theme;
  Progress& progress = output.progress;
  const std::size_t articles = model.articles.size();
  const std::size_t total = articles + model.pages.size();
  DocumentSources used = sources;
  std::unique_ptr<store::RenderCacheWriter> cache_writer;
  if (!used.render_cache_path.empty()) {
    try {
      cache_writer = std::make_unique<store::RenderCacheWriter>(used.render_cache_path);
    } catch (const StoreError& error) {
      // A cache is an optimisation: a read-only folder or a locked file must not stop a build.
      diagnostics.warn(
          used.render_cache_path.string(),
          fmt::format("the render cache cannot be used ({}); every post is rendered afresh",
                      error.what()));
      used.render_cache_path.clear();
    }
  }
  std::vector<std::unique_ptr<Worker>> workers(static_cast<std::size_t>(std::max(1, used.jobs)));
  ArticleSummaries summaries;
  summaries.entries = core::PackedStrings(articles);
  summaries.feed_excerpts.resize(std::min(articles, render::kFeedEntries));
  std::vector<std::vector<std::string>> warnings(total);
  progress.start("articles and pages", total);
  core::parallel_chunks(
      total, used.jobs, kItemChunk, [&](int index, std::size_t begin, std::size_t end) {
        auto& worker = workers[static_cast<std::size_t>(index)];
        if (!worker) {
          worker = std::make_unique<Worker>(model, theme, used);
        }
        for (std::size_t i = begin; i < end; ++i) {
          const bool is_article = i < articles;
          const blog::Post& outline =
              is_article ? *model.articles[i].post : *model.pages[i - articles].post;
          RenderedEntry entry = content_of(outline, inputs, *worker, cache_writer.get());
          const std::string& path =
              is_article ? model.articles[i].path : model.pages[i - articles].path;
          if (output.documents) {
            output.reuse.write(output.sink, site::output_file(path),
                               is_article ? worker->renderer.article(i, entry.item)
                                          : worker->renderer.page(i - articles, entry.item));
          }
          if (search != nullptr) {
            search->add(static_cast<std::uint32_t>(i), outline, path, entry.item, worker->analyzer);
          }
          if (is_article && output.documents) {
            summaries.entries.set(i, worker->renderer.listing_entry(i, entry.item.excerpt_html));
            if (i < summaries.feed_excerpts.size()) {
              summaries.feed_excerpts[i] = std::move(entry.item.excerpt_html);
            }
          }
          warnings[i] = std::move(entry.warnings);
        }
        progress.advance(end - begin);
      });
  workers.clear();  // readers let go of the cache before the writer commits
  if (cache_writer) {
    cache_writer->commit();
  }
  for (std::size_t i = 0; i < total; ++i) {
    const blog::Post& post =
        i < articles ? *model.articles[i].post : *model.pages[i - articles].post;
    for (auto& warning : warnings[i]) {
      diagnostics.warn(post.source, std::move(warning));
    }
  }
  progress.finish();
  return summaries;
}

void write_listing_documents(const SitePlan& plan, const ArticleSummaries& summaries, int jobs,
                             const DocumentOutput& output) {
  const site::SiteModel& model = plan.model;
  const render::Theme& theme = plan.theme;
  Progress& progress = output.progress;
  struct ListingPage {
    const site::Listing* listing;
    int number;
  };
  std::vector<ListingPage> pages;
  for (const auto& listing : model.listings) {
    for (int number = 1; number <= model.page_count(listing); ++number) {
      pages.push_back({&listing, number});
    }
  }
  // Term descriptions: a few dozen at most, rendered once here rather than per page.
  std::map<const site::Listing*, std::string> descriptions;
  for (const auto& listing : model.listings) {
    if (std::string html = render_term_description(listing.description, plan.inputs);
        !html.empty()) {
      descriptions.emplace(&listing, std::move(html));
    }
  }
  std::vector<std::unique_ptr<render::PageRenderer>> renderers(
      static_cast<std::size_t>(std::max(1, jobs)));
  progress.start("listing pages", pages.size());
  core::parallel_chunks(
      pages.size(), jobs, kListingChunk, [&](int index, std::size_t begin, std::size_t end) {
        auto& renderer = renderers[static_cast<std::size_t>(index)];
        if (!renderer) {
          renderer = std::make_unique<render::PageRenderer>(model, theme);
        }
        for (std::size_t i = begin; i < end; ++i) {
          const auto& [listing, number] = pages[i];
          const auto description = descriptions.find(listing);
          output.reuse.write(
              output.sink, site::output_file(site::listing_page_path(*listing, number)),
              renderer->listing_page(
                  *listing, number, summaries.entries,
                  description == descriptions.end() ? std::string() : description->second));
        }
        progress.advance(end - begin);
      });
  progress.finish();
}

void write_site_files(const SitePlan& plan, const ArticleSummaries& summaries,
                      const DocumentOutput& output) {
  const site::SiteModel& model = plan.model;
  const render::Theme& theme = plan.theme;
  const render::PageRenderer renderer(model, theme);
  output::OutputSink& sink = output.sink;
  sink.write(std::string(site::kFeedPath).substr(1), renderer.feed(summaries.feed_excerpts));
  sink.write(std::string(site::kSitemapPath).substr(1), renderer.sitemap());
  sink.write("robots.txt", renderer.robots());
  sink.write("favicon.svg", renderer.favicon());
  output.reuse.write(sink, "404.html", renderer.not_found());
  for (const auto& index : model.term_indexes) {
    output.reuse.write(sink, site::output_file(index.path), renderer.term_index(index));
  }
  if (model.config.search.enabled) {
    output.reuse.write(sink, site::output_file(site::kSearchPath), renderer.search_page());
  }
  sink.write("_headers", site::headers_file(model.config.privacy));
  for (const auto& [path, bytes] : theme.static_files()) {
    sink.write("assets/" + path, bytes);
  }
}

std::size_t write_media_files(const std::set<std::string>& used,
                              const std::filesystem::path& store_path, output::OutputSink& sink) {
  if (used.empty()) {
    return 0;
  }
  store::MediaReader reader(store_path);
  for (const auto& path : used) {
    if (const auto bytes = reader.read(path)) {
      sink.write(site::output_file(path), *bytes);
    }
  }
  return used.size();
}

void write_redirect_files(const site::SiteModel& model, const redirects::RedirectTable& table,
                          const std::set<std::string>& media, int jobs, output::OutputSink& sink) {
  // Two files of 4–5 MB each at 10,000 posts, made from the same table: a twentieth of a
  // warm build, in a stretch where nothing else runs.
  core::side_by_side(
      jobs, [&] { sink.write("_redirects", redirects::netlify_redirects(table)); },
      [&] {
        sink.write(".htaccess",
                   "ErrorDocument 404 /404.html\n" + redirects::apache_htaccess(table));
      });
  if (!model.config.redirect_pages) {
    return;
  }
  for (const auto& redirect : table.redirects) {
    if (redirect.has_stub_page &&
        media.count(redirect.from_path) == 0) {  // a page never replaces a file
      const std::string target = site::href(redirect.to);
      sink.write(
          site::output_file(redirect.from_path),
          redirects::redirect_page(target, model.config.base() + target, model.config.language));
    }
  }
}

}  // namespace blogarchive::pipeline
