#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "blogarchive/blogarchive.hpp"
#include "core/json_writer.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/site_plan.hpp"
#include "search/index_files.hpp"
#include "search/query.hpp"
#include "site/config.hpp"
#include "store/render_cache.hpp"
#include "store/search_cache.hpp"

namespace blogarchive {
namespace {

// The pages are rendered (that is how the build gets their text) and dropped.
class DiscardingSink : public output::OutputSink {
 public:
  void write(const std::string&, std::string_view) override {}
};

void print_text(const search::SearchIndex& index, const search::Analyzer& analyzer,
                const SearchOptions& options, const search::SearchResults& results,
                std::ostream& out) {
  out << fmt::format("{} result{}{} for \"{}\"\n", results.total, results.total == 1 ? "" : "s",
                     results.partial ? " (not every word found)" : "", options.query);
  int rank = 0;
  for (const auto& hit : results.hits) {
    const auto document = index.document(hit.doc);
    out << fmt::format("\n{:>2}. {}{}\n    {}\n    {}\n", ++rank, document.title,
                       document.date.empty() ? "" : " (" + document.date + ")", document.url,
                       search::snippet(analyzer, options.query, document.text, "[", "]"));
  }
}

void print_json(const search::SearchIndex& index, const search::SearchResults& results,
                std::ostream& out) {
  core::JsonWriter json;
  json.begin_object()
      .key("total")
      .value(static_cast<std::uint64_t>(results.total))
      .key("partial")
      .value(results.partial)
      .key("hits")
      .begin_array();
  for (const auto& hit : results.hits) {
    const auto document = index.document(hit.doc);
    std::ostringstream score;  // as a stream prints a double: six significant digits
    score << hit.score;
    json.begin_object()
        .member("url", document.url)
        .member("title", document.title)
        .key("score")
        .number_text(score.str())
        .end_object();
  }
  json.end_array().end_object();
  out << json.text() << "\n";
}

}  // namespace

namespace {

// Without --config: the archive as the store describes it (its language, which decides
// how words are analysed) with default settings; search needs no base URL, but a config
// must have one.
site::SiteConfig search_config(const std::filesystem::path& config_path) {
  if (!config_path.empty()) {
    return site::load_config(config_path);
  }
  return site::parse_config("base_url = \"http://127.0.0.1/\"\n", "(defaults, no --config)");
}

}  // namespace

CommandResult search_archive(const SearchOptions& options, std::ostream& out) {
  const pipeline::SitePlan plan(options.store_path, search_config(options.config_path));
  core::Diagnostics diagnostics;
  const int jobs = core::default_jobs();
  const pipeline::DocumentSources sources{options.store_path,
                                          store::render_cache_path(options.store_path), jobs};
  pipeline::Progress quiet(out, false);
  DiscardingSink discard;
  const search::Language language = search::language_of(plan.config.language);
  pipeline::SearchCollector collector(language, plan.catalog, plan.config.search.comments,
                                      store::search_cache_path(options.store_path));
  pipeline::DocumentReuse render_all;
  // The posts' content (from the render cache where it is current), for its text alone.
  pipeline::write_item_documents(plan, sources, {discard, render_all, quiet, false}, diagnostics,
                                 &collector);
  std::vector<search::IndexFile> files;
  collector.finish(
      [&](const store::LazyFile& file) {
        files.push_back({file.path, std::string(file.bytes())});
      },
      diagnostics, jobs);
  const search::SearchIndex index = search::read_index_files(files);
  const search::Analyzer analyzer(language);
  const auto results =
      search::run_query(index, analyzer, options.query, {options.prefix, options.limit});
  if (options.json) {
    print_json(index, results, out);
  } else {
    print_text(index, analyzer, options, results, out);
  }
  return {};
}

}  // namespace blogarchive
