#pragma once
// The URLs an HTML page makes a browser follow or load: what `check` verifies.
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::checks {

struct PageLink {
  std::string url;
  bool is_resource = false;  ///< loaded with the page (img, script, stylesheet), not followed
};

/// a/area@href, link@href, img/source@src and @srcset, script/iframe/audio/video@src,
/// form@action: every URL of a whole HTML document, parsed as browsers parse it (gumbo).
std::vector<PageLink> page_links(std::string_view html);

}  // namespace blogarchive::checks
