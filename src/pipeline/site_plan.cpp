#include "pipeline/site_plan.hpp"

#include <fmt/format.h>

#include <optional>

#include "blogarchive/error.hpp"
#include "content/summary.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "pipeline/site_icon.hpp"
#include "site/privacy_page.hpp"

namespace blogarchive::pipeline {
namespace {

store::Store open_existing(const std::filesystem::path& store_path) {
  if (!std::filesystem::is_regular_file(store_path)) {
    throw InputError(fmt::format("the store '{}' does not exist; run blogarchive import first",
                                 store_path.string()));
  }
  return store::Store::open(store_path, false);  // also brings the schema up to date
}

// WordPress allows posts without a title; a page headed by nothing is unreadable and
// unlinkable in listings, so they are named "Ohne Titel (05.09.2009)".
// Titles are plain text, but WordPress printed them as HTML: "Title <em>With</em>
// Markup" showed emphasis, never the tags. The archive shows the words.
bool has_markup(std::string_view title) {
  for (auto at = title.find('<'); at != std::string_view::npos && at + 1 < title.size();
       at = title.find('<', at + 1)) {
    const char next = title[at + 1];
    if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/') {
      return true;
    }
  }
  return false;
}

blog::Snapshot outline_with_titles(store::Store& store, const render::Catalog& catalog, int jobs) {
  blog::Snapshot outline = store.load_outline(jobs);
  for (auto& post : outline.posts) {
    if (has_markup(post.title)) {
      post.title = content::text_of_html(post.title);
    }
    if (core::trim(post.title).empty() && blog::is_published(post)) {
      post.title = catalog.get("untitled") +
                   (post.date ? " (" + catalog.date(*post.date) + ")" : std::string());
    }
  }
  return outline;
}

// What the archive tells readers in the privacy policy about what it changed.
std::vector<std::string> privacy_notes(const site::SiteConfig& config,
                                       const render::Catalog& catalog) {
  std::vector<std::string> notes;
  if (config.privacy.mask_contact_details) {
    notes.push_back(catalog.get("privacy_contact_details"));
  }
  return notes;
}

// The blog's media files the store has, with the pixel size of its images.
site::MediaFiles media_files(store::Store& store) {
  const auto sizes = store.media_image_sizes();
  return {store.media_paths(), store.setting("media_prefix"),
          std::map<std::string, core::ImageSize, std::less<>>(sizes.begin(), sizes.end())};
}

ContentInputs::Settings content_settings(const SitePlan& plan) {
  std::set<std::string> published_files;
  for (const auto& [path, bytes] : plan.theme.static_files()) {
    published_files.insert("/assets/" + path);
  }
  using Wayback = site::SiteConfig::Wayback;
  using Mode = content::WaybackLinks::Mode;
  const Wayback wayback = plan.config.wayback_links;
  return {plan.catalog.get("embed_label"),
          plan.catalog.get("remote_image_label"),
          plan.catalog.get("missing_image_label"),
          plan.config.privacy.remote_images,
          wayback == Wayback::Beside    ? Mode::Beside
          : wayback == Wayback::Replace ? Mode::Replace
                                        : Mode::Off,
          plan.catalog.get("wayback_label"),
          std::move(published_files),
          {plan.config.privacy.mask_contact_details, plan.catalog.get("masked_email"),
           plan.catalog.get("masked_phone")}};
}

// The content inputs, made while the redirect table is made beside them: both start
// from the site model, and the link resolver only keeps a reference to the table (it
// asks it nothing before the build renders), so neither waits for the other. At 50,000
// posts each takes a quarter of a second of a serial stretch.
ContentInputs inputs_beside_redirects(SitePlan& plan, int jobs) {
  std::optional<ContentInputs> inputs;
  core::side_by_side(
      jobs,
      [&] {
        plan.redirects =
            redirects::build_redirect_table(plan.model, plan.model.config.search.enabled, jobs);
      },
      [&] {
        inputs.emplace(plan.model, plan.redirects, content_settings(plan), media_files(plan.store));
      });
  return std::move(*inputs);
}

}  // namespace

SitePlan::SitePlan(const std::filesystem::path& store_path,
                   const std::filesystem::path& config_path, int jobs)
    : SitePlan(store_path, site::load_config(config_path), jobs) {}

SitePlan::SitePlan(const std::filesystem::path& store_path, site::SiteConfig site_config, int jobs)
    : store(open_existing(store_path)),
      config(site::with_export_language(std::move(site_config), store.site_value("language"),
                                        diagnostics, store.setting("text_language"))),
      theme(render::Theme::load(config.theme_dir)),
      catalog(
          render::Catalog::parse(theme.file("i18n/" + config.language + ".toml"), config.language)),
      outline(outline_with_titles(store, catalog, jobs)),
      model(
          site::build_site_model(outline, config, diagnostics,
                                 site::load_privacy_page(config, catalog.get("cookie_privacy_link"),
                                                         privacy_notes(config, catalog)))),
      inputs(inputs_beside_redirects(*this, jobs)) {
  model.icon_links = site_icon_links(outline.site.icon_url, inputs.resolver, inputs.media_files);
  store.release_memory();  // the plan is made; the store is not read again
}

}  // namespace blogarchive::pipeline
