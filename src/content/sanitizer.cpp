#include "content/sanitizer.hpp"

#include <algorithm>

#include "content/embeds.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

// Removed together with everything inside them.
const std::set<std::string> kDropWithContent{
    "script",    "style", "template", "noscript", "noembed", "noframes", "xmp",
    "plaintext", "title", "head",     "meta",     "link",    "base",     "svg",
    "math",      "form",  "textarea", "select",   "button",  "input",    "option",
    "frameset",  "frame", "applet",   "param",    "canvas"};

// Embedded third-party content: replaced by a link to its source.
const std::set<std::string> kEmbeds{"iframe", "object", "embed", "video", "audio"};

std::string embed_source(const HtmlNode& node) {
  for (const char* key : {"src", "data"}) {
    if (const auto* value = node.attribute(key); value != nullptr && !value->empty()) {
      return *value;
    }
  }
  for (const auto& child : node.children) {
    if (child.kind != HtmlNode::Kind::Element) {
      continue;
    }
    if (child.name == "param") {
      const auto* name = child.attribute("name");
      const auto* value = child.attribute("value");
      if (name && value && (core::to_lower_ascii(*name) == "movie" || *name == "src")) {
        return *value;
      }
    }
    if (std::string found = embed_source(child); !found.empty()) {
      return found;
    }
  }
  return {};
}

// Old WordPress themes aligned with inline styles; a strict Content-Security-Policy
// refuses style attributes, so the few declarations that carry meaning become the
// classes the theme styles. Everything else in `style` (url(), expression(), behavior,
// positioning tricks) is dropped with the attribute.
std::vector<std::string> classes_for_style(std::string_view style) {
  std::vector<std::string> classes;
  for (const std::string_view declaration : core::split(style, ';')) {
    const auto colon = declaration.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    const std::string property = core::to_lower_ascii(core::trim(declaration.substr(0, colon)));
    const std::string value = core::to_lower_ascii(core::trim(declaration.substr(colon + 1)));
    if (property == "text-align" &&
        (value == "center" || value == "right" || value == "left" || value == "justify")) {
      classes.push_back("has-text-align-" + value);
    } else if (property == "float" && (value == "left" || value == "right")) {
      classes.push_back("align" + value);
    }
  }
  return classes;
}

void add_classes(HtmlNode& node, const std::vector<std::string>& classes) {
  if (classes.empty()) {
    return;
  }
  std::string value = node.attribute("class") ? *node.attribute("class") : std::string();
  for (const auto& name : classes) {
    if ((" " + value + " ").find(" " + name + " ") == std::string::npos) {
      value += value.empty() ? name : " " + name;
    }
  }
  node.set_attribute("class", value);
}

// A descriptor of one srcset candidate: "300w", "2x", "1.5x".
bool is_srcset_descriptor(std::string_view descriptor) {
  if (descriptor.size() < 2 || (descriptor.back() != 'w' && descriptor.back() != 'x')) {
    return false;
  }
  const std::string_view number = descriptor.substr(0, descriptor.size() - 1);
  return number.find_first_not_of("0123456789.") == std::string_view::npos && number.front() != '.';
}

// The visual editor escaped "&" in addresses a second time ("?a=1&amp;amp;b=2" in the
// stored HTML): the browser asked for "?a=1&amp;b=2", a parameter named "amp;b" that no
// server meant. An address never contains "&amp;" on purpose; the link's text, when it
// was the address, is repaired with it.
void repair_escaped_ampersands(HtmlNode& node, std::string& url) {
  if (url.find("&amp;") == std::string::npos) {
    return;
  }
  const std::string written = url;
  for (auto at = url.find("&amp;"); at != std::string::npos; at = url.find("&amp;", at + 1)) {
    url.replace(at, 5, "&");
  }
  for (auto& child : node.children) {
    if (child.kind == HtmlNode::Kind::Text && core::trim(child.text) == written) {
      child.text = url;
    }
  }
}

void sanitize_attributes(HtmlNode& node, const std::set<std::string>& allowed,
                         const SanitizePolicy& policy) {
  const std::string* style = node.attribute("style");
  const auto style_classes = style && policy.styles_become_classes ? classes_for_style(*style)
                                                                   : std::vector<std::string>{};
  if (const std::string* srcset = node.attribute("srcset"); srcset && allowed.count("srcset") > 0) {
    if (auto clean = clean_srcset(*srcset)) {
      node.set_attribute("srcset", std::move(*clean));
    } else {
      node.remove_attribute("srcset");
    }
  }
  std::erase_if(node.attributes, [&](const auto& attribute) {
    const std::string& key = attribute.first;
    if (allowed.count(key) == 0 && policy.global_attributes.count(key) == 0) {
      return true;
    }
    return policy.url_attributes.count(key) > 0 && !is_safe_url(attribute.second);
  });
  for (auto& [key, value] : node.attributes) {
    if (policy.url_attributes.count(key) > 0) {
      repair_escaped_ampersands(node, value);
    }
  }
  add_classes(node, style_classes);
  // Only a link that still goes somewhere: an anchor without href is plain text.
  if (node.name == "a" && !policy.link_rel.empty() && node.attribute("href") != nullptr) {
    node.set_attribute("rel", policy.link_rel);
  }
}

// Where in the tree sanitizing is: how deep, and whether inside a link (where an embed
// placeholder must not bring its own link: nested <a> would not survive re-parsing).
struct Position {
  int depth = 0;
  bool inside_link = false;
  bool* reshaped = nullptr;  ///< set when an element is removed, unwrapped or replaced
  std::string_view embed_label;
};

std::vector<HtmlNode> reshape(const Position& position, std::vector<HtmlNode> replacement = {}) {
  *position.reshaped = true;
  return replacement;
}

void sanitize_list(std::vector<HtmlNode>& nodes, const SanitizePolicy& policy, Position position);

// Returns the nodes that replace `node` (itself, its children, a link, or nothing).
std::vector<HtmlNode> sanitize_node(HtmlNode node, const SanitizePolicy& policy,
                                    Position position) {
  if (node.kind == HtmlNode::Kind::Text) {
    return {std::move(node)};
  }
  if (node.kind == HtmlNode::Kind::Comment) {
    return {};
  }
  if (kDropWithContent.count(node.name) > 0 || node.foreign) {
    return reshape(position);
  }
  if (kEmbeds.count(node.name) > 0) {
    const std::string source = embed_source(node);
    if (!policy.embeds_become_links || source.empty() || !is_safe_url(source)) {
      return reshape(position);  // nothing a reader could follow
    }
    const std::string* title = node.attribute("title");
    std::vector<HtmlNode> placeholder;
    placeholder.push_back(embed_placeholder(source, title ? *title : std::string_view(),
                                            position.embed_label, !position.inside_link));
    return reshape(position, std::move(placeholder));
  }
  // Hostile nesting depth is flattened rather than followed.
  constexpr int kMaxDepth = 200;
  sanitize_list(node.children, policy,
                {position.depth + 1, position.inside_link || node.name == "a", position.reshaped,
                 position.embed_label});
  const auto allowed = policy.elements.find(node.name);
  if (allowed == policy.elements.end() || position.depth > kMaxDepth) {
    return reshape(position, std::move(node.children));  // unknown element: keep its content
  }
  sanitize_attributes(node, allowed->second, policy);
  // Paragraphs emptied by removing their content (an image in a comment) would only
  // leave gaps.
  const bool blank =
      std::all_of(node.children.begin(), node.children.end(), [](const HtmlNode& child) {
        return child.kind == HtmlNode::Kind::Text && core::trim(child.text).empty();
      });
  if (node.name == "p" && blank) {
    return reshape(position);
  }
  // An image whose only source was unsafe would show as a broken-image box.
  if (node.name == "img" && node.attribute("src") == nullptr) {
    return reshape(position);
  }
  return {std::move(node)};
}

void sanitize_list(std::vector<HtmlNode>& nodes, const SanitizePolicy& policy, Position position) {
  std::vector<HtmlNode> result;
  result.reserve(nodes.size());
  for (auto& node : nodes) {
    for (auto& replacement : sanitize_node(std::move(node), policy, position)) {
      result.push_back(std::move(replacement));
    }
  }
  nodes = std::move(result);
}

SanitizePolicy make_content_policy() {
  SanitizePolicy policy;
  const std::set<std::string> none;
  for (const char* name :
       {"abbr",   "acronym",    "address", "b",       "bdi",     "big",   "br",      "caption",
        "center", "code",       "dd",      "details", "dfn",     "div",   "dl",      "dt",
        "em",     "figcaption", "figure",  "h1",      "h2",      "h3",    "h4",      "h5",
        "h6",     "hr",         "i",       "kbd",     "mark",    "p",     "pre",     "rp",
        "rt",     "ruby",       "s",       "samp",    "section", "small", "span",    "strike",
        "strong", "sub",        "summary", "sup",     "table",   "tbody", "tfoot",   "thead",
        "tr",     "tt",         "u",       "var",     "wbr",     "cite",  "article", "aside",
        "header", "footer",     "nav"}) {
    policy.elements[name] = none;
  }
  policy.elements["a"] = {"href", "name", "hreflang"};
  policy.elements["img"] = {"src",   "srcset", "sizes",   "alt",
                            "width", "height", "loading", "decoding"};
  policy.elements["blockquote"] = {"cite"};
  policy.elements["q"] = {"cite"};
  policy.elements["del"] = {"cite", "datetime"};
  policy.elements["ins"] = {"cite", "datetime"};
  policy.elements["time"] = {"datetime"};
  policy.elements["td"] = {"colspan", "rowspan", "headers"};
  policy.elements["th"] = {"colspan", "rowspan", "headers", "scope"};
  policy.elements["col"] = {"span"};
  policy.elements["colgroup"] = {"span"};
  policy.elements["ol"] = {"start", "reversed", "type"};
  policy.elements["ul"] = none;
  policy.elements["li"] = {"value"};
  policy.elements["bdo"] = {"dir"};
  policy.global_attributes = {"title", "lang", "dir", "class"};
  policy.url_attributes = {"href", "src", "cite"};
  policy.embeds_become_links = true;
  policy.styles_become_classes = true;
  return policy;
}

SanitizePolicy make_comment_policy() {
  SanitizePolicy policy;
  // What readers could see in a comment on the old blog (WordPress lets its authors and
  // editors write any markup there): structure and emphasis, without images, embeds,
  // classes or styles, which are the author's to use and not the commenters'.
  for (const char* name :
       {"p",   "br",    "em",      "strong", "b",     "i",     "u",          "s",       "strike",
        "del", "ins",   "sub",     "sup",    "small", "mark",  "abbr",       "acronym", "cite",
        "q",   "code",  "kbd",     "samp",   "var",   "pre",   "blockquote", "ul",      "li",
        "dl",  "dt",    "dd",      "hr",     "h1",    "h2",    "h3",         "h4",      "h5",
        "h6",  "table", "caption", "thead",  "tbody", "tfoot", "tr"}) {
    policy.elements[name] = {};
  }
  policy.elements["ol"] = {"start", "reversed", "type"};
  policy.elements["td"] = {"colspan", "rowspan"};
  policy.elements["th"] = {"colspan", "rowspan", "scope"};
  policy.elements["abbr"] = {"title"};
  policy.elements["acronym"] = {"title"};
  policy.elements["a"] = {"href"};
  policy.url_attributes = {"href"};
  policy.link_rel = "nofollow ugc noopener";
  return policy;
}

}  // namespace

const SanitizePolicy& content_policy() {
  static const SanitizePolicy policy = make_content_policy();
  return policy;
}

const SanitizePolicy& comment_policy() {
  static const SanitizePolicy policy = make_comment_policy();
  return policy;
}

bool sanitize(std::vector<HtmlNode>& nodes, const SanitizePolicy& policy,
              std::string_view embed_label) {
  bool reshaped = false;
  sanitize_list(nodes, policy, {0, false, &reshaped, embed_label});
  return reshaped;
}

bool is_safe_url(std::string_view url) {
  std::string cleaned;
  for (const char c : url) {
    if (static_cast<unsigned char>(c) > 0x20) {
      cleaned += c;
    }
  }
  const auto colon = cleaned.find(':');
  const auto delimiter = cleaned.find_first_of("/?#");
  if (colon == std::string::npos || (delimiter != std::string::npos && delimiter < colon)) {
    return true;  // relative: no scheme
  }
  const std::string scheme = core::to_lower_ascii(std::string_view(cleaned).substr(0, colon));
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::optional<std::string> clean_srcset(std::string_view srcset) {
  std::string clean;
  for (const std::string_view raw_candidate : core::split(srcset, ',')) {
    const std::string_view candidate = core::trim(raw_candidate);
    if (candidate.empty()) {
      continue;
    }
    const auto space = candidate.find_first_of(" \t\n\r\f");
    const std::string_view url = candidate.substr(0, space);
    const std::string_view descriptor =
        space == std::string_view::npos ? std::string_view() : core::trim(candidate.substr(space));
    if (!is_safe_url(url) || (!descriptor.empty() && !is_srcset_descriptor(descriptor))) {
      return std::nullopt;  // one bad candidate: the author's intent is unclear, drop all
    }
    clean += clean.empty() ? "" : ", ";
    clean.append(url);
    if (!descriptor.empty()) {
      clean += ' ';
      clean.append(descriptor);
    }
  }
  if (clean.empty()) {
    return std::nullopt;
  }
  return clean;
}

}  // namespace blogarchive::content
