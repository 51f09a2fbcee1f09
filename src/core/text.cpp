#include "core/text.hpp"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>

namespace blogarchive::core {
namespace {

// Named references that occur in real blog titles and excerpts: markup characters,
// typography and the Latin-1 letters of the languages we ship. Numeric references
// cover everything else.
constexpr std::array<std::pair<std::string_view, std::string_view>, 72> kNamedEntities{{
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},        {"nbsp", "\u00A0"},   {"shy", "\u00AD"},    {"hellip", "\u2026"},
    {"ndash", "\u2013"},  {"mdash", "\u2014"},  {"lsquo", "\u2018"},  {"rsquo", "\u2019"},
    {"sbquo", "\u201A"},  {"ldquo", "\u201C"},  {"rdquo", "\u201D"},  {"bdquo", "\u201E"},
    {"laquo", "\u00AB"},  {"raquo", "\u00BB"},  {"lsaquo", "\u2039"}, {"rsaquo", "\u203A"},
    {"bull", "\u2022"},   {"middot", "\u00B7"}, {"copy", "\u00A9"},   {"reg", "\u00AE"},
    {"trade", "\u2122"},  {"euro", "\u20AC"},   {"pound", "\u00A3"},  {"yen", "\u00A5"},
    {"cent", "\u00A2"},   {"sect", "\u00A7"},   {"para", "\u00B6"},   {"deg", "\u00B0"},
    {"plusmn", "\u00B1"}, {"times", "\u00D7"},  {"divide", "\u00F7"}, {"frac12", "\u00BD"},
    {"frac14", "\u00BC"}, {"frac34", "\u00BE"}, {"auml", "\u00E4"},   {"ouml", "\u00F6"},
    {"uuml", "\u00FC"},   {"Auml", "\u00C4"},   {"Ouml", "\u00D6"},   {"Uuml", "\u00DC"},
    {"szlig", "\u00DF"},  {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"ecirc", "\u00EA"},
    {"Eacute", "\u00C9"}, {"aacute", "\u00E1"}, {"agrave", "\u00E0"}, {"acirc", "\u00E2"},
    {"iacute", "\u00ED"}, {"oacute", "\u00F3"}, {"ocirc", "\u00F4"},  {"uacute", "\u00FA"},
    {"ccedil", "\u00E7"}, {"ntilde", "\u00F1"}, {"aring", "\u00E5"},  {"oslash", "\u00F8"},
    {"aelig", "\u00E6"},  {"iexcl", "\u00A1"},  {"iquest", "\u00BF"}, {"ordf", "\u00AA"},
    {"ordm", "\u00BA"},   {"micro", "\u00B5"},  {"acute", "\u00B4"},  {"uml", "\u00A8"},
    {"zwj", "\u200D"},    {"zwnj", "\u200C"},   {"thinsp", "\u2009"}, {"ensp", "\u2002"},
}};

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = 0xFFFD;
  }
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Decodes the reference starting at text[0] == '&'. Returns the number of bytes
// consumed, or 0 when it is not a reference we know (the '&' is then kept).
std::size_t decode_reference(std::string_view text, std::string& out) {
  const auto semicolon = text.find(';');
  if (semicolon == std::string_view::npos || semicolon < 2 || semicolon > 32) {
    return 0;
  }
  const std::string_view name = text.substr(1, semicolon - 1);
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) {
      return 0;
    }
    std::uint32_t value = 0;
    for (const char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      }
      if (digit < 0) {
        return 0;
      }
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    // Windows-1252 code points written as numeric references (&#146;) mean the
    // typographic characters, as every browser reads them.
    static constexpr std::array<std::uint32_t, 32> kCp1252{
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    if (value >= 0x80 && value <= 0x9F) {
      value = kCp1252[value - 0x80];
    }
    append_utf8(out, value);
    return semicolon + 1;
  }
  for (const auto& [entity, replacement] : kNamedEntities) {
    if (entity == name) {
      out += replacement;
      return semicolon + 1;
    }
  }
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (const std::size_t used = decode_reference(text.substr(i), out); used > 0) {
        i += used - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the characters that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* escape = nullptr;
    switch (c) {
      case '"':
        escape = "\\\"";
        break;
      case '\\':
        escape = "\\\\";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '<':
        escape = "\\u003c";
        break;
      case '>':
        escape = "\\u003e";
        break;
      case '&':
        escape = "\\u0026";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) {
          continue;
        }
    }
    out.append(text.substr(run, i - run));
    if (escape != nullptr) {
      out += escape;
    } else {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    }
    run = i + 1;
  }
  out.append(text.substr(run));
  return out + "\"";
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      minimum = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) {
      return i;
    }
    std::uint32_t value = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        return i;
      }
      value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

bool is_valid_utf8(std::string_view text) {
  return !invalid_utf8_at(text);
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (const auto bad = invalid_utf8_at(text)) {
    out.append(text.substr(0, *bad));
    out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER, one per bad byte
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

std::string repair_windows_1252(std::string_view text, std::size_t& repaired) {
  std::string out;
  out.reserve(text.size());
  while (const auto bad = invalid_utf8_at(text)) {
    out.append(text.substr(0, *bad));
    // ICU's converter knows the five holes of Windows-1252 (0x81, 0x8D, …) and maps
    // them to the C1 controls, as browsers do.
    icu::UnicodeString(text.data() + *bad, 1, "windows-1252").toUTF8String(out);
    ++repaired;
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t line =
      static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  return {line, line_start == std::string_view::npos ? offset + 1 : offset - line_start};
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : trim(text)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  return out;
}

std::string first_words(std::string_view text, std::size_t max_words) {
  // Walks only as far as the words it keeps: bodies are long, excerpts short.
  std::string out;
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    if (is_space(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (words == max_words) {
        return out + "\u2026";
      }
      if (words > 0) {
        out += ' ';
      }
      ++words;
      in_word = true;
    }
    out += c;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         to_lower_ascii(text.substr(0, prefix.size())) == to_lower_ascii(prefix);
}

std::string initial(std::string_view text) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return {};
  }
  graphemes->setText(unicode);
  for (int32_t start = graphemes->first(), end = graphemes->next(); end != icu::BreakIterator::DONE;
       start = end, end = graphemes->next()) {
    if (u_isalnum(unicode.char32At(start)) != 0) {
      icu::UnicodeString letter = unicode.tempSubStringBetween(start, end);
      std::string out;
      letter.toUpper(icu::Locale::getRoot()).toUTF8String(out);
      return out;
    }
  }
  return {};
}

}  // namespace blogarchive::core
