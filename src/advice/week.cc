#include "advice/week.h"

#include <charconv>

#include <fmt/format.h>

namespace allies::advice {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

// Monday of week 1: the Monday on or before January 4.
sys_days FirstMonday(int year) {
  sys_days jan4{std::chrono::year{year} / std::chrono::January / 4};
  std::chrono::weekday wd{jan4};
  // iso_encoding: Monday 1 ... Sunday 7.
  return jan4 - days{wd.iso_encoding() - 1};
}

}  // namespace

int WeeksInYear(int year) {
  sys_days dec28{std::chrono::year{year} / std::chrono::December / 28};
  return static_cast<int>((dec28 - FirstMonday(year)).count() / 7) + 1;
}

core::Result<IsoWeek> ParseIsoWeek(std::string_view text) {
  auto fail = [&](std::string_view why) {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        fmt::format("--week \"{}\" {} (expected YYYY-Www, e.g. 2026-W49)", text, why));
  };
  if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) {
    return fail("is not an ISO week");
  }
  IsoWeek week;
  auto year_end = text.data() + 4;
  auto [p1, e1] = std::from_chars(text.data(), year_end, week.year);
  auto week_end = text.data() + 8;
  auto [p2, e2] = std::from_chars(text.data() + 6, week_end, week.week);
  if (e1 != std::errc() || p1 != year_end || e2 != std::errc() || p2 != week_end || text[6] < '0' ||
      text[6] > '9') {
    return fail("is not an ISO week");
  }
  if (week.year < 1900 || week.year > 9999) return fail("is out of range (years 1900 to 9999)");
  if (week.week < 1 || week.week > WeeksInYear(week.year)) {
    return fail(
        fmt::format("has no such week: {} has weeks 1 to {}", week.year, WeeksInYear(week.year)));
  }
  return week;
}

IsoWeek IsoWeekOf(core::Date date) {
  sys_days day{date};
  // The Thursday of this week decides the year.
  std::chrono::weekday wd{day};
  sys_days thursday = day + days{4 - static_cast<int>(wd.iso_encoding())};
  int year = static_cast<int>(core::Date{thursday}.year());
  int week = static_cast<int>((thursday - FirstMonday(year)).count() / 7) + 1;
  return IsoWeek{year, week};
}

core::Date MondayOf(IsoWeek week) {
  return core::Date{FirstMonday(week.year) + days{7 * (week.week - 1)}};
}

std::string FormatIsoWeek(IsoWeek week) {
  return fmt::format("{:04}-W{:02}", week.year, week.week);
}

}  // namespace allies::advice
