#include "pipeline/exports.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ostream>
#include <sstream>

#include "blogarchive/blogarchive.hpp"
#include "output/atomic_file.hpp"
#include "packages/site_files.hpp"
#include "packages/wacz.hpp"
#include "packages/warc.hpp"
#include "pipeline/zim_export.hpp"

namespace blogarchive::pipeline {
namespace {

// A site built only for this export, removed afterwards.
class TemporarySite {
 public:
  TemporarySite(const ExportOptions& options) {
    path_ =
        std::filesystem::temp_directory_path() / fmt::format("blogarchive-export-{}", ::getpid());
    BuildOptions build;
    build.store_path = options.store_path;
    build.config_path = options.config_path;
    build.out_dir = path_;
    build.quiet = true;
    std::ostringstream ignored;
    build_site(build, ignored);
  }
  TemporarySite(const TemporarySite&) = delete;
  TemporarySite& operator=(const TemporarySite&) = delete;
  ~TemporarySite() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The records' date is when the build wrote the site: the moment the archive captured it.
std::string capture_date(const std::filesystem::path& site_dir) {
  const auto written = std::filesystem::last_write_time(site_dir / "index.html");
  const auto system = std::chrono::file_clock::to_sys(written);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(system));
}

}  // namespace

void export_packages(const ExportOptions& options, const SitePlan& plan, std::ostream& report) {
  std::optional<TemporarySite> built;
  if (options.site_dir.empty()) {
    built.emplace(options);
  }
  const std::filesystem::path& site_dir = built ? built->path() : options.site_dir;
  const auto files = packages::list_site_files(site_dir, plan.config.base_url);
  const packages::WarcInfo info{"", capture_date(site_dir), std::string("blogarchive ") + version(),
                                plan.model.title};
  if (!options.warc_file.empty()) {
    packages::WarcInfo warc_info = info;
    warc_info.file_name = options.warc_file.filename().string();
    output::AtomicFile out(options.warc_file);
    const auto records =
        packages::write_warc(files, warc_info, [&](std::string_view bytes) { out.write(bytes); });
    out.commit();
    report << fmt::format("wrote {}: {} response records\n", options.warc_file.string(),
                          records.size());
  }
  if (!options.wacz_file.empty()) {
    packages::WarcInfo wacz_info = info;
    wacz_info.file_name = "data.warc.gz";
    const std::size_t pages =
        packages::write_wacz(files, wacz_info, plan.config.base_url, options.wacz_file);
    report << fmt::format("wrote {}: {} files, {} pages\n", options.wacz_file.string(),
                          files.size(), pages);
  }
  if (!options.zim_file.empty()) {
    export_zim(options.zim_file, std::filesystem::absolute(site_dir), plan, info.date, report);
  }
}

}  // namespace blogarchive::pipeline
