#pragma once
// ISO 8601 weeks ("2026-W49"): weeks start on Monday, and week 1 is the week with the year's
// first Thursday (so it holds January 4). Pure calendar arithmetic, no time zones.

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace allies::advice {

struct IsoWeek {
  int year = 0;
  int week = 0;  // 1..52 or 53
  auto operator<=>(const IsoWeek&) const = default;
};

// Number of ISO weeks of `year`: 53 when December 28 falls in week 53, else 52. O(1).
int WeeksInYear(int year);

// Parses YYYY-Www ("2026-W49"; "2026-w49" too). InvalidArgument quotes the text and says what is
// accepted, including a week number past the year's last week.
[[nodiscard]] core::Result<IsoWeek> ParseIsoWeek(std::string_view text);

// The ISO week `date` falls in (around New Year that may be the previous or next year's). O(1).
IsoWeek IsoWeekOf(core::Date date);

// The Monday that starts `week`. O(1).
core::Date MondayOf(IsoWeek week);

// "2026-W49".
std::string FormatIsoWeek(IsoWeek week);

}  // namespace allies::advice
