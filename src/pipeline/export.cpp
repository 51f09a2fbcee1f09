#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "output/atomic_file.hpp"
#include "pipeline/exports.hpp"
#include "pipeline/site_plan.hpp"
#include "redirects/redirect_formats.hpp"

namespace blogarchive {
namespace {

// nginx keeps its maps (http block) and the `if` (server block) apart: NAME.conf and
// NAME.server.conf.
std::filesystem::path server_part_of(const std::filesystem::path& maps_file) {
  std::filesystem::path server = maps_file;
  return server.replace_extension(".server.conf");
}

void export_redirects(const ExportOptions& options, const site::SiteModel& model,
                      std::ostream& report) {
  const auto table = redirects::build_redirect_table(model, model.config.search.enabled);
  if (!options.nginx_file.empty()) {
    const auto nginx = redirects::nginx_config(table);
    output::write_file_atomically(options.nginx_file, nginx.http);
    output::write_file_atomically(server_part_of(options.nginx_file), nginx.server);
    report << fmt::format("wrote {} (http block) and {} (server block): {} old URLs\n",
                          options.nginx_file.string(), server_part_of(options.nginx_file).string(),
                          table.redirects.size());
  }
  if (!options.caddy_file.empty()) {
    output::write_file_atomically(options.caddy_file, redirects::caddy_redirects(table));
    report << fmt::format("wrote {}: {} old URLs\n", options.caddy_file.string(),
                          table.redirects.size());
  }
}

}  // namespace

CommandResult export_archive(const ExportOptions& options, std::ostream& report) {
  const bool packages =
      !options.warc_file.empty() || !options.wacz_file.empty() || !options.zim_file.empty();
  if (options.nginx_file.empty() && options.caddy_file.empty() && !packages) {
    throw InputError(
        "nothing to export: name at least one of --nginx, --caddy, --warc, --wacz, --zim");
  }
  const pipeline::SitePlan plan(options.store_path, options.config_path);
  export_redirects(options, plan.model, report);
  if (packages) {
    pipeline::export_packages(options, plan, report);
  }
  return {};
}

}  // namespace blogarchive
