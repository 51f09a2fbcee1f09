#pragma once
// Text whose encoding nobody wrote down, and text that went through one encoding too
// many: both are common in blogs from before UTF-8 was everywhere.
#include <optional>
#include <string>
#include <string_view>

namespace blogarchive::core {

/// What ICU's charset detector makes of bytes that are not UTF-8.
struct DetectedEncoding {
  std::string name;    ///< ICU's name: "Big5", "EUC-JP", "KOI8-R", "windows-1255", …
  int confidence = 0;  ///< 0–100
};

/// The most likely legacy encoding of `bytes`; nullopt when ICU has no guess. Latin
/// scripts are hard to tell apart from few bytes, so callers should treat a Western
/// guess (ISO-8859-1, windows-1252) as "probably Windows-1252".
std::optional<DetectedEncoding> detect_encoding(std::string_view bytes);

/// `bytes` in the encoding called `name`, as UTF-8; nullopt when ICU has no such
/// converter.
std::optional<std::string> decode_as(std::string_view bytes, const std::string& name);

/// How double-encoded text was read as single bytes.
enum class SingleBytes {
  Latin1,       ///< ISO-8859-1: every character is at most U+00FF
  MysqlLatin1,  ///< MySQL's "latin1", which is Windows-1252 (0x80 "€", 0x96 "–", …)
};

/// UTF-8 that was read as single bytes and encoded again ("â€¦" for "…"): when every
/// character of `text` stands for one byte in `as`, some are not ASCII, and the bytes
/// form valid UTF-8, those bytes are the real text. Anything else is returned
/// unchanged; the rule is the strict one feedparser uses, so real Latin-1 text is never
/// touched.
std::string repair_double_encoding(std::string_view text, bool& repaired,
                                   SingleBytes as = SingleBytes::Latin1);

/// The C1 controls U+0080–U+009F read as the Windows-1252 characters they were meant
/// to be (U+0092 → ’), as browsers and feed readers do; `repaired` counts them.
std::string repair_c1_controls(std::string_view text, std::size_t& repaired);

}  // namespace blogarchive::core
