#include "scoring/params.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace allies::scoring {
namespace {

using core::ErrorCode;
using core::LedgerKind;

TEST(ParamsTest, DefaultsAreThoseOfTheDesign) {
  Params params;
  EXPECT_EQ(params.tie_half_life_days, 90);
  EXPECT_EQ(params.ledger_half_life_days, 180);
  EXPECT_EQ(params.weight_relaxed_1on1, 3.0);
  EXPECT_EQ(params.weight_formal_1on1, 2.0);
  EXPECT_EQ(params.weight_call_1on1, 1.5);
  EXPECT_EQ(params.weight_group, 2.0);
  EXPECT_EQ(params.weight_event, 1.0);
  EXPECT_EQ(params.weight_message, 0.5);
  EXPECT_EQ(params.tie_saturation, 6);
  EXPECT_EQ(params.reciprocity_floor, 0.75);
  EXPECT_EQ(params.one_way_cap, 0.2);
  EXPECT_EQ(params.closeness_decay_per_year, 0.15);
  EXPECT_EQ(params.risk_gap_multiplier, 8);
  EXPECT_EQ(params.balance_in_credit_min, 2);
  EXPECT_EQ(params.balance_overdrawn_max, -1);
}

TEST(ParamsTest, TableNamesEveryFieldOnceWithItsDefaultInRange) {
  std::set<std::string_view> keys;
  std::vector<double Params::*> fields;
  Params defaults;
  for (const ParamInfo& info : ParamTable()) {
    EXPECT_TRUE(keys.insert(info.key).second) << info.key;
    // Member pointers have no order, so look for a repeat by hand.
    for (double Params::*field : fields) EXPECT_NE(field, info.field) << info.key;
    fields.push_back(info.field);
    EXPECT_FALSE(info.description.empty()) << info.key;
    EXPECT_LE(info.min, defaults.*info.field) << info.key;
    EXPECT_GE(info.max, defaults.*info.field) << info.key;
  }
  // Params has 36 doubles, 22 more for the weekly plan and 3 for the influence snapshot (issue 5).
  EXPECT_EQ(keys.size(), sizeof(Params) / sizeof(double));
  EXPECT_EQ(keys.size(), 36U + 22U + 3U);
}

TEST(ParamsTest, EveryDefaultReadsBackFromItsText) {
  Params defaults;
  for (const ParamInfo& info : ParamTable()) {
    Params params;
    params.*info.field = -12345;
    ASSERT_TRUE(SetParam(params, info.key, FormatParam(defaults.*info.field))) << info.key;
    EXPECT_EQ(params.*info.field, defaults.*info.field) << info.key;
  }
}

TEST(ParamsTest, SetThenGetRoundTrips) {
  Params params;
  ASSERT_TRUE(SetParam(params, "tie.half_life_days", "120"));
  EXPECT_EQ(params.tie_half_life_days, 120);
  ASSERT_TRUE(SetParam(params, "tie.one_way_cap", "0.25"));
  EXPECT_EQ(params.one_way_cap, 0.25);
  ASSERT_TRUE(SetParam(params, "balance.overdrawn_max", "-2.5"));
  EXPECT_EQ(params.balance_overdrawn_max, -2.5);
  ASSERT_TRUE(SetParam(params, "layer.2.size", "20"));
  EXPECT_EQ(params.layer2_size, 20);
  auto info = FindParam("tie.one_way_cap");
  ASSERT_TRUE(info);
  EXPECT_EQ((*info)->key, "tie.one_way_cap");
  EXPECT_EQ(FormatParam(params.*(*info)->field), "0.25");
}

TEST(ParamsTest, FormatIsTheShortestTextThatReadsBack) {
  EXPECT_EQ(FormatParam(90), "90");
  EXPECT_EQ(FormatParam(0.15), "0.15");
  EXPECT_EQ(FormatParam(-1), "-1");
  EXPECT_EQ(FormatParam(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatParam(100000), "100000");
  EXPECT_EQ(FormatParam(0), "0");
}

TEST(ParamsTest, TextThatIsNotANumberIsRejected) {
  Params params;
  auto result = SetParam(params, "tie.half_life_days", "abc");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message,
            "\"abc\" is not a number for tie.half_life_days (expected a number from 1 to 3650)");
  EXPECT_EQ(params.tie_half_life_days, 90);
  for (const char* bad : {"", "12abc", " 12", "nan", "inf", "1,5"}) {
    EXPECT_FALSE(SetParam(params, "tie.half_life_days", bad)) << bad;
  }
}

TEST(ParamsTest, NumberOutOfRangeIsRejected) {
  Params params;
  auto result = SetParam(params, "tie.half_life_days", "0");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message,
            "\"0\" is out of range for tie.half_life_days (expected a number from 1 to 3650)");
  result = SetParam(params, "tie.one_way_cap", "1.5");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message,
            "\"1.5\" is out of range for tie.one_way_cap (expected a number from 0 to 1)");
  result = SetParam(params, "weight.message", "-0.5");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message,
            "\"-0.5\" is out of range for weight.message (expected a number from 0 to 100)");
  EXPECT_EQ(params.one_way_cap, 0.2);
}

TEST(ParamsTest, FractionForAWholeNumberKeyIsRejected) {
  Params params;
  auto result = SetParam(params, "layer.1.size", "2.5");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message,
            "\"2.5\" is not a whole number for layer.1.size (expected a whole number from 1 to "
            "100000)");
  EXPECT_TRUE(SetParam(params, "layer.1.size", "4.0"));
  EXPECT_EQ(params.layer1_size, 4);
}

TEST(ParamsTest, UnknownKeyIsNotFound) {
  Params params;
  auto result = SetParam(params, "x", "1");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(result.error().message, "unknown configuration key \"x\" (see allies config list)");
  EXPECT_FALSE(FindParam("tie.half_life"));
}

TEST(ParamsTest, ParamsFromAppliesOverridesToTheDefaults) {
  auto params = ParamsFrom({{"tie.half_life_days", "60"}, {"value.escalation", "4"}});
  ASSERT_TRUE(params);
  EXPECT_EQ(params->tie_half_life_days, 60);
  EXPECT_EQ(params->value_escalation, 4);
  EXPECT_EQ(params->ledger_half_life_days, 180);
  EXPECT_EQ(params->weight_relaxed_1on1, 3.0);
}

TEST(ParamsTest, ParamsFromFailsOnABadOverride) {
  auto params = ParamsFrom({{"tie.half_life_days", "60"}, {"weight.group", "lots"}});
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(params.error().message,
            "\"lots\" is not a number for weight.group (expected a number from 0 to 100)");
  params = ParamsFrom({{"no.such.key", "1"}});
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().code, ErrorCode::kNotFound);
}

TEST(ParamsTest, DefaultValueOfEachLedgerKind) {
  Params params;
  EXPECT_EQ(DefaultValue(LedgerKind::kAttention, params), 1);
  EXPECT_EQ(DefaultValue(LedgerKind::kExpertise, params), 2);
  EXPECT_EQ(DefaultValue(LedgerKind::kFavorDone, params), 3);
  EXPECT_EQ(DefaultValue(LedgerKind::kIntroduction, params), 3);
  EXPECT_EQ(DefaultValue(LedgerKind::kRecognition, params), 2);
  EXPECT_EQ(DefaultValue(LedgerKind::kSmallAsk, params), 1);
  EXPECT_EQ(DefaultValue(LedgerKind::kFavorAsked, params), 3);
  EXPECT_EQ(DefaultValue(LedgerKind::kEscalation, params), 5);
  params.value_small_ask = 0.5;
  EXPECT_EQ(DefaultValue(LedgerKind::kSmallAsk, params), 0.5);
}

TEST(ParamsTest, ParamsFromRefusesLayersThatDoNotGrow) {
  auto params = ParamsFrom({{"layer.2.size", "60"}});
  ASSERT_FALSE(params);
  EXPECT_EQ(params.error().message,
            "layer sizes must grow from layer 1 to layer 4 (now 5, 60, 50, 150); layers are "
            "cumulative");
}

}  // namespace
}  // namespace allies::scoring
