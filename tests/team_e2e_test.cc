// End-to-end tests of issue 5's team and vendor watch: `--as MEMBER`, the privacy rule,
// `allies team report` and `allies vendors`, with the real binary. ALLIES_NOW is 2026-11-26 09:00
// UTC (run_allies.h); the expected numbers are worked out by hand in the comments from
// README "The scoring model": a lunch or coffee counts 3.0, a 1:1 meeting 2.0, a message 0.5,
// each times 2^(-days/90); S = 1 - exp(-contact/6) when no initiator is recorded.

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

using nlohmann::json;

class TeamE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MustRun({"init", "--name", "Dana Whitfield", "--email", "dana@example.com"});
  }

  void MustRun(const std::vector<std::string>& args) {
    auto output = box.Run(args);
    ASSERT_EQ(output.exit_code, 0) << output.err;
  }

  // Standard output of a command that must succeed.
  std::string Out(const std::vector<std::string>& args) {
    auto output = box.Run(args);
    EXPECT_EQ(output.exit_code, 0) << output.err;
    return output.out;
  }

  void AddMember(const std::string& name) {
    MustRun({"person", "add", name, "--dept", "IT"});
    MustRun({"team", "add", name});
  }

  Sandbox box;
};

// --- team attribution ------------------------------------------------------------------------

TEST_F(TeamE2eTest, LogAsMemberMakesTheirTieNotMine) {
  AddMember("Theo Member");
  MustRun({"person", "add", "Fiona Banks", "--dept", "Finance"});
  MustRun({"log", "coffee", "--with", "Fiona Banks", "--as", "Theo Member", "--at",
           "2026-11-20T09:00:00Z", "--initiated-by", "me"});
  json logged = box.Json({"log", "call", "--with", "Fiona Banks", "--as", "Theo Member"});
  // The member is the first attendee and, with --initiated-by me, would be the initiator.
  EXPECT_EQ(logged["attendees"][0]["name"], "Theo Member");
  EXPECT_EQ(logged["attendees"].size(), 2u);

  EXPECT_EQ(box.Json({"ties"}).size(), 0u);  // I never met Fiona
  json theirs = box.Json({"ties", "--as", "Theo Member"});
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[0]["person"]["name"], "Fiona Banks");
  EXPECT_EQ(theirs[0]["components"]["initiated_by_me"], 1);  // "me" is the member here
  // The network by proxy: Theo reaches Fiona, so `reach` counts her for him.
  json reach = box.Json({"reach"});
  EXPECT_EQ(reach["reached"], 1);
  bool theo_reaches = false;
  for (const auto& member : reach["members"]) {
    if (member["member"]["name"] == "Theo Member") theo_reaches = member["reached"] == 1;
  }
  EXPECT_TRUE(theo_reaches);
  json path = box.Json({"path", "Fiona Banks"});
  EXPECT_EQ(path["paths"][0]["people"][0]["name"], "Theo Member");
}

TEST_F(TeamE2eTest, AsMustNameMeOrATeamMember) {
  MustRun({"person", "add", "Fiona Banks", "--dept", "Finance"});
  MustRun({"person", "add", "Omar Reyes"});
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"log", "coffee", "--with", "Fiona Banks", "--as", "Omar Reyes"},
        std::vector<std::string>{"deposit", "Fiona Banks", "attention", "--as", "Omar Reyes"},
        std::vector<std::string>{"show", "Fiona Banks", "--as", "Omar Reyes"},
        std::vector<std::string>{"team", "report", "--as", "Omar Reyes"}}) {
    auto output = box.Run(args);
    EXPECT_EQ(output.exit_code, 2) << args[0];
    EXPECT_EQ(output.err,
              "error: --as \"Omar Reyes\": Omar Reyes (#3) is not on my team (add them with "
              "`allies team add`)\n")
        << args[0];
  }
  // `--as me` is me.
  MustRun({"deposit", "Fiona Banks", "attention", "--as", "me"});
  EXPECT_EQ(box.Json({"balance"}).size(), 1u);
  // A member cannot keep an account with themselves.
  AddMember("Theo Member");
  auto self = box.Run({"withdraw", "Theo Member", "small-ask", "--as", "Theo Member"});
  EXPECT_EQ(self.exit_code, 2);
  EXPECT_EQ(self.err,
            "error: an account is kept with someone else, not with Theo Member (the owner of "
            "--as)\n");
}

TEST_F(TeamE2eTest, AnIntroductionByAMemberIsTheirDepositWithBoth) {
  AddMember("Theo Member");
  MustRun({"person", "add", "Fiona Banks"});
  MustRun({"person", "add", "Omar Reyes"});
  MustRun({"intro", "add", "Fiona Banks", "Omar Reyes", "--by", "Theo Member"});
  EXPECT_EQ(box.Json({"balance"}).size(), 0u);  // not mine
  json theirs = box.Json({"balance", "--as", "Theo Member"});
  ASSERT_EQ(theirs.size(), 2u);
  for (const auto& account : theirs) {
    EXPECT_DOUBLE_EQ(account["balance"].get<double>(), 3.0) << account;  // introduction made
  }
  // Someone outside the team introducing two people is recorded, but is nobody's deposit.
  MustRun({"person", "add", "Pat Outsider"});
  MustRun({"intro", "add", "Fiona Banks", "Omar Reyes", "--by", "Pat Outsider"});
  EXPECT_EQ(box.Json({"balance", "--as", "Theo Member"}), theirs);
  EXPECT_EQ(box.Json({"balance"}).size(), 0u);
}

TEST_F(TeamE2eTest, DepositAsMemberGoesToTheirAccountOnly) {
  AddMember("Theo Member");
  MustRun({"person", "add", "Fiona Banks"});
  json entry = box.Json({"deposit", "Fiona Banks", "favor", "--as", "Theo Member"});
  EXPECT_DOUBLE_EQ(entry["account"]["balance"].get<double>(), 3.0);  // a favor done, today
  EXPECT_EQ(box.Json({"balance"}).size(), 0u);
  json theirs = box.Json({"balance", "--as", "Theo Member"});
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_DOUBLE_EQ(theirs[0]["balance"].get<double>(), 3.0);
}

// --- privacy ---------------------------------------------------------------------------------

// Two members and me each log notes and ledger entries about the same person; every view made
// for one of us must show their own texts and never another's.
TEST_F(TeamE2eTest, NobodySeesAnotherMembersNotesOrLedger) {
  AddMember("Theo Member");
  AddMember("Uma Member");
  MustRun({"person", "add", "Fiona Banks", "--dept", "Finance", "--note", "DANA-PERSONAL-NOTE"});
  MustRun({"followup", "add", "Fiona Banks", "DANA-FOLLOWUP", "--due", "2026-12-01"});
  MustRun({"log", "lunch", "--with", "Fiona Banks", "--as", "Theo Member", "--at",
           "2026-11-10T12:00:00Z", "--note", "THEO-LUNCH-NOTE"});
  // Theo's meeting that I attended too: I see the meeting, not his note.
  MustRun({"log", "meeting", "--with", "Fiona Banks", "--with", "me", "--as", "Theo Member", "--at",
           "2026-11-12T10:00:00Z", "--note", "THEO-MEETING-NOTE"});
  MustRun(
      {"deposit", "Fiona Banks", "attention", "--as", "Theo Member", "--note", "THEO-LEDGER-NOTE"});
  MustRun({"log", "coffee", "--with", "Fiona Banks", "--as", "Uma Member", "--at",
           "2026-11-11T09:00:00Z", "--note", "UMA-COFFEE-NOTE"});
  MustRun(
      {"deposit", "Fiona Banks", "expertise", "--as", "Uma Member", "--note", "UMA-LEDGER-NOTE"});
  MustRun({"withdraw", "Fiona Banks", "favor", "--as", "Uma Member", "--note", "UMA-ASK-NOTE"});
  // My own meeting, which Theo attended: he sees it, not my note.
  MustRun({"log", "meeting", "--with", "Fiona Banks", "--with", "Theo Member", "--at",
           "2026-11-13T10:00:00Z", "--note", "DANA-MEETING-NOTE"});
  MustRun({"deposit", "Fiona Banks", "favor", "--note", "DANA-LEDGER-NOTE"});
  MustRun({"followup", "add", "Fiona Banks", "THEO-FOLLOWUP", "--due", "2026-11-30", "--as",
           "Theo Member"});
  MustRun({"followup", "add", "Fiona Banks", "UMA-FOLLOWUP", "--due", "2026-11-29", "--as",
           "Uma Member"});

  struct Viewer {
    std::vector<std::string> as;  // the --as option, empty for me
    std::vector<std::string> own;
    std::vector<std::string> others;
  };
  const std::vector<std::string> theo = {"THEO-LUNCH-NOTE", "THEO-MEETING-NOTE", "THEO-LEDGER-NOTE",
                                         "THEO-FOLLOWUP"};
  const std::vector<std::string> uma = {"UMA-COFFEE-NOTE", "UMA-LEDGER-NOTE", "UMA-ASK-NOTE",
                                        "UMA-FOLLOWUP"};
  const std::vector<std::string> dana = {"DANA-MEETING-NOTE", "DANA-LEDGER-NOTE",
                                         "DANA-PERSONAL-NOTE", "DANA-FOLLOWUP"};
  auto join = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<Viewer> viewers = {
      {{}, dana, join(theo, uma)},
      {{"--as", "Theo Member"}, theo, join(uma, dana)},
      {{"--as", "Uma Member"}, uma, join(theo, dana)},
  };
  for (const auto& viewer : viewers) {
    std::string seen;
    for (std::vector<std::string> command :
         {std::vector<std::string>{"show", "Fiona Banks"},
          std::vector<std::string>{"show", "Theo Member"},
          std::vector<std::string>{"show", "Uma Member"}, std::vector<std::string>{"show", "me"},
          std::vector<std::string>{"balance"}, std::vector<std::string>{"balance", "Fiona Banks"},
          std::vector<std::string>{"ties"}, std::vector<std::string>{"team", "report"},
          std::vector<std::string>{"followup", "list", "--all"}}) {
      command.insert(command.end(), viewer.as.begin(), viewer.as.end());
      seen += Out(command);
      command.emplace_back("--json");
      seen += Out(command);
    }
    const std::string who = viewer.as.empty() ? "me" : viewer.as[1];
    // Every text of the viewer's own shows somewhere (the check below is not vacuous)...
    for (const auto& text : viewer.own) {
      EXPECT_NE(seen.find(text), std::string::npos) << who << " should see " << text;
    }
    // ... and nothing of anyone else's.
    for (const auto& text : viewer.others) {
      EXPECT_EQ(seen.find(text), std::string::npos) << who << " must not see " << text;
    }
  }

  // My daily briefing and my meeting prep show my follow-ups only.
  for (const std::string& mine :
       {Out({"today"}), Out({"today", "--json"}), Out({"prep", "Fiona Banks"}),
        Out({"prep", "Fiona Banks", "--json"})}) {
    EXPECT_NE(mine.find("DANA-FOLLOWUP"), std::string::npos) << mine;
    EXPECT_EQ(mine.find("THEO-FOLLOWUP"), std::string::npos) << mine;
    EXPECT_EQ(mine.find("UMA-FOLLOWUP"), std::string::npos) << mine;
  }
  // A member can only complete their own follow-ups; another's is as unknown as a missing one.
  json theirs = box.Json({"followup", "list", "--as", "Theo Member"});
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[0]["owner"]["name"], "Theo Member");
  const std::string theo_id = std::to_string(theirs[0]["id"].get<int>());
  auto refused = box.Run({"followup", "done", theo_id, "--as", "Uma Member"});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_EQ(refused.err,
            "error: no follow-up with id " + theo_id +
                " of \"Uma Member\" (see `allies followup list --as \"Uma Member\"`)\n");
  EXPECT_EQ(box.Run({"followup", "done", theo_id}).exit_code, 3);  // not mine either
  json done = box.Json({"followup", "done", theo_id, "--as", "Theo Member"});
  EXPECT_FALSE(done["done_at"].is_null());

  // The meetings themselves are shared: I see Theo's meeting with me, without its note.
  json page = box.Json({"show", "Fiona Banks"});
  ASSERT_EQ(page["recent_interactions"].size(), 2u);  // my meeting and Theo's, newest first
  EXPECT_EQ(page["recent_interactions"][0]["note"], "DANA-MEETING-NOTE");
  EXPECT_EQ(page["recent_interactions"][1]["note"], "");
  EXPECT_EQ(page["recent_interactions"][1]["attendees"][0]["name"], "Theo Member");
  // Uma's account with Fiona: expertise 2 minus favor asked 3, both today: -1, overdrawn.
  json account = box.Json({"balance", "Fiona Banks", "--as", "Uma Member"});
  EXPECT_DOUBLE_EQ(account["balance"].get<double>(), -1.0);
  EXPECT_EQ(account["status"], "overdrawn");
  EXPECT_EQ(account["entries"].size(), 2u);
}

TEST_F(TeamE2eTest, ImportAsMemberKeepsNoNotesFromTheirContacts) {
  AddMember("Theo Member");
  const auto file = box.dir() / "theo.vcf";
  std::ofstream(file) << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gail Porter\r\n"
                         "EMAIL:gail@example.com\r\nNOTE:THEO-CARD-NOTE\r\nEND:VCARD\r\n";
  auto output = box.Run({"import", file.string(), "--as", "Theo Member"});
  ASSERT_EQ(output.exit_code, 0) << output.err;
  EXPECT_NE(output.out.find("warning: 1 note from Theo Member's contacts not kept: a team "
                            "member's notes are theirs alone"),
            std::string::npos)
      << output.out;
  json gail = box.Json({"show", "gail@example.com"});
  EXPECT_EQ(gail["name"], "Gail Porter");
  EXPECT_EQ(gail["notes"].size(), 0u);
  // My own import keeps the note, as before.
  std::ofstream(file) << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hal Moss\r\n"
                         "EMAIL:hal@example.com\r\nNOTE:DANA-CARD-NOTE\r\nEND:VCARD\r\n";
  MustRun({"import", file.string()});
  EXPECT_EQ(box.Json({"show", "hal@example.com"})["notes"][0]["text"], "DANA-CARD-NOTE");
}

// --- the team report -------------------------------------------------------------------------

class TeamReportTest : public TeamE2eTest {
 protected:
  void SetUp() override {
    TeamE2eTest::SetUp();
    AddMember("Theo Member");
    AddMember("Uma Member");
    AddMember("Vic Member");
    MustRun({"person", "add", "Fiona Banks", "--dept", "Finance"});
    MustRun({"person", "add", "Omar Reyes", "--dept", "Operations"});
    MustRun({"person", "add", "Hana Sato", "--dept", "HR"});
    MustRun({"person", "add", "Lena Novak", "--dept", "Legal"});
    // Theo: a coffee with Fiona 6 days ago (his first: new in 30 and 90 days), S = 1 -
    // exp(-3 * 2^(-6/90) / 6) = 0.380; lunches with Omar 77 and 25 days ago (first 77 days ago:
    // new in 90 days only), S = 1 - exp(-(3 * 2^(-77/90) + 3 * 2^(-25/90)) / 6) = 0.498.
    MustRun({"log", "coffee", "--with", "Fiona Banks", "--as", "Theo Member", "--at",
             "2026-11-20T09:00:00Z"});
    MustRun({"log", "lunch", "--with", "Omar Reyes", "--as", "Theo Member", "--at",
             "2026-09-10T09:00:00Z"});
    MustRun({"log", "lunch", "--with", "Omar Reyes", "--as", "Theo Member", "--at",
             "2026-11-01T09:00:00Z"});
    // Uma: a message to Hana yesterday (new; S = 0.079) and a 1:1 meeting with Lena 209 days
    // ago (S = 1 - exp(-2 * 2^(-209/90) / 6) = 0.065): neither covers a department. A favor
    // asked of Hana today overdraws her account with Hana (-1).
    MustRun({"log", "message", "--with", "Hana Sato", "--as", "Uma Member", "--at",
             "2026-11-25T09:00:00Z"});
    MustRun({"log", "meeting", "--with", "Lena Novak", "--as", "Uma Member", "--at",
             "2026-05-01T09:00:00Z"});
    MustRun({"withdraw", "Hana Sato", "small-ask", "--as", "Uma Member"});
    // Me: a lunch with each of the four 178 days ago: S = 1 - exp(-3 * 2^(-178/90) / 6) =
    // 0.119 each, all four in the layer of 5 (cadence 7 days), so all four at risk.
    for (const char* name : {"Fiona Banks", "Omar Reyes", "Hana Sato", "Lena Novak"}) {
      MustRun({"log", "lunch", "--with", name, "--at", "2026-06-01T09:00:00Z"});
    }
    // Vic has met nobody.
  }
};

TEST_F(TeamReportTest, NumbersAndSuggestionsMatchTheRules) {
  json report = box.Json({"team", "report"});
  EXPECT_EQ(report["viewer"]["name"], "Dana Whitfield");
  EXPECT_DOUBLE_EQ(report["min_strength"].get<double>(), 0.2);
  // Nobody has a tie of 0.2 or more in HR or Legal (one person each: by name).
  EXPECT_EQ(report["uncovered_departments"], json::array({"HR", "Legal"}));
  EXPECT_EQ(report["uncovered_vendors"], json::array());
  const json& rows = report["members"];
  ASSERT_EQ(rows.size(), 4u);

  const json& me = rows[0];
  EXPECT_EQ(me["member"]["name"], "Dana Whitfield");
  EXPECT_TRUE(me["is_me"].get<bool>());
  EXPECT_EQ(me["ties"], 4);
  EXPECT_EQ(me["new_ties_30"], 0);
  EXPECT_EQ(me["new_ties_90"], 0);
  EXPECT_EQ(me["departments"], json::array());
  EXPECT_EQ(me["at_risk"], 4);
  EXPECT_EQ(me["overdrawn"], 0);  // my row is mine to see: no account overdrawn
  // Rule 2: 4 at risk, all of my 4 ties; all equally strong, Fiona first (lowest id).
  EXPECT_EQ(me["rule"], "ties_at_risk");
  EXPECT_EQ(me["suggestion"],
            "reconnect with Fiona Banks (4 of 4 ties at risk, last seen 178 days ago)");

  const json& theo = rows[1];
  EXPECT_EQ(theo["member"]["name"], "Theo Member");
  EXPECT_FALSE(theo["is_me"].get<bool>());
  EXPECT_EQ(theo["ties"], 2);
  EXPECT_EQ(theo["new_ties_30"], 1);
  EXPECT_EQ(theo["new_ties_90"], 2);
  EXPECT_EQ(theo["departments"], json::array({"Finance", "Operations"}));
  // Omar: 25 days since the last lunch, past the 7-day cadence of the layer of 5.
  EXPECT_EQ(theo["at_risk"], 1);
  EXPECT_EQ(theo["at_risk_ties"][0]["person"]["name"], "Omar Reyes");
  EXPECT_NEAR(theo["at_risk_ties"][0]["strength"].get<double>(), 0.4978, 5e-4);
  EXPECT_TRUE(theo["overdrawn"].is_null());  // not my account to see
  EXPECT_EQ(theo["rule"], "uncovered_department");
  EXPECT_EQ(theo["suggestion"],
            "introduce yourself to someone in HR: nobody on the team has a tie of strength 0.2 "
            "or more there");

  const json& uma = rows[2];
  EXPECT_EQ(uma["ties"], 2);
  EXPECT_EQ(uma["new_ties_30"], 1);
  EXPECT_EQ(uma["new_ties_90"], 1);
  EXPECT_EQ(uma["departments"], json::array());
  EXPECT_EQ(uma["at_risk"], 1);  // Lena
  EXPECT_TRUE(uma["overdrawn"].is_null());
  // Her overdrawn account is hers alone: in my report the next rule applies.
  EXPECT_EQ(uma["rule"], "uncovered_department");
  EXPECT_EQ(uma["suggestion"],
            "introduce yourself to someone in Legal: nobody on the team has a tie of strength "
            "0.2 or more there");

  const json& vic = rows[3];
  EXPECT_EQ(vic["ties"], 0);
  EXPECT_EQ(vic["new_ties_30"], 0);
  EXPECT_EQ(vic["rule"], "no_new_ties");
  // The uncovered departments are handed out in turn: HR again after Legal.
  EXPECT_EQ(vic["suggestion"],
            "meet one person outside your department (IT): no new ties in 30 days; someone in "
            "HR, which nobody on the team covers, would help most");
}

TEST_F(TeamReportTest, AMembersOwnReportUsesTheirLedger) {
  json report = box.Json({"team", "report", "--as", "Uma Member"});
  EXPECT_EQ(report["viewer"]["name"], "Uma Member");
  const json& rows = report["members"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0]["overdrawn"].is_null());  // my accounts are not Uma's to see
  EXPECT_EQ(rows[2]["member"]["name"], "Uma Member");
  EXPECT_EQ(rows[2]["overdrawn"], 1);
  EXPECT_EQ(rows[2]["rule"], "overdrawn");
  EXPECT_EQ(rows[2]["suggestion"],
            "make a deposit with Hana Sato (balance -1.0): offer attention or expertise before "
            "asking for anything");
  // Uma takes no department now, so Vic gets the next one in turn: Legal.
  EXPECT_EQ(rows[1]["suggestion"],
            "introduce yourself to someone in HR: nobody on the team has a tie of strength 0.2 "
            "or more there");
  EXPECT_NE(rows[3]["suggestion"].get<std::string>().find("someone in Legal"), std::string::npos);

  auto human = box.Run({"team", "report", "--as", "Uma Member"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("Uma Member: make a deposit with Hana Sato"), std::string::npos)
      << human.out;
}

// --- vendor watch ----------------------------------------------------------------------------

class VendorWatchTest : public TeamE2eTest {
 protected:
  // A vendor contact with a strong tie: lunches 1, 10 and 20 days ago, S = 1 - exp(-3 *
  // (2^(-1/90) + 2^(-10/90) + 2^(-20/90)) / 6) = 0.750.
  void WarmContact(const std::string& name, const std::string& org,
                   const std::vector<std::string>& as = {}) {
    MustRun({"person", "add", name, "--org", org, "--title", "Account Manager"});
    for (const char* at :
         {"2026-11-25T09:00:00Z", "2026-11-16T09:00:00Z", "2026-11-06T09:00:00Z"}) {
      std::vector<std::string> args = {"log", "lunch", "--with", name, "--at", at};
      args.insert(args.end(), as.begin(), as.end());
      MustRun(args);
    }
  }

  void Vendor(const std::vector<std::string>& options) {
    std::vector<std::string> args = {"org", "add"};
    args.insert(args.end(), options.begin(), options.end());
    args.insert(args.end(), {"--kind", "vendor"});
    MustRun(args);
  }

  void SetUp() override {
    TeamE2eTest::SetUp();
    AddMember("Theo Member");
    // No rule broken: a warm tie of mine, no cadence, no renewal.
    Vendor({"Calm Vendor", "--service", "printing"});
    WarmContact("Carl Calm", "Calm Vendor");
    // Rule 1 only: one message yesterday, S = 1 - exp(-0.5 * 2^(-1/90) / 6) = 0.079.
    Vendor({"Cold Vendor", "--service", "backup"});
    MustRun({"person", "add", "Cora Cold", "--org", "Cold Vendor"});
    MustRun({"log", "message", "--with", "Cora Cold", "--at", "2026-11-25T09:00:00Z"});
    // Rule 1 only, with nobody known there at all.
    Vendor({"Empty Vendor"});
    // Rule 2 only: cadence 30 days; lunches 40, 45, 50 and 55 days ago keep S at 0.750 but the
    // last check-in is 40 days old.
    Vendor({"Late Vendor", "--cadence", "30"});
    MustRun({"person", "add", "Lars Late", "--org", "Late Vendor"});
    for (const char* at : {"2026-10-17T09:00:00Z", "2026-10-12T09:00:00Z", "2026-10-07T09:00:00Z",
                           "2026-10-02T09:00:00Z"}) {
      MustRun({"log", "lunch", "--with", "Lars Late", "--at", at});
    }
    // Rule 3 only: renews in 50 days; and the edges, 90 days (listed) and 91 (not).
    Vendor({"Renewing Vendor", "--renewal", "2027-01-15"});
    WarmContact("Rita Renew", "Renewing Vendor");
    Vendor({"Edge90 Vendor", "--renewal", "2027-02-24"});
    WarmContact("Ed Ninety", "Edge90 Vendor");
    Vendor({"Edge91 Vendor", "--renewal", "2027-02-25"});
    WarmContact("Nina Ninetyone", "Edge91 Vendor");
    // No rule broken through the team: only Theo knows Pat, and he checked in yesterday.
    Vendor({"Proxy Vendor", "--cadence", "30"});
    WarmContact("Pat Proxy", "Proxy Vendor", {"--as", "Theo Member"});
  }
};

TEST_F(VendorWatchTest, TodayListsEachRuleOnItsOwn) {
  json today = box.Json({"today"});
  json vendors = today["vendors"];
  ASSERT_EQ(vendors.size(), 5u) << vendors.dump(2);
  // By name: Calm, Edge91 and Proxy break no rule and are absent.
  EXPECT_EQ(vendors[0]["organization"], "Cold Vendor");
  EXPECT_EQ(vendors[0]["rules"], json::array({"no_warm_tie"}));
  EXPECT_EQ(vendors[0]["reasons"],
            json::array({"no tie of strength 0.4 or more (best: Cora Cold 0.08, held by Dana "
                         "Whitfield)"}));
  EXPECT_EQ(vendors[0]["action"],
            "meet Cora Cold in a relaxed setting and ask to be told about changes early");

  EXPECT_EQ(vendors[1]["organization"], "Edge90 Vendor");
  EXPECT_EQ(vendors[1]["rules"], json::array({"renewal_soon"}));
  EXPECT_EQ(vendors[1]["reasons"], json::array({"contract renews on 2027-02-24 (in 90 days)"}));

  EXPECT_EQ(vendors[2]["organization"], "Empty Vendor");
  EXPECT_EQ(vendors[2]["rules"], json::array({"no_warm_tie"}));
  EXPECT_EQ(vendors[2]["reasons"], json::array({"nobody there is known"}));

  EXPECT_EQ(vendors[3]["organization"], "Late Vendor");
  EXPECT_EQ(vendors[3]["rules"], json::array({"check_in_overdue"}));
  EXPECT_EQ(vendors[3]["reasons"], json::array({"last check-in 40 days ago (cadence 30 days)"}));
  EXPECT_EQ(vendors[3]["action"], "schedule a check-in with Lars Late");

  EXPECT_EQ(vendors[4]["organization"], "Renewing Vendor");
  EXPECT_EQ(vendors[4]["rules"], json::array({"renewal_soon"}));
  EXPECT_EQ(vendors[4]["reasons"], json::array({"contract renews on 2027-01-15 (in 50 days)"}));
  EXPECT_EQ(vendors[4]["action"],
            "review the contract before 2027-01-15 and ask Rita Renew what is changing");
}

TEST_F(VendorWatchTest, AllThreeRulesTogetherGiveThreeActions) {
  Vendor({"Neglected Vendor", "--renewal", "2026-12-26", "--cadence", "14"});
  MustRun({"person", "add", "Ned Neglect", "--org", "Neglected Vendor"});
  json vendors = box.Json({"today"})["vendors"];
  json alert;
  for (const auto& vendor : vendors) {
    if (vendor["organization"] == "Neglected Vendor") alert = vendor;
  }
  ASSERT_FALSE(alert.is_null());
  EXPECT_EQ(alert["rules"], json::array({"no_warm_tie", "check_in_overdue", "renewal_soon"}));
  EXPECT_EQ(alert["reasons"][1], "never checked in (cadence 14 days)");
  EXPECT_EQ(alert["reasons"][2], "contract renews on 2026-12-26 (in 30 days)");
  EXPECT_EQ(alert["actions"].size(), 3u);
}

TEST_F(VendorWatchTest, VendorsShowsContactsCheckInsRenewalAndNotices) {
  MustRun({"vendor", "notice", "Renewing Vendor", "Prices rise 5% at renewal", "--from",
           "Rita Renew", "--at", "2026-11-20"});
  MustRun({"vendor", "notice", "Renewing Vendor", "Old notice", "--at", "2026-06-01"});
  json vendors = box.Json({"vendors"});
  ASSERT_EQ(vendors.size(), 8u);
  std::map<std::string, json> by_name;
  for (const auto& vendor : vendors) by_name[vendor["name"]] = vendor;

  const json& proxy = by_name["Proxy Vendor"];
  ASSERT_EQ(proxy["contacts"].size(), 1u);
  EXPECT_EQ(proxy["contacts"][0]["person"]["name"], "Pat Proxy");
  EXPECT_NEAR(proxy["contacts"][0]["strength"].get<double>(), 0.750, 5e-4);
  EXPECT_EQ(proxy["contacts"][0]["held_by"]["name"], "Theo Member");
  EXPECT_EQ(proxy["contacts"][0]["ties"].size(), 1u);  // I have none with Pat
  EXPECT_EQ(proxy["check_in"]["by"]["name"], "Theo Member");
  EXPECT_NEAR(proxy["check_in"]["days_since"].get<double>(), 1.0, 1e-9);
  EXPECT_FALSE(proxy["check_in"]["overdue"].get<bool>());
  EXPECT_TRUE(proxy["alert"].is_null());

  const json& renewing = by_name["Renewing Vendor"];
  EXPECT_EQ(renewing["renewal"], "2027-01-15");
  EXPECT_EQ(renewing["renewal_days"], 50);
  EXPECT_EQ(renewing["contacts"][0]["title"], "Account Manager");
  ASSERT_EQ(renewing["notices"].size(), 1u);  // the June one is older than 90 days
  EXPECT_EQ(renewing["notices"][0]["text"], "Prices rise 5% at renewal");
  EXPECT_EQ(renewing["alert"]["rules"], json::array({"renewal_soon"}));

  EXPECT_EQ(by_name["Edge91 Vendor"]["renewal_days"], 91);
  EXPECT_TRUE(by_name["Edge91 Vendor"]["alert"].is_null());
  EXPECT_TRUE(by_name["Calm Vendor"]["alert"].is_null());
  EXPECT_EQ(by_name["Calm Vendor"]["services"], json::array({"printing"}));
  EXPECT_TRUE(by_name["Late Vendor"]["check_in"]["overdue"].get<bool>());
  EXPECT_EQ(by_name["Empty Vendor"]["contacts"], json::array());

  auto human = box.Run({"vendors"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("Pat Proxy"), std::string::npos);
  EXPECT_NE(human.out.find("renews 2027-01-15 (in 50 days)"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("Theo Member 0.75"), std::string::npos) << human.out;
}

// --- the demo ---------------------------------------------------------------------------------

TEST(TeamDemoTest, TeamReportAndVendorsRunOnTheDemo) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json report = box.Json({"team", "report"});
  ASSERT_EQ(report["members"].size(), 7u);  // me and a team of six
  EXPECT_TRUE(report["members"][0]["is_me"].get<bool>());
  const std::set<std::string> rules = {"overdrawn", "ties_at_risk", "no_new_ties",
                                       "uncovered_department", "keep_going"};
  for (std::size_t i = 0; i < report["members"].size(); ++i) {
    const json& row = report["members"][i];
    EXPECT_TRUE(rules.contains(row["rule"].get<std::string>())) << row["rule"];
    EXPECT_FALSE(row["suggestion"].get<std::string>().empty());
    EXPECT_LE(row["new_ties_30"].get<int>(), row["new_ties_90"].get<int>());
    EXPECT_LE(row["at_risk_ties"].size(), 5u);
    EXPECT_EQ(row["overdrawn"].is_null(), i != 0);  // only my own accounts
  }
  json vendors = box.Json({"vendors"});
  ASSERT_EQ(vendors.size(), 5u);
  std::map<std::string, json> by_name;
  for (const auto& vendor : vendors) by_name[vendor["name"]] = vendor;
  // The demo's Stratus Cloud renews 45 days after the demo's now (src/app/demo_names.cc).
  EXPECT_EQ(by_name["Stratus Cloud"]["renewal_days"], 45);
  ASSERT_FALSE(by_name["Stratus Cloud"]["alert"].is_null());
  EXPECT_NE(std::find(by_name["Stratus Cloud"]["alert"]["rules"].begin(),
                      by_name["Stratus Cloud"]["alert"]["rules"].end(), "renewal_soon"),
            by_name["Stratus Cloud"]["alert"]["rules"].end());
  for (const auto& [name, vendor] : by_name) {
    EXPECT_GE(vendor["contacts"].size(), 2u) << name;
  }
  // today lists exactly the vendors `vendors` flags.
  json today = box.Json({"today"});
  std::size_t flagged = 0;
  for (const auto& vendor : vendors) flagged += vendor["alert"].is_null() ? 0 : 1;
  EXPECT_EQ(today["vendors"].size(), flagged);
  EXPECT_EQ(box.Run({"team", "report"}).exit_code, 0);
  EXPECT_EQ(box.Run({"vendors"}).exit_code, 0);
}

}  // namespace
}  // namespace allies::testing
