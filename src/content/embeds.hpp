#pragma once
// Third-party embeds (iframes, Flash objects, <video>/<audio>) become a local
// placeholder: who the content came from and a link to the original. Nothing on the
// page loads from another host until a reader follows the link, or (two-click embeds,
// assets/embeds.js) presses the button the placeholder gets.
#include <string>
#include <string_view>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// A service whose embeds are recognised by host.
struct EmbedProvider {
  std::string key;   ///< CSS class suffix: "youtube", "vimeo", … "other"
  std::string name;  ///< shown to readers: "YouTube", or the host for unknown services
};

/// Who serves `url` (an iframe src, a Flash movie, a media file).
EmbedProvider embed_provider(std::string_view url);

/// The page a reader should visit instead of the embed URL: the player URLs of YouTube,
/// Vimeo, Twitter and Instagram lead to the video's or post's own page; protocol-relative
/// URLs get https; everything else stays as it is.
std::string embed_original_url(std::string_view url);

/// The placeholder for an embed of `url`: phrasing content only, so it is valid inside
/// the <p> autop may have wrapped around the iframe, and stable when parsed again.
///   <span class="embed embed-youtube"><span class="embed-provider">LABEL YouTube</span>
///   <span class="embed-title">TITLE</span> <a class="embed-original" href=…>…</a></span>
/// Inside an existing link (`with_link` false) the placeholder names the source as text.
HtmlNode embed_placeholder(std::string_view url, std::string_view title, std::string_view label,
                           bool with_link);

}  // namespace blogarchive::content
