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

// Why a stored snapshot may not serve as it is.
enum class StaleKind {
  kMissing,     // there is none
  kParameters,  // computed with other parameters
  kAge,         // not younger than influence.snapshot_days
  kChanges,     // more changes since than influence.snapshot_max_change allows
  kAsked,       // the user asked for a fresh one (--fresh-influence)
};

struct Staleness {
  StaleKind kind = StaleKind::kMissing;
  std::string why;  // for the user: "no snapshot yet", "8 days old (...)", ...
};

// Why the stored snapshot described by `info` must not be used at `now`, or nullopt when it may:
//  - there is none ("no snapshot yet");
//  - it was computed with other parameters (InfluenceBasis);
//  - it is not younger than influence.snapshot_days (its age is the distance between `now` and
//    the moment it was computed for, either way, so a `--now` in the past works too);
//  - more changes were written since than influence.snapshot_max_change × its people.
std::optional<Staleness> WhyRecompute(const std::optional<store::InfluenceSnapshotInfo>& info,
                                      core::TimePoint now, const scoring::Params& params);

// Whether a snapshot that is `staleness` may still serve while a process in the background
// recomputes it: only when it is merely old or changed (not missing, not of other parameters,
// not refused by the user), snapshots are reused at all (influence.snapshot_days > 0), and the
// network of `people` is at least influence.background_people (0: never).
bool ServesWhileRefreshed(const Staleness& staleness, std::size_t people,
                          const scoring::Params& params);

// What an advice command does for influence.
enum class InfluenceUse {
  kReuse,                 // the snapshot is current
  kReuseWhileRefreshing,  // it is outdated but serves; a background refresh is due
  kCompute,               // the command computes it (and stores it)
};

struct InfluenceDecision {
  InfluenceUse use = InfluenceUse::kCompute;
  std::optional<store::InfluenceSnapshotInfo> info;  // the stored snapshot, if any
  std::optional<Staleness> staleness;                // unset exactly when kReuse
};

// The rules above applied to the stored snapshot at `now` (`fresh`: --fresh-influence).
[[nodiscard]] Result<InfluenceDecision> DecideInfluence(store::Store& store, core::TimePoint now,
                                                        const scoring::Params& params, bool fresh);

// Called by plan and ask-for before their transaction: when they would have to compute
// influence themselves while another process is already recomputing it (the background refresh
// started after an import), waits for that process and lets them use its result instead of
// doing the same work twice. Waiting inside the transaction could not work: the refresh needs a
// moment of write access at its end to store the snapshot. Returns the seconds it waited.
[[nodiscard]] Result<double> AwaitInfluenceRefresh(store::Store& store, core::TimePoint now,
                                                   bool fresh);

struct InfluenceTable {
  std::unordered_map<core::PersonId, store::InfluenceRow> rows;  // of those asked for it holds
  InfluenceSource source;
};

// The influence of `people` over the whole network, as DecideInfluence says: from the stored
// snapshot (also an outdated one that serves while refreshed: `source.stale_because` says why
// it is outdated and `source.refresh_due` is set), else computed (ComputeInfluence) and stored.
// People it does not hold (me, removed people, people added since) are left out of `rows`.
[[nodiscard]] Result<InfluenceTable> CurrentInfluence(store::Store& store, core::TimePoint now,
                                                      const scoring::Params& params,
                                                      const std::vector<core::PersonId>& people,
                                                      bool fresh);

// Stores `report` (influence over the whole network at `now`, as ComputeInfluence returns it) as
// the snapshot, computed from the network as it was at Store::NetworkChangeCount() `as_of_change`.
[[nodiscard]] Result<void> SaveInfluence(store::Store& store, core::TimePoint now,
                                         const scoring::Params& params,
                                         const InfluenceReport& report, std::int64_t as_of_change);

// The influence of someone the snapshot does not hold (added since it was computed): from their
// offers alone, both centrality percentiles taken as 0 (they had no ties in the network then).
store::InfluenceRow EstimatedInfluence(const core::Person& person, const scoring::Params& params);

}  // namespace allies::app::internal
