// The network commands on the demo organization and on a hand-made network.

#include <cmath>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

using nlohmann::json;

class DemoNetworkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    box_ = new Sandbox();
    demo_ = box_->Json({"demo"});
  }
  static void TearDownTestSuite() {
    delete box_;
    box_ = nullptr;
  }
  static Sandbox* box_;
  static json demo_;
};

Sandbox* DemoNetworkTest::box_ = nullptr;
json DemoNetworkTest::demo_;

TEST_F(DemoNetworkTest, InfluenceIsTheWeightedSumOfItsParts) {
  json report = box_->Json({"influencers", "--top", "20"});
  ASSERT_EQ(report["people"].size(), 20u);
  EXPECT_GT(report["network"]["people"].get<int>(), 350);
  EXPECT_FALSE(report["approximate"].get<bool>());  // 400 people: exact betweenness
  double previous = 2;
  for (const auto& row : report["people"]) {
    const auto& parts = row["components"];
    double expected = 0.4 * parts["pagerank_percentile"].get<double>() +
                      0.3 * parts["betweenness_percentile"].get<double>() +
                      0.3 * parts["offer"].get<double>();
    EXPECT_NEAR(row["influence"].get<double>(), expected, 1e-12);
    EXPECT_LE(row["influence"].get<double>(), previous);
    previous = row["influence"].get<double>();
  }
}

TEST_F(DemoNetworkTest, InfluencersOfOneDepartmentStayInIt) {
  json report = box_->Json({"influencers", "--dept", "finance", "--top", "5"});
  ASSERT_FALSE(report["people"].empty());
  for (const auto& row : report["people"]) EXPECT_EQ(row["person"]["department"], "Finance");
  auto none = box_->Run({"influencers", "--dept", "Astrology"});
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_EQ(none.err, "error: nobody in department \"Astrology\" (see `allies person list`)\n");
}

TEST_F(DemoNetworkTest, PlantedHiddenInfluencersAreFound) {
  json hidden = box_->Json({"hidden", "--top", "30"});
  std::vector<std::string> found;
  for (const auto& row : hidden["people"]) {
    EXPECT_TRUE(row["hidden"].get<bool>());
    EXPECT_GE(row["gap"].get<double>(), 0.3 - 1e-12);
    found.push_back(row["person"]["name"]);
  }
  int planted_found = 0;
  for (const auto& name : demo_["hidden_influencers"]) {
    if (std::find(found.begin(), found.end(), name.get<std::string>()) != found.end()) {
      ++planted_found;
    }
  }
  EXPECT_GE(planted_found, 3) << hidden.dump(1);
}

TEST_F(DemoNetworkTest, BrokersAreSortedByBetweennessWithConstraintAndRoles) {
  json report = box_->Json({"brokers", "--top", "10"});
  ASSERT_EQ(report["people"].size(), 10u);
  double previous = 2;
  for (const auto& row : report["people"]) {
    EXPECT_LE(row["betweenness"].get<double>(), previous);
    previous = row["betweenness"].get<double>();
    EXPECT_GT(row["constraint"].get<double>(), 0);
    EXPECT_LE(row["constraint"].get<double>(), 1.0 + 1e-9);
    EXPECT_TRUE(row["roles"].contains("liaison"));
  }
}

TEST_F(DemoNetworkTest, CommunitiesHaveModularityAndMembers) {
  json report = box_->Json({"communities"});
  EXPECT_GT(report["modularity"].get<double>(), 0.3);
  ASSERT_GE(report["communities"].size(), 3u);
  for (const auto& community : report["communities"]) {
    EXPECT_GE(community["size"].get<int>(), 2);
    EXPECT_EQ(community["members"].size(), community["size"].get<std::size_t>());
  }
}

TEST_F(DemoNetworkTest, WarmPathsStartWithMeOrTheTeamAndMultiplyStrengths) {
  std::string target = demo_["hidden_influencers"][0];
  json report = box_->Json({"path", target, "--k", "3"});
  ASSERT_FALSE(report["paths"].empty());
  json team = box_->Json({"team", "list"});
  std::vector<int> starts{box_->Json({"show", "me"})["id"].get<int>()};
  for (const auto& member : team) starts.push_back(member["id"]);
  double previous = 2;
  for (const auto& path : report["paths"]) {
    EXPECT_NE(std::find(starts.begin(), starts.end(), path["people"][0]["id"].get<int>()),
              starts.end());
    EXPECT_EQ(path["people"].back()["name"], target);
    EXPECT_LE(path["strengths"].size(), 3u);
    double product = 1;
    for (const auto& s : path["strengths"]) product *= s.get<double>();
    EXPECT_NEAR(path["strength"].get<double>(), product, 1e-9);
    EXPECT_LE(path["strength"].get<double>(), previous + 1e-12);
    previous = path["strength"].get<double>();
  }
}

TEST_F(DemoNetworkTest, ReachCountsMeFirstAndListsGaps) {
  json report = box_->Json({"reach"});
  ASSERT_FALSE(report["members"].empty());
  EXPECT_EQ(report["members"][0]["member"]["id"], box_->Json({"show", "me"})["id"]);
  EXPECT_EQ(report["members"].size(), 7u);  // me and a team of six
  EXPECT_LE(report["reached"].get<int>(), report["people"].get<int>());
  int gaps = 0;
  for (const auto& row : report["departments"]) {
    EXPECT_LE(row["reached"].get<int>(), row["people"].get<int>());
    if (row["reached"] == 0) ++gaps;
  }
  for (const auto& row : report["vendors"]) {
    if (row["reached"] == 0) ++gaps;
  }
  EXPECT_EQ(report["gaps"].size(), static_cast<std::size_t>(gaps));
}

TEST_F(DemoNetworkTest, GraphMlExportReadsBackInNetworkX) {
  auto file = box_->dir() / "network.graphml";
  auto output = box_->Run({"export", "graph", "--format", "graphml", "--out", file.string()});
  ASSERT_EQ(output.exit_code, 0) << output.err;
  json people = box_->Json({"person", "list"});
  std::string command =
      "/usr/bin/python3 -c \"import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
      "print(g.number_of_nodes())\" " +
      file.string() + " > " + (box_->dir() / "count.txt").string();
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream count(box_->dir() / "count.txt");
  std::size_t nodes = 0;
  count >> nodes;
  EXPECT_EQ(nodes, people.size());
}

TEST(NetworkTest, KnowsTieOpensAWarmPath) {
  Sandbox box;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"init", "--name", "Dana"},
           {"person", "add", "Ana"},
           {"person", "add", "Ben"},
           {"log", "lunch", "--with", "Ana", "--at", "2026-11-20T12:00:00Z"}}) {
    ASSERT_EQ(box.Run(args).exit_code, 0);
  }
  json none = box.Json({"path", "Ben"});
  EXPECT_TRUE(none["paths"].empty());
  json knows = box.Json({"know", "Ana", "Ben", "--strength", "0.9"});
  EXPECT_DOUBLE_EQ(knows["strength"].get<double>(), 0.9);
  json report = box.Json({"path", "Ben"});
  ASSERT_EQ(report["paths"].size(), 1u);
  const auto& path = report["paths"][0];
  ASSERT_EQ(path["people"].size(), 3u);
  EXPECT_EQ(path["people"][1]["name"], "Ana");
  // Lunch 5 days 21 hours (5.875 days) ago: contact = 3 * 2^(-5.875/90),
  // S = 1 - exp(-contact / 6); the path multiplies it by 0.9.
  double contact = 3 * std::exp2(-5.875 / 90);
  double strength = 1 - std::exp(-contact / 6);
  EXPECT_NEAR(path["strengths"][0].get<double>(), strength, 1e-6);
  EXPECT_NEAR(path["strength"].get<double>(), strength * 0.9, 1e-6);
  auto bad = box.Run({"know", "Ana", "Ben", "--strength", "2"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "error: --strength 2 is out of range (expected more than 0, at most 1)\n");
}

}  // namespace
}  // namespace allies::testing
