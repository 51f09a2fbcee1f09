#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace blogarchive::core {

/// The parts of an absolute or relative URL, split without decoding.
struct UrlParts {
  std::string scheme;    ///< lower case, without ':'; empty for relative URLs
  std::string host;      ///< lower case, without port; empty when there is no authority
  std::string path;      ///< as written (still percent-encoded)
  std::string query;     ///< without '?'
  std::string fragment;  ///< without '#'
  bool has_authority = false;
};

/// Splits a URL into its parts (RFC 3986 generic syntax, lenient about junk).
UrlParts split_url(std::string_view url);

/// Decodes %XX sequences; malformed ones are kept as written.
std::string percent_decode(std::string_view text);

/// Percent-encodes everything but unreserved characters and '/', for use in hrefs.
std::string percent_encode_path(std::string_view path);

/// The value of `key` in a query string ("p=12&x=y"), decoded.
std::optional<std::string> query_value(std::string_view query, std::string_view key);

/// Host without a leading "www." (old blogs answered both).
std::string host_without_www(std::string_view host);

}  // namespace blogarchive::core
