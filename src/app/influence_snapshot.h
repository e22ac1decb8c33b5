#pragma once
// The influence snapshot shared by the advice commands (`allies plan`, `allies ask-for`), private
// to the app layer (issue 5; README.md, "Influence"). Influence over the whole network takes
// seconds on 100,000 people and moves slowly, so it is stored and reused until it is too old or
// the network has changed too much since.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/internal.h"
#include "app/network_views.h"
#include "store/store.h"

namespace allies::app::internal {

// What influence is computed with, as text: a version of the method and every parameter it
// reads (tie.*, weight.*, network.*, and the influence weights). A snapshot computed with
// another basis is not reused.
std::string InfluenceBasis(const scoring::Params& params);

// Why the stored snapshot described by `info` must not be used at `now`, or nullopt when it may:
//  - there is none ("no snapshot yet");
//  - it was computed with other parameters (InfluenceBasis);
//  - it is not younger than influence.snapshot_days (its age is the distance between `now` and
//    the moment it was computed for, either way, so a `--now` in the past works too);
//  - more changes were written since than influence.snapshot_max_change × its people.
std::optional<std::string> WhyRecompute(const std::optional<store::InfluenceSnapshotInfo>& info,
                                        core::TimePoint now, const scoring::Params& params);

struct InfluenceTable {
  std::unordered_map<core::PersonId, store::InfluenceRow> rows;  // of those asked for it holds
  InfluenceSource source;
};

// The influence of `people` over the whole network: from the stored snapshot when WhyRecompute
// finds nothing against it and `fresh` is false, else computed (ComputeInfluence) and stored.
// People it does not hold (me, removed people, people added since) are left out of `rows`.
[[nodiscard]] Result<InfluenceTable> CurrentInfluence(store::Store& store, core::TimePoint now,
                                                      const scoring::Params& params,
                                                      const std::vector<core::PersonId>& people,
                                                      bool fresh);

// Stores `report` (influence over the whole network at `now`, as ComputeInfluence returns it) as
// the snapshot.
[[nodiscard]] Result<void> SaveInfluence(store::Store& store, core::TimePoint now,
                                         const scoring::Params& params,
                                         const InfluenceReport& report);

// The influence of someone the snapshot does not hold (added since it was computed): from their
// offers alone, both centrality percentiles taken as 0 (they had no ties in the network then).
store::InfluenceRow EstimatedInfluence(const core::Person& person, const scoring::Params& params);

}  // namespace allies::app::internal
