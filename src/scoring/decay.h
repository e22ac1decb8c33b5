#pragma once

#include <cmath>

namespace allies::scoring {

// Weight of an event `age_days` old with half-life `half_life_days`: 2^(-age/H). Ages below zero
// (events in the future) are the caller's to exclude. O(1).
inline double Decay(double age_days, double half_life_days) {
  return std::exp2(-age_days / half_life_days);
}

}  // namespace allies::scoring
