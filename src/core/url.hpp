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

/// "scheme://authority" of an absolute URL as written (a port included: "http://h:8080"),
/// or "" when the URL has no authority.
std::string origin_of(std::string_view url);

/// True for a reference that needs a base to mean anything: no scheme, no authority,
/// not root-relative, not a bare fragment ("../2007/04/slug/", "bild.jpg").
bool is_relative_reference(std::string_view url);

/// `reference` resolved against the absolute URL `base` (RFC 3986 section 5.2):
/// ("http://a.org/x/y/", "../z/") → "http://a.org/x/z/".
std::string resolve_reference(std::string_view base, std::string_view reference);

/// Host without a leading "www." (old blogs answered both).
std::string host_without_www(std::string_view host);

}  // namespace blogarchive::core
