#include "importers/feeds/feed_dates.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <regex>
#include <string>

#include "core/text.hpp"

namespace blogarchive::importers::feeds {
namespace {

std::optional<int> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = core::to_lower_ascii(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return std::nullopt;
}

// Minutes east of UTC for "+0200", "-05:00", "GMT", "EST", …; nullopt when unknown.
std::optional<int> zone_offset(std::string_view zone) {
  if (zone.empty()) {
    return std::nullopt;
  }
  if (zone.front() == '+' || zone.front() == '-') {
    std::string digits;
    for (const char c : zone.substr(1)) {
      if (c >= '0' && c <= '9') {
        digits += c;
      }
    }
    if (digits.size() != 4) {
      return std::nullopt;
    }
    const int minutes = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
    return zone.front() == '-' ? -minutes : minutes;
  }
  static const std::map<std::string, int> kNames{
      {"gmt", 0},    {"ut", 0},     {"utc", 0},    {"z", 0},      {"est", -300},
      {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
      {"pst", -480}, {"pdt", -420}, {"cet", 60},   {"cest", 120}};
  const auto found = kNames.find(core::to_lower_ascii(zone));
  return found == kNames.end() ? std::nullopt : std::optional(found->second);
}

bool plausible(const core::DateTime& d) {
  return d.year >= 1970 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= 31 && d.hour < 24 && d.minute < 60 && d.second < 61;
}

FeedDate with_zone(const core::DateTime& local, std::optional<int> offset) {
  FeedDate date{local, std::nullopt};
  if (offset) {
    date.utc = core::shift_minutes(local, -*offset);
  }
  return date;
}

std::optional<FeedDate> parse_rfc822(const std::string& text) {
  static const std::regex pattern(
      R"(^\s*(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) {
    return std::nullopt;
  }
  const auto month = month_number(m[2].str());
  if (!month) {
    return std::nullopt;
  }
  int year = std::stoi(m[3]);
  if (m[3].length() == 2) {
    year += year < 70 ? 2000 : 1900;  // RFC 2822's rule for two-digit years
  }
  const core::DateTime local{year,
                             *month,
                             std::stoi(m[1]),
                             std::stoi(m[4]),
                             std::stoi(m[5]),
                             m[6].matched ? std::stoi(m[6]) : 0};
  if (!plausible(local)) {
    return std::nullopt;
  }
  return with_zone(local, m[7].matched ? zone_offset(m[7].str()) : std::nullopt);
}

std::optional<FeedDate> parse_rfc3339(const std::string& text) {
  static const std::regex pattern(
      R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) {
    return std::nullopt;
  }
  const core::DateTime local{std::stoi(m[1]),
                             std::stoi(m[2]),
                             std::stoi(m[3]),
                             m[4].matched ? std::stoi(m[4]) : 0,
                             m[5].matched ? std::stoi(m[5]) : 0,
                             m[6].matched ? std::stoi(m[6]) : 0};
  if (!plausible(local)) {
    return std::nullopt;
  }
  return with_zone(local, m[7].matched ? zone_offset(m[7].str()) : std::nullopt);
}

}  // namespace

void set_post_date(blog::Post& post, std::string_view text, core::Diagnostics& diagnostics) {
  if (core::trim(text).empty()) {
    return;
  }
  if (const auto date = parse_feed_date(text)) {
    post.date = date->local;
    post.date_gmt = date->utc;
  } else {
    diagnostics.warn(post.source, fmt::format("date \"{}\" is neither RFC 822 nor RFC 3339", text));
  }
}

std::optional<FeedDate> parse_feed_date(std::string_view text) {
  const std::string value(core::trim(text));
  if (auto date = parse_rfc3339(value)) {
    return date;
  }
  return parse_rfc822(value);
}

}  // namespace blogarchive::importers::feeds
