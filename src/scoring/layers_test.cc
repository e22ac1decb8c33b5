#include "scoring/layers.h"

#include <chrono>
#include <vector>

#include <gtest/gtest.h>

namespace allies::scoring {
namespace {

using core::TimePoint;
using std::chrono::days;

constexpr TimePoint kNow{std::chrono::sys_days{std::chrono::year{2024} / 6 / 1}};

TEST(LayersTest, RanksFillFiveThenFifteenFiftyAndOneHundredFifty) {
  // 160 ties, strongest first: ranks 0-4 are layer 5, 5-14 layer 15, 15-49 layer 50,
  // 50-149 layer 150 and 150-159 no layer.
  std::vector<double> strengths;
  strengths.reserve(160);
  for (int rank = 0; rank < 160; ++rank) strengths.push_back(1.0 - rank / 200.0);
  std::vector<std::optional<int>> layers = AssignLayers(strengths, Params{});
  ASSERT_EQ(layers.size(), 160U);
  EXPECT_EQ(layers[0], 5);
  EXPECT_EQ(layers[4], 5);
  EXPECT_EQ(layers[5], 15);
  EXPECT_EQ(layers[14], 15);
  EXPECT_EQ(layers[15], 50);
  EXPECT_EQ(layers[49], 50);
  EXPECT_EQ(layers[50], 150);
  EXPECT_EQ(layers[149], 150);
  EXPECT_EQ(layers[150], std::nullopt);
  EXPECT_EQ(layers[159], std::nullopt);
}

TEST(LayersTest, StrongestTieIsRankedFirstWhateverItsPosition) {
  Params params;
  params.layer1_size = 1;
  std::vector<double> strengths = {0.1, 0.9, 0.5};
  std::vector<std::optional<int>> layers = AssignLayers(strengths, params);
  EXPECT_EQ(layers[1], 5);
  EXPECT_EQ(layers[0], 15);
  EXPECT_EQ(layers[2], 15);
}

TEST(LayersTest, EqualStrengthsKeepTheirInputOrder) {
  std::vector<double> strengths(6, 0.3);
  std::vector<std::optional<int>> layers = AssignLayers(strengths, Params{});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(layers[i], 5);
  EXPECT_EQ(layers[5], 15);
}

TEST(LayersTest, ZeroStrengthHasNoLayerAndTakesNoPlace) {
  // Six ties with strength, one of strength zero placed first: the zero tie gets none and the
  // five strongest still fill layer 5.
  std::vector<double> strengths = {0.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
  std::vector<std::optional<int>> layers = AssignLayers(strengths, Params{});
  EXPECT_EQ(layers[0], std::nullopt);
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(layers[i], 5);
  EXPECT_EQ(layers[6], 15);
}

TEST(LayersTest, NoTiesGiveNoLayers) { EXPECT_TRUE(AssignLayers({}, Params{}).empty()); }

TEST(LayersTest, CadenceIsWeeklyMonthlySixMonthlyAndYearly) {
  Params params;
  EXPECT_EQ(LayerCadenceDays(5, params), 7);
  EXPECT_EQ(LayerCadenceDays(15, params), 30);
  EXPECT_EQ(LayerCadenceDays(50, params), 182);
  EXPECT_EQ(LayerCadenceDays(150, params), 365);
  EXPECT_EQ(LayerCadenceDays(0, params), 365);
}

TEST(RiskTest, CadenceSmallerThanGapThresholdIsTheThreshold) {
  // min(30, 8 * 10 = 80) = 30; 45 days since -> at risk, overdue (45 - 30) / 30 = 0.5.
  Risk risk = AssessRisk(kNow - days{45}, 10.0, 30.0, kNow, Params{});
  EXPECT_TRUE(risk.at_risk);
  EXPECT_DOUBLE_EQ(*risk.days_since, 45);
  EXPECT_DOUBLE_EQ(*risk.cadence_days, 30);
  EXPECT_DOUBLE_EQ(*risk.threshold_days, 30);
  EXPECT_DOUBLE_EQ(risk.overdue, 0.5);
}

TEST(RiskTest, EightTimesTheMedianGapWhenSmallerThanTheCadence) {
  // min(365, 8 * 5 = 40) = 40; 50 days since -> overdue (50 - 40) / 40 = 0.25.
  Risk risk = AssessRisk(kNow - days{50}, 5.0, 365.0, kNow, Params{});
  EXPECT_TRUE(risk.at_risk);
  EXPECT_DOUBLE_EQ(*risk.threshold_days, 40);
  EXPECT_DOUBLE_EQ(risk.overdue, 0.25);
  // 30 days since is within 40.
  risk = AssessRisk(kNow - days{30}, 5.0, 365.0, kNow, Params{});
  EXPECT_FALSE(risk.at_risk);
  EXPECT_DOUBLE_EQ(risk.overdue, 0);
}

TEST(RiskTest, GapAloneSetsTheThreshold) {
  // No cadence: threshold 8 * 7 = 56; 70 days -> overdue 14 / 56 = 0.25.
  Risk risk = AssessRisk(kNow - days{70}, 7.0, std::nullopt, kNow, Params{});
  EXPECT_TRUE(risk.at_risk);
  EXPECT_FALSE(risk.cadence_days);
  EXPECT_DOUBLE_EQ(*risk.threshold_days, 56);
  EXPECT_DOUBLE_EQ(risk.overdue, 0.25);
}

TEST(RiskTest, ExactlyAtTheThresholdIsNotAtRisk) {
  Risk risk = AssessRisk(kNow - days{30}, std::nullopt, 30.0, kNow, Params{});
  EXPECT_FALSE(risk.at_risk);
  EXPECT_DOUBLE_EQ(risk.overdue, 0);
}

TEST(RiskTest, OverdueStopsAtOneAtTwiceTheThreshold) {
  // (60 - 30) / 30 = 1; (90 - 30) / 30 = 2 -> 1.
  EXPECT_DOUBLE_EQ(AssessRisk(kNow - days{60}, std::nullopt, 30.0, kNow, Params{}).overdue, 1);
  EXPECT_DOUBLE_EQ(AssessRisk(kNow - days{90}, std::nullopt, 30.0, kNow, Params{}).overdue, 1);
}

TEST(RiskTest, NoCadenceAndNoGapMeansNoRisk) {
  Risk risk = AssessRisk(kNow - days{1000}, std::nullopt, std::nullopt, kNow, Params{});
  EXPECT_FALSE(risk.at_risk);
  EXPECT_FALSE(risk.threshold_days);
  EXPECT_DOUBLE_EQ(*risk.days_since, 1000);
  EXPECT_DOUBLE_EQ(risk.overdue, 0);
}

TEST(RiskTest, NeverContactedWithACadenceIsAtRiskAndFullyOverdue) {
  Risk risk = AssessRisk(std::nullopt, std::nullopt, 30.0, kNow, Params{});
  EXPECT_TRUE(risk.at_risk);
  EXPECT_FALSE(risk.days_since);
  EXPECT_DOUBLE_EQ(risk.overdue, 1);
}

TEST(RiskTest, NeverContactedWithoutACadenceIsNotAtRisk) {
  Risk risk = AssessRisk(std::nullopt, std::nullopt, std::nullopt, kNow, Params{});
  EXPECT_FALSE(risk.at_risk);
  EXPECT_DOUBLE_EQ(risk.overdue, 0);
}

TEST(RiskTest, GapMultiplierIsAParameter) {
  // 3 * 10 = 30 < cadence 365; 45 days -> overdue 0.5.
  Params params;
  params.risk_gap_multiplier = 3;
  Risk risk = AssessRisk(kNow - days{45}, 10.0, 365.0, kNow, params);
  EXPECT_DOUBLE_EQ(*risk.threshold_days, 30);
  EXPECT_DOUBLE_EQ(risk.overdue, 0.5);
}

}  // namespace
}  // namespace allies::scoring
