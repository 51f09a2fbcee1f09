#pragma once
// The last content step: nothing in a body may make the reader's browser contact
// another host. Sanitizing already removed scripts, styles and embeds; what remains
// are images with absolute URLs (hot-linked from other sites, or still on the old
// blog's server until media is brought home).
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// True when loading `url` contacts a host: it has a scheme or starts with "//"
/// (browsers also read "\\host" and "/\host" as "//host").
bool is_remote_url(std::string_view url);

/// Replaces each remote <img> by a link to it (its alt text, else `label` and the
/// host), or by that text alone inside an existing link; drops remote srcset
/// candidates of local images.
void keep_requests_local(std::vector<HtmlNode>& nodes, std::string_view label);

}  // namespace blogarchive::content
