#include <fmt/format.h>

#include <ostream>
#include <set>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "checks/site_check.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "pipeline/content_rendering.hpp"
#include "pipeline/site_plan.hpp"
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

// The links of every published item that the build does not keep as written, and what
// it links instead: the content pipeline runs again, as the build ran it.
void collect_link_changes(const CheckOptions& options, const std::string& base_url,
                          checks::CheckReport& report) {
  site::SiteConfig config =
      options.config_path.empty()
          ? site::parse_config(
                fmt::format("base_url = {}",
                            core::json_string(base_url.empty() ? "http://localhost/" : base_url)),
                "(check's defaults)")
          : site::load_config(options.config_path);
  const pipeline::SitePlan plan(options.store_path, std::move(config));
  store::BodyReader bodies(options.store_path);
  report.has_link_changes = true;
  for (const auto& outline : plan.outline.posts) {
    if (plan.model.path_of_post.count(outline.id) == 0) {
      continue;
    }
    blog::Post post = outline;
    bodies.read(post);
    const pipeline::ContentResult result = pipeline::render_content(post, plan.inputs);
    std::set<std::string> seen;
    for (const auto& url : result.links) {
      const content::LinkDecision decision = plan.inputs.resolver.resolve(url);
      if (decision.origin == content::LinkDecision::Origin::AsWritten || !seen.insert(url).second) {
        continue;
      }
      report.link_changes.push_back({blog::describe(post), url,
                                     decision.url.empty() ? url : decision.url,
                                     decision.origin == content::LinkDecision::Origin::OldSite});
    }
  }
}

}  // namespace

CommandResult check_site(const CheckOptions& options, std::ostream& report) {
  if (!std::filesystem::is_regular_file(options.site_dir / "index.html")) {
    throw InputError(fmt::format("'{}' is not a built archive (it has no index.html)",
                                 options.site_dir.string()));
  }
  checks::CheckReport result;
  const std::string base_url = base_url_of(options);
  checks::check_links(options.site_dir, base_url, result);
  if (!options.store_path.empty()) {
    if (!std::filesystem::is_regular_file(options.store_path)) {
      throw InputError(fmt::format("the store '{}' does not exist", options.store_path.string()));
    }
    auto store = store::Store::open(options.store_path, false);
    checks::check_old_urls(options.site_dir, store.load_outline(), result);
    collect_link_changes(options, base_url, result);
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
