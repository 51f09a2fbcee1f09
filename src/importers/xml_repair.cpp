#include "importers/xml_repair.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"

namespace blogarchive::importers {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

XmlRepair repair_at(std::string_view text, std::size_t offset, std::string what) {
  const auto [line, column] = core::line_and_column(text, offset);
  return {static_cast<int>(line), static_cast<int>(column), std::move(what)};
}

// XML 1.0 allows tab, line feed and carriage return among the C0 controls, no others.
bool is_forbidden_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

void remove_control_bytes(std::string& text, std::vector<XmlRepair>& repairs) {
  constexpr std::size_t kListed = 20;
  std::size_t removed = 0;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_forbidden_control(c)) {
      out += text[i];
      continue;
    }
    if (removed++ < kListed) {
      repairs.push_back(repair_at(
          text, i, fmt::format("control byte 0x{:02X} removed (XML does not allow it)", c)));
    }
  }
  if (removed > kListed) {
    repairs.push_back(
        {0, 0, fmt::format("… and {} more control bytes removed", removed - kListed)});
  }
  if (removed > 0) {
    text = std::move(out);
  }
}

// The element a CDATA section at `at` is the content of: "content:encoded" for
// "<content:encoded><![CDATA[". Empty when the section does not directly follow a
// start tag.
std::string_view enclosing_element(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                     text[end - 1] == '\t')) {
    --end;
  }
  if (end == 0 || text[end - 1] != '>') {
    return {};
  }
  const auto open = text.rfind('<', end - 1);
  if (open == std::string_view::npos || open + 1 >= end || text[open + 1] == '/' ||
      text[open + 1] == '!') {
    return {};
  }
  const std::string_view tag = text.substr(open + 1, end - open - 2);
  return tag.substr(0, tag.find_first_of(" \t\r\n/"));
}

// "]]>" inside a section, before the one followed by its element's end tag, ended the
// section early: it becomes "]]]]><![CDATA[>", the escape WordPress itself writes.
void escape_early_cdata_ends(std::string& text, std::vector<XmlRepair>& repairs) {
  constexpr std::string_view kOpen = "<![CDATA[";
  constexpr std::string_view kClose = "]]>";
  constexpr std::string_view kEscaped = "]]]]><![CDATA[>";
  for (std::size_t open = text.find(kOpen); open != std::string::npos;
       open = text.find(kOpen, open + kOpen.size())) {
    const std::string_view element = enclosing_element(text, open);
    if (element.empty()) {
      continue;
    }
    const std::string end_tag = std::string(kClose) + "</" + std::string(element);
    const std::size_t body = open + kOpen.size();
    const auto real_end = text.find(end_tag, body);
    if (real_end == std::string::npos) {
      continue;
    }
    std::vector<std::size_t> early;
    for (auto at = text.find(kClose, body); at != std::string::npos && at < real_end;
         at = text.find(kClose, at + 1)) {
      if (std::string_view(text).substr(at + kClose.size()).starts_with(kOpen)) {
        continue;  // already the escape: the section goes on in the next one
      }
      early.push_back(at);
      repairs.push_back(repair_at(
          text, at, fmt::format("\"]]>\" inside <{}> escaped (it ended the text early)", element)));
    }
    for (auto it = early.rbegin(); it != early.rend(); ++it) {  // from the back: offsets stay valid
      text.replace(*it, kClose.size(), kEscaped);
    }
    open = text.find(end_tag, body);
  }
}

}  // namespace

std::size_t text_before_xml(std::string_view head) {
  std::size_t start = head.starts_with(kBom) ? kBom.size() : 0;
  while (start < head.size() && (head[start] == ' ' || head[start] == '\n' || head[start] == '\r' ||
                                 head[start] == '\t')) {
    ++start;
  }
  const std::string_view rest = head.substr(start);
  if (rest.starts_with("<?xml") || rest.starts_with("<rss") || rest.starts_with("<!--")) {
    return 0;
  }
  auto at = head.find("<?xml");
  if (at == std::string_view::npos) {
    at = head.find("<rss");
  }
  return at == std::string_view::npos ? 0 : at;
}

std::vector<XmlRepair> repair_xml_text(std::string& text) {
  std::vector<XmlRepair> repairs;
  if (const std::size_t junk = text_before_xml(text); junk > 0) {
    const auto lines =
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(junk), '\n');
    repairs.push_back(
        {1, 1,
         fmt::format("{} bytes before the XML declaration left out (a message a plugin or PHP "
                     "printed into the download): \"{}\"",
                     junk,
                     core::first_words(core::collapse_whitespace(text.substr(0, junk)), 12))});
    // Nothing may precede the declaration: the junk's line breaks go after it instead.
    text.erase(0, junk);
    const auto declaration_end = text.starts_with("<?xml") ? text.find("?>") : std::string::npos;
    const std::size_t insert_at = declaration_end == std::string::npos ? 0 : declaration_end + 2;
    text.insert(insert_at, std::string(static_cast<std::size_t>(lines), '\n'));
  }
  remove_control_bytes(text, repairs);
  escape_early_cdata_ends(text, repairs);
  return repairs;
}

}  // namespace blogarchive::importers
