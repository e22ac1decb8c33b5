#include "app/influence_snapshot.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "app/network.h"
#include "scoring/influence.h"

namespace allies::app::internal {

namespace {

// Bump when the way influence is computed changes, so that older snapshots are recomputed.
constexpr std::string_view kMethod = "influence/1";

bool ReadByInfluence(std::string_view key) {
  if (key.starts_with("influence.")) {
    return key != "influence.hidden_gap" && !key.starts_with("influence.snapshot_");
  }
  return key.starts_with("tie.") || key.starts_with("weight.") || key.starts_with("network.");
}

std::string DaysText(double days) {
  return fmt::format("{} day{}", scoring::FormatParam(days), days == 1 ? "" : "s");
}

}  // namespace

std::string InfluenceBasis(const scoring::Params& params) {
  std::string basis(kMethod);
  for (const scoring::ParamInfo& info : scoring::ParamTable()) {
    if (!ReadByInfluence(info.key)) continue;
    basis += fmt::format(";{}={}", info.key, scoring::FormatParam(params.*(info.field)));
  }
  return basis;
}

std::optional<Staleness> WhyRecompute(const std::optional<store::InfluenceSnapshotInfo>& info,
                                      core::TimePoint now, const scoring::Params& params) {
  if (!info) return Staleness{StaleKind::kMissing, "no snapshot yet"};
  if (info->basis != InfluenceBasis(params)) {
    return Staleness{StaleKind::kParameters, "computed with other parameters"};
  }
  const bool past = info->computed_at <= now;
  const auto age = past ? now - info->computed_at : info->computed_at - now;
  const double age_days = std::chrono::duration<double, std::ratio<86400>>(age).count();
  if (!(age_days < params.influence_snapshot_days)) {
    const std::string days = DaysText(std::floor(age_days * 10) / 10);
    const std::string limit = scoring::FormatParam(params.influence_snapshot_days);
    if (past)
      return Staleness{StaleKind::kAge,
                       fmt::format("{} old (influence.snapshot_days {})", days, limit)};
    return Staleness{
        StaleKind::kAge,
        fmt::format("computed for {} after now (influence.snapshot_days {})", days, limit)};
  }
  const double allowed = params.influence_snapshot_max_change *
                         static_cast<double>(std::max<std::int64_t>(info->people, 0));
  if (static_cast<double>(info->changes) > allowed) {
    return Staleness{
        StaleKind::kChanges,
        fmt::format("{} change{} since, more than {}% of its {} people "
                    "(influence.snapshot_max_change {})",
                    info->changes, info->changes == 1 ? "" : "s",
                    scoring::FormatParam(params.influence_snapshot_max_change * 100), info->people,
                    scoring::FormatParam(params.influence_snapshot_max_change))};
  }
  return std::nullopt;
}

bool ServesWhileRefreshed(const Staleness& staleness, std::size_t people,
                          const scoring::Params& params) {
  const bool merely_outdated =
      staleness.kind == StaleKind::kAge || staleness.kind == StaleKind::kChanges;
  return merely_outdated && params.influence_snapshot_days > 0 &&
         params.influence_background_people > 0 &&
         static_cast<double>(people) >= params.influence_background_people;
}

Result<InfluenceDecision> DecideInfluence(store::Store& store, core::TimePoint now,
                                          const scoring::Params& params, bool fresh) {
  InfluenceDecision decision;
  ALLIES_TRY(decision.info, store.LoadInfluenceSnapshotInfo());
  decision.staleness = fresh ? Staleness{StaleKind::kAsked, "asked for (--fresh-influence)"}
                             : WhyRecompute(decision.info, now, params);
  if (!decision.staleness) {
    decision.use = InfluenceUse::kReuse;
    return decision;
  }
  decision.use = InfluenceUse::kCompute;
  if (decision.info &&
      ServesWhileRefreshed(*decision.staleness, static_cast<std::size_t>(decision.info->people),
                           params)) {
    // The snapshot's size, or today's when the network has grown past it since.
    ALLIES_TRY(std::size_t people, store.CountPeople());
    if (ServesWhileRefreshed(*decision.staleness,
                             std::max(people, static_cast<std::size_t>(decision.info->people)),
                             params)) {
      decision.use = InfluenceUse::kReuseWhileRefreshing;
    }
  }
  return decision;
}

Result<double> AwaitInfluenceRefresh(store::Store& store, core::TimePoint now, bool fresh) {
  if (fresh) return 0.0;
  ALLIES_TRY(auto params, LoadParams(store));
  ALLIES_TRY(auto decision, DecideInfluence(store, now, params, false));
  if (decision.use != InfluenceUse::kCompute) return 0.0;
  // The lock only saves work: when it cannot be taken at all (a lock file that cannot be
  // created), the command goes on and computes influence itself.
  auto lock = store.LockInfluenceWork(false);
  if (!lock || *lock) return 0.0;  // nobody is computing it: the command will
  // Another process is: wait until it lets go (its snapshot is then stored, or it failed and
  // the command computes influence itself).
  const auto started = std::chrono::steady_clock::now();
  lock = store.LockInfluenceWork(true);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

Result<void> SaveInfluence(store::Store& store, core::TimePoint now, const scoring::Params& params,
                           const InfluenceReport& report, std::int64_t as_of_change) {
  store::InfluenceSnapshot snapshot;
  snapshot.info.computed_at = now;
  snapshot.info.people = static_cast<std::int64_t>(report.network_people);
  snapshot.info.ties = static_cast<std::int64_t>(report.network_ties);
  snapshot.info.basis = InfluenceBasis(params);
  snapshot.as_of_change = as_of_change;
  snapshot.rows.reserve(report.people.size());
  for (const auto& view : report.people) {
    snapshot.rows.push_back({view.person.id, view.influence, view.pagerank_percentile,
                             view.betweenness_percentile, view.offer});
  }
  std::sort(snapshot.rows.begin(), snapshot.rows.end(),
            [](const auto& a, const auto& b) { return a.person < b.person; });
  return store.SaveInfluenceSnapshot(snapshot);
}

Result<InfluenceTable> CurrentInfluence(store::Store& store, core::TimePoint now,
                                        const scoring::Params& params,
                                        const std::vector<core::PersonId>& people, bool fresh) {
  InfluenceTable table;
  table.source.scope = "network";
  ALLIES_TRY(auto decision, DecideInfluence(store, now, params, fresh));
  if (decision.use != InfluenceUse::kCompute) {
    const store::InfluenceSnapshotInfo& info = *decision.info;
    table.source.reused = true;
    if (decision.staleness) table.source.stale_because = decision.staleness->why;
    table.source.people = static_cast<std::size_t>(info.people);
    table.source.ties = static_cast<std::size_t>(info.ties);
    table.source.as_of = info.computed_at;
    table.source.changes_since = info.changes;
    ALLIES_TRY(auto rows, store.LoadInfluenceRows(people));
    table.rows.reserve(rows.size());
    for (const auto& row : rows) table.rows.emplace(row.person, row);
    return table;
  }
  // Held, when free, while computing: a background refresh started meanwhile then leaves the
  // work to this command instead of repeating it. Only an optimisation: a lock that cannot be
  // taken does not stop the command.
  auto lock = store.LockInfluenceWork(false);
  ALLIES_TRY(std::int64_t as_of_change, store.NetworkChangeCount());
  ALLIES_TRY(auto report, ComputeInfluence(store, now, params));
  ALLIES_TRY_VOID(SaveInfluence(store, now, params, report, as_of_change));
  table.source.recomputed_because = std::move(decision.staleness->why);
  table.source.people = report.network_people;
  table.source.ties = report.network_ties;
  table.source.as_of = now;
  std::unordered_map<core::PersonId, const InfluenceView*> by_person;
  by_person.reserve(report.people.size());
  for (const auto& view : report.people) by_person.emplace(view.person.id, &view);
  table.rows.reserve(people.size());
  for (core::PersonId id : people) {
    auto it = by_person.find(id);
    if (it == by_person.end()) continue;
    const InfluenceView& view = *it->second;
    table.rows.emplace(id, store::InfluenceRow{id, view.influence, view.pagerank_percentile,
                                               view.betweenness_percentile, view.offer});
  }
  return table;
}

store::InfluenceRow EstimatedInfluence(const core::Person& person, const scoring::Params& params) {
  store::InfluenceRow row;
  row.person = person.id;
  row.offer = OfferScore(person);
  row.influence = scoring::Influence({0, 0, row.offer}, params);
  return row;
}

}  // namespace allies::app::internal
