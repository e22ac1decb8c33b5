#include "core/time.h"

#include <charconv>
#include <cstdio>

namespace allies::core {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads exactly `width` decimal digits at `pos`; nullopt otherwise.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> DateAt(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = Digits(text, 0, 4);
  auto m = Digits(text, 5, 2);
  auto d = Digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string Quote(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.append(1, '"').append(text).append(1, '"');
  return quoted;
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) {
    return Fail(ErrorCode::kInvalidArgument, Quote(text) + " is not a date (expected YYYY-MM-DD)");
  }
  auto date = DateAt(text);
  if (!date) {
    return Fail(ErrorCode::kInvalidArgument,
                Quote(text) + " is not a valid date (expected YYYY-MM-DD)");
  }
  return *date;
}

std::string FormatDate(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

Result<ParsedDateTime> ParseDateTime(std::string_view text) {
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                Quote(text) +
                    " is not a date-time (expected YYYY-MM-DD, YYYY-MM-DD HH:MM or "
                    "YYYY-MM-DDTHH:MM[:SS], optionally with Z or +HH:MM)");
  };
  auto date = DateAt(text);
  if (!date) return bad();
  ParsedDateTime parsed;
  parsed.local = std::chrono::local_days{*date};
  std::size_t pos = 10;
  if (pos == text.size()) return parsed;
  if (text[pos] != 'T' && text[pos] != ' ') return bad();
  ++pos;
  auto hh = Digits(text, pos, 2);
  if (!hh || pos + 2 >= text.size() || text[pos + 2] != ':') return bad();
  auto mm = Digits(text, pos + 3, 2);
  if (!mm) return bad();
  pos += 5;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    auto s = Digits(text, pos + 1, 2);
    if (!s) return bad();
    ss = *s;
    pos += 3;
  }
  if (*hh > 23 || *mm > 59 || ss > 59) return bad();
  parsed.local += hours{*hh} + minutes{*mm} + seconds{ss};
  if (pos == text.size()) return parsed;
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    parsed.offset = seconds{0};
    return parsed;
  }
  if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
    auto oh = Digits(text, pos + 1, 2);
    auto om = Digits(text, pos + 4, 2);
    if (!oh || !om || *oh > 14 || *om > 59) return bad();
    seconds offset = hours{*oh} + minutes{*om};
    parsed.offset = text[pos] == '-' ? -offset : offset;
    return parsed;
  }
  return bad();
}

std::string FormatUtc(TimePoint at) {
  auto day = std::chrono::floor<days>(at);
  std::chrono::hh_mm_ss<seconds> time{at - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02lld:%02lld:%02lldZ", FormatDate(Date{day}).c_str(),
                static_cast<long long>(time.hours().count()),
                static_cast<long long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()));
  return buffer;
}

Result<MonthDay> ParseMonthDay(std::string_view text) {
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                Quote(text) + " is not a valid date (expected YYYY-MM-DD or --MM-DD)");
  };
  if (text.size() == 7 && text.substr(0, 2) == "--" && text[4] == '-') {
    auto m = Digits(text, 2, 2);
    auto d = Digits(text, 5, 2);
    if (!m || !d) return bad();
    // A leap year accepts every real month-day, February 29 included.
    std::chrono::year_month_day check{std::chrono::year{2000},
                                      std::chrono::month{static_cast<unsigned>(*m)},
                                      std::chrono::day{static_cast<unsigned>(*d)}};
    if (!check.ok()) return bad();
    return MonthDay{static_cast<unsigned>(*m), static_cast<unsigned>(*d), std::nullopt};
  }
  if (text.size() != 10) return bad();
  auto date = DateAt(text);
  if (!date) return bad();
  return MonthDay{static_cast<unsigned>(date->month()), static_cast<unsigned>(date->day()),
                  static_cast<int>(date->year())};
}

std::string FormatMonthDay(const MonthDay& value) {
  char buffer[16];
  if (value.year) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", *value.year, value.month, value.day);
  } else {
    std::snprintf(buffer, sizeof buffer, "--%02u-%02u", value.month, value.day);
  }
  return buffer;
}

Date NextOccurrence(const MonthDay& value, Date from) {
  for (int offset = 0; offset < 2; ++offset) {
    std::chrono::year year = from.year() + std::chrono::years{offset};
    std::chrono::month month{value.month};
    std::chrono::day day{value.day};
    Date candidate{year, month, day};
    if (!candidate.ok()) candidate = Date{year / month / std::chrono::last};
    if (std::chrono::sys_days{candidate} >= std::chrono::sys_days{from}) return candidate;
  }
  return from;  // Unreachable: next year's occurrence is always after `from`.
}

}  // namespace allies::core
