#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// An allow-list: what survives sanitizing. Everything else is removed (dangerous
/// elements with their content, unknown ones keeping their children).
struct SanitizePolicy {
  std::map<std::string, std::set<std::string>> elements;  ///< element → its attributes
  std::set<std::string> global_attributes;
  std::set<std::string> url_attributes;  ///< checked against safe schemes
  /// Replaced by a placeholder linking their source instead of loading anything
  /// (iframe, object, embed, video, audio); see embeds.hpp. Otherwise removed.
  bool embeds_become_links = false;
  /// style="text-align: center" and float become the theme's classes; the rest of
  /// `style` is always dropped (the CSP refuses inline styles anyway).
  bool styles_become_classes = false;
  /// rel value forced onto every link (comments: "nofollow ugc noopener").
  std::string link_rel;
};

/// What authors legitimately used in posts and pages.
const SanitizePolicy& content_policy();
/// What comments may show: text structure and emphasis (headings, lists, tables, quotes,
/// code, sub/sup), links with rel="nofollow ugc noopener"; no images, embeds or classes.
const SanitizePolicy& comment_policy();

/// Applies `policy` to the tree in place. Idempotent. Removes comments, scripts,
/// event handlers, and URLs with schemes other than http, https, mailto and relative.
/// Returns true when elements were removed, unwrapped or replaced: the serialized tree
/// may then parse differently (an unwrapped <font> between two <h1> lets them nest), so
/// render_body parses it once more.
/// `embed_label` is the placeholder's text before the provider's name.
bool sanitize(std::vector<HtmlNode>& nodes, const SanitizePolicy& policy,
              std::string_view embed_label = {});

/// True when the URL is relative or uses http, https or mailto (after removing the
/// whitespace and control characters browsers ignore).
bool is_safe_url(std::string_view url);

/// A srcset with every candidate's URL safe and its descriptor well-formed, normalised
/// to "url 300w, url 2x"; nullopt when any candidate is not.
std::optional<std::string> clean_srcset(std::string_view srcset);

}  // namespace blogarchive::content
