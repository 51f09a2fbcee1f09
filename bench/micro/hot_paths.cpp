// The hot paths of import and build, one at a time, on the sample blog: where the
// time of a large build goes (see docs/benchmarks.md for the whole-program figures).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/autop.hpp"
#include "content/body.hpp"
#include "content/html_tree.hpp"
#include "importers/importer.hpp"
#include "output/sink.hpp"
#include "render/renderer.hpp"
#include "site/site_model.hpp"

namespace {

namespace ba = blogarchive;

const std::filesystem::path kSample =
    std::filesystem::path(BLOGARCHIVE_SOURCE_DIR) / "examples" / "werkstattblog.wordpress.xml";

ba::blog::Snapshot load_sample() {
  ba::blog::VectorSink sink;
  ba::core::Diagnostics diagnostics;
  ba::importers::detect_importer(kSample).read(kSample, {}, sink, diagnostics);
  return {sink.site_info, sink.authors, sink.terms, sink.posts};
}

// The sample's bodies, joined: a few kilobytes of typical WordPress text.
std::string sample_bodies() {
  std::string text;
  for (const auto& post : load_sample().posts) {
    text += post.content + "\n\n";
  }
  return text;
}

void BM_WxrImport(benchmark::State& state) {
  const auto bytes = std::filesystem::file_size(kSample);
  for (auto _ : state) {
    benchmark::DoNotOptimize(load_sample());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_WxrImport);

void BM_Autop(benchmark::State& state) {
  const std::string text = sample_bodies();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ba::content::autop(text));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Autop);

void BM_HtmlParseSanitizeSerialize(benchmark::State& state) {
  const std::string html = ba::content::autop(sample_bodies());
  for (auto _ : state) {
    auto nodes = ba::content::parse_fragment(html);
    ba::content::sanitize(nodes, ba::content::content_policy());
    benchmark::DoNotOptimize(ba::content::serialize(nodes));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_HtmlParseSanitizeSerialize);

void BM_RenderBody(benchmark::State& state) {
  const std::string text = sample_bodies();
  const ba::content::BodyOptions options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ba::content::render_body(text, options));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_RenderBody);

void BM_RenderArticleDocument(benchmark::State& state) {
  const auto snapshot = load_sample();
  ba::core::Diagnostics diagnostics;
  ba::site::SiteConfig config;
  config.base_url = "https://archiv.example.org/";
  const auto model = ba::site::build_site_model(snapshot, config, diagnostics);
  const auto theme = ba::render::Theme::load({});
  const ba::render::PageRenderer renderer(model, theme);
  ba::render::RenderedItem item;
  item.body_html = ba::content::render_body(model.articles[0].post->content, {}).html;
  item.summary_text = "Heute habe ich die alte Garage ausgeräumt.";
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string page = renderer.article(0, item);
    bytes += page.size();
    benchmark::DoNotOptimize(page);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_RenderArticleDocument);

void BM_DiskSinkWrite(benchmark::State& state) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("blogarchive-micro-" + std::to_string(::getpid()));
  const std::string page(12 * 1024, 'x');  // about one article document
  std::int64_t files = 0;
  for (auto _ : state) {
    ba::output::DiskSink sink(dir / "site");
    for (int i = 0; i < 1000; ++i) {
      sink.write("2010/01/artikel-" + std::to_string(i) + "/index.html", page);
    }
    sink.commit();
    files += 1000;
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(files);
}
BENCHMARK(BM_DiskSinkWrite)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
