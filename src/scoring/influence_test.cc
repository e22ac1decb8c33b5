#include "scoring/influence.h"

#include <gtest/gtest.h>

namespace allies::scoring {
namespace {

TEST(PercentilesTest, LowestIsZeroHighestIsOne) {
  std::vector<double> values{3.0, 1.0, 2.0};
  EXPECT_EQ(Percentiles(values), (std::vector<double>{1.0, 0.0, 0.5}));
}

TEST(PercentilesTest, EqualValuesShareTheMiddleOfTheirRun) {
  // Two equal lowest values: 0 below, 1 equal other -> (0 + 0.5) / 2 = 0.25.
  std::vector<double> values{1.0, 1.0, 2.0};
  EXPECT_EQ(Percentiles(values), (std::vector<double>{0.25, 0.25, 1.0}));
}

TEST(PercentilesTest, SingleValueIsTheMedian) {
  std::vector<double> values{7.0};
  EXPECT_EQ(Percentiles(values), (std::vector<double>{0.5}));
}

TEST(InfluenceTest, WeighsPageRankBetweennessAndOffer) {
  // 0.4 * 1 + 0.3 * 0.5 + 0.3 * 0.8 = 0.79
  EXPECT_NEAR(Influence({1.0, 0.5, 0.8}, Params{}), 0.79, 1e-12);
}

TEST(TitleLevelTest, KeywordsGiveLevels) {
  EXPECT_EQ(TitleLevel("Chief Information Officer"), 0);
  EXPECT_EQ(TitleLevel("CFO"), 0);
  EXPECT_EQ(TitleLevel("Vice President, Sales"), 1);
  EXPECT_EQ(TitleLevel("Head of Infrastructure"), 1);
  EXPECT_EQ(TitleLevel("IT Manager"), 2);
  EXPECT_EQ(TitleLevel("Team Lead"), 2);
  EXPECT_EQ(TitleLevel("Facilities Coordinator"), 3);
  EXPECT_EQ(TitleLevel("Directory Services Administrator"), 3);  // whole words only
}

TEST(FormalLevelsTest, TreeDepthWinsOverTitles) {
  // 0 CEO <- 1 VP <- 2 "Chief of Staff" (a manager by the tree, whatever the title) <- 3 staff;
  // 4 is outside the tree, so its title decides.
  std::vector<std::optional<std::size_t>> reports_to{std::nullopt, 0, 1, 2, std::nullopt};
  std::vector<std::string_view> titles{"CEO", "VP Finance", "Chief of Staff", "Analyst",
                                       "Account Manager"};
  EXPECT_EQ(FormalLevels(reports_to, titles), (std::vector<int>{0, 1, 2, 3, 2}));
}

TEST(FormalLevelsTest, CycleIsCutWhereItCloses) {
  // 0 -> 1 -> 0, and 2 reports to 1. Starting at 0, the cycle closes at 0: 0 is a root, 1 below.
  std::vector<std::optional<std::size_t>> reports_to{1, 0, 1};
  std::vector<std::string_view> titles{"", "", ""};
  EXPECT_EQ(FormalLevels(reports_to, titles), (std::vector<int>{0, 1, 2}));
}

TEST(HiddenTest, GapOfAtLeastTheParameterCounts) {
  EXPECT_TRUE(IsHidden(0.9, 0.5, Params{}));
  EXPECT_TRUE(IsHidden(0.8, 0.5, Params{}));
  EXPECT_FALSE(IsHidden(0.7, 0.5, Params{}));
}

}  // namespace
}  // namespace allies::scoring
