// The iCalendar reader on several threads (CalendarOptions::threads) gives exactly what it gives
// on one: the same occurrences in the same order, the same errors on the same lines, the same
// unknown zones in order of first use. And the occurrences of a series share one attendee list.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "formats/ical.h"
#include "formats/ical_test_util.h"

namespace allies::formats {
namespace {

using testing::At;
using testing::FixtureNames;
using testing::ReadFixture;
using testing::Window;

void ExpectSame(const CalendarFile& a, const CalendarFile& b, const std::string& what) {
  ASSERT_EQ(a.events.size(), b.events.size()) << what;
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const CalendarEvent& x = a.events[i];
    const CalendarEvent& y = b.events[i];
    SCOPED_TRACE(what + ", event " + std::to_string(i) + " " + x.uid);
    EXPECT_EQ(x.line, y.line);
    EXPECT_EQ(x.uid, y.uid);
    EXPECT_EQ(x.recurrence_id, y.recurrence_id);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.all_day, y.all_day);
    EXPECT_EQ(x.summary, y.summary);
    EXPECT_EQ(x.location, y.location);
    EXPECT_EQ(x.description, y.description);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.organizer, y.organizer);
    EXPECT_TRUE(x.attendees == y.attendees);
  }
  ASSERT_EQ(a.errors.size(), b.errors.size()) << what;
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    EXPECT_EQ(a.errors[i].line, b.errors[i].line) << what;
    EXPECT_EQ(a.errors[i].property, b.errors[i].property) << what;
    EXPECT_EQ(a.errors[i].value, b.errors[i].value) << what;
    EXPECT_EQ(a.errors[i].message, b.errors[i].message) << what;
  }
  EXPECT_EQ(a.cancelled, b.cancelled) << what;
  EXPECT_EQ(a.producer, b.producer) << what;
  EXPECT_EQ(a.unknown_zones, b.unknown_zones) << what;
}

CalendarFile ReadWith(const std::string& bytes, CalendarOptions options, std::size_t threads) {
  options.threads = threads;
  auto file = ReadCalendar(bytes, options);
  EXPECT_TRUE(file.has_value()) << (file ? "" : file.error().message);
  return file ? *file : CalendarFile{};
}

TEST(IcalParallelTest, EveryFixtureReadsTheSameOnOneTwoThreeAndEightThreads) {
  const CalendarOptions wide = Window("1990-01-01T00:00:00Z", "2040-01-01T00:00:00Z");
  std::size_t events = 0;
  for (const std::string& name : FixtureNames()) {
    const std::string bytes = ReadFixture(name);
    const CalendarFile one = ReadWith(bytes, wide, 1);
    events += one.events.size();
    for (std::size_t threads : {2, 3, 8}) {
      ExpectSame(one, ReadWith(bytes, wide, threads), name + " on " + std::to_string(threads));
    }
  }
  EXPECT_GT(events, 100U);  // the fixtures hold long series: the comparison is not of nothing
}

// ReadCalendarOwned reads what ReadCalendar reads, and gives the bytes back empty (it frees
// them before expanding the series), also when it had to copy them (bare CRs, Windows-1252).
TEST(IcalParallelTest, TheOwningReaderReadsTheSameAndFreesTheBytes) {
  const CalendarOptions wide = Window("1990-01-01T00:00:00Z", "2040-01-01T00:00:00Z");
  std::vector<std::pair<std::string, std::string>> files;  // (what, bytes)
  for (const std::string& name : FixtureNames()) files.emplace_back(name, ReadFixture(name));
  files.emplace_back("bare CRs and Windows-1252",
                     "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:a\rSUMMARY:Caf\xe9\r"
                     "DTSTART:20240115T090000Z\rRRULE:FREQ=DAILY;COUNT=3\rEND:VEVENT\r"
                     "END:VCALENDAR\r");
  std::size_t events = 0;
  for (const auto& [what, bytes] : files) {
    const CalendarFile viewed = ReadWith(bytes, wide, 2);
    events += viewed.events.size();
    CalendarOptions options = wide;
    options.threads = 2;
    std::string given = bytes;
    auto owned = ReadCalendarOwned(std::move(given), options);
    ASSERT_TRUE(owned.has_value()) << what;
    ExpectSame(viewed, *owned, what);
    // Moved from, and then emptied by the reader: no longer holding the file.
    const std::size_t left = given.capacity();  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(left, std::string().capacity()) << what;
  }
  EXPECT_GT(events, 100U);
  EXPECT_EQ(ReadWith(files.back().second, wide, 1).events.size(), 3U);
}

// A generated calendar of `count` VEVENTs, in UTC unless stated: every 10th a weekly series of
// five (COUNT=5), every 50th of those with an override of its second instance (moved an hour,
// another summary, its own attendee) written right after it; every 97th broken (DTSTART
// "2026-13-01"), whose lines are collected in `bad_lines`. Two unknown TZIDs: "Mars/Olympus"
// first used at VEVENT 40 (again at 1500, quoted), "Venus/Maxwell" first at VEVENT 70 (again
// at 900), so that threads reading later runs meet the second one before the first.
struct Generated {
  std::string text;
  std::vector<std::size_t> bad_lines;
  std::size_t expected_events = 0;
};

Generated Generate(int count) {
  Generated out;
  std::size_t line = 0;
  auto add = [&](const std::string& text) {
    out.text += text + "\r\n";
    ++line;
  };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//allies//parallel test//EN");
  for (int i = 0; i < count; ++i) {
    const std::string uid = "gen-" + std::to_string(i);
    const int day = 5 + (i / 24) % 20;
    const int hour = i % 24;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "202601%02dT%02d0000", day, hour);
    std::string tzid;
    if (i == 40 || i == 1500) tzid = i == 40 ? ";TZID=Mars/Olympus" : ";TZID=\"Mars/Olympus\"";
    if (i == 70 || i == 900) tzid = ";TZID=Venus/Maxwell";
    add("BEGIN:VEVENT");
    add("UID:" + uid);
    add("SUMMARY:Meeting " + std::to_string(i));
    if (i % 97 == 13) {
      out.bad_lines.push_back(line + 1);
      add("DTSTART:20261301T090000Z");
    } else {
      add("DTSTART" + tzid + ":" + stamp + (tzid.empty() ? "Z" : ""));
    }
    add("DURATION:PT30M");
    add("ORGANIZER;CN=Org " + std::to_string(i % 7) + ":mailto:org" + std::to_string(i % 7) +
        "@example.com");
    add("ATTENDEE;PARTSTAT=ACCEPTED:mailto:a" + std::to_string(i % 13) + "@example.com");
    add("ATTENDEE;CN=B " + std::to_string(i) + ":mailto:b" + std::to_string(i % 31) +
        "@example.com");
    const bool series = i % 10 == 0 && i % 97 != 13;
    if (series) add("RRULE:FREQ=WEEKLY;COUNT=5");
    add("END:VEVENT");
    if (i % 97 == 13) continue;
    out.expected_events += series ? 5 : 1;
    if (series && i % 50 == 0) {
      char second[32];
      std::snprintf(second, sizeof second, "202601%02dT%02d0000Z", day + 7, hour);
      char moved[32];
      std::snprintf(moved, sizeof moved, "202601%02dT%02d3000Z", day + 7, hour);
      add("BEGIN:VEVENT");
      add("UID:" + uid);
      add(std::string("RECURRENCE-ID:") + second);
      add("SUMMARY:Moved " + std::to_string(i));
      add(std::string("DTSTART:") + moved);
      add("DURATION:PT30M");
      add("ATTENDEE:mailto:override" + std::to_string(i) + "@example.com");
      add("END:VEVENT");
    }
  }
  add("END:VCALENDAR");
  return out;
}

TEST(IcalParallelTest, AGeneratedCalendarReadsTheSameOnAnyNumberOfThreads) {
  const Generated generated = Generate(2000);
  const CalendarOptions year = Window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  const CalendarFile one = ReadWith(generated.text, year, 1);
  EXPECT_EQ(one.events.size(), generated.expected_events);
  ASSERT_EQ(one.errors.size(), generated.bad_lines.size());
  for (std::size_t i = 0; i < one.errors.size(); ++i) {
    EXPECT_EQ(one.errors[i].line, generated.bad_lines[i]);
    EXPECT_EQ(one.errors[i].property, "DTSTART");
  }
  // In order of first use in the file, as written there (not quoted), each once.
  EXPECT_EQ(one.unknown_zones, (std::vector<std::string>{"Mars/Olympus", "Venus/Maxwell"}));
  for (std::size_t threads : {2, 3, 4, 8}) {
    // Several times: the threads take the runs of VEVENTs in no fixed order.
    for (int run = 0; run < 3; ++run) {
      ExpectSame(one, ReadWith(generated.text, year, threads),
                 "generated on " + std::to_string(threads));
    }
  }
}

// TZIDs that libical's own getters would look up in its table of built-in zones (which it
// fills on first use and, for a name found only as a file, "US/Eastern", appends to without a
// lock): the reader resolves them itself, so that reading on several threads never has libical
// touch that table. Each time is checked, and the result is the same on any number of threads.
TEST(IcalParallelTest, ZoneNamesLibicalKnowsResolveTheSameOnAnyNumberOfThreads) {
  struct Case {
    std::string tzid;
    std::string local;     // DTSTART's local time
    std::string expected;  // its instant
  };
  const std::vector<Case> cases = {
      {"America/New_York", "20260112T090000", "2026-01-12T14:00:00Z"},
      {"US/Eastern", "20260112T090000", "2026-01-12T14:00:00Z"},  // a link, not in zone.tab
      {"\"US/Pacific\"", "20260715T090000", "2026-07-15T16:00:00Z"},
      {"W. Europe Standard Time", "20260715T090000", "2026-07-15T07:00:00Z"},
      {"UTC", "20260112T090000", "2026-01-12T09:00:00Z"},
      {"GMT", "20260112T090000", "2026-01-12T09:00:00Z"},
  };
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//allies//zones//EN\r\n";
  constexpr int kCopies = 200;
  for (int copy = 0; copy < kCopies; ++copy) {
    for (std::size_t c = 0; c < cases.size(); ++c) {
      const Case& zone = cases[c];
      text += "BEGIN:VEVENT\r\nUID:zone-" + std::to_string(copy) + "-" + std::to_string(c) +
              "\r\nSUMMARY:" + zone.tzid + "\r\nDTSTART;TZID=" + zone.tzid + ":" + zone.local +
              "\r\nDTEND;TZID=" + zone.tzid + ":" + zone.local.substr(0, 9) + "10" +
              zone.local.substr(11) +
              // A weekly series of three whose second instance is excluded by a zoned EXDATE.
              "\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID=" + zone.tzid + ":" +
              zone.local.substr(0, 6) + std::to_string(std::stoi(zone.local.substr(6, 2)) + 7) +
              zone.local.substr(8) + "\r\nEND:VEVENT\r\n";
    }
  }
  text += "END:VCALENDAR\r\n";
  const CalendarOptions year = Window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  const CalendarFile one = ReadWith(text, year, 1);
  EXPECT_TRUE(one.errors.empty());
  EXPECT_TRUE(one.unknown_zones.empty()) << one.unknown_zones.front();
  ASSERT_EQ(one.events.size(), cases.size() * kCopies * 2);
  EXPECT_EQ(one.cancelled, cases.size() * kCopies);
  for (const Case& zone : cases) {
    std::size_t first = 0;
    std::size_t third = 0;
    for (const CalendarEvent& event : one.events) {
      if (event.summary != zone.tzid) continue;
      SCOPED_TRACE(zone.tzid);
      EXPECT_EQ(event.end - event.start, std::chrono::hours(1));
      if (event.start == At(zone.expected)) {
        ++first;
      } else {
        EXPECT_EQ(event.start, At(zone.expected) + std::chrono::days(14));
        ++third;
      }
    }
    EXPECT_EQ(first, static_cast<std::size_t>(kCopies)) << zone.tzid;
    EXPECT_EQ(third, static_cast<std::size_t>(kCopies)) << zone.tzid;
  }
  for (std::size_t threads : {2, 4}) {
    ExpectSame(one, ReadWith(text, year, threads), "zones on " + std::to_string(threads));
  }
}

TEST(IcalParallelTest, TheOccurrencesOfASeriesShareOneAttendeeList) {
  const Generated generated = Generate(60);
  const CalendarFile file =
      ReadWith(generated.text, Window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"), 2);
  std::vector<const CalendarEvent*> series;      // gen-10: a series of five, no override
  std::vector<const CalendarEvent*> overridden;  // gen-50: the override and four others
  for (const CalendarEvent& event : file.events) {
    if (event.uid == "gen-10") series.push_back(&event);
    if (event.uid == "gen-50") overridden.push_back(&event);
  }
  ASSERT_EQ(series.size(), 5U);
  for (const CalendarEvent* event : series) {
    EXPECT_EQ(event->attendees.Identity(), series[0]->attendees.Identity());
    EXPECT_EQ(event->attendees.Holders(), 5);
    ASSERT_EQ(event->attendees.size(), 2U);
    EXPECT_EQ(event->attendees[0].email, "a10@example.com");
    EXPECT_EQ(event->attendees.at(1).name, "B 10");
  }
  ASSERT_EQ(overridden.size(), 5U);
  int own = 0;
  for (const CalendarEvent* event : overridden) {
    if (event->summary == "Moved 50") {
      ++own;
      EXPECT_EQ(event->recurrence_id, "20260114T020000Z");
      EXPECT_EQ(event->start, At("2026-01-14T02:30:00Z"));
      ASSERT_EQ(event->attendees.size(), 1U);
      EXPECT_EQ(event->attendees[0].email, "override50@example.com");
      EXPECT_EQ(event->attendees.Holders(), 1);
    } else {
      EXPECT_EQ(event->attendees.Holders(), 4);
      EXPECT_EQ(event->attendees[0].email, "a11@example.com");  // 50 % 13
    }
  }
  EXPECT_EQ(own, 1);
}

TEST(IcalParallelTest, AnAttendeeListReadsLikeAVectorAndComparesByContent) {
  const AttendeeList empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0U);
  EXPECT_EQ(empty.begin(), empty.end());
  EXPECT_EQ(empty.Identity(), nullptr);
  EXPECT_THROW((void)empty.at(0), std::out_of_range);

  CalendarPerson ann;
  ann.email = "ann@example.com";
  CalendarPerson bob;
  bob.email = "bob@example.com";
  const AttendeeList list{ann, bob};
  const AttendeeList copy = list;  // shares
  const AttendeeList same{ann, bob};
  const AttendeeList other{bob, ann};
  EXPECT_EQ(copy.Identity(), list.Identity());
  EXPECT_NE(same.Identity(), list.Identity());
  EXPECT_EQ(list.Holders(), 2);
  EXPECT_TRUE(list == copy);
  EXPECT_TRUE(list == same);
  EXPECT_FALSE(list == other);
  EXPECT_FALSE(list == empty);
  EXPECT_TRUE(AttendeeList(std::vector<CalendarPerson>{}) == empty);
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[1].email, "bob@example.com");
  EXPECT_THROW((void)list.at(2), std::out_of_range);
}

}  // namespace
}  // namespace allies::formats
