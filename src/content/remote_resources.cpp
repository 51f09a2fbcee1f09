#include "content/remote_resources.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "content/sanitizer.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

// What an image showed, as its author described it: the alt text, else the title
// WordPress's media dialog put on it ("MySQL/Sun logo"); empty when neither says.
std::string description_of(const HtmlNode& image) {
  for (const char* attribute : {"alt", "title"}) {
    if (const std::string* text = image.attribute(attribute);
        text != nullptr && !core::trim(*text).empty()) {
      return core::collapse_whitespace(*text);
    }
  }
  return {};
}

// "Der Holzplatz (Bild auf saegewerk.example.com)": what the image showed and where
// following the link will take the reader.
std::string image_text(const HtmlNode& image, const std::string& src, std::string_view label) {
  const core::UrlParts parts = core::split_url(src);
  std::string where =
      std::string(label) + (parts.host.empty() ? src : core::host_without_www(parts.host));
  const std::string description = description_of(image);
  return description.empty() ? where : description + " (" + where + ")";
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
  HtmlNode note = make_element("span", "missing-image");
  const std::string description = description_of(image);
  note.children.push_back(
      make_text(rules.missing_label + (description.empty() ? "–" : description)));
  return note;
}

// The leading digits of a width attribute ("300", "300px"); 0 for none.
int attribute_pixels(const std::string* value) {
  int pixels = 0;
  for (std::size_t i = 0; value != nullptr && i < value->size() && i < 6 &&
                          std::isdigit(static_cast<unsigned char>((*value)[i]));
       ++i) {
    pixels = pixels * 10 + ((*value)[i] - '0');
  }
  return pixels;
}

// The columns of the gallery `node` is, or `enclosing` (0: none) when it is no gallery:
// classic galleries (ul.gallery) and block galleries (.wp-block-gallery and the
// .blocks-gallery-grid inside it), by their columns-N class, else the gallery around
// them, else three, as WordPress shows them.
int gallery_columns(const HtmlNode& node, int enclosing) {
  if (!node.has_class("gallery") && !node.has_class("wp-block-gallery") &&
      !node.has_class("blocks-gallery-grid")) {
    return enclosing;
  }
  for (int columns = 1; columns <= 9; ++columns) {
    if (node.has_class("columns-" + std::to_string(columns))) {
      return columns;
    }
  }
  return enclosing > 0 ? enclosing : 3;
}

// How wide the default theme shows a gallery: its text column (42rem) less its padding.
// A theme with a wider column gets the next smaller size than it could use.
constexpr int kGalleryWidth = 632;

// The `sizes` of an image `width` × `height` pixels in a gallery of `columns`: a square
// cell (the theme crops to it) of a column's width, which a landscape image must cover
// with its height; two columns on a phone.
std::string gallery_sizes(int columns, int width, int height) {
  const double cover = height > 0 ? std::max(1.0, static_cast<double>(width) / height) : 1.0;
  const int phone = static_cast<int>(std::ceil(100.0 / std::min(columns, 2) * cover));
  const int desktop =
      static_cast<int>(std::ceil(static_cast<double>(kGalleryWidth) / columns * cover));
  return "(max-width: 30rem) " + std::to_string(phone) + "vw, " + std::to_string(desktop) + "px";
}

void describe_size(HtmlNode& image, const LocalImage& local, int gallery) {
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
  image.set_attribute("sizes", gallery > 1
                                   ? gallery_sizes(gallery, local.size.width, local.size.height)
                                   : "(max-width: " + std::to_string(width) + "px) 100vw, " +
                                         std::to_string(width) + "px");
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

// `gallery`: the columns of the gallery the nodes are in, 0 outside one.
// Whether `text` starts (or, `at_end`, ends) with a letter or digit: a word that text
// put beside an image would run into.
bool word_at_edge(const HtmlNode& node, bool at_end) {
  if (node.kind != HtmlNode::Kind::Text || node.text.empty()) {
    return false;
  }
  const auto c = static_cast<unsigned char>(at_end ? node.text.back() : node.text.front());
  return std::isalnum(c) != 0 || c >= 0x80;
}

// Which ends of a list of nodes are now text an image was replaced by (the image
// itself, or the end of an element around it, such as the link a logo was in).
struct ReplacedEdges {
  bool first = false;
  bool last = false;
};

// An image floated beside the text was often written right against it
// ("<img class=alignleft …>Continuing with", or the same in a link): once it is text,
// the words need a space on the side (`before`, `after`) where the replacement is.
void separate_from_words(std::vector<HtmlNode>& nodes, std::size_t at, bool before, bool after) {
  if (after && at + 1 < nodes.size() && word_at_edge(nodes[at + 1], false)) {
    nodes[at + 1].text.insert(0, " ");
  }
  if (before && at > 0 && word_at_edge(nodes[at - 1], true)) {
    nodes[at - 1].text += ' ';
  }
}

ReplacedEdges contain(std::vector<HtmlNode>& nodes, const ImageRules& rules, bool inside_link,
                      int gallery, int& shown) {
  ReplacedEdges edges;
  const auto replaced = [&](std::size_t at, bool before, bool after) {
    separate_from_words(nodes, at, before, after);
    edges.first = edges.first || (at == 0 && before);
    edges.last = edges.last || (at + 1 == nodes.size() && after);
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    HtmlNode& node = nodes[i];
    if (node.kind != HtmlNode::Kind::Element) {
      continue;
    }
    if (node.name != "img") {
      const ReplacedEdges inner = contain(node.children, rules, inside_link || node.name == "a",
                                          gallery_columns(node, gallery), shown);
      replaced(i, inner.first, inner.last);
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
        replaced(i, true, true);
      } else {
        load_lazily_unless_first(node, shown);
      }
      continue;
    }
    if (rules.local_file_exists && !rules.local_file_exists(url)) {
      node = missing_replacement(node, rules);
      replaced(i, true, true);
      continue;
    }
    if (const std::string* srcset = node.attribute("srcset");
        srcset != nullptr && !rules.allow_remote) {
      if (std::string kept = local_candidates(*srcset); kept.empty()) {
        node.remove_attribute("srcset");
      } else {
        node.set_attribute("srcset", std::move(kept));
      }
    }
    if (rules.local_image) {
      if (const auto local = rules.local_image(url)) {
        describe_size(node, *local, gallery);
      }
    }
    load_lazily_unless_first(node, shown);
  }
  return edges;
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
  contain(nodes, rules, false, 0, shown);
}

}  // namespace blogarchive::content
