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
    } else if (decision.action == LinkDecision::Action::Unlink) {
      // A link becomes its text; an image that points at something unpublished (found
      // by fuzz_link_rewriter: it would have become a link to it) becomes its alt text.
      unlinked.push_back(*url);
      if (node.name == "img") {
        if (const std::string* alt = node.attribute("alt"); alt != nullptr && !alt->empty()) {
          result.push_back(make_text(*alt));
        }
        continue;
      }
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
