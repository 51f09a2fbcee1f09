#pragma once
// What the archive tells browsers about itself: a strict Content-Security-Policy and
// the headers that keep readers' data on the page. Pages carry the policy as a <meta>
// (any host); `_headers` (Netlify, Cloudflare Pages) and `blogarchive serve` send all
// of them as real headers.
#include <string>
#include <utility>
#include <vector>

#include "site/config.hpp"

namespace blogarchive::site {

using Header = std::pair<std::string, std::string>;

/// Everything from this site only, no inline script or style. Relaxed only as far as
/// `privacy` asks: remote images widen img-src, two-click embeds allow the players'
/// frames. frame-ancestors only in the header form (browsers ignore it in <meta> and
/// say so on the console).
std::string content_security_policy(const SiteConfig::Privacy& privacy, bool as_header);

/// The hosts two-click embeds may load players from (assets/embeds.js knows the same).
const std::vector<std::string>& embed_player_origins();

/// CSP, X-Content-Type-Options, Referrer-Policy and Permissions-Policy.
std::vector<Header> security_headers(const SiteConfig::Privacy& privacy);

/// The `_headers` file: the headers above for every path.
std::string headers_file(const SiteConfig::Privacy& privacy);

/// The headers for every path ("/*") of a `_headers` file; malformed lines are skipped.
std::vector<Header> parse_headers_file(std::string_view text);

}  // namespace blogarchive::site
