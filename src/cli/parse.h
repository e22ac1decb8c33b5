#pragma once
// Turning command-line text into typed values, with errors that quote the text and say what is
// accepted. Date-times without an offset are read in the user's time zone (TZ, else the system's).

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/result.h"

namespace allies::cli {

using core::Result;

// A whole number in [min, max]; `what` names the option in messages ("--minutes").
[[nodiscard]] Result<int> ParseInt(std::string_view text, std::string_view what, int min, int max);

// A finite number.
[[nodiscard]] Result<double> ParseNumber(std::string_view text, std::string_view what);

// A date-time as core::ParseDateTime accepts it; local readings are resolved in the user's zone.
[[nodiscard]] Result<core::TimePoint> ParseInstant(std::string_view text, std::string_view what);

// KEY=RATING with a rating 0..5 ("budget=4").
[[nodiscard]] Result<core::Offer> ParseOffer(std::string_view text);

// The instant as the user reads it: "2026-11-26 09:30" in their time zone.
std::string FormatLocal(core::TimePoint at);

// The IANA name of the user's time zone ("Europe/Paris"; "UTC" when nothing says).
std::string UserZoneName();

// The calendar day of `at` in the user's time zone.
core::Date LocalDay(core::TimePoint at);

}  // namespace allies::cli
