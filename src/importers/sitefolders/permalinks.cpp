#include "importers/sitefolders/permalinks.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <map>

#include "core/text.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

int day_of_year(const core::DateTime& date) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  return kBefore[date.month - 1] + date.day + (leap && date.month > 2 ? 1 : 0);
}

std::optional<std::string> placeholder(const std::string& name, const PermalinkFields& fields) {
  if (name == "title") {
    return fields.title;
  }
  if (name == "slug" || name == "slugorfilename" || name == "slugorcontentbasename") {
    return fields.slug.empty() ? fields.filename : fields.slug;
  }
  if (name == "filename" || name == "contentbasename" || name == "name") {
    return fields.filename;
  }
  if (name == "section") {
    return fields.section;
  }
  if (name == "sections") {
    return fields.sections;
  }
  if (name == "categories") {
    std::string joined;
    for (const auto& category : fields.categories) {
      const std::string lower = core::to_lower_ascii(category);
      joined += joined.empty() ? lower : "/" + lower;
    }
    return joined;
  }
  if (name == "output_ext") {
    return fields.output_ext;
  }
  if (!fields.date) {
    return std::nullopt;
  }
  const core::DateTime& d = *fields.date;
  static const std::map<std::string, std::string (*)(const core::DateTime&)> dates{
      {"year", [](const core::DateTime& x) { return fmt::format("{:04}", x.year); }},
      {"short_year", [](const core::DateTime& x) { return fmt::format("{:02}", x.year % 100); }},
      {"month", [](const core::DateTime& x) { return fmt::format("{:02}", x.month); }},
      {"i_month", [](const core::DateTime& x) { return std::to_string(x.month); }},
      {"short_month",
       [](const core::DateTime& x) { return std::string(kMonthNames[x.month - 1].substr(0, 3)); }},
      {"long_month", [](const core::DateTime& x) { return std::string(kMonthNames[x.month - 1]); }},
      {"monthname",
       [](const core::DateTime& x) { return core::to_lower_ascii(kMonthNames[x.month - 1]); }},
      {"day", [](const core::DateTime& x) { return fmt::format("{:02}", x.day); }},
      {"i_day", [](const core::DateTime& x) { return std::to_string(x.day); }},
      {"y_day", [](const core::DateTime& x) { return fmt::format("{:03}", day_of_year(x)); }},
      {"yearday", [](const core::DateTime& x) { return std::to_string(day_of_year(x)); }},
      {"hour", [](const core::DateTime& x) { return fmt::format("{:02}", x.hour); }},
      {"minute", [](const core::DateTime& x) { return fmt::format("{:02}", x.minute); }},
      {"second", [](const core::DateTime& x) { return fmt::format("{:02}", x.second); }},
  };
  const auto it = dates.find(name);
  return it == dates.end() ? std::nullopt : std::optional(it->second(d));
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}

// Keeps code points for which `keep` holds, turning each run of others into one
// `replacement` (empty: dropped).
template <typename Keep>
std::string filter_code_points(std::string_view text, Keep keep, std::string_view replacement) {
  std::string out;
  bool pending = false;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c >= 0 && keep(c)) {
      if (pending && !out.empty()) {
        out += replacement;
      }
      pending = false;
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else {
      pending = true;
    }
  }
  return out;
}

}  // namespace

std::string expand_permalink(std::string_view pattern, const PermalinkFields& fields) {
  std::string out = "/";
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == ':' && i + 1 < pattern.size() && is_name_char(pattern[i + 1])) {
      std::size_t end = i + 1;
      while (end < pattern.size() && is_name_char(pattern[end])) {
        ++end;
      }
      // The longest known name wins, so ":title:output_ext" and ":yearday" read right.
      bool replaced = false;
      for (std::size_t length = end - i - 1; length > 0 && !replaced; --length) {
        if (auto value = placeholder(std::string(pattern.substr(i + 1, length)), fields)) {
          out += *value;
          i += 1 + length;
          replaced = true;
        }
      }
      if (!replaced) {
        out.append(pattern.substr(i, end - i));
        i = end;
      }
    } else {
      out += pattern[i++];
    }
  }
  std::string collapsed;
  for (const char c : out) {
    if (!(c == '/' && collapsed.ends_with('/'))) {
      collapsed += c;
    }
  }
  return collapsed;
}

std::string jekyll_permalink_pattern(std::string_view style) {
  static const std::map<std::string, std::string, std::less<>> styles{
      {"date", "/:categories/:year/:month/:day/:title:output_ext"},
      {"pretty", "/:categories/:year/:month/:day/:title/"},
      {"ordinal", "/:categories/:year/:y_day/:title:output_ext"},
      {"weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext"},
      {"none", "/:categories/:title:output_ext"},
  };
  const auto it = styles.find(core::trim(style));
  if (it != styles.end()) {
    return it->second;
  }
  return core::trim(style).empty() ? styles.at("date") : std::string(core::trim(style));
}

std::string jekyll_slug(std::string_view text) {
  static constexpr std::string_view kKept = "._~!$&'()+,;=@";
  std::string slug = filter_code_points(
      text,
      [](UChar32 c) {
        return u_isalnum(c) ||
               (c < 128 && kKept.find(static_cast<char>(c)) != std::string_view::npos);
      },
      "-");
  const auto first = slug.find_first_not_of("-.");
  if (first == std::string::npos) {
    return {};
  }
  return slug.substr(first, slug.find_last_not_of("-.") - first + 1);
}

std::string hugo_urlize(std::string_view text) {
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  lower.toLower();
  std::string lowered;
  lower.toUTF8String(lowered);
  std::string spaced;
  for (const char c : core::trim(lowered)) {
    spaced += (c == ' ' || c == '\t') ? '-' : c;
  }
  static constexpr std::string_view kKept = "._~+-";
  return filter_code_points(
      spaced,
      [](UChar32 c) {
        return u_isalnum(c) ||
               (c < 128 && kKept.find(static_cast<char>(c)) != std::string_view::npos);
      },
      "");
}

}  // namespace blogarchive::importers::sitefolders
