#pragma once
// The people `allies plan` may propose and their influence: private to the app layer (issue 5).

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "app/internal.h"
#include "app/plan_views.h"

namespace allies::app::internal {

struct PlanNetwork {
  Directory directory;  // everyone the plan may name: all people, or the neighbourhood's
  std::unordered_map<core::PersonId, double> influence;  // by person; me left out
  PlanInfluence info;
};

// Influence for the plan (DESIGN.md §3, README.md "The weekly plan"):
//  - with at most plan.full_influence_people people (not removed), over the whole known network,
//    exactly as `allies influencers` computes it (LoadNetwork, ComputeCentrality, InfluenceOf);
//  - above that, over my neighbourhood: me and my team (`seeds`), everyone who shared an
//    interaction or a knows tie with one of us, and everyone who shared one with them (two
//    links: the people a warm introduction reaches), with every interaction any of the first
//    two rings attended. The same formula, with percentiles among the neighbourhood's people.
//    It reads O(interactions of the first two rings) instead of the whole database: on the
//    100,000-person demo, 5,802 interactions and 3,176 people instead of 541,631 and 100,000.
//    People beyond two links are not proposed.
[[nodiscard]] Result<PlanNetwork> LoadPlanNetwork(store::Store& store,
                                                  const std::vector<core::PersonId>& seeds,
                                                  core::TimePoint now,
                                                  const scoring::Params& params);

}  // namespace allies::app::internal
