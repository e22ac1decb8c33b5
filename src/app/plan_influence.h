#pragma once
// The people `allies plan` may propose and their influence: private to the app layer (issue 5).

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "app/internal.h"
#include "app/plan_views.h"

namespace allies::app::internal {

struct PlanNetwork {
  Directory directory;  // me, my team and everyone two links away, with their full records
  std::unordered_map<core::PersonId, double> influence;  // of the candidates, by person
  InfluenceSource source;         // the whole network's snapshot, reused or computed
  std::size_t neighbourhood = 0;  // people two links away (me and my team left out)
};

// The plan's candidates and their influence (DESIGN.md §3, README.md "The weekly plan"):
//  - candidates are my neighbourhood: everyone who shared an interaction, a knows tie or a
//    reports-to link with me or a team member (`seeds`), and everyone who shared one with them
//    (two links: the people a warm introduction reaches), removed people neither candidates nor
//    links. It reads the interactions of those first two rings only: on the 100,000-person demo,
//    about 5,800 of 541,000.
//  - their influence is over the whole known network, exactly as `allies influencers` computes
//    it, from the influence snapshot (CurrentInfluence: reused while current, else computed and
//    stored; `fresh` forces that); people added since it was computed get EstimatedInfluence.
[[nodiscard]] Result<PlanNetwork> LoadPlanNetwork(store::Store& store,
                                                  const std::vector<core::PersonId>& seeds,
                                                  core::TimePoint now,
                                                  const scoring::Params& params, bool fresh);

}  // namespace allies::app::internal
