#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace blogarchive::core {

/// A wall-clock date and time without a zone (WordPress's post_date is the blog's
/// local time). Ordered chronologically.
struct DateTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  auto operator<=>(const DateTime&) const = default;
};

/// Parses "YYYY-MM-DD HH:MM:SS" (also with 'T'); nullopt for the zero date
/// "0000-00-00 00:00:00" and anything that is not a real calendar date.
std::optional<DateTime> parse_datetime(std::string_view text);

/// `date` moved by `minutes` on the calendar (across days, months and years), e.g. to
/// turn a local time with its UTC offset into UTC.
DateTime shift_minutes(const DateTime& date, int minutes);

/// "YYYY-MM-DD HH:MM:SS", the store's representation.
std::string to_sql(const DateTime& date);

/// "YYYY-MM-DDTHH:MM:SSZ" for a UTC time (Atom, sitemap, schema.org).
std::string to_rfc3339_utc(const DateTime& date);

/// "YYYY-MM-DDTHH:MM:SS" without zone, for local times.
std::string to_iso_local(const DateTime& date);

/// Date formatting style names as used by message catalogs.
enum class DateStyle { Short, Medium, Long, Full };
std::optional<DateStyle> parse_date_style(std::string_view name);

/// The date in the locale's own format (ICU): de + Medium → "05.01.2010",
/// en + Long → "January 5, 2010".
std::string format_date(const DateTime& date, std::string_view locale, DateStyle style);

/// The date through an ICU pattern in the locale, e.g. "LLLL y" → "Januar 2010".
std::string format_date_pattern(const DateTime& date, std::string_view locale,
                                std::string_view pattern);

}  // namespace blogarchive::core
