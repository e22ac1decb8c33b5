#pragma once
// Time in Allies: instants are UTC seconds (TimePoint); calendar days are year_month_day (Date).
// Parsing here is zone-free; resolving a local wall-clock time to UTC is the caller's job (the CLI
// does it with the user's time zone).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace allies::core {

using TimePoint = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

inline constexpr double kSecondsPerDay = 86400.0;

// Age of `then` as seen from `now`, in days (negative when `then` is in the future).
inline double DaysBetween(TimePoint then, TimePoint now) {
  return static_cast<double>((now - then).count()) / kSecondsPerDay;
}

// Parses YYYY-MM-DD into a valid calendar date. Error quotes the text.
[[nodiscard]] Result<Date> ParseDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatDate(Date date);

// A date-time as written, before any time zone is applied.
struct ParsedDateTime {
  std::chrono::local_seconds local;            // the wall-clock reading
  std::optional<std::chrono::seconds> offset;  // set when the text said Z or +HH:MM / -HH:MM
};

// Accepts YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] and YYYY-MM-DDTHH:MM[:SS], each optionally followed by
// Z or a +HH:MM / -HH:MM offset. A bare date means midnight.
[[nodiscard]] Result<ParsedDateTime> ParseDateTime(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatUtc(TimePoint at);

// A day of the year with an optional year: birthdays and anniversaries.
struct MonthDay {
  unsigned month = 1;
  unsigned day = 1;
  std::optional<int> year;
  auto operator<=>(const MonthDay&) const = default;
};

// Accepts YYYY-MM-DD or --MM-DD (vCard's "year unknown" form). February 29 is accepted without a
// year. Error quotes the text.
[[nodiscard]] Result<MonthDay> ParseMonthDay(std::string_view text);

// "YYYY-MM-DD" or "--MM-DD".
std::string FormatMonthDay(const MonthDay& value);

// The next date on or after `from` on which `value` recurs (February 29 falls on February 28 in
// common years).
Date NextOccurrence(const MonthDay& value, Date from);

}  // namespace allies::core
