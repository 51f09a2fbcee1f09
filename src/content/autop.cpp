#include "content/autop.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/text.hpp"

namespace blogarchive::content {
namespace {

// The elements around which autop never puts a paragraph.
constexpr std::array<std::string_view, 47> kBlockTags{
    "table",  "thead",    "tfoot",  "caption",    "col",     "colgroup",   "tbody",   "tr",
    "td",     "th",       "div",    "dl",         "dd",      "dt",         "ul",      "ol",
    "li",     "pre",      "form",   "map",        "area",    "blockquote", "address", "math",
    "style",  "p",        "h1",     "h2",         "h3",      "h4",         "h5",      "h6",
    "hr",     "fieldset", "legend", "section",    "article", "aside",      "hgroup",  "header",
    "footer", "nav",      "figure", "figcaption", "details", "menu",       "summary"};

// Elements whose content is kept away from the paragraph rules entirely.
constexpr std::array<std::string_view, 4> kProtectedTags{"pre", "script", "style", "svg"};

// Placeholders for protected blocks: a private-use character that no export contains
// in practice, followed by the block's number.
constexpr std::string_view kPlaceholderMark = "\xEE\x80\x80";  // U+E000

struct TagAt {
  std::string name;  // lower case; empty when not a tag
  bool closing = false;
  std::size_t end = 0;  // one past '>'
};

TagAt read_tag(std::string_view text, std::size_t at) {
  TagAt tag;
  if (at >= text.size() || text[at] != '<') {
    return tag;
  }
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) != 0)) {
    ++i;
  }
  if (i == name_start) {
    return tag;
  }
  const auto close = text.find('>', i);
  if (close == std::string_view::npos) {
    return tag;
  }
  tag.name = core::to_lower_ascii(text.substr(name_start, i - name_start));
  tag.end = close + 1;
  return tag;
}

bool is_block(std::string_view name) {
  return std::find(kBlockTags.begin(), kBlockTags.end(), name) != kBlockTags.end();
}

// Replaces <pre>…</pre> (and script/style/svg) with placeholders, returning the blocks.
std::string protect_blocks(std::string_view text, std::vector<std::string>& blocks) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const TagAt tag = read_tag(text, i);
    const bool protect =
        !tag.name.empty() && !tag.closing &&
        std::find(kProtectedTags.begin(), kProtectedTags.end(), tag.name) != kProtectedTags.end();
    if (!protect) {
      out += text[i++];
      continue;
    }
    const std::string end_tag = "</" + tag.name;
    std::size_t end = core::to_lower_ascii(text.substr(tag.end)).find(end_tag);
    end = end == std::string::npos ? text.size() : text.find('>', tag.end + end);
    end = end == std::string::npos ? text.size() : end + 1;
    out += "\n\n" + std::string(kPlaceholderMark) + std::to_string(blocks.size()) + ";\n\n";
    blocks.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string restore_blocks(std::string text, const std::vector<std::string>& blocks) {
  for (std::size_t n = blocks.size(); n-- > 0;) {
    const std::string mark = std::string(kPlaceholderMark) + std::to_string(n) + ";";
    if (const auto at = text.find(mark); at != std::string::npos) {
      text.replace(at, mark.size(), blocks[n]);
    }
  }
  return text;
}

// Puts blank lines before opening and after closing block tags so that each block tag
// starts or ends a chunk.
std::string separate_blocks(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const TagAt tag = read_tag(text, i);
    if (tag.name.empty() || !is_block(tag.name)) {
      out += text[i++];
      continue;
    }
    const bool self_contained = tag.name == "hr" || tag.name == "col" || tag.name == "area";
    if (!tag.closing) {
      out += "\n\n";
    }
    out.append(text.substr(i, tag.end - i));
    if (tag.closing || self_contained) {
      out += "\n\n";
    }
    i = tag.end;
  }
  return out;
}

std::vector<std::string_view> split_chunks(std::string_view text) {
  std::vector<std::string_view> chunks;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '\n') {
      ++i;
      continue;
    }
    // A newline, optional blanks, another newline: a paragraph boundary.
    std::size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
      ++j;
    }
    if (j < text.size() && text[j] == '\n') {
      chunks.push_back(text.substr(start, i - start));
      while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t')) {
        ++j;
      }
      start = i = j;
      continue;
    }
    ++i;
  }
  chunks.push_back(text.substr(start));
  return chunks;
}

bool starts_with_block_tag(std::string_view text) {
  if (text.substr(0, kPlaceholderMark.size()) == kPlaceholderMark) {
    return true;
  }
  const TagAt tag = read_tag(text, 0);
  return !tag.name.empty() && is_block(tag.name);
}

bool ends_with_block_tag(std::string_view text) {
  if (text.empty() || (text.back() != '>' && text.back() != ';')) {
    return false;
  }
  if (text.back() == ';') {
    const auto mark = text.rfind(kPlaceholderMark);
    return mark != std::string_view::npos &&
           text.find_first_not_of("0123456789", mark + kPlaceholderMark.size()) == text.size() - 1;
  }
  const auto open = text.rfind('<');
  if (open == std::string_view::npos) {
    return false;
  }
  const TagAt tag = read_tag(text, open);
  return !tag.name.empty() && is_block(tag.name) && tag.end == text.size();
}

// Single newlines inside a paragraph become <br />, except next to block tags and
// inside tag markup.
std::string add_line_breaks(std::string_view chunk) {
  std::string out;
  bool in_tag = false;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const char c = chunk[i];
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    }
    if (c != '\n' || in_tag) {
      out += c;
      continue;
    }
    const std::string_view before = core::trim(std::string_view(out));
    const std::string_view after = core::trim(chunk.substr(i + 1));
    const bool at_block = before.empty() || after.empty() || ends_with_block_tag(before) ||
                          starts_with_block_tag(after) || before.ends_with("<br />") ||
                          before.ends_with("<br>") || before.ends_with("<br/>");
    if (!at_block) {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        out.pop_back();
      }
      out += "<br />";
    }
    out += '\n';
  }
  return out;
}

std::string wrap_chunk(std::string_view chunk, bool line_breaks) {
  chunk = core::trim(chunk);
  if (chunk.empty()) {
    return {};
  }
  // A lone block tag, or a list item: never a paragraph.
  const TagAt first = read_tag(chunk, 0);
  if ((starts_with_block_tag(chunk) && ends_with_block_tag(chunk) &&
       (first.end == chunk.size() ||
        chunk.substr(0, kPlaceholderMark.size()) == kPlaceholderMark)) ||
      (first.name == "li" && !first.closing)) {
    return std::string(chunk);
  }
  std::string prefix;
  std::string suffix;
  std::string_view body = chunk;
  // <blockquote> keeps the paragraph inside it.
  if (first.name == "blockquote" && !first.closing) {
    prefix = std::string(body.substr(0, first.end));
    body.remove_prefix(first.end);
  }
  constexpr std::string_view kQuoteEnd = "</blockquote>";
  if (body.size() >= kQuoteEnd.size() &&
      core::to_lower_ascii(body.substr(body.size() - kQuoteEnd.size())) == kQuoteEnd) {
    suffix = std::string(body.substr(body.size() - kQuoteEnd.size()));
    body = body.substr(0, body.size() - kQuoteEnd.size());
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ' || body.back() == '\t')) {
      body.remove_suffix(1);
    }
  }
  const std::string text = line_breaks ? add_line_breaks(body) : std::string(body);
  const std::string_view trimmed_text = core::trim(text);
  const bool open_p = !starts_with_block_tag(trimmed_text);
  const bool close_p = open_p && !ends_with_block_tag(trimmed_text);
  return prefix + (open_p ? "<p>" : "") + text + (close_p ? "</p>" : "") + suffix;
}

}  // namespace

std::string autop(std::string_view input, bool line_breaks) {
  std::string text(input);
  std::erase(text, '\r');
  if (core::trim(text).empty()) {
    return {};
  }
  std::vector<std::string> protected_blocks;
  text = separate_blocks(protect_blocks(text, protected_blocks));
  std::string out;
  for (const std::string_view chunk : split_chunks(text)) {
    const std::string wrapped = wrap_chunk(chunk, line_breaks);
    if (!wrapped.empty()) {
      out += wrapped;
      out += '\n';
    }
  }
  return restore_blocks(std::move(out), protected_blocks);
}

}  // namespace blogarchive::content
