#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// What to do with one URL found in content.
struct LinkDecision {
  enum class Action { Keep, Rewrite, Unlink };
  Action action = Action::Keep;
  std::string url;  ///< the new URL for Rewrite
};

/// Maps URLs of the old blog to archive routes. Implemented by site; content only asks.
class LinkResolver {
 public:
  virtual ~LinkResolver() = default;
  virtual LinkDecision resolve(std::string_view url) const = 0;
};

/// Rewrites a@href and img@src through `resolver`. A link whose target must not be
/// published (Unlink) is replaced by its text, such an image by its alt text; the URL
/// is appended to `unlinked`.
void rewrite_links(std::vector<HtmlNode>& nodes, const LinkResolver& resolver,
                   std::vector<std::string>& unlinked);

}  // namespace blogarchive::content
