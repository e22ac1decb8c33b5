// The iCalendar reader's rules, one small inline calendar each.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "formats/ical.h"
#include "formats/ical_test_util.h"

namespace allies::formats {
namespace {

using testing::At;
using testing::Window;

// Wraps VEVENT lines (joined with LF) into a calendar.
std::string Calendar(std::string_view body, std::string_view header = "") {
  return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n" + std::string(header) +
         std::string(body) + "END:VCALENDAR\n";
}

CalendarFile MustRead(const std::string& text, const CalendarOptions& options) {
  auto file = ReadCalendar(text, options);
  EXPECT_TRUE(file.has_value()) << (file ? "" : file.error().message);
  return file ? *file : CalendarFile{};
}

CalendarOptions Year2024(std::string zone = "UTC") {
  return Window("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", std::move(zone));
}

TEST(IcalRulesTest, TextWithoutVcalendarIsRefused) {
  auto file = ReadCalendar("BEGIN:VCARD\nFN:Jane\nEND:VCARD\n", Year2024());
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(file.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(file.error().message,
            "the file is not an iCalendar file: it starts with \"BEGIN:VCARD\" and has no "
            "BEGIN:VCALENDAR line (expected an .ics export)");
  EXPECT_FALSE(ReadCalendar("", Year2024()).has_value());
}

TEST(IcalRulesTest, DefaultZoneMustBeAnIanaName) {
  auto file = ReadCalendar(Calendar(""), Year2024("Mars/Olympus"));
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(file.error().message,
            "default time zone \"Mars/Olympus\" is not an IANA time zone name (expected e.g. "
            "Europe/Paris or UTC)");
}

TEST(IcalRulesTest, FloatingTimeIsReadInTheDefaultZone) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000\nDTEND:20240115T100000\n"
                        "END:VEVENT\n"),
               Year2024("Europe/Paris"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].start, At("2024-01-15T08:00:00Z"));
  EXPECT_EQ(file.events[0].end, At("2024-01-15T09:00:00Z"));
}

TEST(IcalRulesTest, DurationGivesTheEnd) {
  CalendarFile file = MustRead(
      Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\nDURATION:PT1H30M\nEND:VEVENT\n"),
      Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].end, At("2024-01-15T10:30:00Z"));
}

TEST(IcalRulesTest, AllDayEventStartsAtLocalMidnightAndLastsADay) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20240704\nEND:VEVENT\n"),
               Year2024("America/New_York"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_TRUE(file.events[0].all_day);
  EXPECT_EQ(file.events[0].start, At("2024-07-04T04:00:00Z"));
  EXPECT_EQ(file.events[0].end, At("2024-07-05T04:00:00Z"));
  EXPECT_EQ(file.events[0].recurrence_id, "");
}

TEST(IcalRulesTest, BareCrLineEndsAndTabFoldingAreRead) {
  std::string text =
      "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:a\rSUMMARY:Budget\r\t review\r"
      "DTSTART:20240115T090000Z\rEND:VEVENT\rBEGIN:VEVENT\rUID:b\rDTSTART:2024\rEND:VEVENT\r"
      "END:VCALENDAR\r";
  CalendarFile file = MustRead(text, Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].summary, "Budget review");
  EXPECT_EQ(file.events[0].line, 3U);
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].line, 11U);
  EXPECT_EQ(file.errors[0].property, "DTSTART");
  EXPECT_EQ(file.errors[0].value, "2024");
  EXPECT_EQ(file.errors[0].message,
            "DTSTART \"2024\" is not a date or date-time (expected YYYYMMDD, YYYYMMDDTHHMMSS or "
            "YYYYMMDDTHHMMSSZ)");
}

TEST(IcalRulesTest, MissingDtstartIsRefusedAtTheBeginLine) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nSUMMARY:x\nEND:VEVENT\n"
                        "BEGIN:VEVENT\nUID:b\nDTSTART:20240115T090000Z\nEND:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].line, 4U);
  EXPECT_EQ(file.errors[0].property, "DTSTART");
  EXPECT_EQ(file.errors[0].message,
            "the VEVENT has no DTSTART (every meeting needs a start date or date-time)");
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].uid, "b");
}

TEST(IcalRulesTest, ImpossibleDateIsRefused) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240231T090000Z\nEND:VEVENT\n"), Year2024());
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].line, 6U);
  EXPECT_EQ(file.errors[0].value, "20240231T090000Z");
  EXPECT_TRUE(file.events.empty());
}

TEST(IcalRulesTest, MalformedRruleIsRefused) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\nRRULE:FREQ=SOMETIMES\n"
                        "END:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].property, "RRULE");
  EXPECT_EQ(file.errors[0].line, 7U);
  EXPECT_EQ(file.errors[0].message,
            "RRULE \"FREQ=SOMETIMES\" is not a recurrence rule (expected e.g. "
            "FREQ=WEEKLY;BYDAY=MO,WE)");
}

TEST(IcalRulesTest, MissingUidIsAStableHashIgnoringDtstampAndLineEnds) {
  std::string a = Calendar(
      "BEGIN:VEVENT\nDTSTAMP:20240101T000000Z\nSUMMARY:x\nDTSTART:20240115T090000Z\n"
      "END:VEVENT\n");
  std::string b = a;
  b.replace(b.find("20240101T000000Z"), 16, "20240301T120000Z");
  std::string crlf;
  for (char c : a) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string other = a;
  other.replace(other.find("SUMMARY:x"), 9, "SUMMARY:y");
  std::string uid_a = MustRead(a, Year2024()).events.at(0).uid;
  EXPECT_EQ(uid_a.rfind("allies-", 0), 0U);
  EXPECT_EQ(MustRead(b, Year2024()).events.at(0).uid, uid_a);
  EXPECT_EQ(MustRead(crlf, Year2024()).events.at(0).uid, uid_a);
  EXPECT_NE(MustRead(other, Year2024()).events.at(0).uid, uid_a);
}

TEST(IcalRulesTest, ExdateListAndRdatePeriod) {
  CalendarFile file = MustRead(
      Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240101T090000Z\nDTEND:20240101T100000Z\n"
               "RRULE:FREQ=DAILY;COUNT=5\nEXDATE:20240102T090000Z,20240104T090000Z\n"
               "RDATE;VALUE=PERIOD:20240110T150000Z/PT2H,20240111T150000Z/20240111T153000Z\n"
               "END:VEVENT\n"),
      Year2024());
  std::vector<std::string> starts;
  for (const CalendarEvent& event : file.events) starts.push_back(core::FormatUtc(event.start));
  EXPECT_EQ(starts, (std::vector<std::string>{"2024-01-01T09:00:00Z", "2024-01-03T09:00:00Z",
                                              "2024-01-05T09:00:00Z", "2024-01-10T15:00:00Z",
                                              "2024-01-11T15:00:00Z"}));
  EXPECT_EQ(file.cancelled, 2U);
  EXPECT_EQ(file.events[3].end, At("2024-01-10T17:00:00Z"));
  EXPECT_EQ(file.events[4].end, At("2024-01-11T15:30:00Z"));
  EXPECT_EQ(file.events[3].recurrence_id, "20240110T150000Z");
}

TEST(IcalRulesTest, DateExdateRemovesThatDayOfADateTimeSeries) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Paris:20240101T230000\n"
                        "RRULE:FREQ=DAILY;COUNT=3\nEXDATE;VALUE=DATE:20240102\nEND:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.events.size(), 2U);
  EXPECT_EQ(file.events[1].start, At("2024-01-03T22:00:00Z"));
  EXPECT_EQ(file.cancelled, 1U);
}

TEST(IcalRulesTest, SeriesStartedLongBeforeTheWindowIsFollowedIntoIt) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART;TZID=America/New_York:20100105T100000\n"
                        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH\nEND:VEVENT\n"),
               Window("2024-03-01T00:00:00Z", "2024-03-22T00:00:00Z"));
  // 2010-01-04 is the Monday of the first week; 2024-02-26 is 738 weeks later (even: an on
  // week), so the week of 11 March is on and those of 4 and 18 March are not. New York is on
  // -04:00 from 10 March (dateutil gives the same two instances).
  std::vector<std::string> starts;
  for (const CalendarEvent& event : file.events) starts.push_back(core::FormatUtc(event.start));
  EXPECT_EQ(starts, (std::vector<std::string>{"2024-03-12T14:00:00Z", "2024-03-14T14:00:00Z"}));
}

TEST(IcalRulesTest, CountIsCountedFromDtstart) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20231230T090000Z\nRRULE:FREQ=DAILY;COUNT=4\n"
                        "END:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.events.size(), 2U);  // 30 and 31 Dec 2023 are before the window
  EXPECT_EQ(file.events[1].start, At("2024-01-02T09:00:00Z"));
}

TEST(IcalRulesTest, ThisAndFutureOverrideShiftsLaterInstances) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:a\nSUMMARY:old\nDTSTART:20240101T090000Z\n"
                        "DTEND:20240101T100000Z\nRRULE:FREQ=DAILY;COUNT=4\nEND:VEVENT\n"
                        "BEGIN:VEVENT\nUID:a\nSUMMARY:new\nRECURRENCE-ID;RANGE=THISANDFUTURE:"
                        "20240103T090000Z\nDTSTART:20240103T110000Z\nDTEND:20240103T113000Z\n"
                        "END:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.events.size(), 4U);
  EXPECT_EQ(file.events[1].summary, "old");
  EXPECT_EQ(file.events[2].summary, "new");
  EXPECT_EQ(file.events[2].start, At("2024-01-03T11:00:00Z"));
  EXPECT_EQ(file.events[3].summary, "new");
  EXPECT_EQ(file.events[3].start, At("2024-01-04T11:00:00Z"));
  EXPECT_EQ(file.events[3].end, At("2024-01-04T11:30:00Z"));
  EXPECT_EQ(file.events[3].recurrence_id, "20240104T090000Z");
}

TEST(IcalRulesTest, OverrideMovedIntoTheWindowCountsThere) {
  std::string text = Calendar(
      "BEGIN:VEVENT\nUID:a\nDTSTART:20240101T090000Z\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20240115T090000Z\nDTSTART:20240301T090000Z\n"
      "END:VEVENT\n");
  CalendarFile march = MustRead(text, Window("2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z"));
  ASSERT_EQ(march.events.size(), 1U);
  EXPECT_EQ(march.events[0].recurrence_id, "20240115T090000Z");
  CalendarFile january = MustRead(text, Window("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
  EXPECT_EQ(january.events.size(), 2U);  // 1 and 8 Jan; the 15th moved away
}

TEST(IcalRulesTest, CancelledStatusAnyCaseAndMethodCancel) {
  std::string body =
      "BEGIN:VEVENT\nUID:a\nDTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20240102T090000Z\nDTSTART:20240102T090000Z\n"
      "STATUS:cancelled\nEND:VEVENT\n";
  CalendarFile file = MustRead(Calendar(body), Year2024());
  EXPECT_EQ(file.events.size(), 2U);
  EXPECT_EQ(file.cancelled, 1U);
  CalendarFile cancel = MustRead(Calendar(body, "METHOD:CANCEL\n"), Year2024());
  EXPECT_TRUE(cancel.events.empty());
  EXPECT_EQ(cancel.cancelled, 3U);
}

TEST(IcalRulesTest, TzidResolutionOrder) {
  std::string body =
      "BEGIN:VEVENT\nUID:iana\nDTSTART;TZID=Europe/Kiev:20240115T090000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:windows\nDTSTART;TZID=Tokyo Standard Time:20240115T090000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:display\nDTSTART;TZID=\"(UTC+07:00) Bangkok, Hanoi, Jakarta\":"
      "20240115T090000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:offset\nDTSTART;TZID=\"(UTC+05:45) Nowhere\":20240115T090000\n"
      "END:VEVENT\n"
      "BEGIN:VEVENT\nUID:vendor\nDTSTART;TZID=/mozilla.org/20050126_1/America/New_York:"
      "20240115T090000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:unknown\nDTSTART;TZID=Middle Earth:20240115T090000\nEND:VEVENT\n";
  CalendarFile file = MustRead(Calendar(body), Year2024("Europe/Paris"));
  std::map<std::string, std::string> starts;
  for (const CalendarEvent& event : file.events) starts[event.uid] = core::FormatUtc(event.start);
  EXPECT_EQ(starts["iana"], "2024-01-15T07:00:00Z");
  EXPECT_EQ(starts["windows"], "2024-01-15T00:00:00Z");
  EXPECT_EQ(starts["display"], "2024-01-15T02:00:00Z");
  EXPECT_EQ(starts["offset"], "2024-01-15T03:15:00Z");
  EXPECT_EQ(starts["vendor"], "2024-01-15T14:00:00Z");
  EXPECT_EQ(starts["unknown"], "2024-01-15T08:00:00Z");  // the default zone
  EXPECT_EQ(file.unknown_zones, std::vector<std::string>{"Middle Earth"});
}

TEST(IcalRulesTest, VtimezoneWinsOverTheIanaNameItCarries) {
  // A (deliberately wrong) VTIMEZONE named Europe/Paris at a fixed +05:00: the file's own
  // definition is what its times mean.
  std::string zone =
      "BEGIN:VTIMEZONE\nTZID:Europe/Paris\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
      "TZOFFSETFROM:+0500\nTZOFFSETTO:+0500\nEND:STANDARD\nEND:VTIMEZONE\n";
  CalendarFile file =
      MustRead(Calendar(zone + "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Paris:20240115T090000\n"
                               "END:VEVENT\n"),
               Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].start, At("2024-01-15T04:00:00Z"));
}

TEST(IcalRulesTest, PeopleAddressesAreNormalised) {
  CalendarFile file = MustRead(
      Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\n"
               "ORGANIZER;CN=\"Boss, The\":MAILTO:The.Boss@Example.COM\n"
               "ATTENDEE;CN=Room 1;CUTYPE=ROOM;PARTSTAT=accepted;role=chair:mailto:room1@x.org\n"
               "ATTENDEE;EMAIL=\"Ann@Example.com\";CN=Ann:urn:uuid:1234\n"
               "ATTENDEE;CN=Nobody:urn:uuid:5678\nEND:VEVENT\n"),
      Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  const CalendarEvent& event = file.events[0];
  ASSERT_TRUE(event.organizer.has_value());
  EXPECT_EQ(event.organizer->email, "the.boss@example.com");
  EXPECT_EQ(event.organizer->name, "Boss, The");
  ASSERT_EQ(event.attendees.size(), 3U);
  EXPECT_TRUE(event.attendees[0].is_resource);
  EXPECT_EQ(event.attendees[0].partstat, "ACCEPTED");
  EXPECT_EQ(event.attendees[0].role, "CHAIR");
  EXPECT_EQ(event.attendees[1].email, "ann@example.com");
  EXPECT_EQ(event.attendees[2].email, "");
  EXPECT_EQ(event.attendees[2].name, "Nobody");
}

TEST(IcalRulesTest, ParameterValuesAreReadAsRfc6868DecodesThem) {
  CalendarFile file = MustRead(
      Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\n"
               "ATTENDEE;CN=\"Jo ^'JJ^' Doe\";PARTSTAT=X-MAYBE;ROLE=opt-participant;"
               "CUTYPE=RESOURCE:mailto:jo@x.org\n"
               "ATTENDEE;CUTYPE=individual;PARTSTAT=Declined:mailto:al@x.org\nEND:VEVENT\n"),
      Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  const CalendarEvent& event = file.events[0];
  ASSERT_EQ(event.attendees.size(), 2U);
  EXPECT_EQ(event.attendees[0].name, "Jo \"JJ\" Doe");
  EXPECT_EQ(event.attendees[0].partstat, "X-MAYBE");
  EXPECT_EQ(event.attendees[0].role, "OPT-PARTICIPANT");
  EXPECT_TRUE(event.attendees[0].is_resource);
  EXPECT_FALSE(event.attendees[1].is_resource);
  EXPECT_EQ(event.attendees[1].partstat, "DECLINED");
  EXPECT_EQ(event.attendees[1].role, "");
}

TEST(IcalRulesTest, InvalidUtf8IsReadAsWindows1252) {
  CalendarFile file = MustRead(
      Calendar("BEGIN:VEVENT\nUID:a\nSUMMARY:Caf\xe9\nDTSTART:20240115T090000Z\nEND:VEVENT\n"),
      Year2024());
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].summary, "Caf\u00e9");
}

TEST(IcalRulesTest, EventsAreSortedByStartThenUid) {
  CalendarFile file =
      MustRead(Calendar("BEGIN:VEVENT\nUID:b\nDTSTART:20240115T090000Z\nEND:VEVENT\n"
                        "BEGIN:VEVENT\nUID:c\nDTSTART:20240114T090000Z\nEND:VEVENT\n"
                        "BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\nEND:VEVENT\n"
                        "BEGIN:VTODO\nUID:todo\nDTSTART:20240115T090000Z\nEND:VTODO\n"),
               Year2024());
  ASSERT_EQ(file.events.size(), 3U);
  EXPECT_EQ(file.events[0].uid, "c");
  EXPECT_EQ(file.events[1].uid, "a");
  EXPECT_EQ(file.events[2].uid, "b");
}

// Many events in a shuffled order (several cycles of the permutation, and starts shared by
// several UIDs): each ends where (start, uid) puts it, with its own fields.
TEST(IcalRulesTest, ManyShuffledEventsAreSortedAndKeepTheirFields) {
  constexpr int kEvents = 240;
  std::vector<int> order(kEvents);
  for (int i = 0; i < kEvents; ++i) order[i] = (i * 97 + 13) % kEvents;  // 97 is prime to 240
  std::string body;
  for (int n : order) {
    // Twelve UIDs per day, their days not in file order.
    body += fmt::format(
        "BEGIN:VEVENT\nUID:u{:03}\nSUMMARY:Meeting {}\nDTSTART:202403{:02}T090000Z\n"
        "END:VEVENT\n",
        n, n, 1 + (n % 20));
  }
  CalendarFile file = MustRead(Calendar(body), Year2024());
  ASSERT_EQ(file.events.size(), static_cast<std::size_t>(kEvents));
  for (std::size_t i = 0; i < file.events.size(); ++i) {
    const CalendarEvent& event = file.events[i];
    const int n = std::stoi(event.uid.substr(1));
    EXPECT_EQ(event.summary, fmt::format("Meeting {}", n));
    EXPECT_EQ(event.start, At(fmt::format("2024-03-{:02}T09:00:00Z", 1 + (n % 20))));
    if (i > 0) {
      const CalendarEvent& before = file.events[i - 1];
      EXPECT_LT(std::tie(before.start, before.uid), std::tie(event.start, event.uid)) << i;
    }
  }
}

TEST(IcalRulesTest, DescriptionsAreLeftOutWhenNotWanted) {
  const std::string text = Calendar(
      "BEGIN:VEVENT\nUID:a\nSUMMARY:Budget\nDESCRIPTION:Agenda\\n1. numbers\n"
      "DTSTART:20240115T090000Z\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n");
  CalendarOptions options = Year2024();
  CalendarFile kept = MustRead(text, options);
  ASSERT_EQ(kept.events.size(), 3U);
  EXPECT_EQ(kept.events[2].description, "Agenda\n1. numbers");

  options.descriptions = false;
  CalendarFile left_out = MustRead(text, options);
  ASSERT_EQ(left_out.events.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(left_out.events[i].description, "");
    EXPECT_EQ(left_out.events[i].summary, "Budget");
    EXPECT_EQ(left_out.events[i].start, kept.events[i].start);
  }
}

TEST(IcalRulesTest, WindowIsHalfOpen) {
  std::string text = Calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240115T090000Z\nEND:VEVENT\n");
  EXPECT_EQ(MustRead(text, Window("2024-01-15T09:00:00Z", "2024-01-16T00:00:00Z")).events.size(),
            1U);
  EXPECT_EQ(MustRead(text, Window("2024-01-01T00:00:00Z", "2024-01-15T09:00:00Z")).events.size(),
            0U);
}

}  // namespace
}  // namespace allies::formats
