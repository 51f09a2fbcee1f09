#include "content/summary.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace blogarchive::content {
namespace {

// What the archive added, or what is not prose.
bool is_left_out(const HtmlNode& node) {
  static constexpr std::array<std::string_view, 7> kSkipped{"script", "style",  "template",  "pre",
                                                            "iframe", "object", "figcaption"};
  if (std::find(kSkipped.begin(), kSkipped.end(), node.name) != kSkipped.end()) {
    return true;
  }
  return node.has_class("embed") || node.has_class("remote-image") ||
         node.has_class("missing-image") || node.has_class("wayback");
}

bool ends_sentence(std::string_view name) {
  // A table row is one item ("Hobel – glätten;"), its cells are not sentences.
  static constexpr std::array<std::string_view, 13> kSentenceEnds{
      "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "tr", "blockquote", "div"};
  return std::find(kSentenceEnds.begin(), kSentenceEnds.end(), name) != kSentenceEnds.end();
}

bool looks_like_url(std::string_view word) {
  return core::starts_with_ci(word, "http://") || core::starts_with_ci(word, "https://") ||
         core::starts_with_ci(word, "www.");
}

// Also a no-break space: editors leave "system.&nbsp;" at the end of paragraphs.
void trim_end(std::string& out) {
  while (!out.empty()) {
    if (out.back() == ' ' || out.back() == '\n' || out.back() == '\t') {
      out.pop_back();
    } else if (out.ends_with("\xC2\xA0")) {
      out.resize(out.size() - 2);
    } else {
      return;
    }
  }
}

// After a paragraph, heading or list item: a full stop (a semicolon between list items)
// unless the author already ended it.
void end_sentence(std::string& out, bool more_items) {
  trim_end(out);
  if (out.empty()) {
    return;
  }
  const char last = out.back();
  const bool ended = last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
                     last == ',' || out.ends_with("\xE2\x80\xA6");  // …
  if (!ended) {
    out += more_items ? ';' : '.';
  }
  out += ' ';
}

void collect(const std::vector<HtmlNode>& nodes, std::string& out) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const HtmlNode& node = nodes[i];
    if (node.kind == HtmlNode::Kind::Text) {
      out += node.text;
      continue;
    }
    if (node.kind != HtmlNode::Kind::Element || is_left_out(node)) {
      continue;
    }
    if (node.name == "br" || node.name == "hr") {
      out += ' ';
      continue;
    }
    std::string inner;
    collect(node.children, inner);
    // A link whose text is its address says nothing a description needs.
    if (node.name == "a" && looks_like_url(core::trim(inner))) {
      continue;
    }
    const bool block = ends_sentence(node.name) || node.name == "ul" || node.name == "ol" ||
                       node.name == "table" || node.name == "td" || node.name == "th";
    if (block) {
      out += ' ';
    }
    out += inner;
    if (ends_sentence(node.name) && !core::trim(inner).empty()) {
      const bool item = node.name == "li" || node.name == "tr";
      const bool more_items =
          item && std::any_of(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1, nodes.end(),
                              [&](const HtmlNode& next) {
                                return next.kind == HtmlNode::Kind::Element &&
                                       next.name == node.name;
                              });
      end_sentence(out, more_items);
    } else if (block) {
      out += ' ';
    }
  }
}

}  // namespace

std::string summary_text(const std::vector<HtmlNode>& nodes) {
  std::string text;
  collect(nodes, text);
  // Bare URLs written as text ("see http://…") go too.
  std::string kept;
  const std::string collapsed = core::collapse_whitespace(text);
  for (const auto word : core::split(collapsed, ' ')) {
    if (!word.empty() && !looks_like_url(word)) {
      kept += kept.empty() ? "" : " ";
      kept.append(word);
    }
  }
  return kept;
}

std::string text_of_html(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    return std::string(html);
  }
  return extract_text(parse_fragment(html));
}

}  // namespace blogarchive::content
