#pragma once
// The last content step: nothing in a body may make the reader's browser contact
// another host, or ask this one for a file it does not have. Sanitizing already
// removed scripts, styles and embeds; what remains are images: with absolute URLs
// (hot-linked from other sites, or still on the old blog's server until media is
// brought home), or with local paths to files the archive does not publish.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"
#include "core/image_size.hpp"

namespace blogarchive::content {

/// True when loading `url` contacts a host: it has a scheme or starts with "//"
/// (browsers also read "\\host" and "/\host" as "//host").
bool is_remote_url(std::string_view url);

/// What the archive knows of one of its images: its pixel size, and every size it has
/// of the same picture (the original and WordPress's resized copies) as URLs as a page
/// links them, narrowest first.
struct LocalImage {
  core::ImageSize size;
  std::vector<std::pair<std::string, core::ImageSize>> variants;
};

/// What images may show.
struct ImageRules {
  bool allow_remote = false;
  std::string remote_label;   ///< "Bild auf " before the host of a remote image
  std::string missing_label;  ///< "Bild nicht im Archiv: " before a missing image's alt text
  /// True when a local image URL names a file the archive publishes; unset: not checked.
  std::function<bool(std::string_view url)> local_file_exists;
  /// What the archive knows of a local image's file; unset or nullopt: nothing.
  std::function<std::optional<LocalImage>(std::string_view url)> local_image;
};

/// Unless remote images are allowed, replaces each remote <img> by a link to it (its
/// alt text, else its title, and `remote_label` with the host), or by that text alone
/// inside an existing link, and drops remote srcset candidates of local images. Replaces
/// local images the archive does not have by their alt text (else title), marked as
/// missing. A replacement written right against a word is set apart by a space. Every
/// image that stays
/// after the first loads lazily (loading="lazy", decoding="async"). A local image the
/// archive knows (`local_image`) gets its width and height when it has neither (so the
/// page does not shift as it loads), and a srcset of its sizes of the same proportions
/// with `sizes` for its displayed width when it has none (phones load the small one).
void contain_images(std::vector<HtmlNode>& nodes, const ImageRules& rules);

}  // namespace blogarchive::content
