#include "importers/movabletype/mt_format.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace blogarchive::importers::movabletype {
namespace {

constexpr std::string_view kEntryEnd = "--------";
constexpr std::string_view kSectionEnd = "-----";

// The metadata keys a COMMENT or PING section may open with.
bool is_feedback_key(std::string_view key) {
  static constexpr std::array<std::string_view, 7> kKeys{"AUTHOR", "EMAIL", "IP",       "URL",
                                                         "DATE",   "TITLE", "BLOG NAME"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

// "KEY: value" with an upper-case key (letters, digits, spaces, underscores).
bool split_field(std::string_view line, Field& field) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return false;
  }
  const std::string_view key = line.substr(0, colon);
  const bool upper = std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_';
  });
  if (!upper) {
    return false;
  }
  std::string_view value = line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') {
    value.remove_prefix(1);  // one space after the colon belongs to the syntax
  }
  field = {std::string(key), std::string(value)};
  return true;
}

std::string join_lines(const std::vector<std::string_view>& lines, std::size_t from) {
  std::string text;
  for (std::size_t i = from; i < lines.size(); ++i) {
    text.append(lines[i]);
    text += '\n';
  }
  return text;
}

Feedback read_feedback(const std::vector<std::string_view>& lines) {
  Feedback feedback;
  std::size_t i = 1;  // lines[0] is "COMMENT:" or "PING:"
  for (Field field;
       i < lines.size() && split_field(lines[i], field) && is_feedback_key(field.first); ++i) {
    feedback.fields.push_back(std::move(field));
  }
  feedback.text = join_lines(lines, i);
  return feedback;
}

void read_section(const std::vector<std::string_view>& lines, Entry& entry) {
  // Blank lines between sections are not part of the next one.
  std::size_t first = 0;
  while (first < lines.size() && core::trim(lines[first]).empty()) {
    ++first;
  }
  if (first == lines.size()) {
    return;
  }
  const std::vector<std::string_view> body(lines.begin() + static_cast<std::ptrdiff_t>(first),
                                           lines.end());
  const std::string name(core::trim(body.front()));
  if (name == "COMMENT:") {
    entry.comments.push_back(read_feedback(body));
  } else if (name == "PING:") {
    entry.pings.push_back(read_feedback(body));
  } else if (Field field; split_field(body.front(), field)) {
    // "BODY:" alone on its line, the text below; a one-line value is kept too.
    const std::string rest = join_lines(body, 1);
    entry.sections.emplace_back(field.first,
                                field.second.empty() ? rest : field.second + "\n" + rest);
  }
}

void read_header(const std::vector<std::string_view>& lines, Entry& entry) {
  for (const auto line : lines) {
    if (Field field; split_field(line, field)) {
      entry.header.push_back(std::move(field));
    }
  }
}

}  // namespace

std::string Feedback::value(std::string_view key) const {
  for (const auto& [name, value] : fields) {
    if (name == key) {
      return value;
    }
  }
  return {};
}

std::string Entry::value(std::string_view key) const {
  const auto found = values(key);
  return found.empty() ? std::string() : found.front();
}

std::vector<std::string> Entry::values(std::string_view key) const {
  std::vector<std::string> found;
  for (const auto& [name, value] : header) {
    if (name == key) {
      found.push_back(value);
    }
  }
  return found;
}

std::string Entry::section(std::string_view key) const {
  for (const auto& [name, text] : sections) {
    if (name == key) {
      return text;
    }
  }
  return {};
}

std::vector<Entry> parse_export(std::string_view text) {
  std::vector<Entry> entries;
  Entry entry;
  std::vector<std::string_view> section;
  bool in_header = true;
  const auto close_section = [&] {
    if (in_header) {
      read_header(section, entry);
    } else {
      read_section(section, entry);
    }
    section.clear();
  };
  std::size_t number = 0;
  for (std::string_view line : core::split(text, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (entry.line == 0) {
      entry.line = number;
    }
    if (line == kEntryEnd) {
      close_section();
      if (!entry.header.empty() || !entry.sections.empty()) {
        entries.push_back(std::move(entry));
      }
      entry = Entry{};
      in_header = true;
    } else if (line == kSectionEnd) {
      close_section();
      in_header = false;
    } else {
      section.push_back(line);
    }
  }
  close_section();
  if (!entry.header.empty() || !entry.sections.empty()) {
    entries.push_back(std::move(entry));  // an export whose last separator is missing
  }
  return entries;
}

bool looks_like_export(std::string_view head) {
  const bool fields = head.starts_with("AUTHOR:") || head.starts_with("TITLE:") ||
                      head.find("\nTITLE:") != std::string_view::npos;
  const bool sections = head.find("\n-----") != std::string_view::npos &&
                        (head.find("\nBODY:") != std::string_view::npos ||
                         head.find("\n--------") != std::string_view::npos);
  return fields && sections && head.find("<rss") == std::string_view::npos;
}

}  // namespace blogarchive::importers::movabletype
