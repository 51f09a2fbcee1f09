#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace blogarchive::site {

/// A URL path as the archive uses it: decoded UTF-8, starting with '/', no empty, '.'
/// or '..' segments, and ending with '/' unless the last segment names a file
/// ("/2010/01/post.html"). nullopt when nothing usable remains or it holds a NUL.
std::optional<std::string> normalize_path(std::string_view decoded_path);

/// The normalized path of an absolute or root-relative URL without a query; nullopt for
/// a URL with a query (WordPress's `?p=12` is not a path) or without a usable path.
std::optional<std::string> path_of_url(std::string_view url);

/// The file (relative to the site root) a route path is written to.
std::string output_file(std::string_view route_path);

/// The other way round: the URL path a site file ('/'-separated, relative to the site
/// root) answers at: "2010/01/x/index.html" → "/2010/01/x/", "atom.xml" → "/atom.xml".
std::string route_of_file(std::string_view relative_file);

/// The path as it goes into an href (percent-encoded).
std::string href(std::string_view route_path);

}  // namespace blogarchive::site
