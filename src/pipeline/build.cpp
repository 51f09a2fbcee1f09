#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "output/sink.hpp"
#include "pipeline/content_rendering.hpp"
#include "render/catalog.hpp"
#include "render/renderer.hpp"
#include "site/config.hpp"
#include "site/privacy_page.hpp"
#include "store/store.hpp"

namespace blogarchive {

// The whole build, top to bottom: config → store → site model → content → render →
// output, swapped into place only when complete.
CommandResult build_site(const BuildOptions& options, std::ostream& report) {
  const auto started = std::chrono::steady_clock::now();
  const site::SiteConfig config = site::load_config(options.config_path);
  if (!std::filesystem::is_regular_file(options.store_path)) {
    throw InputError(fmt::format("the store '{}' does not exist; run blogarchive import first",
                                 options.store_path.string()));
  }
  auto store = store::Store::open(options.store_path, false);
  const blog::Snapshot snapshot = store.load_snapshot();

  const render::Theme theme = render::Theme::load(config.theme_dir);
  const auto catalog = render::Catalog::parse(theme.file("i18n/" + config.language + ".toml"), config.language);
  auto privacy_page = site::load_privacy_page(config, catalog.get("cookie_privacy_link"));

  core::Diagnostics diagnostics;
  const site::SiteModel model = site::build_site_model(snapshot, config, diagnostics, std::move(privacy_page));
  const auto items = pipeline::render_content(model, catalog.get("embed_label"), diagnostics);

  output::DiskSink sink(options.out_dir);
  render::render_site(model, items, theme,
                      [&sink](const std::string& path, std::string_view bytes) { sink.write(path, bytes); });
  sink.commit();

  for (const auto& warning : diagnostics.warnings()) {
    report << fmt::format("warning: {}: {}\n", warning.location, warning.message);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report << fmt::format("built {}: {} articles, {} pages, {} files, {} bytes in {:.2f} s\n",
                        options.out_dir.string(), model.articles.size(), model.pages.size(),
                        sink.file_count(), sink.byte_count(), seconds);
  return CommandResult{static_cast<int>(diagnostics.warnings().size())};
}

}  // namespace blogarchive
