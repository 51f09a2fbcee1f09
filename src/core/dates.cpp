#include "core/dates.hpp"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <functional>
#include <map>
#include <memory>

namespace blogarchive::core {
namespace {

bool parse_number(std::string_view text, int& value) {
  value = 0;
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
    value = value * 10 + (c - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Builds an ICU time for the wall-clock value, interpreted in UTC so that formatting
// in UTC prints exactly the stored fields.
UDate to_udate(const DateTime& date, UErrorCode& status) {
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day, date.hour, date.minute, date.second);
  return calendar.getTime(status);
}

std::string format_with(icu::DateFormat& format, const DateTime& date) {
  UErrorCode status = U_ZERO_ERROR;
  format.setTimeZone(*icu::TimeZone::getGMT());
  const UDate time = to_udate(date, status);
  icu::UnicodeString text;
  format.format(time, text);
  std::string out;
  text.toUTF8String(out);
  return U_SUCCESS(status) ? out : to_sql(date);
}

icu::Locale to_locale(std::string_view locale) {
  return icu::Locale(std::string(locale).c_str());
}

// Making an ICU formatter costs far more than formatting with it, so each thread keeps
// the ones it made (ICU formatters are not thread-safe). Callers that format the same
// day again and again (render::Catalog) remember the results themselves.
icu::DateFormat* thread_formatter(const std::string& key,
                                  const std::function<icu::DateFormat*()>& make) {
  thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> formatters;
  auto& formatter = formatters[key];
  if (!formatter) {
    formatter.reset(make());
  }
  return formatter.get();
}

}  // namespace

std::optional<DateTime> parse_datetime(std::string_view text) {
  // "YYYY-MM-DD HH:MM:SS": fixed positions, separators checked.
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  DateTime date;
  if (!parse_number(text.substr(0, 4), date.year) || !parse_number(text.substr(5, 2), date.month) ||
      !parse_number(text.substr(8, 2), date.day)) {
    return std::nullopt;
  }
  if (text.size() >= 19) {
    if ((text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':' ||
        !parse_number(text.substr(11, 2), date.hour) ||
        !parse_number(text.substr(14, 2), date.minute) ||
        !parse_number(text.substr(17, 2), date.second)) {
      return std::nullopt;
    }
  } else if (text.size() != 10) {
    return std::nullopt;
  }
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month) || date.hour > 23 || date.minute > 59 ||
      date.second > 60) {
    return std::nullopt;
  }
  return date;
}

std::string to_sql(const DateTime& date) {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", date.year, date.month, date.day,
                     date.hour, date.minute, date.second);
}

std::string to_iso_local(const DateTime& date) {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", date.year, date.month, date.day,
                     date.hour, date.minute, date.second);
}

DateTime shift_minutes(const DateTime& date, int minutes) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  calendar.clear();
  calendar.set(date.year, date.month - 1, date.day, date.hour, date.minute, date.second);
  calendar.add(UCAL_MINUTE, minutes, status);
  if (U_FAILURE(status)) {
    return date;
  }
  return {calendar.get(UCAL_YEAR, status),   calendar.get(UCAL_MONTH, status) + 1,
          calendar.get(UCAL_DATE, status),   calendar.get(UCAL_HOUR_OF_DAY, status),
          calendar.get(UCAL_MINUTE, status), calendar.get(UCAL_SECOND, status)};
}

std::string to_rfc3339_utc(const DateTime& date) {
  return to_iso_local(date) + "Z";
}

std::optional<DateStyle> parse_date_style(std::string_view name) {
  if (name == "short") {
    return DateStyle::Short;
  }
  if (name == "medium") {
    return DateStyle::Medium;
  }
  if (name == "long") {
    return DateStyle::Long;
  }
  if (name == "full") {
    return DateStyle::Full;
  }
  return std::nullopt;
}

std::string format_date(const DateTime& date, std::string_view locale, DateStyle style) {
  const auto icu_style = style == DateStyle::Short    ? icu::DateFormat::kShort
                         : style == DateStyle::Medium ? icu::DateFormat::kMedium
                         : style == DateStyle::Long   ? icu::DateFormat::kLong
                                                      : icu::DateFormat::kFull;
  icu::DateFormat* format = thread_formatter(
      fmt::format("{}|style {}", locale, static_cast<int>(style)),
      [&] { return icu::DateFormat::createDateInstance(icu_style, to_locale(locale)); });
  return format ? format_with(*format, date) : to_sql(date);
}

std::string format_date_pattern(const DateTime& date, std::string_view locale,
                                std::string_view pattern) {
  icu::DateFormat* format =
      thread_formatter(fmt::format("{}|pattern {}", locale, pattern), [&]() -> icu::DateFormat* {
        UErrorCode status = U_ZERO_ERROR;
        auto made = std::make_unique<icu::SimpleDateFormat>(
            icu::UnicodeString::fromUTF8(
                icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
            to_locale(locale), status);
        return U_SUCCESS(status) ? made.release() : nullptr;
      });
  return format ? format_with(*format, date) : to_sql(date);
}

}  // namespace blogarchive::core
