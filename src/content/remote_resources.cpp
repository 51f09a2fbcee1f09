#include "content/remote_resources.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "content/sanitizer.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

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

// What a remote image becomes: a link to it, or its text inside an existing link.
HtmlNode remote_replacement(const HtmlNode& image, const std::string& url, const ImageRules& rules,
                            bool inside_link) {
  HtmlNode text = make_text(image_text(image, url, rules.remote_label));
  if (inside_link) {
    // Marked, so that descriptions can leave the archive's label out (summary.hpp).
    HtmlNode span = make_element("span", "remote-image");
    span.children.push_back(std::move(text));
    return span;
  }
  HtmlNode link = make_element("a", "remote-image");
  link.attributes.emplace_back("href", url);
  link.children.push_back(std::move(text));
  return link;
}

// What a local image the archive lacks becomes: its description, so the reader knows
// something was there, without a request that can only fail.
HtmlNode missing_replacement(const HtmlNode& image, const ImageRules& rules) {
  const std::string* alt = image.attribute("alt");
  HtmlNode note = make_element("span", "missing-image");
  const std::string description = alt != nullptr ? core::collapse_whitespace(*alt) : std::string();
  note.children.push_back(make_text(rules.missing_label + (description.empty() ? "–" : description)));
  return note;
}

// The leading digits of a width attribute ("300", "300px"); 0 for none.
int attribute_pixels(const std::string* value) {
  int pixels = 0;
  for (std::size_t i = 0; value != nullptr && i < value->size() && i < 6 && std::isdigit(static_cast<unsigned char>((*value)[i])); ++i) {
    pixels = pixels * 10 + ((*value)[i] - '0');
  }
  return pixels;
}

void describe_size(HtmlNode& image, const LocalImage& local) {
  if (image.attribute("width") == nullptr && image.attribute("height") == nullptr) {
    image.set_attribute("width", std::to_string(local.size.width));
    image.set_attribute("height", std::to_string(local.size.height));
  }
  if (image.attribute("srcset") != nullptr) {
    return;
  }
  std::string srcset;
  int candidates = 0;
  for (const auto& [url, size] : local.variants) {
    if (core::same_proportions(size, local.size)) {
      srcset += (srcset.empty() ? "" : ", ") + url + " " + std::to_string(size.width) + "w";
      ++candidates;
    }
  }
  if (candidates < 2) {
    return;
  }
  const int shown = attribute_pixels(image.attribute("width"));
  const int width = shown > 0 ? shown : local.size.width;
  image.set_attribute("srcset", std::move(srcset));
  image.set_attribute("sizes", "(max-width: " + std::to_string(width) + "px) 100vw, " + std::to_string(width) + "px");
}

// Images below the first wait until the reader scrolls near them: a long gallery no
// longer loads all at once, while the first image, often the largest thing on the first
// screen, loads at once.
void load_lazily_unless_first(HtmlNode& image, int& shown) {
  if (shown++ > 0) {
    image.set_attribute("loading", "lazy");
    image.set_attribute("decoding", "async");
  }
}

void contain(std::vector<HtmlNode>& nodes, const ImageRules& rules, bool inside_link, int& shown) {
  for (auto& node : nodes) {
    if (node.kind != HtmlNode::Kind::Element) {
      continue;
    }
    if (node.name != "img") {
      contain(node.children, rules, inside_link || node.name == "a", shown);
      continue;
    }
    const std::string* src = node.attribute("src");
    if (src == nullptr) {
      continue;
    }
    const std::string url = *src;
    if (is_remote_url(url)) {
      if (!rules.allow_remote) {
        node = remote_replacement(node, url, rules, inside_link);
      } else {
        load_lazily_unless_first(node, shown);
      }
      continue;
    }
    if (rules.local_file_exists && !rules.local_file_exists(url)) {
      node = missing_replacement(node, rules);
      continue;
    }
    if (const std::string* srcset = node.attribute("srcset"); srcset != nullptr && !rules.allow_remote) {
      if (std::string kept = local_candidates(*srcset); kept.empty()) {
        node.remove_attribute("srcset");
      } else {
        node.set_attribute("srcset", std::move(kept));
      }
    }
    if (rules.local_image) {
      if (const auto local = rules.local_image(url)) {
        describe_size(node, *local);
      }
    }
    load_lazily_unless_first(node, shown);
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

void contain_images(std::vector<HtmlNode>& nodes, const ImageRules& rules) {
  int shown = 0;
  contain(nodes, rules, false, shown);
}

}  // namespace blogarchive::content
