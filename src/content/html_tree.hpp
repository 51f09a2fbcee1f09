#pragma once
// A small mutable HTML tree: gumbo parses (the WHATWG algorithm), we edit and
// serialize. Gumbo's own tree is read-only and has no serializer.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogarchive::content {

struct HtmlNode {
  enum class Kind { Element, Text, Comment };
  Kind kind = Kind::Text;
  std::string name;  ///< lower-case tag name for elements
  std::vector<std::pair<std::string, std::string>> attributes;  ///< decoded values, in order
  std::string text;      ///< decoded text for Text and Comment
  bool foreign = false;  ///< in the SVG or MathML namespace
  std::vector<HtmlNode> children;

  const std::string* attribute(std::string_view key) const;
  /// True when the class attribute lists `css_class`.
  bool has_class(std::string_view css_class) const;
  void set_attribute(std::string_view key, std::string value);
  void remove_attribute(std::string_view key);
  bool is_element(std::string_view tag) const { return kind == Kind::Element && name == tag; }
};

/// A new element with a class (the content steps' own markup: placeholders, notes).
HtmlNode make_element(std::string name, std::string css_class);
/// A new text node.
HtmlNode make_text(std::string text);

/// Parses an HTML fragment as the content of <body>, the way a browser would.
std::vector<HtmlNode> parse_fragment(std::string_view html);

/// HTML5 serialization of a node list (void elements, escaping, <pre> newlines).
std::string serialize(const std::vector<HtmlNode>& nodes);

/// The visible text, with block boundaries as spaces.
std::string extract_text(const std::vector<HtmlNode>& nodes);

/// True for elements that have no end tag (br, img, …).
bool is_void_element(std::string_view name);

}  // namespace blogarchive::content
