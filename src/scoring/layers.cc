#include "scoring/layers.h"

#include <algorithm>
#include <numeric>

namespace allies::scoring {

std::vector<std::optional<int>> AssignLayers(std::span<const double> strengths,
                                             const Params& params) {
  std::vector<std::size_t> order(strengths.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&strengths](std::size_t left, std::size_t right) {
    return strengths[left] > strengths[right];
  });
  std::vector<std::optional<int>> layers(strengths.size());
  double rank = 0;
  for (std::size_t index : order) {
    // A tie of no strength is no tie: it takes no place in a layer.
    if (!(strengths[index] > 0)) continue;
    if (rank < params.layer1_size) {
      layers[index] = 5;
    } else if (rank < params.layer2_size) {
      layers[index] = 15;
    } else if (rank < params.layer3_size) {
      layers[index] = 50;
    } else if (rank < params.layer4_size) {
      layers[index] = 150;
    }
    ++rank;
  }
  return layers;
}

double LayerCadenceDays(int layer, const Params& params) {
  switch (layer) {
    case 5:
      return params.layer1_cadence_days;
    case 15:
      return params.layer2_cadence_days;
    case 50:
      return params.layer3_cadence_days;
    default:
      return params.layer4_cadence_days;
  }
}

Risk AssessRisk(const std::optional<core::TimePoint>& last_contact,
                const std::optional<double>& median_gap_days,
                const std::optional<double>& cadence_days, core::TimePoint now,
                const Params& params) {
  Risk risk;
  risk.cadence_days = cadence_days;
  if (last_contact) risk.days_since = core::DaysBetween(*last_contact, now);
  if (cadence_days) risk.threshold_days = *cadence_days;
  if (median_gap_days) {
    double gap_threshold = params.risk_gap_multiplier * *median_gap_days;
    risk.threshold_days =
        risk.threshold_days ? std::min(*risk.threshold_days, gap_threshold) : gap_threshold;
  }
  if (!risk.threshold_days) return risk;
  double threshold = *risk.threshold_days;
  if (!risk.days_since) {
    risk.at_risk = true;
    risk.overdue = 1;
    return risk;
  }
  double days_since = *risk.days_since;
  if (days_since <= threshold) return risk;
  risk.at_risk = true;
  // A zero threshold makes any lateness fully overdue rather than a division by zero.
  risk.overdue = threshold > 0 ? std::min(1.0, (days_since - threshold) / threshold) : 1.0;
  return risk;
}

}  // namespace allies::scoring
