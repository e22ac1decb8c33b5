// Meeting prep and the ask advisor (issue 5) through the real binary: on the demo organization
// the advisor finds the planted expert through a team member; asks are recorded and answered.

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

using nlohmann::json;

class DemoAskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_box = new Sandbox();
    shared_demo = shared_box->Json({"demo"});
  }
  static void TearDownTestSuite() {
    delete shared_box;
    shared_box = nullptr;
  }
  static const Sandbox& Box() { return *shared_box; }
  static const json& Demo() { return shared_demo; }

 private:
  static Sandbox* shared_box;
  static json shared_demo;
};

Sandbox* DemoAskTest::shared_box = nullptr;
json DemoAskTest::shared_demo;

// Changes the database: its own sandbox.
TEST(AskInfluenceTest, TheSnapshotSurvivesAWriteAndFreshInfluenceRecomputesIt) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json first = box.Json({"ask-for", "budget"});
  EXPECT_EQ(first["influence_snapshot"], "computed");
  EXPECT_EQ(first["influence"]["snapshot"], "computed");
  EXPECT_EQ(first["influence"]["recomputed_because"], "no snapshot yet");
  EXPECT_EQ(first["influence"]["scope"], "network");
  EXPECT_EQ(first["influence"]["as_of"], kNow);
  ASSERT_FALSE(first["candidates"].empty());
  auto logged = box.Run({"log", "coffee", "--with", first["candidates"][0]["person"]["name"],
                         "--at", "2026-11-25T10:00:00Z"});
  ASSERT_EQ(logged.exit_code, 0) << logged.err;
  json second = box.Json({"ask-for", "budget"});
  EXPECT_EQ(second["influence_snapshot"], "reused");
  EXPECT_EQ(second["influence"]["changes_since"], 1);
  EXPECT_EQ(second["influence"]["recomputed_because"], nullptr);
  auto human = box.Run({"ask-for", "budget", "--top", "1"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("as of 2026-11-26 09:00, 1 change since"), std::string::npos)
      << human.out;
  json fresh = box.Json({"ask-for", "budget", "--fresh-influence"});
  EXPECT_EQ(fresh["influence"]["snapshot"], "computed");
  EXPECT_EQ(fresh["influence"]["recomputed_because"], "asked for (--fresh-influence)");
  // Scores do not move for one coffee: the recomputed influence ranks the same people.
  ASSERT_EQ(fresh["candidates"].size(), second["candidates"].size());
  for (std::size_t k = 0; k < fresh["candidates"].size(); ++k) {
    EXPECT_EQ(fresh["candidates"][k]["person"]["id"], second["candidates"][k]["person"]["id"]);
  }
}

TEST_F(DemoAskTest, TheAdvisorFindsThePlantedExpertThroughATeamMember) {
  ASSERT_TRUE(Demo()["planted_expert"].is_object()) << Demo().dump(1);
  const std::string expert = Demo()["planted_expert"]["name"];
  const std::string through = Demo()["planted_expert"]["through"];
  json report = Box().Json({"ask-for", "e-discovery for a litigation hold", "--top", "5"});
  ASSERT_FALSE(report["candidates"].empty()) << report.dump(1);
  const json& best = report["candidates"][0];
  EXPECT_EQ(best["person"]["name"], expert);
  ASSERT_TRUE(best["path"].is_object());
  EXPECT_EQ(best["path"]["people"][0]["name"], through);
  EXPECT_EQ(best["path"]["people"].back()["name"], expert);
  EXPECT_EQ(best["approach"], "introduction");
  EXPECT_EQ(best["introducer"]["name"], through);
  EXPECT_NEAR(best["score"].get<double>(),
              best["match"].get<double>() * best["influence"].get<double>() *
                  best["path"]["strength"].get<double>(),
              1e-12);
  // The team member is on my team; I have no tie with the expert.
  json team = Box().Json({"team", "list"});
  bool on_team = false;
  for (const auto& row : team) on_team = on_team || row["name"] == through;
  EXPECT_TRUE(on_team) << team.dump(1);
  json ties = Box().Json({"ties"});
  for (const auto& tie : ties) EXPECT_NE(tie["person"]["name"], expert);
  // The human output says the same.
  auto human = Box().Run({"ask-for", "e-discovery for a litigation hold", "--top", "1"});
  EXPECT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("1. " + expert), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("Ask " + through + " to introduce you to " + expert), std::string::npos)
      << human.out;
}

TEST_F(DemoAskTest, PrepShowsTheTeamMemberWorkingWithTheExpertsDepartment) {
  const std::string expert = Demo()["planted_expert"]["name"];
  json prep = Box().Json({"prep", expert});
  bool found = false;
  for (const auto& touch : prep["team_touches"]) {
    found = found || touch["member"]["name"] == Demo()["planted_expert"]["through"];
  }
  EXPECT_TRUE(found) << prep.dump(1);
  EXPECT_TRUE(prep["in_the_way"].is_string());
  EXPECT_TRUE(prep["last_interactions"].empty());  // I have never met them
  EXPECT_EQ(prep["account"]["status"], "even");
}

TEST(AskCommandTest, AnAskIsRecordedListedAndAnswered) {
  Sandbox box;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"init", "--name", "Dana Whitfield"},
           {"person", "add", "Sam Okafor", "--need", "Wants a DR test window"},
           {"log", "lunch", "--with", "Sam Okafor", "--offered", "our DR runbook", "--declined"}}) {
    auto output = box.Run(args);
    ASSERT_EQ(output.exit_code, 0) << output.err;
  }
  json balance = box.Json({"balance", "Sam Okafor"});
  EXPECT_DOUBLE_EQ(balance["balance"].get<double>(), 2);  // the declined offer counts
  json asked = box.Json({"ask", "Sam Okafor", "two testers for the ERP"});
  EXPECT_EQ(asked["outcome"], "pending");
  EXPECT_EQ(asked["withdrawal"]["kind"], "small-ask");
  EXPECT_DOUBLE_EQ(asked["account"]["balance"].get<double>(), 1);
  json escalated = box.Json(
      {"ask", "Sam Okafor", "unblock the tender", "--kind", "escalation", "--outcome", "no"});
  EXPECT_EQ(escalated["outcome"], "no");
  EXPECT_DOUBLE_EQ(escalated["account"]["balance"].get<double>(), -4);
  json open = box.Json({"ask", "list", "--open"});
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0]["text"], "two testers for the ERP");
  json done =
      box.Json({"ask", "done", std::to_string(open[0]["id"].get<int>()), "--outcome", "yes"});
  EXPECT_EQ(done["outcome"], "yes");
  EXPECT_TRUE(box.Json({"ask", "list", "--open"}).empty());
  EXPECT_EQ(box.Json({"ask", "list"}).size(), 2u);
  json prep = box.Json({"prep", "Sam Okafor"});
  EXPECT_EQ(prep["asks"].size(), 2u);
  EXPECT_EQ(prep["account"]["status"], "overdrawn");
  auto human = box.Run({"ask", "list"});
  EXPECT_EQ(human.exit_code, 0);
  EXPECT_NE(human.out.find("unblock the tender"), std::string::npos) << human.out;
}

}  // namespace
}  // namespace allies::testing
