// End-to-end: the real binary, its human output and its --json, on a throwaway database.

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

using nlohmann::json;

class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto init = box.Run({"init", "--name", "Dana Whitfield", "--email", "dana@example.com"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  void MustRun(const std::vector<std::string>& args) {
    auto output = box.Run(args);
    ASSERT_EQ(output.exit_code, 0) << output.err;
  }

  Sandbox box;
};

TEST_F(E2eTest, InitTwiceIsRefusedNamingTheOwner) {
  auto again = box.Run({"init", "--name", "Someone Else"});
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_EQ(again.err,
            "error: this database already belongs to Dana Whitfield (#1); use `allies person edit "
            "me` to change it\n");
}

TEST_F(E2eTest, PersonAddThenShowJsonCarriesEveryField) {
  MustRun({"person",
           "add",
           "Maria López",
           "--title",
           "CFO",
           "--dept",
           "Finance",
           "--org",
           "Northwind",
           "--email",
           "maria@example.com",
           "--email",
           "m.lopez@home.example",
           "--phone",
           "+1 555 0100",
           "--tag",
           "exec",
           "--offer",
           "budget=4",
           "--need",
           "faster month-end close",
           "--note",
           "two kids, runs marathons",
           "--birthday",
           "--12-01",
           "--closeness",
           "4",
           "--cadence",
           "30"});
  json page = box.Json({"show", "maria@example.com"});
  EXPECT_EQ(page["name"], "Maria López");
  EXPECT_EQ(page["title"], "CFO");
  EXPECT_EQ(page["department"], "Finance");
  EXPECT_EQ(page["organization"], "Northwind");
  ASSERT_EQ(page["emails"].size(), 2u);
  EXPECT_EQ(page["emails"][1]["address"], "m.lopez@home.example");
  EXPECT_EQ(page["phones"][0]["number"], "+1 555 0100");
  EXPECT_EQ(page["tags"], json::array({"exec"}));
  EXPECT_EQ(page["offers"][0]["key"], "budget");
  EXPECT_EQ(page["offers"][0]["rating"], 4);
  EXPECT_EQ(page["needs"][0], "faster month-end close");
  EXPECT_EQ(page["notes"][0]["text"], "two kids, runs marathons");
  EXPECT_EQ(page["birthday"], "--12-01");
  EXPECT_EQ(page["closeness"], 4);
  EXPECT_EQ(page["cadence_days"], 30);
  EXPECT_EQ(page["upcoming_dates"][0]["on"], "2026-12-01");
  EXPECT_EQ(page["upcoming_dates"][0]["days_away"], 5);
  // Closeness 4 rated today and no contact: S = (0 + 4/5) / 2 = 0.4.
  EXPECT_NEAR(page["tie"]["strength"].get<double>(), 0.4, 1e-9);
  // Cadence 30 and never met: at risk.
  EXPECT_TRUE(page["tie"]["at_risk"].get<bool>());
}

TEST_F(E2eTest, NamesResolveCaseInsensitivelyAndByEmailAndId) {
  MustRun({"person", "add", "Søren Kierkegaard", "--email", "soren@example.com"});
  EXPECT_EQ(box.Json({"show", "SØREN kierkegaard"})["id"], 2);
  EXPECT_EQ(box.Json({"show", "SOREN@example.com"})["id"], 2);
  EXPECT_EQ(box.Json({"show", "2"})["name"], "Søren Kierkegaard");
  EXPECT_EQ(box.Json({"show", "me"})["name"], "Dana Whitfield");
}

TEST_F(E2eTest, TieStrengthMatchesHandComputation) {
  MustRun({"person", "add", "Sam Okafor", "--dept", "Operations"});
  // Lunch exactly one half-life (90 days) ago, initiated by them: contact = 3.0 * 0.5 = 1.5,
  // saturation = 1 - exp(-1.5/6) = 0.2211992169; mine 0, theirs 1 -> r = 0, factor 0.75.
  MustRun({"log", "lunch", "--with", "Sam Okafor", "--at", "2026-08-28T09:00:00Z", "--initiated-by",
           "them"});
  json ties = box.Json({"ties"});
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_NEAR(ties[0]["strength"].get<double>(), 0.16589941269644634, 1e-12);
  EXPECT_NEAR(ties[0]["components"]["contact"].get<double>(), 1.5, 1e-12);
  EXPECT_NEAR(ties[0]["components"]["reciprocity"].get<double>(), 0.0, 1e-12);
  EXPECT_EQ(ties[0]["layer"], 5);

  // A coffee one hour ago that I initiated: contact = 1.5 + 3 * 2^(-(1/24)/90) = 4.4990374500,
  // r = 1, S = 1 - exp(-4.49903745/6) = 0.5275576618.
  MustRun({"log", "coffee", "--with", "Sam Okafor", "--at", "2026-11-26T08:00:00Z",
           "--initiated-by", "me"});
  ties = box.Json({"ties"});
  EXPECT_NEAR(ties[0]["strength"].get<double>(), 0.5275576617785535, 1e-12);
  EXPECT_EQ(ties[0]["components"]["initiated_by_me"], 1);
  EXPECT_EQ(ties[0]["components"]["initiated_by_them"], 1);
  EXPECT_NEAR(ties[0]["components"]["median_gap_days"].get<double>(), 90.0, 1e-9);
  EXPECT_FALSE(ties[0]["at_risk"].get<bool>());
}

TEST_F(E2eTest, NowFlagMakesScoresReproducibleAndMatchesEnvironment) {
  MustRun({"person", "add", "Sam Okafor"});
  MustRun({"log", "lunch", "--with", "Sam Okafor", "--at", "2026-08-28T09:00:00Z"});
  // 180 days after the lunch, two half-lives: contact = 0.75, S = 1 - exp(-0.125).
  auto flag = box.Run({"ties", "--json", "--now", "2027-02-24T09:00:00Z"});
  auto env = box.Run({"ties", "--json"}, {"ALLIES_NOW=2027-02-24T09:00:00Z"});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_EQ(flag.out, env.out);
  EXPECT_NEAR(json::parse(flag.out)[0]["strength"].get<double>(), 0.11750309741540454, 1e-12);
}

TEST_F(E2eTest, GlobalOptionsWorkBeforeAndAfterTheCommand) {
  MustRun({"person", "add", "Sam Okafor"});
  auto before = box.Run({"--json", "person", "list"});
  auto after = box.Run({"person", "list", "--json"});
  ASSERT_EQ(before.exit_code, 0);
  EXPECT_EQ(before.out, after.out);
  auto other_db = box.dir() / "other.db";
  auto elsewhere = box.Run({"init", "--name", "Alex", "--db", other_db.string()});
  EXPECT_EQ(elsewhere.exit_code, 0) << elsewhere.err;
  EXPECT_TRUE(std::filesystem::exists(other_db));
}

TEST_F(E2eTest, LedgerBalanceAndStatusFollowTheDesign) {
  MustRun({"person", "add", "Sam Okafor"});
  // expertise 2 today, favor asked 3 half a year (180 days, one half-life) ago: 2 - 1.5 = 0.5.
  MustRun({"deposit", "Sam Okafor", "expertise"});
  MustRun({"withdraw", "Sam Okafor", "favor", "--at", "2026-05-30T09:00:00Z"});
  json balance = box.Json({"balance", "Sam Okafor"});
  EXPECT_NEAR(balance["balance"].get<double>(), 0.5, 1e-12);
  EXPECT_EQ(balance["status"], "even");
  ASSERT_EQ(balance["entries"].size(), 2u);
  EXPECT_EQ(balance["entries"][1]["kind"], "favor-asked");
  EXPECT_NEAR(balance["entries"][1]["decayed"].get<double>(), -1.5, 1e-12);

  MustRun({"withdraw", "Sam Okafor", "escalation"});
  json all = box.Json({"balance"});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NEAR(all[0]["balance"].get<double>(), -4.5, 1e-12);
  EXPECT_EQ(all[0]["status"], "overdrawn");

  MustRun({"deposit", "Sam Okafor", "favor", "--value", "10"});
  EXPECT_EQ(box.Json({"balance", "Sam Okafor"})["status"], "in_credit");
}

TEST_F(E2eTest, RemoveHidesAPersonAndUndoBringsThemBack) {
  MustRun({"person", "add", "Sam Okafor"});
  MustRun({"person", "rm", "Sam Okafor"});
  EXPECT_EQ(box.Json({"person", "list"}).size(), 1u);  // only me
  auto gone = box.Run({"show", "Sam Okafor"});
  EXPECT_EQ(gone.exit_code, 3);
  MustRun({"person", "undo", "Sam Okafor"});
  EXPECT_EQ(box.Json({"show", "Sam Okafor"})["deleted_at"], nullptr);
}

TEST_F(E2eTest, EditAddsAndRemovesListFields) {
  MustRun({"person", "add", "Sam Okafor", "--tag", "ops", "--offer", "budget=2"});
  MustRun({"person", "edit", "Sam Okafor", "--tag", "facilities", "--untag", "ops", "--offer",
           "budget=5", "--title", "COO", "--reports-to", "me"});
  json page = box.Json({"show", "Sam Okafor"});
  EXPECT_EQ(page["tags"], json::array({"facilities"}));
  EXPECT_EQ(page["offers"].size(), 1u);
  EXPECT_EQ(page["offers"][0]["rating"], 5);
  EXPECT_EQ(page["title"], "COO");
  EXPECT_EQ(page["reports_to"]["name"], "Dana Whitfield");
}

TEST_F(E2eTest, FollowUpsCanBeAddedDoneAndListed) {
  MustRun({"person", "add", "Sam Okafor"});
  MustRun({"followup", "add", "Sam Okafor", "send the DR runbook", "--due", "2026-11-24"});
  json open = box.Json({"followup", "list"});
  ASSERT_EQ(open.size(), 1u);
  EXPECT_TRUE(open[0]["overdue"].get<bool>());
  EXPECT_EQ(open[0]["days_left"], -2);
  json today = box.Json({"today"});
  EXPECT_EQ(today["followups"][0]["text"], "send the DR runbook");
  MustRun({"followup", "done", "1"});
  EXPECT_EQ(box.Json({"followup", "list"}).size(), 0u);
  EXPECT_EQ(box.Json({"followup", "list", "--all"}).size(), 1u);
  auto again = box.Run({"followup", "done", "1"});
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_EQ(again.err, "error: follow-up 1 was already done on 2026-11-26\n");
}

TEST_F(E2eTest, VendorNoticeAndOrgPage) {
  MustRun({"org", "add", "Skyline Cloud", "--kind", "vendor", "--service", "IaaS", "--renewal",
           "2027-01-15", "--cadence", "30"});
  MustRun({"person", "add", "Priya Nair", "--org", "Skyline Cloud", "--title", "Account Manager"});
  MustRun({"vendor", "notice", "Skyline Cloud", "Region eu-west-3 retiring in March", "--from",
           "Priya Nair", "--at", "2026-11-20"});
  json page = box.Json({"org", "show", "skyline cloud"});
  EXPECT_EQ(page["kind"], "vendor");
  EXPECT_EQ(page["services"], json::array({"IaaS"}));
  EXPECT_EQ(page["contacts"][0]["person"]["name"], "Priya Nair");
  EXPECT_EQ(page["notices"][0]["reported_by"]["name"], "Priya Nair");
  EXPECT_TRUE(page["check_in"]["overdue"].get<bool>());
  json today = box.Json({"today"});
  ASSERT_EQ(today["vendors"].size(), 1u);
  EXPECT_EQ(today["vendors"][0]["organization"], "Skyline Cloud");
  EXPECT_EQ(today["vendors"][0]["reasons"].size(), 3u);  // no warm tie, never checked in, renewal
  EXPECT_EQ(today["notices"].size(), 1u);
}

TEST_F(E2eTest, FindSearchesOffersNeedsAndNotes) {
  MustRun({"person", "add", "Sam Okafor", "--need", "Disaster recovery plan for the plant"});
  MustRun({"person", "add", "Ana Silva", "--offer", "ServiceNow=5"});
  EXPECT_EQ(box.Json({"find", "DISASTER"})[0]["name"], "Sam Okafor");
  EXPECT_EQ(box.Json({"find", "servicenow"})[0]["name"], "Ana Silva");
  EXPECT_EQ(box.Json({"find", "nothing like this"}).size(), 0u);
}

TEST_F(E2eTest, ConfigChangesTheScoring) {
  MustRun({"person", "add", "Sam Okafor"});
  MustRun({"log", "lunch", "--with", "Sam Okafor", "--at", "2026-08-28T09:00:00Z"});
  MustRun({"config", "set", "tie.half_life_days", "180"});
  // contact = 3 * 2^(-90/180) = 2.1213203436, S = 1 - exp(-2.1213203436/6) = 0.2978114987
  EXPECT_NEAR(box.Json({"ties"})[0]["strength"].get<double>(), 0.29781149867344037, 1e-9);
  json row = box.Json({"config", "get", "tie.half_life_days"});
  EXPECT_EQ(row["value"], "180");
  EXPECT_EQ(row["default"], "90");
  EXPECT_FALSE(row["is_default"].get<bool>());
  MustRun({"config", "reset", "tie.half_life_days"});
  EXPECT_TRUE(box.Json({"config", "get", "tie.half_life_days"})["is_default"].get<bool>());
  EXPECT_GT(box.Json({"config", "list"}).size(), 20u);
}

TEST_F(E2eTest, IntroductionByMeIsADepositWithBoth) {
  MustRun({"person", "add", "Sam Okafor"});
  MustRun({"person", "add", "Ana Silva"});
  MustRun({"intro", "add", "Sam Okafor", "Ana Silva", "--outcome", "they meet next week"});
  EXPECT_NEAR(box.Json({"balance", "Ana Silva"})["balance"].get<double>(), 3.0, 1e-12);
  EXPECT_EQ(box.Json({"intro", "list"})[0]["introducer"]["name"], "Dana Whitfield");
}

TEST_F(E2eTest, HumanOutputIsAnAlignedTable) {
  MustRun({"person", "add", "Sam Okafor", "--dept", "Operations"});
  MustRun({"log", "lunch", "--with", "Sam Okafor", "--at", "2026-11-20T12:00:00Z"});
  auto ties = box.Run({"ties"});
  ASSERT_EQ(ties.exit_code, 0);
  EXPECT_NE(ties.out.find("PERSON"), std::string::npos);
  EXPECT_NE(ties.out.find("Sam Okafor  Operations"), std::string::npos) << ties.out;
  auto today = box.Run({"today"});
  EXPECT_EQ(today.out.rfind("Today, Thursday 2026-11-26 — Dana Whitfield\n", 0), 0u) << today.out;
}

TEST(DemoE2eTest, DemoThenBriefingAndTopTies) {
  Sandbox box;
  auto demo = box.Run({"demo"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  json ties = box.Json({"ties", "--top", "10"});
  ASSERT_EQ(ties.size(), 10u);
  for (std::size_t i = 1; i < ties.size(); ++i) {
    EXPECT_GE(ties[i - 1]["strength"].get<double>(), ties[i]["strength"].get<double>());
  }
  EXPECT_EQ(ties[0]["layer"], 5);
  EXPECT_EQ(ties[9]["layer"], 15);
  json today = box.Json({"today"});
  EXPECT_GT(today["people"].get<int>(), 350);
  EXPECT_GT(today["ties"].get<int>(), 30);
  EXPECT_EQ(today["me"]["name"].is_string(), true);
  // The demo is written for an empty database only.
  auto again = box.Run({"demo"});
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_NE(again.err.find("allies demo writes only into an empty database"), std::string::npos);
}

TEST(HelpE2eTest, HelpListsCommandsAndExitCodes) {
  Sandbox box;
  auto help = box.Run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"person", "log", "deposit", "withdraw", "balance", "ties", "today",
                              "demo", "config", "followup", "vendor", "team", "org"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  }
  EXPECT_NE(help.out.find("Exit codes"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(box.db()));  // help never creates a database
}

TEST(HelpE2eTest, VersionIsTheProjectsAndTouchesNoDatabase) {
  Sandbox box;
  auto version = box.Run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "allies " ALLIES_VERSION "\n");
  EXPECT_FALSE(std::filesystem::exists(box.db()));
}

TEST(DatabaseE2eTest, DefaultsToXdgDataHome) {
  Sandbox box;
  auto xdg = box.dir() / "data";
  auto run = box.Run({"init", "--name", "Dana"}, {"ALLIES_DB=", "XDG_DATA_HOME=" + xdg.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(xdg / "allies" / "allies.db"));
  auto home = box.Run({"init", "--name", "Dana"}, {"ALLIES_DB=", "XDG_DATA_HOME="});
  ASSERT_EQ(home.exit_code, 0) << home.err;
  EXPECT_TRUE(std::filesystem::exists(box.dir() / ".local" / "share" / "allies" / "allies.db"));
}

}  // namespace
}  // namespace allies::testing
