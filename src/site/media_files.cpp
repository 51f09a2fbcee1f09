#include "site/media_files.hpp"

#include <regex>

namespace blogarchive::site {

std::optional<std::string> original_of_resized(std::string_view path) {
  // name-300x200.jpg, name-scaled.jpg, name-300x200-scaled? (never written by WordPress).
  static const std::regex kResized(R"(^(.*)-(?:\d{1,5}x\d{1,5}|scaled)(\.[A-Za-z0-9]{2,5})$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(path.begin(), path.end(), match, kResized)) {
    return std::nullopt;
  }
  return match.str(1) + match.str(2);
}

bool is_server_script(std::string_view path) {
  static const std::regex kScript(R"((\.(php\d?|phtml|phar|pht|cgi|pl|py|asp|aspx|jsp|shtml?)(\.[^/]*)?|/\.ht[^/]*)$)",
                                  std::regex::icase);
  return std::regex_search(path.begin(), path.end(), kScript);
}

MediaFiles::MediaFiles(std::vector<std::string> paths, std::string prefix)
    : paths_(paths.begin(), paths.end()), prefix_(prefix.empty() ? kDefaultMediaPrefix : std::move(prefix)) {}

std::optional<std::string> MediaFiles::find(std::string_view path) const {
  if (paths_.contains(path)) {
    return std::string(path);
  }
  if (const auto original = original_of_resized(path); original && paths_.contains(*original)) {
    return original;
  }
  return std::nullopt;
}

bool MediaFiles::in_media_folder(std::string_view path) const { return path.starts_with(prefix_); }

}  // namespace blogarchive::site
