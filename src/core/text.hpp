#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogarchive::core {

/// Escapes &, <, >, " and ' for use in HTML text and attribute values.
std::string escape_html(std::string_view text);

/// Decodes HTML character references (named, decimal, hex) once. Unknown names are kept.
std::string decode_html_entities(std::string_view text);

/// A JSON string literal, with the characters that could end a <script> escaped.
std::string json_string(std::string_view text);

/// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

/// The byte offset of the first sequence that is not valid UTF-8, if any.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD, as a
/// browser decoding it would show it.
std::string repair_utf8(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8 read as Windows-1252 (old
/// exports mixing UTF-8 with stray "smart quotes"); adds the number of such bytes to
/// `repaired`.
std::string repair_windows_1252(std::string_view text, std::size_t& repaired);

/// 1-based line and column (in bytes) of a byte offset, for messages.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// Collapses runs of whitespace to one space and trims.
std::string collapse_whitespace(std::string_view text);

/// The first `max_words` words of `text`; appends "…" when it cut something.
std::string first_words(std::string_view text, std::size_t max_words);

/// Splits on `separator`, keeping empty parts.
std::vector<std::string_view> split(std::string_view text, char separator);

bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower_ascii(std::string_view text);

/// The first letter or digit of `text` (a whole grapheme: "É", "Ö", "日") in upper case,
/// as a monogram shows it; empty when `text` has none.
std::string initial(std::string_view text);

}  // namespace blogarchive::core
