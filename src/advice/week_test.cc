#include "advice/week.h"

#include <gtest/gtest.h>

namespace allies::advice {
namespace {

using std::chrono::December;
using std::chrono::January;
using std::chrono::November;
using std::chrono::year;

// Expected values from Python's datetime.date.isocalendar() and date.fromisocalendar().

TEST(WeekTest, MondayOfWeek49Of2026IsNovember30) {
  EXPECT_EQ(MondayOf({2026, 49}), core::Date(year{2026} / November / 30));
  EXPECT_EQ(MondayOf({2026, 1}), core::Date(year{2025} / December / 29));
}

TEST(WeekTest, NewYearDaysBelongToTheWeekOfTheirThursday) {
  EXPECT_EQ(IsoWeekOf(core::Date(year{2027} / January / 1)), (IsoWeek{2026, 53}));
  EXPECT_EQ(IsoWeekOf(core::Date(year{2021} / January / 3)), (IsoWeek{2020, 53}));
  EXPECT_EQ(IsoWeekOf(core::Date(year{2025} / December / 28)), (IsoWeek{2025, 52}));
  EXPECT_EQ(IsoWeekOf(core::Date(year{2025} / December / 29)), (IsoWeek{2026, 1}));
}

TEST(WeekTest, YearsStartingOnThursdayHave53Weeks) {
  EXPECT_EQ(WeeksInYear(2026), 53);
  EXPECT_EQ(WeeksInYear(2020), 53);
  EXPECT_EQ(WeeksInYear(2025), 52);
}

TEST(WeekTest, ParsesAndFormatsRoundTrip) {
  auto week = ParseIsoWeek("2026-W05");
  ASSERT_TRUE(week) << week.error().message;
  EXPECT_EQ(*week, (IsoWeek{2026, 5}));
  EXPECT_EQ(FormatIsoWeek(*week), "2026-W05");
  EXPECT_TRUE(ParseIsoWeek("2026-w53"));
}

TEST(WeekTest, RejectsTextThatIsNotAWeekWithAMessage) {
  auto bad = ParseIsoWeek("2026-49");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "--week \"2026-49\" is not an ISO week (expected YYYY-Www, e.g. 2026-W49)");
  auto past = ParseIsoWeek("2025-W53");
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().message,
            "--week \"2025-W53\" has no such week: 2025 has weeks 1 to 52 (expected YYYY-Www, "
            "e.g. 2026-W49)");
  EXPECT_FALSE(ParseIsoWeek("2026-W00"));
  EXPECT_FALSE(ParseIsoWeek("2026-W+1"));
  EXPECT_FALSE(ParseIsoWeek(""));
}

}  // namespace
}  // namespace allies::advice
