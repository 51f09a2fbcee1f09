#include "content/link_rewriter.hpp"

#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

// What the resolver is asked about `url`: relative and root-relative references mean
// what they meant on the old page, on the old host. A decision to keep such a URL
// keeps it as written.
LinkDecision decide(std::string_view url, const LinkResolver& resolver, std::string_view base_url) {
  const bool root_relative = url.starts_with('/') && !url.starts_with("//");
  if (base_url.empty() || !(root_relative || core::is_relative_reference(url))) {
    return resolver.resolve(url);
  }
  return resolver.resolve(core::resolve_reference(base_url, url));
}

// "a.jpg 300w, b.jpg 600w": each candidate's URL through the resolver; candidates that
// lead to something unpublished are dropped.
std::string rewrite_srcset(std::string_view srcset, const LinkResolver& resolver,
                           std::string_view base_url) {
  std::string out;
  for (const std::string_view raw : core::split(srcset, ',')) {
    const std::string_view candidate = core::trim(raw);
    const auto space = candidate.find_first_of(" \t\n");
    const std::string_view url = candidate.substr(0, space);
    const std::string_view descriptor =
        space == std::string_view::npos ? "" : candidate.substr(space);
    if (url.empty()) {
      continue;
    }
    const LinkDecision decision = decide(url, resolver, base_url);
    if (decision.action == LinkDecision::Action::Unlink) {
      continue;
    }
    out += out.empty() ? "" : ", ";
    out += decision.action == LinkDecision::Action::Rewrite ? decision.url : std::string(url);
    out += descriptor;
  }
  return out;
}

}  // namespace

void rewrite_links(std::vector<HtmlNode>& nodes, const LinkResolver& resolver,
                   std::vector<std::string>& unlinked, std::string_view base_url) {
  std::vector<HtmlNode> result;
  result.reserve(nodes.size());
  for (auto& node : nodes) {
    if (node.kind != HtmlNode::Kind::Element) {
      result.push_back(std::move(node));
      continue;
    }
    rewrite_links(node.children, resolver, unlinked, base_url);
    if (node.name == "img" || node.name == "source") {
      if (const std::string* srcset = node.attribute("srcset")) {
        std::string rewritten = rewrite_srcset(*srcset, resolver, base_url);
        if (rewritten.empty()) {
          node.remove_attribute("srcset");
        } else {
          node.set_attribute("srcset", std::move(rewritten));
        }
      }
    }
    const char* key = node.name == "a" ? "href" : node.name == "img" ? "src" : nullptr;
    const std::string* url = key ? node.attribute(key) : nullptr;
    if (url == nullptr) {
      result.push_back(std::move(node));
      continue;
    }
    LinkDecision decision = decide(*url, resolver, base_url);
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
