#pragma once
// A ZIM reader serves the archive under a prefix of its own (kiwix-serve:
// /content/<book>/…), so the site's root-relative links must become relative ones.
#include <string>
#include <string_view>

namespace blogarchive::zim {

// A ZIM entry is named as the site's file for the route (site::output_file):
// "2010/01/x/index.html", "assets/style.css".

/// `target` (a root-relative, percent-encoded URL with optional ?query and #fragment)
/// as seen from the entry `from`: "/2010/02/y/" from "2010/01/x/index.html" is
/// "../../02/y/index.html".
std::string relative_url(std::string_view from, std::string_view target);

/// Every root-relative href, src, srcset and action in `html` made relative to the
/// entry `from`; other URLs stay as they are.
std::string make_links_relative(std::string_view html, std::string_view from);

/// Removes the header's search form (`<form class="site-search"…</form>`): in a ZIM
/// the reader's own full-text search replaces the archive's.
std::string without_site_search(std::string html);

}  // namespace blogarchive::zim
