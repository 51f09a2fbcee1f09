#pragma once
// A built archive as a ZIM file for Kiwix: every page and file, redirects for the old
// URLs, full-text and title indexes, the metadata Kiwix's library shows.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace blogarchive::zim {

/// The metadata every ZIM must have (openZIM's list); zimcheck checks the lengths.
struct ZimMetadata {
  std::string title;        ///< at most 30 characters
  std::string description;  ///< at most 80 characters
  std::string language;     ///< ISO 639-3: "deu", "eng"
  std::string creator;      ///< who wrote the content: the blog's author or the blog
  std::string publisher;    ///< who made the file
  std::string date;         ///< YYYY-MM-DD
  std::string name;         ///< Kiwix's book name: "werkstattblog_de_all"
  std::string source;       ///< the archive's address
};

/// Writes `out` from the site in `site_dir` (what `build` wrote), beside it first and
/// renamed into place when complete. Throws std::runtime_error with context on failure.
void write_zim(const std::filesystem::path& site_dir, const ZimMetadata& metadata,
               const std::filesystem::path& out, std::ostream& report);

/// `text` cut to at most `limit` characters (Unicode code points), ending in "…" when cut.
std::string truncated(std::string_view text, std::size_t limit);

}  // namespace blogarchive::zim
