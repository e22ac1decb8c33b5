#include "formats/snapshot.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace allies::formats {
namespace {

using namespace std::chrono_literals;

std::string ReadFixture(const char* name = "small.json") {
  const char* data = std::getenv("ALLIES_TEST_DATA");
  const std::filesystem::path root =
      data ? std::filesystem::path(data)
           : std::filesystem::path(__FILE__).parent_path() / "../../tests/data";
  std::ifstream in(root / "export" / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

core::TimePoint At(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::day{day}} +
         std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

// The fixture with `from` replaced by `to` (once), for error cases that differ in one place.
std::string FixtureWith(std::string_view from, std::string_view to) {
  std::string text = ReadFixture();
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ErrorOf(std::string_view bytes) {
  auto read = ReadSnapshot(bytes);
  if (read) return "(no error)";
  EXPECT_EQ(read.error().code, core::ErrorCode::kInvalidArgument);
  return read.error().message;
}

TEST(SnapshotTest, ReadsTheHandWrittenFixture) {
  std::string bytes = ReadFixture();
  ASSERT_FALSE(bytes.empty());
  auto read = ReadSnapshot(bytes);
  ASSERT_TRUE(read) << read.error().message;
  const Snapshot& snapshot = *read;
  EXPECT_EQ(snapshot.version, 2);
  EXPECT_EQ(snapshot.schema_version, 6);
  EXPECT_EQ(snapshot.exported_at, At(2026, 11, 26, 9, 0));
  const core::Dataset& data = snapshot.data;

  ASSERT_EQ(data.people.size(), 2u);
  const core::Person& me = data.people[0];
  EXPECT_EQ(me.id.value, 1);
  EXPECT_TRUE(me.is_me);
  EXPECT_EQ(me.emails, (std::vector<core::Email>{{"dana@example.com", ""}}));
  EXPECT_FALSE(me.org);
  EXPECT_FALSE(me.closeness);
  const core::Person& elodie = data.people[1];
  EXPECT_EQ(elodie.id.value, 4);
  EXPECT_EQ(elodie.name, "Élodie Martin");
  EXPECT_EQ(elodie.org, core::OrgId{2});
  EXPECT_EQ(elodie.reports_to, core::PersonId{1});
  EXPECT_EQ(elodie.emails, (std::vector<core::Email>{{"elodie@contoso.example", "work"},
                                                     {"elodie@home.example", "home"}}));
  EXPECT_EQ(elodie.phones, (std::vector<core::Phone>{{"+33 6 00 00 00 00", "cell"}}));
  EXPECT_EQ(elodie.tags, (std::vector<std::string>{"budget holder", "cello"}));
  EXPECT_EQ(elodie.offers, (std::vector<core::Offer>{{"budget", 5}, {"vendor contacts", 3}}));
  EXPECT_EQ(elodie.needs, (std::vector<std::string>{"faster month-end close"}));
  EXPECT_EQ(elodie.notes,
            (std::vector<core::Note>{{At(2026, 2, 1, 12, 30), "Two kids;\nplays the cello"}}));
  EXPECT_EQ(elodie.dates,
            (std::vector<core::ImportantDate>{{core::DateKind::kBirthday, {2, 29, 1980}},
                                              {core::DateKind::kAnniversary, {6, 1, std::nullopt}},
                                              {core::DateKind::kWorkAnniversary, {9, 1, 2015}}}));
  EXPECT_EQ(elodie.closeness, 4);
  EXPECT_EQ(elodie.closeness_at, At(2026, 3, 1, 10, 0));
  EXPECT_EQ(elodie.cadence_days, 30);
  EXPECT_TRUE(elodie.is_team);
  EXPECT_EQ(elodie.stamps.created_at, At(2026, 1, 6, 9, 15));
  EXPECT_EQ(elodie.stamps.updated_at, At(2026, 3, 1, 10, 0));
  EXPECT_EQ(elodie.stamps.deleted_at, At(2026, 10, 1, 17, 45, 30));

  ASSERT_EQ(data.orgs.size(), 1u);
  EXPECT_EQ(data.orgs[0].kind, core::OrgKind::kVendor);
  EXPECT_EQ(data.orgs[0].services, (std::vector<std::string>{"backup", "service desk"}));
  EXPECT_EQ(data.orgs[0].renewal, (core::Date{std::chrono::year{2027} / 6 / 30}));
  EXPECT_EQ(data.orgs[0].cadence_days, 45);

  ASSERT_EQ(data.interactions.size(), 1u);
  const core::Interaction& lunch = data.interactions[0];
  EXPECT_EQ(lunch.id.value, 10);
  EXPECT_EQ(lunch.kind, core::InteractionKind::kLunch);
  EXPECT_EQ(lunch.setting, core::Setting::kRelaxed);
  EXPECT_EQ(lunch.purpose, core::Purpose::kGetToKnow);
  EXPECT_EQ(lunch.duration_min, 60);
  EXPECT_EQ(lunch.attendees, (std::vector<core::PersonId>{{1}, {4}}));
  EXPECT_EQ(lunch.initiator, core::PersonId{4});
  EXPECT_EQ(lunch.source, "abc-123@calendar.example");
  EXPECT_EQ(lunch.owner, core::PersonId{1});

  ASSERT_EQ(data.ledger.size(), 1u);
  EXPECT_EQ(data.ledger[0].kind, core::LedgerKind::kFavorAsked);
  EXPECT_EQ(data.ledger[0].value, 2.5);
  EXPECT_EQ(data.ledger[0].interaction, core::InteractionId{10});
  ASSERT_EQ(data.introductions.size(), 1u);
  EXPECT_EQ(data.introductions[0].first, core::PersonId{4});
  ASSERT_EQ(data.followups.size(), 1u);
  EXPECT_EQ(data.followups[0].due, (core::Date{std::chrono::year{2026} / 2 / 10}));
  EXPECT_FALSE(data.followups[0].done_at);
  EXPECT_EQ(data.followups[0].owner, core::PersonId{4});
  ASSERT_EQ(data.notices.size(), 1u);
  EXPECT_EQ(data.notices[0].text, "price rise of 7%");
  EXPECT_FALSE(data.notices[0].reported_by);
  ASSERT_EQ(data.knows.size(), 1u);
  EXPECT_EQ(data.knows[0].strength, 0.75);
  EXPECT_EQ(data.knows[0].stamps.updated_at, At(2026, 2, 4, 8, 0));
  ASSERT_EQ(data.config.size(), 1u);
  EXPECT_EQ(data.config[0].key, "tie.half_life_days");
  EXPECT_EQ(data.config[0].value, "120");
  EXPECT_EQ(data.config[0].stamps.updated_at, At(2026, 1, 7, 8, 0));
  ASSERT_EQ(data.asks.size(), 1u);
  const core::Ask& ask = data.asks[0];
  EXPECT_EQ(ask.id.value, 5);
  EXPECT_EQ(ask.ledger, core::LedgerId{3});
  EXPECT_EQ(ask.person, core::PersonId{4});
  EXPECT_EQ(ask.owner, core::PersonId{1});
  EXPECT_EQ(ask.text, "the budget figures for Q1");
  EXPECT_EQ(ask.outcome, core::AskOutcome::kYes);
  EXPECT_EQ(ask.at, At(2026, 2, 1, 12, 0));
  EXPECT_EQ(ask.answered_at, At(2026, 2, 3, 16, 20));
  EXPECT_EQ(ask.stamps.updated_at, At(2026, 2, 3, 16, 20));
}

TEST(SnapshotTest, ReadsVersionOneWhichHadNoAsksAndNoFollowUpOwners) {
  auto read = ReadSnapshot(ReadFixture("small-v1.json"));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->version, 1);
  ASSERT_EQ(read->data.followups.size(), 1u);
  EXPECT_EQ(read->data.followups[0].text, "send the deck");
  EXPECT_FALSE(read->data.followups[0].owner);
  EXPECT_TRUE(read->data.asks.empty());
  EXPECT_EQ(read->data.people.size(), 2u);
  // Written again, it is a version 2 document with an empty "asks" and a null owner.
  std::string written = WriteSnapshot(*read);
  EXPECT_TRUE(written.starts_with("{\n  \"format\": \"allies-export\",\n  \"version\": 2,\n"));
  EXPECT_NE(written.find("\"owner_id\": null"), std::string::npos);
  EXPECT_NE(written.find("\"asks\": []"), std::string::npos);
}

TEST(SnapshotTest, VersionTwoRequiresAsksAndFollowUpOwners) {
  EXPECT_EQ(ErrorOf(FixtureWith(R"("owner_id": 4,)", "")),
            "followups[0].owner_id: missing (it is required)");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("outcome": "yes")", R"("outcome": "maybe")")),
            "asks[0].outcome: expected pending, yes or no, found \"maybe\"");
  std::string without_asks = ReadFixture();
  without_asks.erase(without_asks.find(",\n  \"asks\""));
  without_asks += "\n}\n";
  EXPECT_EQ(ErrorOf(without_asks), "asks: missing (it is required)");
}

TEST(SnapshotTest, WritingWhatWasReadAndReadingItAgainChangesNothing) {
  auto first = ReadSnapshot(ReadFixture());
  ASSERT_TRUE(first) << first.error().message;
  std::string written = WriteSnapshot(*first);
  auto second = ReadSnapshot(written);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(WriteSnapshot(*second), written);
  EXPECT_TRUE(written.starts_with("{\n  \"format\": \"allies-export\",\n  \"version\": 2,\n"));
  EXPECT_TRUE(written.ends_with("}\n"));
  // Values that do not print short survive the trip exactly.
  Snapshot odd = *first;
  odd.data.ledger[0].value = 0.1 + 0.2;
  odd.data.knows[0].strength = 1.0 / 3.0;
  auto back = ReadSnapshot(WriteSnapshot(odd));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->data.ledger[0].value, 0.1 + 0.2);
  EXPECT_EQ(back->data.knows[0].strength, 1.0 / 3.0);
}

TEST(SnapshotTest, WrongTypeNamesThePathAndQuotesTheValue) {
  EXPECT_EQ(ErrorOf(FixtureWith(R"("address": "dana@example.com")", R"("address": 42)")),
            "people[0].emails[0].address: expected a string, found 42");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("attendee_ids": [1, 4])", R"("attendee_ids": [1, "4"])")),
            "interactions[0].attendee_ids[1]: expected an integer, found \"4\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("is_team": true)", R"("is_team": "yes")")),
            "people[1].is_team: expected true or false, found \"yes\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("strength": 0.75)", R"("strength": null)")),
            "knows[0].strength: expected a number, found null");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("closeness": 4,)", R"("closeness": 4.5,)")),
            "people[1].closeness: expected an integer, found 4.5");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("id": 10,)", R"("id": 99999999999999999999,)")),
            "interactions[0].id: expected an integer, found 1e+20");
}

TEST(SnapshotTest, BadEnumsTimesAndDatesSayWhatIsAccepted) {
  EXPECT_EQ(ErrorOf(FixtureWith(R"("kind": "lunch")", R"("kind": "brunch")")),
            "interactions[0].kind: expected lunch, coffee, walk, meeting, call, video, message, "
            "event, offsite, found \"brunch\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("kind": "vendor")", R"("kind": "supplier")")),
            "organizations[0].kind: expected internal, company, vendor, partner, customer, "
            "found \"supplier\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("exported_at": "2026-11-26T09:00:00Z")",
                                R"("exported_at": "yesterday")")),
            "exported_at: expected a UTC time \"YYYY-MM-DDTHH:MM:SSZ\", found \"yesterday\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("date": "1980-02-29")", R"("date": "1981-02-29")")),
            "people[1].dates[0].date: expected a date \"YYYY-MM-DD\" or \"--MM-DD\", found "
            "\"1981-02-29\"");
  EXPECT_EQ(ErrorOf(FixtureWith(R"("due": "2026-02-10")", R"("due": "2026-02-30")")),
            "followups[0].due: expected a date \"YYYY-MM-DD\", found \"2026-02-30\"");
}

TEST(SnapshotTest, MissingKeysAreNamed) {
  EXPECT_EQ(ErrorOf(FixtureWith(R"("outcome": "",)", "")),
            "introductions[0].outcome: missing (it is required)");
  EXPECT_EQ(ErrorOf(R"({"format": "allies-export", "version": 1})"),
            "schema_version: missing (it is required)");
}

TEST(SnapshotTest, OtherDocumentsAreRefused) {
  EXPECT_EQ(ErrorOf("[1, 2]"), "(top): expected an object (an Allies export), found [1,2]");
  EXPECT_EQ(ErrorOf(R"({"format": "gephi"})"),
            "format: expected \"allies-export\", found \"gephi\"");
  EXPECT_EQ(ErrorOf(R"({"format": "allies-export", "version": 3})"),
            "version: this Allies reads export format version 1 to 2, found 3");
  EXPECT_EQ(ErrorOf("[" + std::string(400, '2') + "]"),
            "not an Allies export: the JSON cannot be read ([json.exception.out_of_range.406] "
            "number overflow parsing '" +
                std::string(400, '2') + "')");
  std::string malformed = ErrorOf(R"({"format": "allies-export", )");
  EXPECT_TRUE(malformed.starts_with("not an Allies export: the JSON is malformed at byte 29 ("))
      << malformed;
}

TEST(SnapshotTest, LooksLikeSnapshotChecksTheFormatKeyNearTheStart) {
  EXPECT_TRUE(LooksLikeSnapshot(ReadFixture()));
  EXPECT_TRUE(LooksLikeSnapshot("\xEF\xBB\xBF \n{\"version\":1,\"format\" : \"allies-export\"}"));
  EXPECT_FALSE(LooksLikeSnapshot(""));
  EXPECT_FALSE(LooksLikeSnapshot("BEGIN:VCARD\r\n"));
  EXPECT_FALSE(LooksLikeSnapshot("[{\"format\": \"allies-export\"}]"));
  EXPECT_FALSE(LooksLikeSnapshot("{\"format\": \"graphml\"}"));
  EXPECT_FALSE(LooksLikeSnapshot("{\"nodes\": [], \"note\": \"format allies-export\"}"));
  EXPECT_FALSE(LooksLikeSnapshot("{" + std::string(5000, ' ') + "\"format\": \"allies-export\"}"));
}

// Truncations and byte flips of the fixture give a snapshot or an error, never a crash or hang.
TEST(SnapshotTest, DamagedFixturesNeverCrash) {
  const std::string bytes = ReadFixture();
  ASSERT_GT(bytes.size(), 1000u);
  int refused = 0;
  for (std::size_t i = 0; i < 50; ++i) {
    std::size_t length = bytes.size() * i / 50;
    if (!ReadSnapshot(std::string_view(bytes).substr(0, length))) ++refused;
  }
  EXPECT_EQ(refused, 50);  // every truncation cuts the closing brace
  for (std::size_t i = 0; i < 200; ++i) {
    std::string flipped = bytes;
    std::size_t position = (i * 7919) % flipped.size();
    flipped[position] = static_cast<char>(flipped[position] ^ (1 << (i % 8)));
    auto start = std::chrono::steady_clock::now();
    auto read = ReadSnapshot(flipped);
    if (read) {
      EXPECT_TRUE(ReadSnapshot(WriteSnapshot(*read)).has_value());
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1s) << "flip at " << position;
  }
}

}  // namespace
}  // namespace allies::formats
