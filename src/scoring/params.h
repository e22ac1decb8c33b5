#pragma once
// Every parameter of the scoring model (DESIGN.md §3) in one struct, with the defaults of the
// design, and a table that names each one so the user can list, read and set it
// (`allies config`). The database keeps only the values the user changed.

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/result.h"

namespace allies::scoring {

struct Params {
  // Decay: an event of age Δt days counts 2^(-Δt/H).
  double tie_half_life_days = 90;
  double ledger_half_life_days = 180;

  // Interaction weights (one contact between a pair).
  double weight_relaxed_1on1 = 3.0;  // in person, relaxed, two people
  double weight_formal_1on1 = 2.0;   // in person, formal, two people
  double weight_call_1on1 = 1.5;     // call or video, two people
  double weight_group = 2.0;         // a meeting of n > 2: this / (n - 1) for each pair
  double weight_event = 1.0;         // an encounter at an event or conference
  double weight_message = 0.5;       // email or message

  // Tie strength: S = 1 - exp(-contact / saturation), times (floor + (1 - floor) * r).
  double tie_saturation = 6;
  double reciprocity_floor = 0.75;
  double one_way_cap = 0.2;
  double closeness_decay_per_year = 0.15;

  // Dunbar layers (cumulative sizes) and their default cadences.
  double layer1_size = 5;
  double layer2_size = 15;
  double layer3_size = 50;
  double layer4_size = 150;
  double layer1_cadence_days = 7;
  double layer2_cadence_days = 30;
  double layer3_cadence_days = 182;
  double layer4_cadence_days = 365;
  double risk_gap_multiplier = 8;  // at risk past min(cadence, this × median gap)

  // Influence (network analytics): weights of its parts, the hidden-influencer gap, and the
  // strength given to a reports-to link in the network.
  double influence_pagerank_weight = 0.4;
  double influence_betweenness_weight = 0.3;
  double influence_offer_weight = 0.3;
  double hidden_gap = 0.3;
  double reports_to_strength = 0.3;
  // The influence snapshot (issue 5; README.md, "Influence"): the advice commands reuse the
  // stored influence while it is at most this many days old and the changes of people,
  // interactions and knows ties since are at most this share of the network's people.
  double influence_snapshot_days = 7;
  double influence_snapshot_max_change = 0.01;
  // In a network of at least this many people, a snapshot that is too old or too changed is
  // still used while a process started in the background recomputes it (0: never; the command
  // then recomputes it itself). Below it a recomputation takes well under a second.
  double influence_background_people = 2000;

  // Balance: status thresholds and the default value of each ledger kind.
  double balance_in_credit_min = 2;   // B >= this: in credit
  double balance_overdrawn_max = -1;  // B <= this: overdrawn
  double value_attention = 1;
  double value_expertise = 2;
  double value_favor_done = 3;
  double value_introduction = 3;
  double value_recognition = 2;
  double value_small_ask = 1;
  double value_favor_asked = 3;
  double value_escalation = 5;

  // --- weekly plan (issue 5) ---
  // Budgets of `allies plan` (--hours, --energy), the department limit, working hours and
  // lunchtime in the user's time zone (hours of the day, 12.5 = 12:30), the working days
  // (Monday to day N), and what each setting costs.
  double plan_hours = 3;
  double plan_energy = 10;
  double plan_per_department = 2;
  double plan_work_start_hour = 9;
  double plan_work_end_hour = 17;
  double plan_lunch_start_hour = 12;
  double plan_lunch_end_hour = 14;
  double plan_work_days = 5;
  double plan_open_ask_days = 30;  // a withdrawal this recent is an open ask
  double plan_rest_days = 14;      // someone I met this recently is not proposed again
  double plan_coffee_minutes = 30;
  double plan_coffee_energy = 1;
  double plan_lunch_minutes = 60;
  double plan_lunch_energy = 2;
  double plan_walk_minutes = 45;
  double plan_walk_energy = 1;
  double plan_offsite_minutes = 120;
  double plan_offsite_energy = 3;
  double plan_conference_minutes = 60;
  double plan_conference_energy = 2;
  double plan_call_minutes = 30;
  double plan_call_energy = 1;
};

struct ParamInfo {
  std::string_view key;  // e.g. "tie.half_life_days"
  double Params::*field;
  double min;  // accepted range, inclusive
  double max;
  bool integer;                  // only whole numbers accepted
  std::string_view description;  // one line for `allies config list`
};

// Every parameter, in the order `config list` shows them.
std::span<const ParamInfo> ParamTable();

// The entry for `key`, or NotFound naming the key.
[[nodiscard]] core::Result<const ParamInfo*> FindParam(std::string_view key);

// Parses `value` for `key` and stores it in `params`. InvalidArgument quotes the value and the
// accepted range; NotFound for an unknown key.
[[nodiscard]] core::Result<void> SetParam(Params& params, std::string_view key,
                                          std::string_view value);

// Defaults overridden by `overrides` (key -> text as stored). The first bad entry is an error.
[[nodiscard]] core::Result<Params> ParamsFrom(const std::map<std::string, std::string>& overrides);

// Shortest text that reads back as the same double ("90", "0.15").
std::string FormatParam(double value);

// The default value of a ledger kind.
double DefaultValue(core::LedgerKind kind, const Params& params);

}  // namespace allies::scoring
