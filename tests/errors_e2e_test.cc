// Bad input never corrupts anything: each error has a clear message naming the bad value, a
// documented non-zero exit code, and leaves the database byte-for-byte as it was.

#include <sqlite3.h>

#include <fstream>

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

struct BadInput {
  const char* name;
  std::vector<std::string> args;
  int exit_code;
  std::string error;  // the whole of stderr
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }

class BadInputTest : public ::testing::TestWithParam<BadInput> {
 protected:
  static void Seed(const Sandbox& box) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"init", "--name", "Dana Whitfield"},
             {"person", "add", "Sam Okafor", "--email", "sam@example.com"},
             {"person", "add", "Alex Kim", "--dept", "Finance"},
             {"person", "add", "Alex Kim", "--dept", "Sales"},
             {"log", "lunch", "--with", "Sam Okafor", "--at", "2026-11-01T12:00:00Z"},
             {"deposit", "Sam Okafor", "attention"}}) {
      auto output = box.Run(args);
      ASSERT_EQ(output.exit_code, 0) << output.err;
    }
  }
};

TEST_P(BadInputTest, FailsClearlyAndLeavesTheDatabaseUntouched) {
  Sandbox box;
  Seed(box);
  std::string before = box.DbBytes();
  ASSERT_FALSE(before.empty());
  auto output = box.Run(GetParam().args);
  EXPECT_EQ(output.exit_code, GetParam().exit_code) << output.err;
  EXPECT_EQ(output.err, GetParam().error);
  EXPECT_EQ(output.out, "");
  EXPECT_TRUE(box.DbBytes() == before) << "the database changed";
}

const BadInput kBadInputs[] = {
    {"UnknownPerson",
     {"log", "lunch", "--with", "Sam Okafor", "--with", "Nobody Here"},
     3,
     "error: no person named \"Nobody Here\" (try `allies find Nobody Here`)\n"},
    {"UnknownEmail",
     {"deposit", "nobody@example.com", "attention"},
     3,
     "error: no person with email \"nobody@example.com\"\n"},
    {"AmbiguousName",
     {"deposit", "alex kim", "attention"},
     4,
     "error: \"alex kim\" is ambiguous: it matches #3 Alex Kim, Finance; #4 Alex Kim, Sales; name "
     "one by id or email\n"},
    {"InvalidDueDate",
     {"followup", "add", "Sam Okafor", "send the runbook", "--due", "2026-02-30"},
     2,
     "error: --due \"2026-02-30\" is not a valid date (expected YYYY-MM-DD)\n"},
    {"InvalidDateTime",
     {"log", "coffee", "--with", "Sam Okafor", "--at", "2026-13-01 10:00"},
     2,
     "error: --at: \"2026-13-01 10:00\" is not a date-time (expected YYYY-MM-DD, YYYY-MM-DD HH:MM "
     "or YYYY-MM-DDTHH:MM[:SS], optionally with Z or +HH:MM)\n"},
    {"InvalidBirthday",
     {"person", "edit", "Sam Okafor", "--birthday", "1990-13-45"},
     2,
     "error: --birthday \"1990-13-45\" is not a valid date (expected YYYY-MM-DD or --MM-DD)\n"},
    {"NegativeDuration",
     {"log", "lunch", "--with", "Sam Okafor", "--minutes=-30"},
     2,
     "error: --minutes -30 is out of range (expected 0 to 10080)\n"},
    {"UnknownInteractionKind",
     {"log", "brunch", "--with", "Sam Okafor"},
     2,
     "error: \"brunch\" is not a kind of interaction (expected one of: lunch, coffee, walk, "
     "meeting, call, video, message, event, offsite)\n"},
    {"UnknownDepositKind",
     {"deposit", "Sam Okafor", "escalation"},
     2,
     "error: \"escalation\" is not a kind of deposit (expected one of: attention, expertise, "
     "favor, "
     "introduction, recognition)\n"},
    {"UnknownOrgKind",
     {"org", "add", "Acme", "--kind", "supplier"},
     2,
     "error: --kind \"supplier\" is not a kind of organization (expected one of: internal, "
     "company, vendor, partner, customer)\n"},
    {"OfferRatingOutOfRange",
     {"person", "edit", "Sam Okafor", "--offer", "budget=7"},
     2,
     "error: --offer rating 7 is out of range (expected 0 to 5)\n"},
    {"ClosenessOutOfRange",
     {"person", "edit", "Sam Okafor", "--closeness", "9"},
     2,
     "error: --closeness 9 is out of range (expected 0 to 5)\n"},
    {"EnergyOutOfRange",
     {"log", "walk", "--with", "Sam Okafor", "--energy", "0"},
     2,
     "error: --energy 0 is out of range (expected 1 to 5)\n"},
    {"NonPositiveValue",
     {"withdraw", "Sam Okafor", "favor", "--value", "0"},
     2,
     "error: --value 0 is out of range (expected more than 0, at most 100)\n"},
    {"UnknownConfigKey",
     {"config", "set", "tie.halflife", "30"},
     3,
     "error: unknown configuration key \"tie.halflife\" (see allies config list)\n"},
    {"ConfigValueOutOfRange",
     {"config", "set", "tie.half_life_days", "0"},
     2,
     "error: \"0\" is out of range for tie.half_life_days (expected a number from 1 to 3650)\n"},
    {"DuplicateEmail",
     {"person", "add", "Samuel Okafor", "--email", "SAM@example.com"},
     4,
     "error: email \"SAM@example.com\" already belongs to #2 Sam Okafor\n"},
    {"ManagerCycle",
     {"person", "edit", "me", "--reports-to", "me"},
     2,
     "error: Dana Whitfield cannot report to Dana Whitfield: Dana Whitfield already reports to "
     "Dana Whitfield\n"},
    {"AskOfUnknownPerson",
     {"ask", "Nobody Here", "two testers"},
     3,
     "error: no person named \"Nobody Here\" (try `allies find Nobody Here`)\n"},
    {"AskWithEmptyText",
     {"ask", "Sam Okafor", "  "},
     2,
     "error: the ask needs a TEXT saying what you asked for (e.g. \"two ERP testers\")\n"},
    {"AskWithBadOutcome",
     {"ask", "Sam Okafor", "two testers", "--outcome", "maybe"},
     2,
     "error: --outcome \"maybe\" is not an outcome (expected one of: yes, no, pending)\n"},
    {"AskWithDepositKind",
     {"ask", "Sam Okafor", "two testers", "--kind", "attention"},
     2,
     "error: --kind \"attention\" is not a kind of ask (expected one of: small-ask, favor-asked, "
     "escalation)\n"},
    {"AskDoneOfUnknownAsk",
     {"ask", "done", "7", "--outcome", "yes"},
     3,
     "error: no ask #7 (see `allies ask list`)\n"},
    {"AskDoneWithBadOutcome",
     {"ask", "done", "1", "--outcome", "perhaps"},
     2,
     "error: --outcome \"perhaps\" is not an outcome (expected one of: yes, no, pending)\n"},
    {"AskForWithoutWords",
     {"ask-for", "help with the"},
     2,
     "error: \"help with the\" has no words to search for (expected what you need help with, "
     "e.g. \"ERP testers\")\n"},
    {"AskForTopOutOfRange",
     {"ask-for", "budget", "--top", "0"},
     2,
     "error: --top 0 is out of range (expected 1 to 100)\n"},
    {"PrepOfUnknownPerson",
     {"prep", "Nobody Here"},
     3,
     "error: no person named \"Nobody Here\" (try `allies find Nobody Here`)\n"},
    {"OfferedWithoutText",
     {"log", "coffee", "--with", "Sam Okafor", "--offered", ""},
     2,
     "error: --offered needs a text saying what was offered (e.g. --offered \"our DR "
     "runbook\")\n"},
    {"UnknownCommandOption",
     {"ties", "--bottom", "3"},
     2,
     "error: The following arguments were not expected: 3 --bottom\n(see `allies --help`, or "
     "`allies COMMAND --help`)\n"},
};

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTest, ::testing::ValuesIn(kBadInputs),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(DatabaseErrorsTest, NewerSchemaIsRefusedWithItsVersion) {
  Sandbox box;
  ASSERT_EQ(box.Run({"init", "--name", "Dana"}).exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(box.db().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  std::string before = box.DbBytes();
  auto output = box.Run({"today"});
  EXPECT_EQ(output.exit_code, 4);
  EXPECT_NE(output.err.find("schema version 99, newer than this Allies supports (7)"),
            std::string::npos)
      << output.err;
  EXPECT_TRUE(box.DbBytes() == before);
}

TEST(DatabaseErrorsTest, FileThatIsNotADatabaseIsRefused) {
  Sandbox box;
  {
    std::ofstream junk(box.db(), std::ios::binary);
    junk << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Not a database\r\nEND:VCARD\r\n";
  }
  std::string before = box.DbBytes();
  auto output = box.Run({"today"});
  EXPECT_EQ(output.exit_code, 5);
  EXPECT_NE(output.err.find("is not an Allies database"), std::string::npos) << output.err;
  EXPECT_TRUE(box.DbBytes() == before);
}

TEST(DatabaseErrorsTest, CommandsBeforeInitSayHowToStart) {
  Sandbox box;
  auto output = box.Run({"today"});
  EXPECT_EQ(output.exit_code, 3);
  EXPECT_EQ(output.err,
            "error: no one is set as me yet; run `allies init --name NAME` (or `allies demo`) "
            "first\n");
}

}  // namespace
}  // namespace allies::testing
