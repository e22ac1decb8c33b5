#include "scoring/params.h"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

#include <fmt/format.h>

namespace allies::scoring {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::array kParams = {
    ParamInfo{"tie.half_life_days", &Params::tie_half_life_days, 1, 3650, false,
              "days after which a contact counts half toward tie strength"},
    ParamInfo{"ledger.half_life_days", &Params::ledger_half_life_days, 1, 3650, false,
              "days after which a deposit or withdrawal counts half toward the balance"},
    ParamInfo{"weight.relaxed_1on1", &Params::weight_relaxed_1on1, 0, 100, false,
              "weight of a relaxed in-person meeting of two people (lunch, coffee, walk)"},
    ParamInfo{"weight.formal_1on1", &Params::weight_formal_1on1, 0, 100, false,
              "weight of a formal in-person meeting of two people"},
    ParamInfo{"weight.call_1on1", &Params::weight_call_1on1, 0, 100, false,
              "weight of a call or video call between two people"},
    ParamInfo{"weight.group", &Params::weight_group, 0, 100, false,
              "weight of a meeting of n > 2 people, divided by n - 1 for each pair"},
    ParamInfo{"weight.event", &Params::weight_event, 0, 100, false,
              "weight of an encounter at an event or conference"},
    ParamInfo{"weight.message", &Params::weight_message, 0, 100, false,
              "weight of an email or message"},
    ParamInfo{"tie.saturation", &Params::tie_saturation, 0.1, 1000, false,
              "contact at which tie strength reaches 1 - 1/e (about 0.63)"},
    ParamInfo{"tie.reciprocity_floor", &Params::reciprocity_floor, 0, 1, false,
              "share of tie strength kept when only one side ever initiates"},
    ParamInfo{"tie.one_way_cap", &Params::one_way_cap, 0, 1, false,
              "highest tie strength of one-way contact (messages from one side only)"},
    ParamInfo{"tie.closeness_decay_per_year", &Params::closeness_decay_per_year, 0, 1, false,
              "share of a closeness rating lost each year since it was given"},
    ParamInfo{"layer.1.size", &Params::layer1_size, 1, 100000, true,
              "number of ties in the innermost layer"},
    ParamInfo{"layer.2.size", &Params::layer2_size, 1, 100000, true,
              "number of ties in the first two layers together"},
    ParamInfo{"layer.3.size", &Params::layer3_size, 1, 100000, true,
              "number of ties in the first three layers together"},
    ParamInfo{"layer.4.size", &Params::layer4_size, 1, 100000, true,
              "number of ties in all four layers together"},
    ParamInfo{"layer.1.cadence_days", &Params::layer1_cadence_days, 1, 3650, true,
              "default days between contacts for a tie in layer 1"},
    ParamInfo{"layer.2.cadence_days", &Params::layer2_cadence_days, 1, 3650, true,
              "default days between contacts for a tie in layer 2"},
    ParamInfo{"layer.3.cadence_days", &Params::layer3_cadence_days, 1, 3650, true,
              "default days between contacts for a tie in layer 3"},
    ParamInfo{"layer.4.cadence_days", &Params::layer4_cadence_days, 1, 3650, true,
              "default days between contacts for a tie in layer 4"},
    ParamInfo{"risk.gap_multiplier", &Params::risk_gap_multiplier, 1, 100, false,
              "a tie is at risk past this many times its median gap between contacts"},
    ParamInfo{"influence.pagerank_weight", &Params::influence_pagerank_weight, 0, 1, false,
              "share of influence from the PageRank percentile on tie strengths"},
    ParamInfo{"influence.betweenness_weight", &Params::influence_betweenness_weight, 0, 1, false,
              "share of influence from the betweenness percentile"},
    ParamInfo{"influence.offer_weight", &Params::influence_offer_weight, 0, 1, false,
              "share of influence from what the person offers (best rating / 5)"},
    ParamInfo{"influence.hidden_gap", &Params::hidden_gap, 0, 1, false,
              "a hidden influencer's influence percentile exceeds their formal one by this much"},
    ParamInfo{"network.reports_to_strength", &Params::reports_to_strength, 0.01, 1, false,
              "tie strength a reports-to link gets in the network"},
    ParamInfo{"influence.snapshot_days", &Params::influence_snapshot_days, 0, 3650, false,
              "days the stored influence snapshot is reused by plan and ask-for (0: never)"},
    ParamInfo{"influence.snapshot_max_change", &Params::influence_snapshot_max_change, 0, 1, false,
              "share of the network's people that may change before the snapshot is recomputed"},
    ParamInfo{"influence.background_people", &Params::influence_background_people, 0, 1e9, true,
              "from this many people, an outdated snapshot is used while it is recomputed in the "
              "background (0: never)"},
    ParamInfo{"balance.in_credit_min", &Params::balance_in_credit_min, 0, 1000, false,
              "lowest balance that counts as in credit"},
    ParamInfo{"balance.overdrawn_max", &Params::balance_overdrawn_max, -1000, 0, false,
              "highest balance that counts as overdrawn"},
    ParamInfo{"value.attention", &Params::value_attention, 0, 100, false,
              "default value of a deposit of attention"},
    ParamInfo{"value.expertise", &Params::value_expertise, 0, 100, false,
              "default value of a deposit of expertise offered"},
    ParamInfo{"value.favor_done", &Params::value_favor_done, 0, 100, false,
              "default value of a favor done"},
    ParamInfo{"value.introduction", &Params::value_introduction, 0, 100, false,
              "default value of an introduction made"},
    ParamInfo{"value.recognition", &Params::value_recognition, 0, 100, false,
              "default value of public recognition"},
    ParamInfo{"value.small_ask", &Params::value_small_ask, 0, 100, false,
              "default value of a small ask (a withdrawal)"},
    ParamInfo{"value.favor_asked", &Params::value_favor_asked, 0, 100, false,
              "default value of a favor asked (a withdrawal)"},
    ParamInfo{"value.escalation", &Params::value_escalation, 0, 100, false,
              "default value of an escalation (a withdrawal)"},
    // --- weekly plan (issue 5) ---
    ParamInfo{"plan.hours", &Params::plan_hours, 0, 168, false,
              "hours a week for networking (allies plan --hours)"},
    ParamInfo{"plan.energy", &Params::plan_energy, 0, 1000, false,
              "energy points a week for networking (allies plan --energy)"},
    ParamInfo{"plan.per_department", &Params::plan_per_department, 1, 1000, true,
              "most people of one department in a week's plan"},
    ParamInfo{"plan.work_start_hour", &Params::plan_work_start_hour, 0, 24, false,
              "start of the working day, hours after midnight in the user's time zone"},
    ParamInfo{"plan.work_end_hour", &Params::plan_work_end_hour, 0, 24, false,
              "end of the working day, hours after midnight"},
    ParamInfo{"plan.lunch_start_hour", &Params::plan_lunch_start_hour, 0, 24, false,
              "earliest start of a lunch, hours after midnight"},
    ParamInfo{"plan.lunch_end_hour", &Params::plan_lunch_end_hour, 0, 24, false,
              "latest end of a lunch, hours after midnight"},
    ParamInfo{"plan.work_days", &Params::plan_work_days, 1, 7, true,
              "working days of the week, from Monday (5: Monday to Friday)"},
    ParamInfo{"plan.open_ask_days", &Params::plan_open_ask_days, 1, 3650, true,
              "days a withdrawal (an ask) counts as open or recent"},
    ParamInfo{"plan.rest_days", &Params::plan_rest_days, 0, 3650, true,
              "someone met within this many days is not proposed again"},
    ParamInfo{"plan.coffee_minutes", &Params::plan_coffee_minutes, 5, 480, true,
              "minutes a coffee takes"},
    ParamInfo{"plan.coffee_energy", &Params::plan_coffee_energy, 0, 100, false,
              "energy a coffee costs"},
    ParamInfo{"plan.lunch_minutes", &Params::plan_lunch_minutes, 5, 480, true,
              "minutes a lunch takes"},
    ParamInfo{"plan.lunch_energy", &Params::plan_lunch_energy, 0, 100, false,
              "energy a lunch costs"},
    ParamInfo{"plan.walk_minutes", &Params::plan_walk_minutes, 5, 480, true,
              "minutes a walk takes"},
    ParamInfo{"plan.walk_energy", &Params::plan_walk_energy, 0, 100, false, "energy a walk costs"},
    ParamInfo{"plan.offsite_minutes", &Params::plan_offsite_minutes, 5, 480, true,
              "minutes an off-site meeting takes"},
    ParamInfo{"plan.offsite_energy", &Params::plan_offsite_energy, 0, 100, false,
              "energy an off-site meeting costs"},
    ParamInfo{"plan.conference_minutes", &Params::plan_conference_minutes, 5, 480, true,
              "minutes a meeting after a conference takes"},
    ParamInfo{"plan.conference_energy", &Params::plan_conference_energy, 0, 100, false,
              "energy a meeting after a conference costs"},
    ParamInfo{"plan.call_minutes", &Params::plan_call_minutes, 5, 480, true,
              "minutes a call or video call takes"},
    ParamInfo{"plan.call_energy", &Params::plan_call_energy, 0, 100, false,
              "energy a call or video call costs"},
};

std::string Expected(const ParamInfo& info) {
  return fmt::format("expected {} from {} to {}", info.integer ? "a whole number" : "a number",
                     FormatParam(info.min), FormatParam(info.max));
}

}  // namespace

std::span<const ParamInfo> ParamTable() { return kParams; }

core::Result<const ParamInfo*> FindParam(std::string_view key) {
  for (const ParamInfo& info : kParams) {
    if (info.key == key) return &info;
  }
  return Fail(ErrorCode::kNotFound,
              fmt::format("unknown configuration key \"{}\" (see allies config list)", key));
}

core::Result<void> SetParam(Params& params, std::string_view key, std::string_view value) {
  ALLIES_TRY(const ParamInfo* info, FindParam(key));
  double parsed = 0;
  const char* first = value.data();
  const char* last = value.data() + value.size();
  auto [end, error] = std::from_chars(first, last, parsed);
  // from_chars also reads "nan" and "inf"; neither is a usable parameter.
  if (value.empty() || error != std::errc() || end != last || !std::isfinite(parsed)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("\"{}\" is not a number for {} ({})",
                                                         value, info->key, Expected(*info)));
  }
  if (info->integer && parsed != std::floor(parsed)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("\"{}\" is not a whole number for {} ({})",
                                                         value, info->key, Expected(*info)));
  }
  if (parsed < info->min || parsed > info->max) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("\"{}\" is out of range for {} ({})",
                                                         value, info->key, Expected(*info)));
  }
  params.*(info->field) = parsed;
  return {};
}

core::Result<Params> ParamsFrom(const std::map<std::string, std::string>& overrides) {
  Params params;
  for (const auto& [key, value] : overrides) {
    ALLIES_TRY_VOID(SetParam(params, key, value));
  }
  // Layers are cumulative (5 inside 15 inside 50 inside 150), so each must be larger.
  if (!(params.layer1_size < params.layer2_size && params.layer2_size < params.layer3_size &&
        params.layer3_size < params.layer4_size)) {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        fmt::format("layer sizes must grow from layer 1 to layer 4 (now {}, {}, {}, "
                    "{}); layers are cumulative",
                    FormatParam(params.layer1_size), FormatParam(params.layer2_size),
                    FormatParam(params.layer3_size), FormatParam(params.layer4_size)));
  }
  if (!(params.plan_work_start_hour < params.plan_work_end_hour)) {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        fmt::format("plan.work_start_hour ({}) must be before plan.work_end_hour ({})",
                    FormatParam(params.plan_work_start_hour),
                    FormatParam(params.plan_work_end_hour)));
  }
  if (!(params.plan_lunch_start_hour < params.plan_lunch_end_hour)) {
    return core::Fail(
        core::ErrorCode::kInvalidArgument,
        fmt::format("plan.lunch_start_hour ({}) must be before plan.lunch_end_hour ({})",
                    FormatParam(params.plan_lunch_start_hour),
                    FormatParam(params.plan_lunch_end_hour)));
  }
  if (!(params.balance_overdrawn_max < params.balance_in_credit_min)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "balance.overdrawn_max must be below balance.in_credit_min");
  }
  return params;
}

std::string FormatParam(double value) {
  // Plain notation reads better in `config list` ("100000", not the shorter "1e+05"); only very
  // large or very small magnitudes fall back to the shortest form, which may use an exponent.
  std::array<char, 64> buffer{};
  double magnitude = std::fabs(value);
  bool plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15);
  auto [end, error] = plain ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                            std::chars_format::fixed)
                            : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (error != std::errc()) return fmt::format("{}", value);
  return std::string(buffer.data(), end);
}

double DefaultValue(core::LedgerKind kind, const Params& params) {
  switch (kind) {
    case core::LedgerKind::kAttention:
      return params.value_attention;
    case core::LedgerKind::kExpertise:
      return params.value_expertise;
    case core::LedgerKind::kFavorDone:
      return params.value_favor_done;
    case core::LedgerKind::kIntroduction:
      return params.value_introduction;
    case core::LedgerKind::kRecognition:
      return params.value_recognition;
    case core::LedgerKind::kSmallAsk:
      return params.value_small_ask;
    case core::LedgerKind::kFavorAsked:
      return params.value_favor_asked;
    case core::LedgerKind::kEscalation:
      return params.value_escalation;
  }
  return 0;
}

}  // namespace allies::scoring
