#pragma once
// The text files of Jekyll and Hugo sites: a front matter block (YAML between "---",
// TOML between "+++", JSON in braces) followed by the body.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace blogarchive::importers::sitefolders {

/// One front matter value. YAML and TOML both map onto it; numbers, booleans and dates
/// are kept as the text they were written as (TOML's native dates as RFC 3339).
struct Value {
  enum class Kind { Null, Scalar, List, Map };
  Kind kind = Kind::Null;
  std::string scalar;
  std::vector<Value> items;
  std::map<std::string, Value> fields;  ///< keys in lower case: Hugo's are case-insensitive
};

/// Read access to a front matter (or a site config) by key; `key` may be dotted
/// ("build.render") to reach into tables.
class FrontMatter {
 public:
  FrontMatter() = default;
  explicit FrontMatter(Value root) : root_(std::move(root)) {}

  const Value* find(std::string_view key) const;
  /// The scalar at `key`, or "" when it is missing, null or not a scalar.
  std::string text(std::string_view key) const;
  /// The first of `keys` that has a non-empty scalar, e.g. Hugo's date keys in order.
  std::string first_text(std::initializer_list<std::string_view> keys) const;
  /// true/false (also yes/no/on/off, as YAML 1.1 and so Jekyll read them); nullopt when
  /// missing or not a boolean.
  std::optional<bool> flag(std::string_view key) const;
  /// A list's scalars, or a single scalar as a one-item list, or (with `split_words`)
  /// a scalar split at whitespace, as Jekyll reads `categories: foo bar`.
  std::vector<std::string> list(std::string_view key, bool split_words = false) const;

 private:
  Value root_;
};

/// A text file split into its front matter and body.
struct TextFile {
  bool has_front_matter = false;
  FrontMatter front_matter;
  std::string body;
};

/// The file's bytes as UTF-8 with "\n" line ends: a UTF-8 byte order mark is dropped,
/// UTF-16 with a byte order mark is converted, and bytes that are not UTF-8 are read
/// as Windows-1252 with a warning at `where` (the usual mix in old blogs).
std::string decode_text(std::string_view bytes, const std::string& where,
                        core::Diagnostics& diagnostics);

/// Splits `text` (from decode_text). The opening "---" or "+++" must be the whole first
/// line (trailing spaces allowed), so "-----BEGIN PGP" is a body; YAML may also close
/// with "...". Throws InputError "FILE:LINE:COLUMN: …" when the front matter does not
/// parse, with the position in the file.
TextFile split_front_matter(const std::string& text, const std::string& file_name);

/// Parses a whole YAML or TOML config file (`_config.yml`, `hugo.toml`), with the same
/// errors as split_front_matter.
FrontMatter parse_yaml(const std::string& text, const std::string& file_name, int first_line = 1);
FrontMatter parse_toml(const std::string& text, const std::string& file_name, int first_line = 1);

}  // namespace blogarchive::importers::sitefolders
