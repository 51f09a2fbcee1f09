#pragma once
// The last content step: nothing in a body may make the reader's browser contact
// another host, or ask this one for a file it does not have. Sanitizing already
// removed scripts, styles and embeds; what remains are images: with absolute URLs
// (hot-linked from other sites, or still on the old blog's server until media is
// brought home), or with local paths to files the archive does not publish.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// True when loading `url` contacts a host: it has a scheme or starts with "//"
/// (browsers also read "\\host" and "/\host" as "//host").
bool is_remote_url(std::string_view url);

/// What images may show.
struct ImageRules {
  bool allow_remote = false;
  std::string remote_label;   ///< "Bild auf " before the host of a remote image
  std::string missing_label;  ///< "Bild nicht im Archiv: " before a missing image's alt text
  /// True when a local image URL names a file the archive publishes; unset: not checked.
  std::function<bool(std::string_view url)> local_file_exists;
};

/// Unless remote images are allowed, replaces each remote <img> by a link to it (its
/// alt text and `remote_label` with the host), or by that text alone inside an existing
/// link, and drops remote srcset candidates of local images. Replaces local images the
/// archive does not have by their alt text, marked as missing. Every image that stays
/// after the first loads lazily (loading="lazy", decoding="async").
void contain_images(std::vector<HtmlNode>& nodes, const ImageRules& rules);

}  // namespace blogarchive::content
