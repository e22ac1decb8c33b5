// Every fixture cut short and with single bytes changed must still give a result or an error,
// quickly, never a crash or a hang.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "formats/ical.h"
#include "formats/ical_test_util.h"

namespace allies::formats {
namespace {

constexpr int kCuts = 50;
constexpr int kFlips = 200;

void ReadWithinASecond(const std::string& bytes, const CalendarOptions& options,
                       const std::string& what) {
  auto begin = std::chrono::steady_clock::now();
  auto file = ReadCalendar(bytes, options);
  auto elapsed = std::chrono::steady_clock::now() - begin;
  EXPECT_LT(elapsed, std::chrono::seconds(1)) << what;
  if (!file) {
    EXPECT_FALSE(file.error().message.empty()) << what;
  }
}

TEST(IcalRobustnessTest, TruncatedAndFlippedFixturesNeverCrash) {
  // A wide window, so that every series is expanded as far as it goes.
  CalendarOptions options =
      testing::Window("1990-01-01T00:00:00Z", "2040-01-01T00:00:00Z", "Europe/Berlin");
  std::vector<std::string> names = testing::FixtureNames();
  ASSERT_EQ(names.size(), 18U);
  for (const std::string& name : names) {
    std::string bytes = testing::ReadFixture(name);
    ASSERT_FALSE(bytes.empty()) << name;
    for (int i = 0; i <= kCuts; ++i) {
      std::size_t length = bytes.size() * static_cast<std::size_t>(i) / kCuts;
      ReadWithinASecond(bytes.substr(0, length), options,
                        name + " cut at " + std::to_string(length));
    }
    // Deterministic positions and values: a multiplicative walk over the file.
    for (int i = 0; i < kFlips; ++i) {
      std::string flipped = bytes;
      std::size_t at = (static_cast<std::size_t>(i) * 7919U + 13U) % flipped.size();
      static constexpr char kValues[] = {'\0', '\n', ':',    ';', '"', ',', '\\', ' ',
                                         'Z',  '9',  '\xff', 'T', '/', '=', '\r', '-'};
      flipped[at] = kValues[static_cast<std::size_t>(i) % sizeof kValues];
      ReadWithinASecond(flipped, options, name + " byte " + std::to_string(at) + " changed");
    }
  }
}

}  // namespace
}  // namespace allies::formats
