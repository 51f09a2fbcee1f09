#include <fmt/format.h>

#include <ostream>
#include <set>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "checks/site_check.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "site/config.hpp"
#include "site/paths.hpp"
#include "store/store.hpp"

namespace blogarchive {
namespace {

// The build names the archive's address in robots.txt ("Sitemap: <base>sitemap.xml").
std::string base_url_of(const CheckOptions& options) {
  if (!options.config_path.empty()) {
    return site::load_config(options.config_path).base_url;
  }
  const std::string robots = core::read_file(options.site_dir / "robots.txt").value_or("");
  for (const auto line : core::split(robots, '\n')) {
    if (line.starts_with("Sitemap: ") && line.ends_with("sitemap.xml")) {
      return std::string(line.substr(9, line.size() - 9 - std::string_view("sitemap.xml").size()));
    }
  }
  return {};
}

}  // namespace

CommandResult check_site(const CheckOptions& options, std::ostream& report) {
  if (!std::filesystem::is_regular_file(options.site_dir / "index.html")) {
    throw InputError(fmt::format("'{}' is not a built archive (it has no index.html)", options.site_dir.string()));
  }
  checks::CheckReport result;
  checks::check_links(options.site_dir, base_url_of(options), result);
  if (!options.store_path.empty()) {
    if (!std::filesystem::is_regular_file(options.store_path)) {
      throw InputError(fmt::format("the store '{}' does not exist", options.store_path.string()));
    }
    auto store = store::Store::open(options.store_path, false);
    checks::check_old_urls(options.site_dir, store.load_outline(), result);
    for (const auto& path : store.media_paths()) {
      if (!std::filesystem::is_regular_file(options.site_dir / site::output_file(path))) {
        result.unpublished_media.push_back(path);
      }
    }
  }
  report << checks::format_report(result, options.site_dir, options.json);
  return {0, result.ok() ? 0 : 1};
}

}  // namespace blogarchive
