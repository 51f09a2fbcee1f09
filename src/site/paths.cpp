#include "site/paths.hpp"

#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::site {

std::optional<std::string> normalize_path(std::string_view decoded_path) {
  if (decoded_path.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string out;
  std::string_view last;
  for (const std::string_view segment : core::split(decoded_path, '/')) {
    // Backslashes are separators on some servers: never let them carry a path.
    if (segment.empty() || segment == "." || segment == ".." ||
        segment.find('\\') != std::string_view::npos) {
      continue;
    }
    out += '/';
    out += segment;
    last = segment;
  }
  if (out.empty()) {
    return std::nullopt;
  }
  const bool names_file = last.find('.') != std::string_view::npos && last.back() != '.';
  if (!names_file) {
    out += '/';
  }
  return out;
}

std::string output_file(std::string_view route_path) {
  std::string file(route_path.substr(1));
  if (file.empty() || file.back() == '/') {
    file += "index.html";
  }
  return file;
}

std::string route_of_file(std::string_view relative_file) {
  std::string path = "/" + std::string(relative_file);
  if (path.ends_with("/index.html")) {
    path.resize(path.size() - std::string_view("index.html").size());
  }
  return path;
}

std::optional<std::string> path_of_url(std::string_view url) {
  const core::UrlParts parts = core::split_url(url);
  if (!parts.query.empty()) {
    return std::nullopt;
  }
  return normalize_path(core::percent_decode(parts.path));
}

std::string href(std::string_view route_path) {
  return core::percent_encode_path(route_path);
}

}  // namespace blogarchive::site
