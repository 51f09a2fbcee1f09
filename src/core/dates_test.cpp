#include "core/dates.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(ParseDatetime, ReadsWordPressTimestamps) {
  const auto date = parse_datetime("2010-01-05 14:03:09");
  ASSERT_TRUE(date);
  EXPECT_EQ(to_sql(*date), "2010-01-05 14:03:09");
  EXPECT_EQ(to_rfc3339_utc(*date), "2010-01-05T14:03:09Z");
}

TEST(ParseDatetime, RejectsTheZeroDateAndImpossibleDates) {
  EXPECT_FALSE(parse_datetime("0000-00-00 00:00:00"));
  EXPECT_FALSE(parse_datetime("2010-02-30 10:00:00"));
  EXPECT_FALSE(parse_datetime("gestern"));
  EXPECT_TRUE(parse_datetime("2008-02-29 00:00:00"));
}

TEST(FormatDate, UsesTheLocalesOwnFormat) {
  const DateTime date{2010, 1, 5, 23, 59, 0};
  EXPECT_EQ(format_date(date, "de", DateStyle::Medium), "05.01.2010");
  EXPECT_EQ(format_date(date, "en", DateStyle::Long), "January 5, 2010");
  EXPECT_EQ(format_date_pattern(date, "de", "LLLL y"), "Januar 2010");
}

TEST(Dates, ShiftsAcrossDaysMonthsAndLeapYears) {
  EXPECT_EQ(shift_minutes({2004, 2, 28, 23, 30, 0}, 60), (DateTime{2004, 2, 29, 0, 30, 0}));
  EXPECT_EQ(shift_minutes({2005, 1, 1, 0, 15, 9}, -120), (DateTime{2004, 12, 31, 22, 15, 9}));
  EXPECT_EQ(shift_minutes({2010, 7, 1, 12, 0, 0}, 0), (DateTime{2010, 7, 1, 12, 0, 0}));
}

}  // namespace blogarchive::core
