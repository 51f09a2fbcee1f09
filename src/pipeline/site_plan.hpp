#pragma once
// Everything a build knows before it renders anything: config, theme, messages, the
// store's outline and the site model built from it. `build` and `search` both start here.
#include <filesystem>
#include <memory>

#include "core/diagnostics.hpp"
#include "pipeline/content_rendering.hpp"
#include "render/catalog.hpp"
#include "render/theme.hpp"
#include "site/config.hpp"
#include "site/site_model.hpp"
#include "store/store.hpp"

namespace blogarchive::pipeline {

struct SitePlan {
  /// Throws InputError for a bad config or a store that does not exist. `jobs` is how
  /// many threads may make it.
  SitePlan(const std::filesystem::path& store_path, const std::filesystem::path& config_path,
           int jobs = 1);
  /// The same with a config that is not a file (check without --config).
  SitePlan(const std::filesystem::path& store_path, site::SiteConfig site_config, int jobs = 1);
  SitePlan(const SitePlan&) = delete;
  SitePlan& operator=(const SitePlan&) = delete;

  core::Diagnostics diagnostics;
  store::Store store;
  site::SiteConfig config;  ///< with the export's language when the config names none
  render::Theme theme;
  render::Catalog catalog;
  blog::Snapshot outline;  ///< the model points into it: a plan never moves
  site::SiteModel model;
  /// Built once, beside the content inputs: links resolve against it, the build writes it.
  redirects::RedirectTable redirects;
  ContentInputs inputs;
};

}  // namespace blogarchive::pipeline
