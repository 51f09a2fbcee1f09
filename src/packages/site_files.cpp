#include "packages/site_files.hpp"

#include <algorithm>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/media_type.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::packages {
namespace {

bool is_published_file(const std::string& relative) {
  const std::string name = std::filesystem::path(relative).filename().string();
  if (name == "_headers" || name == "_redirects" || name == ".htaccess") {
    return false;
  }
  return !relative.ends_with(".gz") && !relative.ends_with(".br");
}

}  // namespace

std::string html_title(std::string_view html) {
  const auto open = html.find("<title>");
  if (open == std::string_view::npos) {
    return {};
  }
  const auto start = open + 7;
  const auto close = html.find("</title>", start);
  return close == std::string_view::npos
             ? std::string{}
             : core::decode_html_entities(html.substr(start, close - start));
}

std::vector<SiteFile> list_site_files(const std::filesystem::path& site_dir,
                                      const std::string& base_url) {
  if (!std::filesystem::is_regular_file(site_dir / "index.html")) {
    throw InputError("'" + site_dir.string() +
                     "' is not a built archive (it has no index.html); run build first");
  }
  std::vector<SiteFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(site_dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string relative = entry.path().lexically_relative(site_dir).generic_string();
    if (!is_published_file(relative)) {
      continue;
    }
    SiteFile file;
    file.file = entry.path();
    file.path = site::route_of_file(relative);
    file.url = base_url.substr(0, base_url.size() - 1) + core::percent_encode_path(file.path);
    file.media_type = core::media_type(entry.path());
    if (file.media_type.starts_with("text/html")) {
      file.title = html_title(core::read_file(entry.path()).value_or(""));
    }
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(),
            [](const SiteFile& a, const SiteFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace blogarchive::packages
