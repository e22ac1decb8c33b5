#include "formats/ical_writer.h"

#include <gtest/gtest.h>

#include "formats/ical.h"

namespace allies::formats {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;

constexpr std::chrono::year_month_day kDay{std::chrono::year{2026} / 12 / 1};

core::TimePoint At(int hour) { return core::TimePoint{sys_days{kDay} + hours{hour}}; }

std::vector<Invitation> Sample() {
  Invitation lunch;
  lunch.uid = "allies-plan-2026-W49-42@allies";
  lunch.start = At(12);
  lunch.end = At(13);
  lunch.summary = "Lunch: Dana Reyes, Hélène Nguyễn";
  // Long enough to fold several times, with every character TEXT must escape, and non-ASCII
  // letters near the fold points.
  lunch.description =
      "Hi Hélène,\n\nWould you have time for lunch on Tuesday 1 December at 12:00? There is no "
      "agenda; I would simply like to get to know you better, and hear how things are going in "
      "Finance. Ça vous dit? Ünïcödé ñ 東京 \\ backslash.\n\nBest,\nDana";
  lunch.organizer = {"Dana \"DR\" Reyes", "dana@example.com"};
  lunch.attendees = {{"Hélène Nguyễn", "helene@example.com"}};
  Invitation coffee;
  coffee.uid = "allies-plan-2026-W49-7@allies";
  coffee.start = At(15);
  coffee.end = At(15) + std::chrono::minutes{30};
  coffee.summary = "Coffee";
  coffee.description = "short";
  coffee.location = "Café, 2nd floor";
  coffee.organizer = {"Dana Reyes", "dana@example.com"};
  coffee.attendees = {{"No Email", ""}, {"Ben Okafor", "ben@example.com"}};
  return {lunch, coffee};
}

TEST(IcalWriterTest, EscapesTextAsRfc5545Says) {
  EXPECT_EQ(EscapeText("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
}

TEST(IcalWriterTest, FoldsAt75OctetsWithoutSplittingUtf8) {
  std::string line = "DESCRIPTION:" + std::string(62, 'x') + "é東京" + std::string(100, 'y');
  std::string folded = FoldLine(line);
  std::size_t start = 0;
  std::string joined;
  while (start < folded.size()) {
    std::size_t end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string physical = folded.substr(start, end - start);
    EXPECT_LE(physical.size(), 75U);
    // A continuation line never starts inside a UTF-8 sequence.
    if (start > 0) {
      ASSERT_EQ(physical[0], ' ');
      ASSERT_GT(physical.size(), 1U);
      EXPECT_NE(static_cast<unsigned char>(physical[1]) & 0xC0U, 0x80U);
      physical.erase(0, 1);
    }
    joined += physical;
    start = end + 2;
  }
  EXPECT_EQ(joined, line);
}

TEST(IcalWriterTest, EveryLineEndsInCrlfAndHoldsAtMost75Octets) {
  auto invitations = Sample();
  std::string text = WriteInvitations(invitations, At(8), "-//Allies//Plan//EN");
  ASSERT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  ASSERT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  EXPECT_NE(text.find("\r\nMETHOD:REQUEST\r\n"), std::string::npos);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    ASSERT_NE(end, std::string::npos);
    ASSERT_GT(end, start);
    EXPECT_EQ(text[end - 1], '\r');
    EXPECT_LE(end - 1 - start, 75U);
    start = end + 1;
  }
}

TEST(IcalWriterTest, ReadsBackInLibical) {
  auto invitations = Sample();
  std::string text = WriteInvitations(invitations, At(8), "-//Allies//Plan//EN");
  CalendarOptions options;
  options.since = At(0);
  options.until = At(24);
  auto file = ReadCalendar(text, options);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_TRUE(file->errors.empty());
  ASSERT_EQ(file->events.size(), 2U);
  const CalendarEvent& lunch = file->events[0];
  EXPECT_EQ(lunch.uid, invitations[0].uid);
  EXPECT_EQ(lunch.start, invitations[0].start);
  EXPECT_EQ(lunch.end, invitations[0].end);
  EXPECT_EQ(lunch.summary, invitations[0].summary);
  EXPECT_EQ(lunch.description, invitations[0].description);
  EXPECT_EQ(lunch.status, "TENTATIVE");
  ASSERT_TRUE(lunch.organizer);
  EXPECT_EQ(lunch.organizer->email, "dana@example.com");
  EXPECT_EQ(lunch.organizer->name, "Dana DR Reyes");  // the quotes a CN cannot hold are dropped
  ASSERT_EQ(lunch.attendees.size(), 1U);
  EXPECT_EQ(lunch.attendees[0].email, "helene@example.com");
  EXPECT_EQ(lunch.attendees[0].name, "Hélène Nguyễn");
  EXPECT_EQ(lunch.attendees[0].partstat, "NEEDS-ACTION");
  EXPECT_EQ(lunch.attendees[0].role, "REQ-PARTICIPANT");
  const CalendarEvent& coffee = file->events[1];
  EXPECT_EQ(coffee.location, "Café, 2nd floor");
  // The attendee without an address is left out.
  ASSERT_EQ(coffee.attendees.size(), 1U);
  EXPECT_EQ(coffee.attendees[0].email, "ben@example.com");
}

}  // namespace
}  // namespace allies::formats
