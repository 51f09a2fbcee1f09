#pragma once
// A built site seen as a web archive sees it: one URL per file.
#include <filesystem>
#include <string>
#include <vector>

namespace blogarchive::packages {

/// One file of a built site and the URL that serves it.
struct SiteFile {
  std::filesystem::path file;
  std::string path;        ///< the URL path: "/2010/01/post/" for …/index.html, else the file's
  std::string url;         ///< base URL + encoded path
  std::string media_type;  ///< Content-Type
  std::string title;       ///< <title> of an HTML page, decoded; empty for other files
};

/// Every file the archive publishes, sorted by URL path; without the host configs
/// (_headers, _redirects, .htaccess) and precompressed copies (.gz, .br), which are
/// not pages of the site. `base_url` ends with '/'.
std::vector<SiteFile> list_site_files(const std::filesystem::path& site_dir,
                                      const std::string& base_url);

/// The text of the first <title> in an HTML document, entities decoded.
std::string html_title(std::string_view html);

}  // namespace blogarchive::packages
