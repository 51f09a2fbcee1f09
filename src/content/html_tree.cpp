#include "content/html_tree.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace blogarchive::content {
namespace {

std::string tag_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(element.tag);
  }
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return core::to_lower_ascii(std::string_view(piece.data, piece.length));
}

HtmlNode convert(const GumboNode& node);

void convert_children(const GumboVector& children, std::vector<HtmlNode>& out) {
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_DOCUMENT) {
      continue;
    }
    out.push_back(convert(*child));
  }
}

HtmlNode convert(const GumboNode& node) {
  HtmlNode out;
  switch (node.type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& element = node.v.element;
      out.kind = HtmlNode::Kind::Element;
      out.name = tag_name(element);
      out.foreign = element.tag_namespace != GUMBO_NAMESPACE_HTML;
      for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        out.attributes.emplace_back(core::to_lower_ascii(attribute->name), attribute->value);
      }
      convert_children(element.children, out.children);
      break;
    }
    case GUMBO_NODE_COMMENT:
      out.kind = HtmlNode::Kind::Comment;
      out.text = node.v.text.text;
      break;
    default:  // text, whitespace, CDATA
      out.kind = HtmlNode::Kind::Text;
      out.text = node.v.text.text;
  }
  return out;
}

// Control characters (from references like &#x7; or &#13;) have no meaning in a page,
// and an HTML parser reading them back turns some into U+FFFD or a line feed, so the
// output would change each time it is parsed: they are left out (found by fuzzing).
bool is_dropped_control(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20) {
    return c != '\t' && c != '\n' && c != '\f';
  }
  if (c == 0x7F) {
    return true;
  }
  const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                  static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                  static_cast<unsigned char>(text[i + 1]) <= 0x9F;
  return c1;
}

void escape_text(std::string_view text, bool attribute_mode, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_dropped_control(text, i)) {
      i += static_cast<unsigned char>(c) == 0xC2 ? 1 : 0;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      out += "&nbsp;";
      ++i;
    } else if (attribute_mode && c == '"') {
      out += "&quot;";
    } else if (c == '<') {  // also in attributes: harmless there, and no value can
      out += "&lt;";        // look like markup to a later parser (noscript mXSS)
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
}

bool is_raw_text_element(std::string_view name) {
  return name == "script" || name == "style" || name == "xmp" || name == "iframe" ||
         name == "noembed" || name == "noframes" || name == "plaintext";
}

void serialize_node(const HtmlNode& node, bool raw_parent, std::string& out) {
  switch (node.kind) {
    case HtmlNode::Kind::Text:
      if (raw_parent) {
        out += node.text;
      } else {
        escape_text(node.text, false, out);
      }
      return;
    case HtmlNode::Kind::Comment:
      out += "<!--" + node.text + "-->";
      return;
    case HtmlNode::Kind::Element:
      break;
  }
  out += '<';
  out += node.name;
  for (const auto& [key, value] : node.attributes) {
    out += ' ';
    out += key;
    out += "=\"";
    escape_text(value, true, out);
    out += '"';
  }
  out += '>';
  if (is_void_element(node.name) && !node.foreign) {
    return;
  }
  // The parser drops one newline right after <pre>/<textarea>/<listing>; re-add one so
  // a leading newline in the content survives a round trip.
  if ((node.name == "pre" || node.name == "textarea" || node.name == "listing") &&
      !node.children.empty() && node.children.front().kind == HtmlNode::Kind::Text &&
      !node.children.front().text.empty() && node.children.front().text.front() == '\n') {
    out += '\n';
  }
  for (const auto& child : node.children) {
    serialize_node(child, is_raw_text_element(node.name), out);
  }
  out += "</";
  out += node.name;
  out += '>';
}

bool is_block_for_text(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kBlocks{
      "p",  "div", "br", "li", "ul", "ol", "blockquote", "pre", "h1", "h2",         "h3",
      "h4", "h5",  "h6", "tr", "td", "th", "table",      "dd",  "dt", "figcaption", "hr"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

void collect_text(const std::vector<HtmlNode>& nodes, std::string& out) {
  for (const auto& node : nodes) {
    if (node.kind == HtmlNode::Kind::Text) {
      out += node.text;
    } else if (node.kind == HtmlNode::Kind::Element) {
      if (node.name == "script" || node.name == "style" || node.name == "template") {
        continue;
      }
      const bool block = is_block_for_text(node.name);
      if (block) {
        out += ' ';
      }
      collect_text(node.children, out);
      if (block) {
        out += ' ';
      }
    }
  }
}

}  // namespace

bool HtmlNode::has_class(std::string_view css_class) const {
  const std::string* classes = attribute("class");
  if (classes == nullptr) {
    return false;
  }
  for (const auto listed : core::split(*classes, ' ')) {
    if (listed == css_class) {
      return true;
    }
  }
  return false;
}

const std::string* HtmlNode::attribute(std::string_view key) const {
  for (const auto& [attribute_name, value] : attributes) {
    if (attribute_name == key) {
      return &value;
    }
  }
  return nullptr;
}

void HtmlNode::set_attribute(std::string_view key, std::string value) {
  for (auto& [attribute_name, existing] : attributes) {
    if (attribute_name == key) {
      existing = std::move(value);
      return;
    }
  }
  attributes.emplace_back(std::string(key), std::move(value));
}

void HtmlNode::remove_attribute(std::string_view key) {
  std::erase_if(attributes, [&](const auto& attribute) { return attribute.first == key; });
}

HtmlNode make_element(std::string name, std::string css_class) {
  HtmlNode node;
  node.kind = HtmlNode::Kind::Element;
  node.name = std::move(name);
  node.attributes = {{"class", std::move(css_class)}};
  return node;
}

HtmlNode make_text(std::string text) {
  HtmlNode node;
  node.text = std::move(text);
  return node;
}

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid{
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

std::vector<HtmlNode> parse_fragment(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  // We never read gumbo's parse errors; recording them (one allocation each, thousands
  // in old hand-written HTML) took a fifth of the parse time.
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  std::vector<HtmlNode> nodes;
  // In fragment mode the fragment's nodes are the children of the <html> root.
  const GumboNode* root = output->root;
  if (root != nullptr && root->type == GUMBO_NODE_ELEMENT) {
    convert_children(root->v.element.children, nodes);
  }
  gumbo_destroy_output(&options, output);
  return nodes;
}

std::string serialize(const std::vector<HtmlNode>& nodes) {
  std::string out;
  for (const auto& node : nodes) {
    serialize_node(node, false, out);
  }
  return out;
}

std::string extract_text(const std::vector<HtmlNode>& nodes) {
  std::string text;
  collect_text(nodes, text);
  return core::collapse_whitespace(text);
}

}  // namespace blogarchive::content
