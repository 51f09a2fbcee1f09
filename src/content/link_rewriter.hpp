#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// What to do with one URL found in content.
struct LinkDecision {
  enum class Action { Keep, Rewrite, Unlink };
  /// Why: the URL named the target as written, was recovered (a moved blog's address,
  /// a slug, a relative path), or leads to the old site because the archive cannot
  /// answer it. Reported by `check`; content does not look at it.
  enum class Origin { AsWritten, Recovered, OldSite };
  Action action = Action::Keep;
  std::string url;  ///< the new URL for Rewrite
  Origin origin = Origin::AsWritten;
};

/// Maps URLs of the old blog to archive routes. Implemented by site; content only asks.
class LinkResolver {
 public:
  virtual ~LinkResolver() = default;
  virtual LinkDecision resolve(std::string_view url) const = 0;
};

/// Rewrites a@href, img@src and srcset candidates through `resolver`. A relative URL
/// ("../2007/04/slug/") is first resolved against `base_url`, the address the text was
/// written at, when one is given. A link whose target must not be published (Unlink)
/// is replaced by its text, such an image by its alt text; the URL is appended to
/// `unlinked`.
void rewrite_links(std::vector<HtmlNode>& nodes, const LinkResolver& resolver,
                   std::vector<std::string>& unlinked, std::string_view base_url = {});

}  // namespace blogarchive::content
