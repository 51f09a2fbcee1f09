#include "content/link_rewriter.hpp"

namespace blogarchive::content {

void rewrite_links(std::vector<HtmlNode>& nodes, const LinkResolver& resolver,
                   std::vector<std::string>& unlinked) {
  std::vector<HtmlNode> result;
  result.reserve(nodes.size());
  for (auto& node : nodes) {
    if (node.kind != HtmlNode::Kind::Element) {
      result.push_back(std::move(node));
      continue;
    }
    rewrite_links(node.children, resolver, unlinked);
    const char* key = node.name == "a" ? "href" : node.name == "img" ? "src" : nullptr;
    const std::string* url = key ? node.attribute(key) : nullptr;
    if (url == nullptr) {
      result.push_back(std::move(node));
      continue;
    }
    LinkDecision decision = resolver.resolve(*url);
    if (decision.action == LinkDecision::Action::Rewrite) {
      node.set_attribute(key, std::move(decision.url));
    } else if (decision.action == LinkDecision::Action::Unlink && node.name == "a") {
      unlinked.push_back(*url);
      for (auto& child : node.children) {
        result.push_back(std::move(child));
      }
      continue;
    }
    result.push_back(std::move(node));
  }
  nodes = std::move(result);
}

}  // namespace blogarchive::content
