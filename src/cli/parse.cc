#include "cli/parse.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <date/tz.h>
#include <fmt/format.h>

namespace allies::cli {

using core::ErrorCode;
using core::Fail;

namespace {

// The user's zone: TZ when it names one, else the system's, else UTC. Looked up once.
const date::time_zone* UserZone() {
  static const date::time_zone* zone = [] {
    const char* tz = std::getenv("TZ");
    try {
      if (tz != nullptr && *tz != '\0' && *tz != ':') return date::locate_zone(tz);
      return date::current_zone();
    } catch (const std::exception&) {
      return date::locate_zone("UTC");
    }
  }();
  return zone;
}

}  // namespace

std::string UserZoneName() { return std::string(UserZone()->name()); }

Result<int> ParseInt(std::string_view text, std::string_view what, int min, int max) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{} \"{}\" is not a whole number (expected {} to {})", what, text, min, max));
  }
  if (value < min || value > max) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} {} is out of range (expected {} to {})", what, text, min, max));
  }
  return static_cast<int>(value);
}

Result<double> ParseNumber(std::string_view text, std::string_view what) {
  std::string copy{text};
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{} \"{}\" is not a number", what, text));
  }
  return value;
}

Result<core::TimePoint> ParseInstant(std::string_view text, std::string_view what) {
  auto parsed = core::ParseDateTime(text);
  if (!parsed) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: {}", what, parsed.error().message));
  }
  if (parsed->offset) {
    return core::TimePoint{parsed->local.time_since_epoch() - *parsed->offset};
  }
  try {
    // A reading skipped or repeated by a DST change resolves to the earlier instant.
    return UserZone()->to_sys(date::local_seconds{parsed->local.time_since_epoch()},
                              date::choose::earliest);
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{} \"{}\": {}", what, text, e.what()));
  }
}

Result<core::Offer> ParseOffer(std::string_view text) {
  auto eq = text.rfind('=');
  if (eq == std::string_view::npos || eq == 0) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("--offer \"{}\" is not KEY=RATING (e.g. budget=4, rating 0 to 5)", text));
  }
  ALLIES_TRY(int rating, ParseInt(text.substr(eq + 1), "--offer rating", 0, 5));
  return core::Offer{std::string(text.substr(0, eq)), rating};
}

std::string FormatLocal(core::TimePoint at) {
  auto local = date::make_zoned(UserZone(), at).get_local_time();
  return date::format("%Y-%m-%d %H:%M", std::chrono::floor<std::chrono::minutes>(local));
}

core::Date LocalDay(core::TimePoint at) {
  auto local = date::make_zoned(UserZone(), at).get_local_time();
  return core::Date{
      std::chrono::sys_days{std::chrono::floor<date::days>(local).time_since_epoch()}};
}

}  // namespace allies::cli
