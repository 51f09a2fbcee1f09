#pragma once
// Links of a blog's era are often dead now. The Wayback Machine keeps copies; a link to
// its copy from the post's date needs no network to write: web.archive.org finds the
// capture nearest to the timestamp it is given.
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

struct WaybackLinks {
  enum class Mode { Off, Beside, Replace };
  Mode mode = Mode::Off;
  std::string timestamp;  ///< "20100105193000": the post's date (UTC when known)
  std::string label;      ///< "archivierte Fassung": the text of a link beside the original
};

/// "https://web.archive.org/web/20100105193000/http://example.org/a"
std::string wayback_url(std::string_view timestamp, std::string_view url);

/// For each a@href to another site (http or https, not the Wayback Machine itself):
/// Beside adds " (<a class="wayback" href="…">label</a>)" after the link; Replace points
/// the link at the copy and keeps the original address in its title.
void add_wayback_links(std::vector<HtmlNode>& nodes, const WaybackLinks& links);

}  // namespace blogarchive::content
