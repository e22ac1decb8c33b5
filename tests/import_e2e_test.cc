// `allies import`, `duplicates` and `merge` run as a user would, on the real exported files in
// tests/data (vcard/, csv/, ics/; see the SOURCES.md there). Expected values are read off the
// files themselves.

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Data(const std::string& relative) {
  return std::string(ALLIES_TEST_DATA) + "/" + relative;
}

std::vector<std::string> Fixtures(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(Data(dir))) {
    const auto extension = entry.path().extension();
    if (extension == ".vcf" || extension == ".csv" || extension == ".ics") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void Write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One integer from the database, for facts no command prints (who owns an interaction).
std::int64_t Query(const Sandbox& box, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(box.db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  // A command may have started a background influence refresh that briefly locks the file.
  constexpr int kBusyMilliseconds = 5000;
  sqlite3_busy_timeout(db, kBusyMilliseconds);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
  std::int64_t value = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(
        box_.Run({"init", "--name", "Dana Whitfield", "--email", "dana@example.com"}).exit_code, 0);
  }
  json Import(std::vector<std::string> args) {
    args.insert(args.begin(), "import");
    return box_.Json(args);
  }
  json Show(const std::string& ref) { return box_.Json({"show", ref}); }
  static bool HasNote(const json& person, const std::string& text) {
    for (const auto& note : person["notes"]) {
      if (note["text"].get<std::string>().find(text) != std::string::npos) return true;
    }
    return false;
  }

  Sandbox box_;
};

const char* kOutlookCard = "vcard/outlook_v21_qp_label_photo__ezvcard.vcf";

TEST_F(ImportTest, OutlookCardBecomesAPersonWithEveryMappedField) {
  auto report = Import({Data(kOutlookCard)});
  EXPECT_EQ(report["created"], 1);
  EXPECT_EQ(report["photos_skipped"], 1);
  EXPECT_EQ(report["errors"], json::array());
  auto john = Show("john.doe@ibm.cm");
  EXPECT_EQ(john["name"], "Mr. John Richter James Doe Sr.");
  EXPECT_EQ(john["title"], "Money Counter");
  EXPECT_EQ(john["organization"], "IBM");
  EXPECT_EQ(john["department"], "Accounting");
  EXPECT_EQ(john["birthday"], "1980-03-22");
  EXPECT_EQ(john["anniversary"], "2011-01-13");
  EXPECT_TRUE(HasNote(john, "Manager: Big Blue")) << john["notes"];
  EXPECT_TRUE(HasNote(john, "THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD"));
}

TEST_F(ImportTest, QuotedPrintableAndFoldSplitCharactersKeepTheirText) {
  auto android = Import({Data("vcard/android_v21_qp_utf8_photo__ezvcard.vcf")});
  EXPECT_EQ(android["created"], 6);
  auto bob = Show("bob@company.com");
  EXPECT_EQ(bob["name"].get<std::string>().find("\xC3\x91"), 0u) << bob["name"];  // Ñ...
  Import({Data("vcard/owncloud_v30_fold_splits_utf8_char__kcontacts.vcf")});
  auto people = box_.Json({"person", "list"});
  auto greek = std::find_if(people.begin(), people.end(), [](const json& p) {
    return p["name"].get<std::string>().starts_with("βγδεαβγδ1");
  });
  ASSERT_NE(greek, people.end());
  EXPECT_TRUE(HasNote(*greek, "чтобы в результате получилась строка более 70 символов."))
      << (*greek)["notes"];
}

TEST_F(ImportTest, CsvPresetsReadTheirLocaleAndCharset) {
  auto report = Import({Data("csv/thunderbird_addressbook_shift_jis__comm-central.csv"),
                        Data("csv/thunderbird_addressbook_export_crlf_embedded_cr_lf_tab__comm-"
                             "central.csv")});
  EXPECT_EQ(report["created"], 3);
  EXPECT_EQ(report["files"][0]["format"], "csv thunderbird");
  EXPECT_EQ(Show("contact2@invalid")["title"], "\"worker\"");
  auto japanese = box_.Json({"find", "名無し"});
  ASSERT_EQ(japanese.size(), 1u);
  EXPECT_EQ(japanese[0]["name"], "名無しの権兵衛");
  auto german = Import({Data("csv/outlook2007_desktop_export_german__outlook_importer.csv")});
  EXPECT_EQ(german["files"][0]["format"], "csv outlook-de");
  EXPECT_EQ(Show("robin@example.de")["name"], "Robin Example");
}

TEST_F(ImportTest, EveryFixtureImportsAndReimportingChangesNothing) {
  for (const char* dir : {"vcard", "csv", "ics"}) {
    for (const auto& file : Fixtures(dir)) {
      SCOPED_TRACE(file);
      Sandbox box;
      ASSERT_EQ(box.Run({"init", "--name", "Dana", "--email", "dana@example.com"}).exit_code, 0);
      const bool broken = file.find("broken_quote") != std::string::npos;
      std::vector<std::string> args = {"import",     file,      "--since",
                                       "2000-01-01", "--until", "2030-01-01"};
      if (broken) args.push_back("--skip-bad");
      auto first = box.Json(args);
      EXPECT_EQ(first["errors"].size(), broken ? 1u : 0u) << first["errors"];
      auto again = box.Json(args);
      EXPECT_EQ(again["created"], 0);
      EXPECT_EQ(again["updated"], 0);
      EXPECT_EQ(again["interactions"], 0);
      EXPECT_EQ(again["interactions_updated"], 0);
      EXPECT_EQ(again["interactions_unchanged"], first["interactions"]);
    }
  }
}

TEST_F(ImportTest, MeetingBecomesAnInteractionWithItsAttendeesAndOrganizer) {
  auto report = Import({Data("ics/outlook2010_request_attendees_tab_folding__biweekly.ics"),
                        "--since", "2013-01-01", "--until", "2014-01-01"});
  EXPECT_EQ(report["created"], 3);  // the organizer and two attendees, tagged from-calendar
  EXPECT_EQ(report["interactions"], 1);
  auto bob = Show("bobsmith@example.com");
  EXPECT_EQ(bob["name"], "Smith, Bob");
  EXPECT_EQ(bob["tags"], json::array({"from-calendar"}));
  ASSERT_EQ(bob["recent_interactions"].size(), 1u);
  const auto& meeting = bob["recent_interactions"][0];
  EXPECT_EQ(meeting["note"], "Team Meeting");
  EXPECT_EQ(meeting["kind"], "meeting");
  // 12:00 Eastern Standard Time (Windows name) in June is 16:00 UTC (EDT).
  EXPECT_EQ(meeting["at"], "2013-06-10T16:00:00Z");
  EXPECT_EQ(meeting["attendees"].size(), 4u);  // me and the three of them
  EXPECT_EQ(meeting["initiated_by"]["name"], "Smith, Bob");
}

constexpr const char* kMyCalendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:declined-1\r\nDTSTART:20261110T100000Z\r\nDTEND:20261110T110000Z\r\n"
    "SUMMARY:Budget review\r\nORGANIZER;CN=Cara:mailto:cara@example.com\r\n"
    "ATTENDEE;PARTSTAT=DECLINED:mailto:DANA@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:cancelled-1\r\nSTATUS:CANCELLED\r\nDTSTART:20261111T100000Z\r\n"
    "SUMMARY:Vendor sync\r\nATTENDEE:mailto:cara@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:lunch-1\r\nDTSTART:20261112T120000Z\r\nDTEND:20261112T130000Z\r\n"
    "SUMMARY:Lunch with Cara\r\nORGANIZER;CN=Dana:mailto:dana@example.com\r\n"
    "ATTENDEE;CN=Cara Diaz;PARTSTAT=ACCEPTED:mailto:cara@example.com\r\n"
    "ATTENDEE;CUTYPE=ROOM:mailto:room-4@example.com\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

// Thousands of records (at least Store::kBulkLoadMinRows) are loaded in one transaction whose
// references are checked once, at the commit: every row lands, every reference resolves, and
// the database is whole; a second import of the calendar changes nothing.
TEST_F(ImportTest, ThousandsOfRecordsLoadWithEveryReferenceResolved) {
  constexpr int kCards = 6000;
  constexpr int kMeetings = 10000;  // Store::kBulkLoadMinRows: a load transaction
  std::string cards;
  for (int i = 0; i < kCards; ++i) {
    cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) +
             "\r\nEMAIL;TYPE=work:p" + std::to_string(i) + "@example.com\r\nORG:Org " +
             std::to_string(i % 40) + "\r\nCATEGORIES:bulk\r\nEND:VCARD\r\n";
  }
  std::string calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
  for (int i = 0; i < kMeetings; ++i) {
    char start[32];
    std::snprintf(start, sizeof start, "202610%02dT%02d%02d00Z", 1 + i % 28, 8 + i % 9, i % 60);
    calendar += "BEGIN:VEVENT\r\nUID:bulk-" + std::to_string(i) + "\r\nDTSTART:" + start +
                "\r\nDURATION:PT30M\r\nSUMMARY:Sync " + std::to_string(i) +
                "\r\nORGANIZER:mailto:dana@example.com\r\nATTENDEE:mailto:dana@example.com"
                "\r\nATTENDEE:mailto:p" +
                std::to_string((i * 7) % kCards) + "@example.com\r\nATTENDEE:mailto:guest" +
                std::to_string(i % 100) + "@partner.example\r\nEND:VEVENT\r\n";
  }
  calendar += "END:VCALENDAR\r\n";
  const fs::path vcf = box_.dir() / "many.vcf";
  const fs::path ics = box_.dir() / "many.ics";
  Write(vcf, cards);
  Write(ics, calendar);
  auto report =
      Import({vcf.string(), ics.string(), "--since", "2026-01-01", "--until", "2027-01-01"});
  EXPECT_EQ(report["created"], kCards + 100);  // and the 100 guests
  EXPECT_EQ(report["interactions"], kMeetings);
  EXPECT_EQ(report["errors"].size(), 0u);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM interaction_attendee"), 3 * kMeetings);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM person_email"), kCards + 100 + 1);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> "
                  "'ok'"),
            0);
  auto again = Import({ics.string(), "--since", "2026-01-01", "--until", "2027-01-01"});
  EXPECT_EQ(again["interactions"], 0);
  EXPECT_EQ(again["interactions_unchanged"], kMeetings);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM interaction"), kMeetings);
}

// An address book of 10,000 people is bulk loaded: its people wait in the store's buffer and
// are written beside the importer, with their references checked as they are written. Cards
// that repeat an earlier one (merged, which writes the buffer out first) and managers named by
// email (resolved after the last card) land as one database, whole.
TEST_F(ImportTest, TenThousandCardsWithRepeatsAndManagersLandWhole) {
  constexpr int kPeople = 10000;
  constexpr int kRepeatEvery = 10;  // after card 10k, card 10k - 5 again, with a phone added
  std::string cards;
  auto card = [&](int who, std::string_view extra) {
    cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(who) + "\r\nEMAIL:p" +
             std::to_string(who) + "@example.com\r\nORG:Org " + std::to_string(who % 50) + "\r\n";
    cards += extra;
    if (who % 100 != 0) {
      cards += "X-MANAGER:p" + std::to_string(who - who % 100) + "@example.com\r\n";
    }
    cards += "END:VCARD\r\n";
  };
  for (int i = 0; i < kPeople; ++i) {
    card(i, "");
    if (i % kRepeatEvery == 0 && i > 0) {
      card(i - 5, "TEL;TYPE=cell:+1 415 555 " + std::to_string(1000 + i % 9000) + "\r\n");
    }
  }
  const fs::path vcf = box_.dir() / "many.vcf";
  Write(vcf, cards);
  auto report = Import({vcf.string()});
  constexpr int kRepeats = kPeople / kRepeatEvery - 1;
  EXPECT_EQ(report["created"], kPeople);
  EXPECT_EQ(report["merged"], kRepeats);
  EXPECT_EQ(report["errors"].size(), 0u);
  // Me (init) and everyone, with ids one after another.
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM person"), kPeople + 1);
  EXPECT_EQ(Query(box_, "SELECT max(id) FROM person"), kPeople + 1);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM org"), 50);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM person_phone"), kRepeats);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM person WHERE reports_to IS NOT NULL"),
            kPeople - kPeople / 100);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM person p JOIN person m ON m.id = p.reports_to "
                  "JOIN person_email e ON e.person_id = m.id "
                  "WHERE e.address <> 'p' || (CAST(substr(p.name, 8) AS INTEGER) / 100 * 100) "
                  "|| '@example.com'"),
            0);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> "
                  "'ok'"),
            0);
  auto again = Import({vcf.string()});
  EXPECT_EQ(again["created"], 0);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM person"), kPeople + 1);
}

TEST_F(ImportTest, DeclinedAndCancelledMeetingsAreSkippedAndKindIsInferred) {
  Write(box_.dir() / "mine.ics", kMyCalendar);
  auto report = Import({(box_.dir() / "mine.ics").string()});
  EXPECT_EQ(report["interactions"], 1);
  EXPECT_EQ(report["skipped_meetings"]["declined"], 1);
  EXPECT_EQ(report["skipped_meetings"]["cancelled"], 1);
  EXPECT_EQ(report["created"], 1);  // Cara; the room is not a person
  auto cara = Show("cara@example.com");
  EXPECT_EQ(cara["name"], "Cara Diaz");
  const auto& lunch = cara["recent_interactions"][0];
  EXPECT_EQ(lunch["kind"], "lunch");
  EXPECT_EQ(lunch["setting"], "relaxed");
  EXPECT_EQ(lunch["minutes"], 60);
  EXPECT_EQ(lunch["initiated_by"]["name"], "Dana Whitfield");
  EXPECT_EQ(lunch["source"], "ics:lunch-1");
}

TEST_F(ImportTest, AMovedMeetingIsUpdatedInPlace) {
  Write(box_.dir() / "mine.ics", kMyCalendar);
  Import({(box_.dir() / "mine.ics").string()});
  std::string moved = kMyCalendar;
  moved.replace(moved.find("20261112T120000Z"), 16, "20261113T120000Z");
  moved.replace(moved.find("20261112T130000Z"), 16, "20261113T123000Z");
  Write(box_.dir() / "mine.ics", moved);
  auto report = Import({(box_.dir() / "mine.ics").string()});
  EXPECT_EQ(report["interactions"], 0);
  EXPECT_EQ(report["interactions_updated"], 1);
  const json lunch = Show("cara@example.com")["recent_interactions"][0];
  EXPECT_EQ(lunch["at"], "2026-11-13T12:00:00Z");
  EXPECT_EQ(lunch["minutes"], 30);
}

// The same meeting twice in one import (two exports of one calendar): written once, then left
// alone when the second says the same and updated when it says otherwise.
TEST_F(ImportTest, AMeetingInTwoFilesOfOneImportIsWrittenOnce) {
  std::string moved = kMyCalendar;
  moved.replace(moved.find("20261112T120000Z"), 16, "20261112T123000Z");
  Write(box_.dir() / "mine.ics", kMyCalendar);
  Write(box_.dir() / "copy.ics", kMyCalendar);
  Write(box_.dir() / "moved.ics", moved);
  auto report = Import({(box_.dir() / "mine.ics").string(), (box_.dir() / "copy.ics").string(),
                        (box_.dir() / "moved.ics").string()});
  EXPECT_EQ(report["interactions"], 1);
  EXPECT_EQ(report["interactions_unchanged"], 1);
  EXPECT_EQ(report["interactions_updated"], 1);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM interaction"), 1);
  EXPECT_EQ(Show("cara@example.com")["recent_interactions"][0]["at"], "2026-11-12T12:30:00Z");
}

// Meetings are metadata: the description of an event becomes part of its note only with
// --keep-notes (only then does the reader keep DESCRIPTION).
TEST_F(ImportTest, DescriptionsAreKeptOnlyWithKeepNotes) {
  std::string calendar = kMyCalendar;
  calendar.insert(calendar.find("SUMMARY:Lunch with Cara"),
                  "DESCRIPTION:Ask about the data centre move\\, and the budget\r\n");
  Write(box_.dir() / "mine.ics", calendar);
  Import({(box_.dir() / "mine.ics").string()});
  EXPECT_EQ(Show("cara@example.com")["recent_interactions"][0]["note"], "Lunch with Cara");

  auto report = Import({(box_.dir() / "mine.ics").string(), "--keep-notes"});
  EXPECT_EQ(report["interactions"], 0);
  EXPECT_EQ(report["interactions_updated"], 1);
  EXPECT_EQ(Show("cara@example.com")["recent_interactions"][0]["note"],
            "Lunch with Cara\n\nAsk about the data centre move, and the budget");
}

// A weekly series of four whose second instance another organizer moved and turned into a
// coffee with one more person, and whose third I declined. The occurrences of a series share
// their attendee list, and the importer works its people out once per list: the overrides,
// which have lists of their own, must still come out as they are written.
constexpr const char* kSeriesCalendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:sync-1\r\nDTSTART:20261102T090000Z\r\nDURATION:PT30M\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Project sync\r\n"
    "ORGANIZER;CN=Cara Diaz:mailto:cara@example.com\r\n"
    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com\r\n"
    "ATTENDEE;CN=Eve Moss:mailto:eve@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:sync-1\r\nRECURRENCE-ID:20261109T090000Z\r\n"
    "DTSTART:20261109T100000Z\r\nDURATION:PT45M\r\nSUMMARY:Coffee with Finn\r\n"
    "ORGANIZER;CN=Finn Berg:mailto:finn@example.com\r\n"
    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com\r\n"
    "ATTENDEE;CN=Eve Moss:mailto:eve@example.com\r\n"
    "ATTENDEE;CN=Finn Berg:mailto:finn@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:sync-1\r\nRECURRENCE-ID:20261116T090000Z\r\n"
    "DTSTART:20261116T090000Z\r\nDURATION:PT30M\r\nSUMMARY:Project sync\r\n"
    "ORGANIZER;CN=Cara Diaz:mailto:cara@example.com\r\n"
    "ATTENDEE;PARTSTAT=DECLINED:mailto:dana@example.com\r\n"
    "ATTENDEE;CN=Eve Moss:mailto:eve@example.com\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

TEST_F(ImportTest, ASeriesSharesItsPeopleAndItsOverridesKeepTheirOwn) {
  Write(box_.dir() / "series.ics", kSeriesCalendar);
  auto report = Import(
      {(box_.dir() / "series.ics").string(), "--since", "2026-11-01", "--until", "2026-12-01"});
  EXPECT_EQ(report["interactions"], 3);  // 2, 9 (the coffee) and 23 November
  EXPECT_EQ(report["skipped_meetings"]["declined"], 1);
  EXPECT_EQ(report["created"], 3);  // Cara, Eve and Finn
  auto person = [&](const std::string& email) {
    return "(SELECT person_id FROM person_email WHERE address = '" + email + "')";
  };
  auto meetings_of = [&](const std::string& email) {
    return Query(box_,
                 "SELECT count(*) FROM interaction_attendee WHERE person_id = " + person(email));
  };
  EXPECT_EQ(meetings_of("eve@example.com"), 3);
  EXPECT_EQ(meetings_of("cara@example.com"), 2);  // not at the coffee
  EXPECT_EQ(meetings_of("finn@example.com"), 1);
  EXPECT_EQ(Query(box_, "SELECT count(*) FROM interaction WHERE initiator_id = " +
                            person("cara@example.com")),
            2);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM interaction WHERE kind = 'meeting' AND "
                  "duration_min = 30 AND note = 'Project sync'"),
            2);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM interaction WHERE kind = 'coffee' AND "
                  "duration_min = 45 AND initiator_id = " +
                      person("finn@example.com")),
            1);
  EXPECT_EQ(Query(box_,
                  "SELECT count(*) FROM interaction_attendee WHERE interaction_id = "
                  "(SELECT id FROM interaction WHERE kind = 'coffee')"),
            3);  // me, Finn (organizer and attendee, once) and Eve
}

TEST_F(ImportTest, KnownOnlyLeavesStrangersOut) {
  Write(box_.dir() / "mine.ics", kMyCalendar);
  auto report = Import({(box_.dir() / "mine.ics").string(), "--known-only"});
  EXPECT_EQ(report["created"], 0);
  EXPECT_EQ(report["interactions"], 0);
  EXPECT_EQ(report["skipped_meetings"]["unknown attendees"], 1);
}

TEST_F(ImportTest, AsMemberMakesTheMeetingsTheirs) {
  ASSERT_EQ(box_.Run({"person", "add", "Theo Member", "--email", "theo@example.com"}).exit_code, 0);
  ASSERT_EQ(box_.Run({"team", "add", "Theo Member"}).exit_code, 0);
  std::string theirs = kMyCalendar;
  for (const char* mine : {"dana@example.com", "DANA@example.com"}) {
    for (std::size_t at; (at = theirs.find(mine)) != std::string::npos;) {
      theirs.replace(at, 16, "theo@example.com");
    }
  }
  Write(box_.dir() / "theo.ics", theirs);
  auto report = Import({(box_.dir() / "theo.ics").string(), "--as", "Theo Member"});
  EXPECT_EQ(report["interactions"], 1);
  EXPECT_EQ(Query(box_, "SELECT owner_id FROM interaction"),
            Show("theo@example.com")["id"].get<std::int64_t>());
  auto not_team =
      box_.Run({"import", (box_.dir() / "theo.ics").string(), "--as", "cara@example.com"});
  EXPECT_EQ(not_team.exit_code, 2) << not_team.err;
  EXPECT_NE(not_team.err.find("is not on my team"), std::string::npos) << not_team.err;
}

TEST_F(ImportTest, BrokenRecordFailsTheWholeImportUnlessSkipBad) {
  const std::string file =
      Data("ics/exchange2010_windows_tzids_exdate_list_broken_quote__nodeical.ics");
  const std::string before = box_.DbBytes();
  auto refused = box_.Run({"import", file, "--since", "2019-01-01", "--until", "2022-01-01"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find(file + ":152: DTSTART"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("nothing was imported (use --skip-bad"), std::string::npos);
  EXPECT_EQ(refused.out, "");
  EXPECT_TRUE(box_.DbBytes() == before);
  auto skipped = Import({file, "--since", "2019-01-01", "--until", "2022-01-01", "--skip-bad"});
  ASSERT_EQ(skipped["errors"].size(), 1u);
  EXPECT_EQ(skipped["errors"][0]["file"], file);
  EXPECT_EQ(skipped["errors"][0]["line"], 152);
}

TEST_F(ImportTest, DryRunReportsAndWritesNothing) {
  const std::string before = box_.DbBytes();
  auto report = Import({Data("vcard/android_v21_qp_utf8_photo__ezvcard.vcf"), "--dry-run"});
  EXPECT_EQ(report["dry_run"], true);
  EXPECT_EQ(report["created"], 6);
  EXPECT_FALSE(report["sample"].empty());
  EXPECT_TRUE(box_.DbBytes() == before);
  EXPECT_EQ(box_.Json({"person", "list"}).size(), 1u);
}

TEST_F(ImportTest, AFileThatIsNotItsFormatIsRefusedUntouched) {
  const std::string before = box_.DbBytes();
  auto vcard = box_.Run({"import", Data("csv/thunderbird_addressbook_shift_jis__comm-central.csv"),
                         "--format", "vcard"});
  EXPECT_EQ(vcard.exit_code, 2);
  EXPECT_NE(vcard.err.find("thunderbird_addressbook_shift_jis__comm-central.csv: "),
            std::string::npos)
      << vcard.err;
  auto ics = box_.Run({"import", Data(kOutlookCard), "--format", "ics"});
  EXPECT_EQ(ics.exit_code, 2);
  EXPECT_NE(ics.err.find("not an iCalendar file"), std::string::npos) << ics.err;
  auto missing = box_.Run({"import", (box_.dir() / "nope.vcf").string()});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("nope.vcf"), std::string::npos);
  // One good file and one bad one: nothing from either.
  auto mixed = box_.Run({"import", Data(kOutlookCard),
                         Data("ics/exchange2010_windows_tzids_exdate_list_broken_quote__"
                              "nodeical.ics")});
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_TRUE(box_.DbBytes() == before);
}

TEST_F(ImportTest, SamePersonFromTwoSourcesBecomesOnePerson) {
  Write(box_.dir() / "ana.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana López\r\nEMAIL;TYPE=WORK:ana@corp.example\r\n"
        "BDAY:1985-04-02\r\nORG:Corp;Finance\r\nEND:VCARD\r\n");
  Write(box_.dir() / "ana.csv",
        "First Name,Last Name,E-mail Address,Mobile Phone,Company\r\n"
        "Ana,López,ANA@corp.example,+1 415 555 0100,Corp\r\n"
        "Ana,López,,,Corp\r\n");
  auto report = Import({(box_.dir() / "ana.vcf").string(), (box_.dir() / "ana.csv").string()});
  EXPECT_EQ(report["created"], 1);
  EXPECT_EQ(report["merged"], 2);  // by email, then by name within Corp
  auto ana = Show("ana@corp.example");
  EXPECT_EQ(ana["birthday"], "1985-04-02");
  ASSERT_EQ(ana["phones"].size(), 1u);
  EXPECT_EQ(ana["phones"][0]["number"], "+1 415 555 0100");
  // A later file with the same phone finds her too.
  Write(box_.dir() / "phone.csv", "Vorname,Name,Handy\r\nA.,Lopez,(415) 555-0100\r\n");
  auto by_phone = Import({(box_.dir() / "phone.csv").string(), "--map", "Vorname=first", "--map",
                          "Name=last", "--map", "Handy=phone:cell"});
  EXPECT_EQ(by_phone["created"], 0);
  EXPECT_EQ(by_phone["unchanged"], 1);
}

TEST_F(ImportTest, DuplicatesAreListedAndMergeKeepsBothHistories) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"person", "add", "Ana Lopez", "--org", "Corp", "--email", "ana@corp.example"},
           {"person", "add", "Lopez, Ana", "--phone", "+1 415 555 0100"},
           {"person", "add", "Ben Ortiz", "--email", "ben@corp.example"},
           {"person", "add", "Ben Ortiz", "--phone", "415-555-0199"},
           {"log", "lunch", "--with", "ana@corp.example", "--at", "2026-11-01T12:00:00Z"},
           {"log", "coffee", "--with", "3", "--at", "2026-11-02T09:00:00Z"},
           {"deposit", "3", "attention"}}) {
    auto output = box_.Run(args);
    ASSERT_EQ(output.exit_code, 0) << output.err;
  }
  auto duplicates = box_.Json({"duplicates"});
  ASSERT_EQ(duplicates.size(), 2u) << duplicates;
  EXPECT_EQ(duplicates[0]["first"]["name"], "Ana Lopez");
  EXPECT_EQ(duplicates[0]["reasons"], json::array({"same name in another order"}));
  EXPECT_EQ(duplicates[1]["first"]["name"], "Ben Ortiz");
  EXPECT_EQ(duplicates[1]["reasons"], json::array({"same name"}));

  auto merged = box_.Json({"merge", "ana@corp.example", "3"});
  EXPECT_EQ(merged["kept"]["id"], 2);
  EXPECT_EQ(merged["merged"]["id"], 3);
  auto ana = Show("ana@corp.example");
  EXPECT_EQ(ana["interactions_total"], 2);
  EXPECT_EQ(ana["balance"]["entries"].size(), 1u);
  EXPECT_EQ(ana["phones"][0]["number"], "+1 415 555 0100");
  EXPECT_TRUE(HasNote(ana, "Merged with Lopez, Ana (#3)"));
  EXPECT_EQ(box_.Json({"duplicates"}).size(), 1u);
  auto same = box_.Run({"merge", "2", "ana@corp.example"});
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("the same person"), std::string::npos) << same.err;
}

// Truncated and byte-flipped copies of every fixture: each import either succeeds or fails
// cleanly (exit 2, nothing written); none crashes, hangs or leaves half an import.
TEST(ImportRobustnessTest, DamagedFixturesNeverCrashOrHalfImport) {
  Sandbox box;
  ASSERT_EQ(box.Run({"init", "--name", "Dana", "--email", "dana@example.com"}).exit_code, 0);
  std::size_t variants = 0;
  for (const char* dir : {"vcard", "csv", "ics"}) {
    for (const auto& file : Fixtures(dir)) {
      const std::string bytes = ReadAll(file);
      const auto extension = fs::path(file).extension().string();
      std::vector<std::string> damaged;
      for (std::size_t k = 1; k <= 3; ++k) damaged.push_back(bytes.substr(0, bytes.size() * k / 4));
      for (std::size_t k = 1; k <= 3; ++k) {
        std::string flipped = bytes;
        const std::size_t at = (bytes.size() * (2 * k + 1)) / 8;
        flipped[at] = static_cast<char>(flipped[at] ^ (k == 1 ? 0x20 : k == 2 ? 0x80 : 0xFF));
        damaged.push_back(std::move(flipped));
      }
      for (const auto& variant : damaged) {
        SCOPED_TRACE(file + " variant " + std::to_string(variants));
        const fs::path path = box.dir() / ("damaged" + extension);
        Write(path, variant);
        const std::string before = box.DbBytes();
        auto output =
            box.Run({"import", path.string(), "--since", "2000-01-01", "--until", "2030-01-01"});
        ASSERT_TRUE(output.exit_code == 0 || output.exit_code == 2) << output.exit_code << "\n"
                                                                    << output.err;
        if (output.exit_code != 0) {
          EXPECT_TRUE(box.DbBytes() == before) << output.err;
          EXPECT_NE(output.err.find("damaged" + extension), std::string::npos) << output.err;
        }
        ++variants;
      }
    }
  }
  EXPECT_EQ(variants,
            6u * (Fixtures("vcard").size() + Fixtures("csv").size() + Fixtures("ics").size()));
}

}  // namespace
}  // namespace allies::testing

namespace allies::testing {
namespace {

// The round trips of issue 4: what Allies writes, Allies reads back to the same data.
class RoundTripTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto demo = from_.Run({"demo", "--people", "300"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
  }
  Sandbox from_;
  Sandbox to_;
};

TEST_F(RoundTripTest, ExportAllThenImportReproducesTheDatabase) {
  // Asks and a team member's follow-up, which format version 2 added.
  json team = from_.Json({"team", "list"});
  ASSERT_FALSE(team.empty());
  const std::string member = std::to_string(team[0]["id"].get<int>());
  ASSERT_EQ(from_.Run({"ask", "7", "a reference for the ERP vendor", "--outcome", "yes"}).exit_code,
            0);
  ASSERT_EQ(from_.Run({"ask", "8", "two testers for the upgrade"}).exit_code, 0);
  ASSERT_EQ(
      from_.Run({"followup", "add", "9", "send the slides", "--due", "2026-12-01", "--as", member})
          .exit_code,
      0);
  const auto file = (to_.dir() / "all.json").string();
  ASSERT_EQ(from_.Run({"export", "all", "--out", file}).exit_code, 0);
  auto report = to_.Json({"import", file});
  EXPECT_EQ(report["files"][0]["format"], "allies export");
  EXPECT_GT(report["snapshot"]["interactions"].get<int>(), 1000);
  EXPECT_GE(report["snapshot"]["asks"].get<int>(), 2);
  EXPECT_EQ(to_.Json({"ask", "list"}), from_.Json({"ask", "list"}));
  EXPECT_EQ(to_.Json({"followup", "list", "--as", member}),
            from_.Json({"followup", "list", "--as", member}));
  auto original = json::parse(ReadAll(file));
  auto again = json::parse(to_.Run({"export", "all"}).out);
  original.erase("exported_at");
  again.erase("exported_at");
  EXPECT_TRUE(original == again) << "the re-imported database exports differently";
  // Scores follow from the data, so they agree too.
  EXPECT_EQ(from_.Run({"ties", "--top", "20"}).out, to_.Run({"ties", "--top", "20"}).out);
  // Only into an empty database.
  auto twice = to_.Run({"import", file});
  EXPECT_EQ(twice.exit_code, 4) << twice.err;
  EXPECT_NE(twice.err.find("into a new database"), std::string::npos) << twice.err;
}

// People as the address-book formats carry them: everything but ids, stamps and history.
json PeopleFields(const Sandbox& box) {
  json people = box.Json({"person", "list"});
  json out = json::array();
  for (auto person : people) {
    if (person["name"] == "Sam Whitfield") continue;  // me: init'ed separately in the copy
    for (const char* key : {"id", "org_id", "reports_to", "created_at", "updated_at", "deleted_at",
                            "closeness_at", "is_me", "is_team"}) {
      person.erase(key);
    }
    out.push_back(person);
  }
  return out;
}

TEST_F(RoundTripTest, ExportPeopleThenImportGivesTheSamePeople) {
  for (const char* format : {"vcard", "csv"}) {
    SCOPED_TRACE(format);
    Sandbox copy;
    ASSERT_EQ(copy.Run({"init", "--name", "Sam Whitfield"}).exit_code, 0);
    const auto file = (copy.dir() / (std::string("people.") + format)).string();
    ASSERT_EQ(from_.Run({"export", "people", "--format", format, "--out", file}).exit_code, 0);
    auto report = copy.Json({"import", file});
    EXPECT_EQ(report["errors"], json::array());
    const json expected = PeopleFields(from_);
    const json actual = PeopleFields(copy);
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(actual[i], expected[i]) << i;
      if (actual[i] != expected[i]) break;
    }
    // And the manager links come back by name or email.
    std::size_t managed = 0;
    for (const auto& person : copy.Json({"person", "list"}))
      managed += !person["reports_to"].is_null();
    std::size_t managed_before = 0;
    for (const auto& person : from_.Json({"person", "list"})) {
      managed_before += !person["reports_to"].is_null();
    }
    EXPECT_EQ(managed, managed_before);
  }
}

}  // namespace
}  // namespace allies::testing
