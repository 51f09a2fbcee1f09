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
  std::vector<HtmlNode> result;
  result.reserve(nodes.size());
  for (auto& node : nodes) {
    if (node.kind != HtmlNode::Kind::Element) {
      result.push_back(std::move(node));
      continue;
    }
    const std::string* href = node.name == "a" ? node.attribute("href") : nullptr;
    if (href == nullptr || !is_external(*href)) {
      add_wayback_links(node.children, links);
      result.push_back(std::move(node));
      continue;
    }
    const std::string copy = wayback_url(links.timestamp, *href);
    if (links.mode == WaybackLinks::Mode::Replace) {
      node.set_attribute("title", *href);
      node.set_attribute("href", copy);
      result.push_back(std::move(node));
      continue;
    }
    result.push_back(std::move(node));
    HtmlNode archived = make_element("a", "wayback");
    archived.set_attribute("href", copy);
    archived.children.push_back(make_text(links.label));
    result.push_back(make_text(" ("));
    result.push_back(std::move(archived));
    result.push_back(make_text(")"));
  }
  nodes = std::move(result);
}

}  // namespace blogarchive::content
