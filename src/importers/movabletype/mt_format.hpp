#pragma once
// The Movable Type / TypePad export format, as text: entries separated by a line of
// eight dashes, sections by a line of five, a header of "KEY: value" lines, then
// sections that start with their name ("BODY:", "COMMENT:", …). Knows nothing of blogs:
// mt_reader.cpp maps these records to posts.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogarchive::importers::movabletype {

using Field = std::pair<std::string, std::string>;  ///< upper-case key, value as written

/// A COMMENT or PING section: its metadata lines and the text after them.
struct Feedback {
  std::vector<Field> fields;  ///< AUTHOR, EMAIL, IP, URL, DATE, TITLE, BLOG NAME
  std::string text;
  std::string value(std::string_view key) const;
};

struct Entry {
  std::size_t line = 0;         ///< where the entry starts, for messages
  std::vector<Field> header;    ///< in order; CATEGORY may repeat
  std::vector<Field> sections;  ///< BODY, EXTENDED BODY, EXCERPT, KEYWORDS, …: text
  std::vector<Feedback> comments;
  std::vector<Feedback> pings;
  std::string value(std::string_view key) const;  ///< first header value, or ""
  std::vector<std::string> values(std::string_view key) const;
  std::string section(std::string_view key) const;  ///< section text, or ""
};

/// Splits a whole export into entries. Line endings may be \n or \r\n. Multi-line
/// section texts keep their final newline, as Movable Type wrote them.
std::vector<Entry> parse_export(std::string_view text);

/// True when `head` (the first bytes of a file) looks like this format.
bool looks_like_export(std::string_view head);

}  // namespace blogarchive::importers::movabletype
