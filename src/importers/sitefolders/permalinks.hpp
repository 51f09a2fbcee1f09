#pragma once
// Permalink templates of Jekyll ("/:categories/:year/:month/:day/:title:output_ext")
// and Hugo ("/:year/:month/:slug/"), so an imported post keeps the URL it had.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace blogarchive::importers::sitefolders {

/// What a permalink template can refer to.
struct PermalinkFields {
  std::optional<core::DateTime> date;
  std::string title;     ///< Jekyll: the slug from the file name; Hugo: the urlized title
  std::string slug;      ///< the front matter's slug, or the same as title
  std::string filename;  ///< the file (or bundle folder) name without extension
  std::string section;   ///< Hugo: the first folder under content/
  std::string sections;  ///< Hugo: all folders under content/, "a/b"
  std::vector<std::string> categories;  ///< Jekyll: lower-cased, joined with '/'
  std::string output_ext = ".html";
};

/// Fills in the placeholders of `pattern`; unknown ones stay as written. The result
/// starts with '/' and has no empty segments.
std::string expand_permalink(std::string_view pattern, const PermalinkFields& fields);

/// Jekyll's permalink styles (date, pretty, ordinal, weekdate, none) as templates; any
/// other value is already a template.
std::string jekyll_permalink_pattern(std::string_view style);

/// Jekyll's "pretty" slugs: case kept, letters, digits and ._~!$&'()+,;=@ kept, every
/// other run one '-'; no '-' or '.' at the ends ("trailing-dots.." → "trailing-dots").
std::string jekyll_slug(std::string_view text);

/// Hugo's urlize: lower case, spaces to '-', only letters, digits and ._~+- kept.
std::string hugo_urlize(std::string_view text);

}  // namespace blogarchive::importers::sitefolders
