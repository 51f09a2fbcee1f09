#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "render/view.hpp"

namespace blogarchive::render {

/// A template that does not follow the Mustache syntax: where and what.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(int line, int column, const std::string& what);
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  int line_;
  int column_;
};

class Template;
/// Partials by name, for `{{>name}}`. A missing partial renders as nothing.
using Partials = std::map<std::string, Template, std::less<>>;

/// A Mustache template compiled once into a flat list of nodes and rendered straight
/// from a View into the caller's buffer (no conversion of the view, no intermediate
/// strings). It follows the Mustache specification's required parts (interpolation,
/// sections, inverted sections, comments, partials, set delimiters, standalone lines);
/// lambdas, an optional part, are not supported because views are data.
class Template {
 public:
  /// Throws TemplateError for an unclosed tag or section, or a stray closing tag.
  static Template compile(std::string_view text);

  /// Appends the template rendered with `view` to `out`.
  void render(const View& view, std::string& out, const Partials* partials = nullptr) const;
  std::string render(const View& view, const Partials* partials = nullptr) const;

  struct Node {
    enum class Kind : std::uint8_t { Text, Escaped, Raw, Section, Inverted, Partial };
    Kind kind = Kind::Text;
    bool at_line_start = false;     ///< begins a line of the source (partial indentation)
    std::string text;               ///< literal text, or a partial's name
    std::vector<std::string> path;  ///< a dotted name split; empty for the implicit iterator "."
    std::string indent;             ///< a standalone partial's indentation
    std::uint32_t end = 0;          ///< a section's first node after its children
  };
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  std::vector<Node> nodes_;
};

}  // namespace blogarchive::render
