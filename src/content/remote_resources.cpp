#include "content/remote_resources.hpp"

#include "content/sanitizer.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

HtmlNode text_node(std::string text) {
  HtmlNode node;
  node.text = std::move(text);
  return node;
}

// "Der Holzplatz (Bild auf saegewerk.example.com)": what the image showed and where
// following the link will take the reader.
std::string image_text(const HtmlNode& image, const std::string& src, std::string_view label) {
  const core::UrlParts parts = core::split_url(src);
  const std::string where = std::string(label) + (parts.host.empty() ? src : core::host_without_www(parts.host));
  if (const std::string* alt = image.attribute("alt"); alt != nullptr && !core::trim(*alt).empty()) {
    return core::collapse_whitespace(*alt) + " (" + where + ")";
  }
  return where;
}

// Keeps only the local candidates of a srcset; empty when none is local.
std::string local_candidates(std::string_view srcset) {
  std::string kept;
  for (const std::string_view candidate : core::split(srcset, ',')) {
    const std::string_view trimmed = core::trim(candidate);
    if (!trimmed.empty() && !is_remote_url(trimmed.substr(0, trimmed.find(' ')))) {
      kept += kept.empty() ? "" : ", ";
      kept.append(trimmed);
    }
  }
  return kept;
}

void contain(std::vector<HtmlNode>& nodes, std::string_view label, bool inside_link) {
  for (auto& node : nodes) {
    if (node.kind != HtmlNode::Kind::Element) {
      continue;
    }
    if (node.name != "img") {
      contain(node.children, label, inside_link || node.name == "a");
      continue;
    }
    if (const std::string* srcset = node.attribute("srcset")) {
      if (std::string kept = local_candidates(*srcset); kept.empty()) {
        node.remove_attribute("srcset");
      } else {
        node.set_attribute("srcset", std::move(kept));
      }
    }
    const std::string* src = node.attribute("src");
    if (src == nullptr || !is_remote_url(*src)) {
      continue;
    }
    const std::string url = *src;
    HtmlNode replacement = text_node(image_text(node, url, label));
    if (!inside_link) {
      HtmlNode link;
      link.kind = HtmlNode::Kind::Element;
      link.name = "a";
      link.attributes = {{"class", "remote-image"}, {"href", url}};
      link.children.push_back(std::move(replacement));
      replacement = std::move(link);
    }
    node = std::move(replacement);
  }
}

}  // namespace

bool is_remote_url(std::string_view url) {
  std::string cleaned;
  for (const char c : url) {
    if (static_cast<unsigned char>(c) > 0x20) {
      cleaned += c == '\\' ? '/' : c;
    }
  }
  if (cleaned.starts_with("//")) {
    return true;
  }
  const auto colon = cleaned.find(':');
  const auto delimiter = cleaned.find_first_of("/?#");
  return colon != std::string::npos && (delimiter == std::string::npos || colon < delimiter);
}

void keep_requests_local(std::vector<HtmlNode>& nodes, std::string_view label) {
  contain(nodes, label, false);
}

}  // namespace blogarchive::content
