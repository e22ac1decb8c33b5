#include "core/time.h"

#include <gtest/gtest.h>

namespace allies::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

TEST(TimeTest, ParseDateAcceptsIsoDate) {
  auto date = ParseDate("2026-02-28");
  ASSERT_TRUE(date);
  EXPECT_EQ(FormatDate(*date), "2026-02-28");
}

TEST(TimeTest, ParseDateRejectsImpossibleDayQuotingIt) {
  auto date = ParseDate("2026-02-30");
  ASSERT_FALSE(date);
  EXPECT_EQ(date.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(date.error().message, "\"2026-02-30\" is not a valid date (expected YYYY-MM-DD)");
}

TEST(TimeTest, ParseDateRejectsOtherFormats) {
  EXPECT_FALSE(ParseDate("26-02-2026"));
  EXPECT_FALSE(ParseDate("2026/02/01"));
  EXPECT_FALSE(ParseDate("2026-02-01x"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(TimeTest, ParseDateTimeBareDateIsLocalMidnightWithoutOffset) {
  auto parsed = ParseDateTime("2026-11-26");
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->offset);
  EXPECT_EQ(parsed->local.time_since_epoch(),
            std::chrono::local_days{std::chrono::year{2026} / 11 / 26}.time_since_epoch());
}

TEST(TimeTest, ParseDateTimeReadsTimeAndOffset) {
  auto parsed = ParseDateTime("2026-11-26T09:30:15+02:00");
  ASSERT_TRUE(parsed);
  ASSERT_TRUE(parsed->offset);
  EXPECT_EQ(*parsed->offset, hours{2});
  auto expected = std::chrono::local_days{std::chrono::year{2026} / 11 / 26} + hours{9} +
                  minutes{30} + std::chrono::seconds{15};
  EXPECT_EQ(parsed->local, expected);
}

TEST(TimeTest, ParseDateTimeAcceptsSpaceAndZ) {
  auto parsed = ParseDateTime("2026-11-26 18:05Z");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed->offset, std::chrono::seconds{0});
  auto negative = ParseDateTime("2026-11-26T18:05-05:30");
  ASSERT_TRUE(negative);
  EXPECT_EQ(*negative->offset, -(hours{5} + minutes{30}));
}

TEST(TimeTest, ParseDateTimeRejectsBadHourQuotingIt) {
  auto parsed = ParseDateTime("2026-11-26T25:00");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("\"2026-11-26T25:00\" is not a date-time"),
            std::string::npos);
}

TEST(TimeTest, FormatUtcWritesIsoWithZ) {
  TimePoint at = std::chrono::sys_days{std::chrono::year{2026} / 1 / 2} + hours{3} + minutes{4} +
                 std::chrono::seconds{5};
  EXPECT_EQ(FormatUtc(at), "2026-01-02T03:04:05Z");
}

TEST(TimeTest, MonthDayAcceptsYearlessForm) {
  auto value = ParseMonthDay("--02-29");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->month, 2u);
  EXPECT_EQ(value->day, 29u);
  EXPECT_FALSE(value->year);
  EXPECT_EQ(FormatMonthDay(*value), "--02-29");
}

TEST(TimeTest, MonthDayKeepsYearWhenGiven) {
  auto value = ParseMonthDay("1980-07-14");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->year, 1980);
  EXPECT_EQ(FormatMonthDay(*value), "1980-07-14");
}

TEST(TimeTest, MonthDayRejectsThirteenthMonth) {
  auto value = ParseMonthDay("--13-01");
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().message,
            "\"--13-01\" is not a valid date (expected YYYY-MM-DD or --MM-DD)");
}

TEST(TimeTest, NextOccurrenceOfLeapDayFallsOnFebruary28InCommonYear) {
  Date from{std::chrono::year{2027} / 2 / 1};
  EXPECT_EQ(FormatDate(NextOccurrence(MonthDay{2, 29, std::nullopt}, from)), "2027-02-28");
}

TEST(TimeTest, NextOccurrenceRollsToNextYearWhenPassed) {
  Date from{std::chrono::year{2026} / 11 / 26};
  EXPECT_EQ(FormatDate(NextOccurrence(MonthDay{1, 5, 1970}, from)), "2027-01-05");
  EXPECT_EQ(FormatDate(NextOccurrence(MonthDay{11, 26, std::nullopt}, from)), "2026-11-26");
}

TEST(TimeTest, DaysBetweenIsFractional) {
  TimePoint then = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
  EXPECT_DOUBLE_EQ(DaysBetween(then, then + hours{36}), 1.5);
  EXPECT_DOUBLE_EQ(DaysBetween(then + days{2}, then), -2.0);
}

}  // namespace
}  // namespace allies::core
