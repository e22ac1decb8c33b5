// The iCalendar reader on the real exports in tests/data/ics. Expected values were worked out by
// hand from each file and the zone rules (counts of long series cross-checked with
// python3-dateutil); see the comments.

#include "formats/ical.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "formats/ical_test_util.h"

namespace allies::formats {
namespace {

using testing::At;
using testing::ReadFixture;
using testing::Window;

CalendarFile Read(std::string_view fixture, const CalendarOptions& options) {
  std::string bytes = ReadFixture(fixture);
  EXPECT_FALSE(bytes.empty()) << fixture;
  auto file = ReadCalendar(bytes, options);
  EXPECT_TRUE(file.has_value()) << (file ? "" : file.error().message);
  return file ? *file : CalendarFile{};
}

std::vector<std::string> Starts(const CalendarFile& file) {
  std::vector<std::string> out;
  for (const CalendarEvent& event : file.events) out.push_back(core::FormatUtc(event.start));
  return out;
}

const CalendarEvent* FindStart(const CalendarFile& file, std::string_view utc) {
  for (const CalendarEvent& event : file.events) {
    if (event.start == At(utc)) return &event;
  }
  return nullptr;
}

TEST(IcalFixtureTest, Outlook2010InviteWithTabFolding) {
  CalendarFile file = Read("outlook2010_request_attendees_tab_folding__biweekly.ics",
                           Window("2013-01-01T00:00:00Z", "2014-01-01T00:00:00Z"));
  EXPECT_EQ(file.producer, "-//Microsoft Corporation//Outlook 14.0 MIMEDIR//EN");
  ASSERT_EQ(file.events.size(), 1U);
  const CalendarEvent& event = file.events[0];
  EXPECT_EQ(event.line, 21U);
  // 12:00-13:00 in the file's "Eastern Standard Time" VTIMEZONE, daylight time (-04:00) in June.
  EXPECT_EQ(event.start, At("2013-06-10T16:00:00Z"));
  EXPECT_EQ(event.end, At("2013-06-10T17:00:00Z"));
  EXPECT_FALSE(event.all_day);
  EXPECT_EQ(event.summary, "Team Meeting");
  EXPECT_EQ(event.location, "Auditorium 16");
  // Folded with a TAB in the middle of "a presentation"; \n unescaped.
  EXPECT_EQ(event.description,
            "Meeting will discuss objectives for next project.\nWill include a presentation and "
            "food.");
  // The UID is folded with a TAB too.
  EXPECT_EQ(event.uid,
            "040000009200E00074C5B7101A82E00800000000C0383BE68041CE0100000000000000001000000070D00A"
            "2F625AC34BB6542DE0D19E67E1");
  EXPECT_EQ(event.recurrence_id, "");
  ASSERT_TRUE(event.organizer.has_value());
  EXPECT_EQ(event.organizer->email, "bobsmith@example.com");
  EXPECT_EQ(event.organizer->name, "Smith, Bob");
  ASSERT_EQ(event.attendees.size(), 2U);
  EXPECT_EQ(event.attendees[0].email, "johndoe@example.com");  // folded inside the address
  EXPECT_EQ(event.attendees[0].name, "Doe, John");
  EXPECT_EQ(event.attendees[0].role, "OPT-PARTICIPANT");
  EXPECT_EQ(event.attendees[0].partstat, "");
  EXPECT_EQ(event.attendees[1].email, "janedoe@example.com");
  EXPECT_EQ(event.attendees[1].role, "CHAIR");
  EXPECT_TRUE(file.errors.empty());
  EXPECT_TRUE(file.unknown_zones.empty());
}

TEST(IcalFixtureTest, OwaDisplayNameTzidsWithoutVtimezone) {
  CalendarFile file = Read("exchange2010_owa_tzid_without_vtimezone__nodeical.ics",
                           Window("2020-10-01T00:00:00Z", "2020-11-07T00:00:00Z"));
  // Sydney is on daylight time (+11:00) from 4 Oct 2020; New York on -04:00 until 1 Nov 2020,
  // then -05:00. TEST2's series (weekly TH,FR) starts on its DTSTART, a Monday.
  EXPECT_EQ(Starts(file),
            (std::vector<std::string>{"2020-10-28T02:30:00Z", "2020-10-28T17:30:00Z",
                                      "2020-11-02T18:30:00Z", "2020-11-02T18:30:00Z",
                                      "2020-11-05T18:30:00Z", "2020-11-06T18:30:00Z"}));
  EXPECT_EQ(file.events[0].summary, "TEST Syd");  // the leading blank is trimmed
  EXPECT_EQ(file.events[0].end, At("2020-10-28T04:00:00Z"));
  EXPECT_TRUE(file.unknown_zones.empty());
  // No UIDs in this file: stable hashes, different per event.
  EXPECT_EQ(file.events[0].uid.rfind("allies-", 0), 0U);
  EXPECT_NE(file.events[0].uid, file.events[1].uid);

  CalendarFile summer = Read("exchange2010_owa_tzid_without_vtimezone__nodeical.ics",
                             Window("2021-07-01T00:00:00Z", "2021-07-03T00:00:00Z"));
  // Thursday and Friday 13:30 EDT.
  EXPECT_EQ(Starts(summer),
            (std::vector<std::string>{"2021-07-01T17:30:00Z", "2021-07-02T17:30:00Z"}));
  EXPECT_EQ(summer.events[0].summary, "TEST2");
  EXPECT_EQ(summer.events[0].recurrence_id, "20210701T173000Z");

  // The whole series: DTSTART plus 86 Thursdays and Fridays up to UNTIL 2021-08-28T14:00Z
  // (86 also by dateutil), plus the three single events.
  CalendarFile all = Read("exchange2010_owa_tzid_without_vtimezone__nodeical.ics",
                          Window("2000-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
  EXPECT_EQ(all.events.size(), 90U);
  EXPECT_EQ(core::FormatUtc(all.events.back().start), "2021-08-27T17:30:00Z");
}

TEST(IcalFixtureTest, QuotedTzidMatchesEscapedVtimezoneTzid) {
  CalendarFile file = Read("exchange2010_escaped_vs_quoted_tzid__nodeical.ics",
                           Window("2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].start, At("2019-04-30T02:00:00Z"));  // 09:00 at +07:00
  EXPECT_EQ(file.events[0].end, At("2019-04-30T05:00:00Z"));
  EXPECT_EQ(file.events[0].summary, "Test event");
  EXPECT_EQ(file.events[0].status, "CONFIRMED");
  EXPECT_EQ(file.events[0].location, "");
  EXPECT_TRUE(file.unknown_zones.empty());
}

TEST(IcalFixtureTest, BrokenQuoteRefusesOnlyThatEvent) {
  CalendarFile file = Read("exchange2010_windows_tzids_exdate_list_broken_quote__nodeical.ics",
                           Window("2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z"));
  ASSERT_EQ(file.errors.size(), 1U);
  const RecordError& error = file.errors[0];
  EXPECT_EQ(error.line, 152U);  // DTSTART;TZID="W. Europe Standard Time:20200609T090000"
  EXPECT_EQ(error.property, "DTSTART");
  EXPECT_EQ(error.value, "TZID=\"W. Europe Standard Time:20200609T090000\"");
  EXPECT_EQ(error.message,
            "DTSTART has no value: its text \"TZID=\"W. Europe Standard Time:20200609T090000\"\" "
            "has no colon outside quotes (expected DTSTART;TZID=\"zone\":YYYYMMDDTHHMMSS, the "
            "colon after the closing quote)");
  for (const CalendarEvent& event : file.events) {
    EXPECT_NE(event.summary, "Log Yesterday's Jira time");
  }
  // "test": 09:00 W. Europe summer time; "Not the actual summary 1": 08:30 Pacific daylight.
  const CalendarEvent* test = FindStart(file, "2020-09-10T07:00:00Z");
  ASSERT_NE(test, nullptr);
  EXPECT_EQ(test->summary, "test");
  EXPECT_EQ(test->end, At("2020-09-10T07:30:00Z"));
  ASSERT_NE(FindStart(file, "2020-09-15T15:30:00Z"), nullptr);
  // The weekly TU,TH,FR,SU series from 2020-07-07 12:00 Pacific to UNTIL 2021-03-09T20:00Z has
  // 141 instances (dateutil agrees); the folded EXDATE list removes 6 of them.
  EXPECT_EQ(file.events.size(), 2U + 135U);
  EXPECT_EQ(file.cancelled, 6U);
  EXPECT_EQ(FindStart(file, "2020-07-21T19:00:00Z"), nullptr);  // first EXDATE
  EXPECT_EQ(FindStart(file, "2020-09-03T19:00:00Z"), nullptr);  // last EXDATE, after the fold
  ASSERT_NE(FindStart(file, "2020-07-07T19:00:00Z"), nullptr);
  // Winter: 12:00 PST; the last instance is exactly at UNTIL.
  ASSERT_NE(FindStart(file, "2020-11-03T20:00:00Z"), nullptr);
  const CalendarEvent* last = FindStart(file, "2021-03-09T20:00:00Z");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->summary, "Not the actual summary either");
  EXPECT_EQ(last->location, "https://bluejeans.com/7999979999");
  EXPECT_EQ(last->recurrence_id, "20210309T200000Z");
}

TEST(IcalFixtureTest, ExchangeAllDaySeriesWithMovedInstance) {
  CalendarFile file = Read("exchange2010_allday_rrule_moved_instance__nodeical.ics",
                           Window("2026-02-01T00:00:00Z", "2026-03-06T00:00:00Z", "Europe/Berlin"));
  // Tuesdays and Thursdays from Thu 19 Feb; the Thu 26 Feb instance moved to Fri 27 Feb. Days
  // start at midnight Berlin time (23:00Z the day before in winter).
  EXPECT_EQ(Starts(file), (std::vector<std::string>{"2026-02-18T23:00:00Z", "2026-02-23T23:00:00Z",
                                                    "2026-02-26T23:00:00Z", "2026-03-02T23:00:00Z",
                                                    "2026-03-04T23:00:00Z"}));
  const CalendarEvent& moved = file.events[2];
  EXPECT_EQ(moved.line, 59U);
  EXPECT_EQ(moved.recurrence_id, "20260226");  // the date-time RECURRENCE-ID named this day
  EXPECT_TRUE(moved.all_day);
  EXPECT_EQ(moved.end, At("2026-02-27T23:00:00Z"));
  EXPECT_EQ(file.events[0].recurrence_id, "20260219");
  EXPECT_EQ(file.events[0].line, 34U);
  EXPECT_EQ(file.events[0].description, "");  // "\n" trims to nothing
  EXPECT_EQ(file.cancelled, 0U);

  // 52 instances up to UNTIL 2026-08-17T22:00Z, which is midnight of Tue 18 Aug in Berlin.
  CalendarFile all = Read("exchange2010_allday_rrule_moved_instance__nodeical.ics",
                          Window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "Europe/Berlin"));
  EXPECT_EQ(all.events.size(), 52U);
  EXPECT_EQ(all.events.back().recurrence_id, "20260818");
}

TEST(IcalFixtureTest, GoogleOverrideBeforeItsMaster) {
  CalendarFile file = Read("google_vtimezone_recurrence_id_override__nodeical.ics",
                           Window("2016-08-01T00:00:00Z", "2016-09-01T00:00:00Z"));
  // Daily 14:00 Kiev summer time (+03:00) from 25 Aug to UNTIL 28 Aug 11:00Z (inclusive).
  EXPECT_EQ(Starts(file),
            (std::vector<std::string>{"2016-08-25T11:00:00Z", "2016-08-26T11:00:00Z",
                                      "2016-08-27T11:00:00Z", "2016-08-28T11:00:00Z"}));
  EXPECT_EQ(file.events[1].summary, "bla bla");
  EXPECT_EQ(file.events[1].line, 27U);
  EXPECT_EQ(file.events[1].recurrence_id, "20160826T110000Z");
  EXPECT_EQ(file.events[0].summary, "repeated");
  EXPECT_EQ(file.events[0].line, 42U);
  EXPECT_EQ(file.events[0].end, At("2016-08-25T12:00:00Z"));
}

TEST(IcalFixtureTest, AppleAttendeesAndCancelledEvent) {
  CalendarFile file = Read("apple_macos11_attendees_partstat_cancelled__nodeical.ics",
                           Window("2022-07-01T00:00:00Z", "2022-08-01T00:00:00Z"));
  EXPECT_EQ(file.cancelled, 1U);
  ASSERT_EQ(file.events.size(), 3U);
  EXPECT_EQ(file.events[0].summary, "Tentative");
  EXPECT_EQ(file.events[0].status, "TENTATIVE");
  EXPECT_EQ(file.events[0].start, At("2022-07-04T23:00:00Z"));
  EXPECT_EQ(file.events[0].end, At("2022-07-04T23:50:00Z"));
  ASSERT_TRUE(file.events[0].organizer.has_value());
  EXPECT_EQ(file.events[0].organizer->email, "tentative@example.com");
  EXPECT_EQ(file.events[0].organizer->name, "");
  ASSERT_EQ(file.events[0].attendees.size(), 1U);
  const CalendarPerson& tentative = file.events[0].attendees[0];
  EXPECT_EQ(tentative.email, "tentative@example.com");  // folded inside "mailto"
  EXPECT_EQ(tentative.name, "tentative@example.com");
  EXPECT_EQ(tentative.partstat, "TENTATIVE");
  EXPECT_EQ(tentative.role, "REQ-PARTICIPANT");
  EXPECT_FALSE(tentative.is_resource);
  // America/Vancouver has no VTIMEZONE: date-tz; 09:00 PDT.
  EXPECT_EQ(file.events[1].summary, "Confirmed");
  EXPECT_EQ(file.events[1].start, At("2022-07-05T16:00:00Z"));
  EXPECT_EQ(file.events[1].attendees.at(0).partstat, "CONFIRMED");  // non-standard, kept
  EXPECT_EQ(file.events[2].summary, "No Status");
  EXPECT_EQ(file.events[2].status, "");
  EXPECT_FALSE(file.events[2].organizer.has_value());
}

TEST(IcalFixtureTest, GoogleBirthdaysAllDayAndDateWithZ) {
  CalendarFile file =
      Read("google_birthdays_allday_recurrence_id__icaljs.ics",
           Window("2012-01-01T00:00:00Z", "2016-01-01T00:00:00Z", "America/Los_Angeles"));
  // Series 2014_BIRTHDAY: DTSTART 2014-12-10 (COUNT=1) + RDATEs 20131210Z and 20121210Z, read
  // as dates; BIRTHDAY_...: three overrides whose master is not in the file.
  ASSERT_EQ(file.events.size(), 6U);
  EXPECT_TRUE(file.errors.empty());
  for (const CalendarEvent& event : file.events) {
    EXPECT_TRUE(event.all_day);
    EXPECT_EQ(event.summary, "PErson #2's birthday");
    EXPECT_EQ(event.end - event.start, std::chrono::hours(24));
    ASSERT_EQ(event.attendees.size(), 1U);
    EXPECT_EQ(event.attendees[0].name, "Contacts");
    EXPECT_EQ(event.attendees[0].email,
              "4dhmurjkc5hn8sq0ctp6utbg5pr2sor1dhimsp31e8n6errfctm6abj3dtmg@virtual");
  }
  // Midnight in Los Angeles (-08:00).
  EXPECT_EQ(file.events[0].start, At("2012-12-10T08:00:00Z"));
  EXPECT_EQ(file.events[0].uid, "2014_BIRTHDAY_79d389868f96182e@google.com");
  EXPECT_EQ(file.events[0].recurrence_id, "20121210");
  EXPECT_EQ(file.events[1].uid, "BIRTHDAY_79d389868f96182e@google.com");
  EXPECT_EQ(file.events[1].recurrence_id, "20121210");
  EXPECT_EQ(file.events[1].line, 27U);
  EXPECT_EQ(file.events[5].start, At("2014-12-10T08:00:00Z"));
  EXPECT_EQ(file.events[5].line, 69U);
}

TEST(IcalFixtureTest, ZimbraRdatesExdatesAndOverrides) {
  CalendarFile file = Read("zimbra_rrule_rdate_exdate_overrides_attendees__icaljs.ics",
                           Window("2012-10-01T00:00:00Z", "2013-07-01T00:00:00Z"));
  // First Tuesdays at 10:00 Los Angeles, RDATEs 5, 10 and 30 Nov, EXDATEs 4 Dec, 5 Feb, 2 Apr.
  // 2 Oct moved to 15:00; 5 Nov (an RDATE, named in UTC) moved to 6 Nov 20:00.
  EXPECT_EQ(Starts(file),
            (std::vector<std::string>{
                "2012-10-02T22:00:00Z", "2012-11-06T18:00:00Z", "2012-11-07T04:00:00Z",
                "2012-11-10T18:00:00Z", "2012-11-30T18:00:00Z", "2013-01-01T18:00:00Z",
                "2013-03-05T18:00:00Z", "2013-05-07T17:00:00Z", "2013-06-04T17:00:00Z"}));
  EXPECT_EQ(file.cancelled, 3U);
  const CalendarEvent& moved = file.events[0];
  EXPECT_EQ(moved.description, "I HAZ CHANGED!");
  EXPECT_EQ(moved.recurrence_id, "20121002T170000Z");
  EXPECT_EQ(moved.end, At("2012-10-02T22:30:00Z"));
  EXPECT_EQ(file.events[2].recurrence_id, "20121105T180000Z");
  const CalendarEvent& regular = file.events[1];
  EXPECT_EQ(regular.summary, "Crazy Event Thingy!");
  EXPECT_EQ(regular.location, "PLACE");
  ASSERT_TRUE(regular.organizer.has_value());
  EXPECT_EQ(regular.organizer->email, "jlal@mozilla.com");
  EXPECT_EQ(regular.organizer->name, "James Lal");
  ASSERT_EQ(regular.attendees.size(), 3U);
  EXPECT_EQ(regular.attendees[0].name, "Sahaja Lal");  // fold followed by two blanks
  EXPECT_EQ(regular.attendees[0].partstat, "ACCEPTED");
  EXPECT_EQ(regular.attendees[1].email, "james@lightsofapollo.com");
  EXPECT_EQ(regular.attendees[1].partstat, "NEEDS-ACTION");
}

TEST(IcalFixtureTest, ThunderbirdUtcExdatesAndCancelledOverrides) {
  CalendarFile file = Read("thunderbird_exdate_cancelled_overrides__vobject.ics",
                           Window("2017-01-01T00:00:00Z", "2019-01-01T00:00:00Z"));
  // 37 Mondays 20:30 Paris from 9 Oct 2017 to 18 Jun 2018; 9 UTC EXDATEs and 2 cancelled
  // overrides (26 Mar, 30 Apr).
  EXPECT_EQ(file.events.size(), 26U);
  EXPECT_EQ(file.cancelled, 11U);
  EXPECT_EQ(FindStart(file, "2017-10-23T18:30:00Z"), nullptr);  // EXDATE, summer time
  EXPECT_EQ(FindStart(file, "2017-10-30T19:30:00Z"), nullptr);  // EXDATE, winter time
  EXPECT_EQ(FindStart(file, "2018-03-26T18:30:00Z"), nullptr);  // cancelled override
  EXPECT_EQ(FindStart(file, "2018-04-30T18:30:00Z"), nullptr);  // cancelled override
  const CalendarEvent* november = FindStart(file, "2017-11-06T19:30:00Z");
  ASSERT_NE(november, nullptr);
  EXPECT_EQ(november->location, "Some place, Some where");
  EXPECT_EQ(november->end, At("2017-11-06T20:30:00Z"));
  EXPECT_EQ(core::FormatUtc(file.events.back().start), "2018-06-18T18:30:00Z");
}

TEST(IcalFixtureTest, LotusNotesRdatePeriodsOfAThisAndFutureOrphan) {
  CalendarFile file = Read("lotus_notes_rdate_period_thisandfuture__icalendar.ics",
                           Window("2021-01-01T00:00:00Z", "2023-01-01T00:00:00Z"));
  // 16:00-16:30 in "Western/Central Europe" (+01:00 in winter) on the four RDATE periods.
  EXPECT_EQ(Starts(file),
            (std::vector<std::string>{"2021-11-01T15:00:00Z", "2021-12-06T15:00:00Z",
                                      "2022-01-03T15:00:00Z", "2022-02-07T15:00:00Z"}));
  for (const CalendarEvent& event : file.events) {
    EXPECT_EQ(event.end - event.start, std::chrono::minutes(30));
  }
  EXPECT_EQ(file.events[0].recurrence_id, "20211101T150000Z");
  EXPECT_EQ(file.events[3].recurrence_id, "20220207T150000Z");
  ASSERT_EQ(file.events[0].attendees.size(), 1U);
  const CalendarPerson& chair = file.events[0].attendees[0];
  EXPECT_EQ(chair.name, "(omitted)");
  EXPECT_EQ(chair.email, "omitted@example.com");
  EXPECT_EQ(chair.partstat, "ACCEPTED");
  EXPECT_EQ(chair.role, "CHAIR");
}

TEST(IcalFixtureTest, SixtNonAsciiLongLinesAndFreeBusyIgnored) {
  CalendarFile file = Read("vendor_sixt_unfolded_long_lines_broken_organizer__icalendar.ics",
                           Window("2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_TRUE(file.errors.empty());
  const CalendarEvent& event = file.events[0];
  EXPECT_EQ(event.summary, "Sixt : d\u00e9tails de votre r\u00e9servation");
  EXPECT_EQ(event.location,
            "Sixt Gen\u00e8ve A\u00e9roport secteur France, AP de Gen\u00e8ve Cointrin Sect(F), "
            "01210 Ferney-Voltaire, FR");
  EXPECT_EQ(event.start, At("2019-06-24T06:30:00Z"));
  EXPECT_EQ(event.end, At("2019-06-24T16:30:00Z"));
  EXPECT_EQ(event.line, 13U);
  EXPECT_EQ(event.description.rfind("Votre v\u00e9hicule", 0), 0U);
}

TEST(IcalFixtureTest, AppleIosEscapedSemicolonAndVienna) {
  CalendarFile file = Read("apple_ios26_vtimezone_escaped_semicolon__ical4j.ics",
                           Window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].location, "Hauptstra\u00dfe 1-5; 4041 Linz");
  EXPECT_EQ(file.events[0].description, "Passwesen\nAntrag auf ID Austria");
  EXPECT_EQ(file.events[0].start, At("2026-05-22T08:30:00Z"));  // 10:30 CEST
  EXPECT_EQ(file.events[0].end, At("2026-05-22T08:40:00Z"));
}

TEST(IcalFixtureTest, GroupWiseFoldedOrganizerAndResourceWithBlankInAddress) {
  CalendarFile file = Read("groupwise7_folded_organizer_spaces_in_mailto__ical4j.ics",
                           Window("2008-01-01T00:00:00Z", "2009-01-01T00:00:00Z"));
  EXPECT_EQ(file.producer, "-//Novell Inc//Groupwise 7.0.2");
  ASSERT_EQ(file.events.size(), 1U);
  const CalendarEvent& event = file.events[0];
  EXPECT_EQ(event.start, At("2008-12-17T07:30:00Z"));
  EXPECT_EQ(event.end, At("2008-12-17T09:00:00Z"));
  EXPECT_EQ(event.location, "CET Meeting Room");
  ASSERT_TRUE(event.organizer.has_value());
  EXPECT_EQ(event.organizer->email, "jane.doe@university.edu");  // "MAILTO:" on the next line
  EXPECT_EQ(event.organizer->name, "Jane Doe");
  EXPECT_EQ(event.organizer->role, "CHAIR");
  ASSERT_EQ(event.attendees.size(), 1U);
  EXPECT_EQ(event.attendees[0].email, "cetmeetingroom@university.edu");
  EXPECT_TRUE(event.attendees[0].is_resource);
  EXPECT_EQ(event.attendees[0].partstat, "NEEDS-ACTION");
}

TEST(IcalFixtureTest, CdoOddTzidAndBlanksInByday) {
  CalendarFile file = Read("exchange_cdo_odd_tzid_rrule_spaces__icalendar.ics",
                           Window("2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z"));
  // Weekdays at 10:00 +02:00 from Fri 3 Jul to UNTIL 22 Jul 08:00Z (inclusive): 1 + 5 + 5 + 3.
  ASSERT_EQ(file.events.size(), 14U);
  EXPECT_EQ(file.events.front().start, At("2015-07-03T08:00:00Z"));
  EXPECT_EQ(file.events[1].start, At("2015-07-06T08:00:00Z"));
  EXPECT_EQ(file.events.back().start, At("2015-07-22T08:00:00Z"));
  EXPECT_EQ(file.events.back().end, At("2015-07-22T08:30:00Z"));
  // No UID: one stable hash for the whole series, the same on every read.
  EXPECT_EQ(file.events.front().uid.size(), 7U + 16U);
  EXPECT_EQ(file.events.front().uid, file.events.back().uid);
  CalendarFile again = Read("exchange_cdo_odd_tzid_rrule_spaces__icalendar.ics",
                            Window("2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z"));
  EXPECT_EQ(again.events.front().uid, file.events.front().uid);
}

TEST(IcalFixtureTest, AppleICalOverridesOfExcludedDates) {
  CalendarFile file = Read("apple_ical15_allday_monthly_exdate_recurrence_id__ical4j.ics",
                           Window("2004-01-01T00:00:00Z", "2004-07-01T00:00:00Z"));
  EXPECT_EQ(file.producer, "-//Apple Computer, Inc//iCal 1.5//EN");
  // The 24th of each month; Feb and Mar are both EXDATEs and overrides (listed first): the
  // overrides are the occurrences.
  EXPECT_EQ(Starts(file), (std::vector<std::string>{"2004-02-24T00:00:00Z", "2004-03-24T00:00:00Z",
                                                    "2004-04-24T00:00:00Z", "2004-05-24T00:00:00Z",
                                                    "2004-06-24T00:00:00Z"}));
  EXPECT_EQ(file.cancelled, 0U);
  EXPECT_EQ(file.events[0].line, 8U);
  EXPECT_EQ(file.events[1].line, 22U);
  EXPECT_EQ(file.events[2].line, 36U);
  EXPECT_EQ(file.events[2].recurrence_id, "20040424");
  EXPECT_TRUE(file.events[2].all_day);
  EXPECT_EQ(file.events[2].end, At("2004-04-25T00:00:00Z"));
}

TEST(IcalFixtureTest, CyrillicTzidVtimezone) {
  CalendarFile file = Read("outlook2007_cyrillic_tzid__vobject.ics",
                           Window("2008-01-01T00:00:00Z", "2009-01-01T00:00:00Z"));
  ASSERT_EQ(file.events.size(), 1U);
  EXPECT_EQ(file.events[0].uid, "CyrillicTest");
  EXPECT_EQ(file.events[0].start, At("2008-05-30T09:00:00Z"));  // 15:00 at +06:00 (daylight)
  EXPECT_EQ(file.events[0].end, file.events[0].start);          // no DTEND
  EXPECT_TRUE(file.unknown_zones.empty());
}

TEST(IcalFixtureTest, GoogleWeekdaySeriesAcrossTheEndOfSummerTime) {
  CalendarFile file = Read("google_apple_structured_location_nonascii__icalendar.ics",
                           Window("2016-10-01T00:00:00Z", "2016-11-05T00:00:00Z"));
  EXPECT_EQ(Starts(file),
            (std::vector<std::string>{"2016-10-28T12:00:00Z", "2016-10-31T13:00:00Z",
                                      "2016-11-01T13:00:00Z", "2016-11-02T13:00:00Z",
                                      "2016-11-03T13:00:00Z", "2016-11-04T13:00:00Z"}));
  EXPECT_EQ(file.events[0].location, "Roadstar 16\n12764 Happyville\nDenmark");
  EXPECT_EQ(file.events[0].summary, "Daily Sync");
}

}  // namespace
}  // namespace allies::formats
