#include "content/wayback.hpp"

#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

bool is_external(std::string_view href) {
  const core::UrlParts parts = core::split_url(href);
  return (parts.scheme == "http" || parts.scheme == "https") && !parts.host.empty() &&
         parts.host != "web.archive.org";
}

}  // namespace

std::string wayback_url(std::string_view timestamp, std::string_view url) {
  return "https://web.archive.org/web/" + std::string(timestamp) + "/" + std::string(url);
}

void add_wayback_links(std::vector<HtmlNode>& nodes, const WaybackLinks& links) {
  if (links.mode == WaybackLinks::Mode::Off || links.timestamp.empty()) {
    return;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    HtmlNode& node = nodes[i];
    if (node.kind != HtmlNode::Kind::Element) {
      continue;
    }
    const std::string* href = node.name == "a" ? node.attribute("href") : nullptr;
    if (href == nullptr || !is_external(*href)) {
      add_wayback_links(node.children, links);
      continue;
    }
    const std::string original = *href;
    const std::string copy = wayback_url(links.timestamp, original);
    if (links.mode == WaybackLinks::Mode::Replace) {
      node.set_attribute("title", original);
      node.set_attribute("href", copy);
      continue;
    }
    HtmlNode archived = make_element("a", "wayback");
    archived.set_attribute("href", copy);
    archived.children.push_back(make_text(links.label));
    std::vector<HtmlNode> beside;
    beside.push_back(make_text(" ("));
    beside.push_back(std::move(archived));
    beside.push_back(make_text(")"));
    nodes.insert(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                 std::make_move_iterator(beside.begin()), std::make_move_iterator(beside.end()));
    i += beside.size();  // past what was just added
  }
}

}  // namespace blogarchive::content
