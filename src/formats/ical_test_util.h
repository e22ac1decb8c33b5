#pragma once
// Helpers shared by the iCalendar reader's tests.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "formats/calendar.h"

namespace allies::formats::testing {

// tests/data/ics: $ALLIES_TEST_DATA (CTest sets it), else the folder beside this source file.
inline std::filesystem::path IcsDir() {
  if (const char* data = std::getenv("ALLIES_TEST_DATA"); data && *data) {
    return std::filesystem::path(data) / "ics";
  }
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "tests" /
         "data" / "ics";
}

inline std::string ReadFixture(std::string_view name) {
  std::ifstream in(IcsDir() / name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> FixtureNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(IcsDir())) {
    if (entry.path().extension() == ".ics") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// "2020-07-07T19:00:00Z" -> TimePoint.
inline core::TimePoint At(std::string_view text) {
  auto parsed = core::ParseDateTime(text);
  if (!parsed) std::abort();
  return core::TimePoint(parsed->local.time_since_epoch() -
                         parsed->offset.value_or(std::chrono::seconds(0)));
}

inline CalendarOptions Window(std::string_view since, std::string_view until,
                              std::string zone = "UTC") {
  CalendarOptions options;
  options.since = At(since);
  options.until = At(until);
  options.default_zone = std::move(zone);
  return options;
}

}  // namespace allies::formats::testing
