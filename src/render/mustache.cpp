#include "render/mustache.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"

namespace blogarchive::render {

TemplateError::TemplateError(int line, int column, const std::string& what)
    : std::runtime_error(fmt::format("line {}, column {}: {}", line, column, what)),
      line_(line),
      column_(column) {}

namespace {

using Node = Template::Node;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> parts;
  if (name == ".")
    return parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = name.find('.', start);
    parts.emplace_back(
        name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos)
      return parts;
    start = dot + 1;
  }
}

// One pass over the source: text between tags becomes text nodes, tags become nodes,
// and the lines that hold nothing but a section, comment, partial or delimiter tag
// are dropped whole, as the specification's "standalone" rule asks.
class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source) {}

  std::vector<Node> parse() {
    while (position_ < source_.size()) {
      const auto open = source_.find(open_, position_);
      if (open == std::string_view::npos) {
        add_text(position_, source_.size());
        break;
      }
      parse_tag(open);
    }
    if (!sections_.empty()) {
      const auto& [index, offset] = sections_.back();
      fail(offset, fmt::format("section \"{}\" is never closed (add {}/{}{})", nodes_[index].text,
                               open_, nodes_[index].text, close_));
    }
    return std::move(nodes_);
  }

 private:
  struct Tag {
    char sigil = 0;         ///< '#', '^', '/', '!', '>', '=', '{', '&' or 0 for a variable
    std::string_view body;  ///< what stands between the sigil and the closing delimiter
    std::size_t end = 0;    ///< just past the closing delimiter
  };

  void parse_tag(std::size_t open) {
    const Tag tag = read_tag(open);
    const bool may_stand_alone = tag.sigil != 0 && tag.sigil != '{' && tag.sigil != '&';
    std::size_t line_start = open;
    while (line_start > position_ && is_blank(source_[line_start - 1]))
      --line_start;
    const bool starts_line = line_start == 0 || source_[line_start - 1] == '\n';
    std::size_t after = tag.end;
    while (after < source_.size() && is_blank(source_[after]))
      ++after;
    if (after < source_.size() && source_[after] == '\r' && after + 1 < source_.size() &&
        source_[after + 1] == '\n') {
      ++after;
    }
    const bool ends_line = after == source_.size() || source_[after] == '\n';
    if (may_stand_alone && starts_line && line_start >= position_ && ends_line) {
      add_text(position_, line_start);
      position_ = after == source_.size() ? after : after + 1;
      add_tag(tag, open, source_.substr(line_start, open - line_start), false);
    } else {
      add_text(position_, open);
      position_ = tag.end;
      add_tag(tag, open, {}, open == 0 || source_[open - 1] == '\n');
    }
  }

  Tag read_tag(std::size_t open) {
    Tag tag;
    std::size_t body_start = open + open_.size();
    std::string closing = close_;
    if (body_start < source_.size()) {
      const char c = source_[body_start];
      if (std::string_view("#^/!>={&").find(c) != std::string_view::npos) {
        tag.sigil = c;
        ++body_start;
      }
    }
    if (tag.sigil == '{')
      closing = "}" + close_;
    if (tag.sigil == '=')
      closing = "=" + close_;
    const auto close = source_.find(closing, body_start);
    if (close == std::string_view::npos) {
      fail(open, fmt::format("tag is never closed (add {})", closing));
    }
    tag.body = source_.substr(body_start, close - body_start);
    tag.end = close + closing.size();
    return tag;
  }

  void add_tag(const Tag& tag, std::size_t offset, std::string_view indent, bool at_line_start) {
    const std::string_view name = core::trim(tag.body);
    switch (tag.sigil) {
      case '!':
        return;
      case '=':
        return set_delimiters(name, offset);
      case '/':
        return close_section(name, offset);
      case '>': {
        Node node;
        node.kind = Node::Kind::Partial;
        node.text = std::string(name);
        node.indent = std::string(indent);
        nodes_.push_back(std::move(node));
        return;
      }
      default:
        break;
    }
    if (name.empty())
      fail(offset, "tag without a name");
    Node node;
    node.at_line_start = at_line_start;
    node.text = std::string(name);
    node.path = split_name(name);
    node.kind = tag.sigil == '#'   ? Node::Kind::Section
                : tag.sigil == '^' ? Node::Kind::Inverted
                : tag.sigil == 0   ? Node::Kind::Escaped
                                   : Node::Kind::Raw;
    if (node.kind == Node::Kind::Section || node.kind == Node::Kind::Inverted) {
      sections_.emplace_back(nodes_.size(), offset);
    }
    nodes_.push_back(std::move(node));
  }

  void close_section(std::string_view name, std::size_t offset) {
    if (sections_.empty()) {
      fail(offset, fmt::format("\"{}\" closes a section that was never opened", name));
    }
    const auto [index, open_offset] = sections_.back();
    if (nodes_[index].text != name) {
      fail(offset, fmt::format("\"{}\" closes section \"{}\" (opened at {}); close that one first",
                               name, nodes_[index].text, where(open_offset)));
    }
    sections_.pop_back();
    nodes_[index].end = static_cast<std::uint32_t>(nodes_.size());
    boundary_ = nodes_.size();
  }

  void set_delimiters(std::string_view body, std::size_t offset) {
    const auto space = body.find_first_of(" \t");
    const std::string_view open =
        space == std::string_view::npos ? std::string_view{} : body.substr(0, space);
    const std::string_view close =
        space == std::string_view::npos ? std::string_view{} : core::trim(body.substr(space));
    if (open.empty() || close.empty() || close.find_first_of(" \t=") != std::string_view::npos) {
      fail(offset, "a delimiter change needs two delimiters, e.g. {{=<% %>=}}");
    }
    open_ = std::string(open);
    close_ = std::string(close);
  }

  void add_text(std::size_t begin, std::size_t end) {
    if (begin >= end)
      return;
    const bool at_line_start = begin == 0 || source_[begin - 1] == '\n';
    if (!nodes_.empty() && nodes_.back().kind == Node::Kind::Text && !at_line_start &&
        nodes_.size() != boundary_) {
      nodes_.back().text.append(source_.substr(begin, end - begin));
      return;
    }
    Node node;
    node.at_line_start = at_line_start;
    node.text = std::string(source_.substr(begin, end - begin));
    nodes_.push_back(std::move(node));
  }

  std::pair<int, int> line_and_column(std::size_t offset) const {
    const auto before = source_.substr(0, offset);
    const auto line_start = before.rfind('\n');
    return {
        static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1,
        static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1};
  }

  std::string where(std::size_t offset) const {
    const auto [line, column] = line_and_column(offset);
    return fmt::format("line {}, column {}", line, column);
  }

  [[noreturn]] void fail(std::size_t offset, const std::string& what) const {
    const auto [line, column] = line_and_column(offset);
    throw TemplateError(line, column, what);
  }

  std::string_view source_;
  std::size_t position_ = 0;
  std::string open_ = "{{";
  std::string close_ = "}}";
  std::vector<Node> nodes_;
  std::size_t boundary_ = 0;  ///< text after a section's end must not merge into its last child
  std::vector<std::pair<std::size_t, std::size_t>>
      sections_;  ///< open sections: node index, source offset
};

void append_escaped(std::string& out, const std::string& text) {
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out.append(text, plain, i - plain);
    out.append(entity);
    plain = i + 1;
  }
  out.append(text, plain, std::string::npos);
}

// Appends text, putting a partial's indentation at the start of each of its lines.
void append_indented(std::string& out, const std::string& text, bool at_line_start,
                     const std::string& indent) {
  if (indent.empty()) {
    out.append(text);
    return;
  }
  if (at_line_start)
    out.append(indent);
  std::size_t start = 0;
  for (auto newline = text.find('\n'); newline != std::string::npos;
       newline = text.find('\n', start)) {
    out.append(text, start, newline + 1 - start);
    start = newline + 1;
    if (start < text.size())
      out.append(indent);
  }
  out.append(text, start, std::string::npos);
}

const View* field(const View& view, const std::string& name) {
  if (view.kind() != View::Kind::Object)
    return nullptr;
  for (const auto& [field_name, value] : view.fields()) {
    if (field_name == name)
      return &value;
  }
  return nullptr;
}

bool is_falsey(const View* value) {
  return value == nullptr || (value->kind() == View::Kind::Flag && !value->flag()) ||
         value->empty_list();
}

class Renderer {
 public:
  Renderer(std::string& out, const Partials* partials) : out_(out), partials_(partials) {}

  void render(const std::vector<Node>& nodes, std::size_t begin, std::size_t end,
              const View& context, const std::string& indent) {
    stack_.push_back(&context);
    render_range(nodes, begin, end, indent);
    stack_.pop_back();
  }

  void render_range(const std::vector<Node>& nodes, std::size_t begin, std::size_t end,
                    const std::string& indent) {
    for (std::size_t i = begin; i < end;) {
      const Node& node = nodes[i];
      // Text puts the indentation in itself; a standalone partial passes it on.
      if (node.at_line_start && node.kind != Node::Kind::Text && node.kind != Node::Kind::Partial) {
        out_.append(indent);
      }
      switch (node.kind) {
        case Node::Kind::Text:
          append_indented(out_, node.text, node.at_line_start, indent);
          break;
        case Node::Kind::Escaped:
          interpolate(node, true);
          break;
        case Node::Kind::Raw:
          interpolate(node, false);
          break;
        case Node::Kind::Section:
          section(nodes, i, indent);
          break;
        case Node::Kind::Inverted:
          if (is_falsey(lookup(node.path)))
            render_range(nodes, i + 1, node.end, indent);
          break;
        case Node::Kind::Partial:
          partial(node, indent);
          break;
      }
      i = node.kind == Node::Kind::Section || node.kind == Node::Kind::Inverted ? node.end : i + 1;
    }
  }

 private:
  void interpolate(const Node& node, bool escape) {
    const View* value = lookup(node.path);
    if (value == nullptr || value->kind() != View::Kind::Text)
      return;
    if (escape) {
      append_escaped(out_, value->text());
    } else {
      out_.append(value->text());
    }
  }

  void section(const std::vector<Node>& nodes, std::size_t index, const std::string& indent) {
    const Node& node = nodes[index];
    const View* value = lookup(node.path);
    if (is_falsey(value))
      return;
    if (value->kind() == View::Kind::Flag) {
      render_range(nodes, index + 1, node.end, indent);
      return;
    }
    if (value->kind() == View::Kind::List) {
      for (const auto& item : value->items())
        render(nodes, index + 1, node.end, item, indent);
      return;
    }
    render(nodes, index + 1, node.end, *value, indent);
  }

  void partial(const Node& node, const std::string& indent) {
    if (partials_ == nullptr)
      return;
    const auto found = partials_->find(node.text);
    if (found == partials_->end())
      return;
    const auto& nodes = found->second.nodes();
    render_range(nodes, 0, nodes.size(), indent + node.indent);
  }

  // A dotted name resolves its first part up the context stack, the rest inside it.
  const View* lookup(const std::vector<std::string>& path) const {
    if (path.empty())
      return stack_.back();
    const View* value = nullptr;
    for (auto it = stack_.rbegin(); it != stack_.rend() && value == nullptr; ++it)
      value = field(**it, path[0]);
    for (std::size_t i = 1; i < path.size() && value != nullptr; ++i)
      value = field(*value, path[i]);
    return value;
  }

  std::string& out_;
  const Partials* partials_;
  std::vector<const View*> stack_;
};

}  // namespace

Template Template::compile(std::string_view text) {
  Template compiled;
  compiled.nodes_ = Parser(text).parse();
  return compiled;
}

void Template::render(const View& view, std::string& out, const Partials* partials) const {
  Renderer(out, partials).render(nodes_, 0, nodes_.size(), view, std::string());
}

std::string Template::render(const View& view, const Partials* partials) const {
  std::string out;
  render(view, out, partials);
  return out;
}

}  // namespace blogarchive::render
