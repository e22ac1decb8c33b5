#pragma once
// Dunbar layers, cadences and at-risk ties (DESIGN.md §3).

#include <optional>
#include <span>
#include <vector>

#include "core/time.h"
#include "scoring/params.h"

namespace allies::scoring {

// Ranks `strengths` (one per tie) from strongest down and gives each its layer: 5 for the first
// layer1_size ties, then 15, 50 and 150 up to the cumulative sizes; nullopt past the last layer
// or for a strength of 0. Equal strengths keep their input order. O(n log n).
std::vector<std::optional<int>> AssignLayers(std::span<const double> strengths,
                                             const Params& params);

// Default cadence of a layer (5, 15, 50 or 150). O(1).
double LayerCadenceDays(int layer, const Params& params);

struct Risk {
  bool at_risk = false;
  std::optional<double> days_since;      // since the last contact; unset when never
  std::optional<double> cadence_days;    // the person's own, else the layer's; unset when neither
  std::optional<double> threshold_days;  // min(cadence, gap_multiplier × median gap)
  double overdue = 0;                    // 0 until the threshold, rising to 1 at twice it
};

// At risk when the days since the last contact exceed the threshold min(cadence, 8 × median
// gap); with no cadence and no gap there is no threshold and no risk. A tie with a cadence and
// no contact at all is at risk. O(1).
Risk AssessRisk(const std::optional<core::TimePoint>& last_contact,
                const std::optional<double>& median_gap_days,
                const std::optional<double>& cadence_days, core::TimePoint now,
                const Params& params);

}  // namespace allies::scoring
