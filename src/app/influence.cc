// The influence snapshot's own commands (issue 5): `allies influence status` and `refresh`, and
// whether a refresh is due after a command.

#include <chrono>

#include "app/app.h"
#include "app/influence_snapshot.h"
#include "app/network.h"
#include "app/transaction.h"

namespace allies::app {

namespace {

// Runs `body` in a read-only transaction (Store::BeginRead).
template <class Body>
auto InReadTransaction(store::Store& store, Body&& body) -> decltype(body()) {
  if (auto begun = store.BeginRead(); !begun) {
    return tl::unexpected<core::Error>(std::move(begun).error());
  }
  auto result = body();
  store.Rollback();
  return result;
}

std::string_view UseText(internal::InfluenceUse use) {
  switch (use) {
    case internal::InfluenceUse::kReuse:
      return "reuse";
    case internal::InfluenceUse::kReuseWhileRefreshing:
      return "reuse while refreshed";
    case internal::InfluenceUse::kCompute:
      return "compute";
  }
  return "compute";
}

}  // namespace

Result<InfluenceStatus> App::InfluenceSnapshotStatus() {
  InfluenceStatus status;
  {
    // A lock that cannot be taken at all (its file cannot be opened) says nobody holds it.
    auto lock = store_.LockInfluenceWork(false);
    status.refreshing = lock && *lock == nullptr;
  }
  return InReadTransaction(store_, [&]() -> Result<InfluenceStatus> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto decision, internal::DecideInfluence(store_, now_, params, false));
    ALLIES_TRY(status.people_now, store_.CountPeople());
    if (decision.info) {
      status.stored = true;
      status.as_of = decision.info->computed_at;
      status.people = static_cast<std::size_t>(decision.info->people);
      status.ties = static_cast<std::size_t>(decision.info->ties);
      status.changes_since = decision.info->changes;
    }
    if (decision.staleness) status.stale_because = decision.staleness->why;
    status.advice_commands = UseText(decision.use);
    return status;
  });
}

Result<InfluenceReport> App::ComputeAndStoreInfluence() {
  // Only saves work (a background refresh started meanwhile leaves it to this one): not taking
  // it, whatever the reason, stops nothing.
  auto lock = store_.LockInfluenceWork(false);
  ALLIES_TRY_VOID(store_.BeginRead());
  struct Computed {
    scoring::Params params;
    std::int64_t as_of_change = 0;
    InfluenceReport report;
  };
  auto computed = [&]() -> Result<Computed> {
    Computed out;
    ALLIES_TRY(out.params, internal::LoadParams(store_));
    ALLIES_TRY(out.as_of_change, store_.NetworkChangeCount());
    ALLIES_TRY(out.report, internal::ComputeInfluence(store_, now_, out.params));
    return out;
  }();
  store_.Rollback();  // ends the read; nothing was written
  if (!computed) return tl::unexpected<core::Error>(std::move(computed).error());
  // Stored with the parameters it was computed with: should they have changed since, its basis
  // differs from theirs and the snapshot is recomputed when next needed.
  ALLIES_TRY_VOID(InTransaction([&]() -> Result<void> {
    return internal::SaveInfluence(store_, now_, computed->params, computed->report,
                                   computed->as_of_change);
  }));
  return std::move(computed->report);
}

Result<InfluenceRefresh> App::RefreshInfluence(bool only_if_due, bool wait) {
  InfluenceRefresh refresh;
  ALLIES_TRY(auto lock, store_.LockInfluenceWork(wait));
  if (!lock) {
    refresh.because = "another process is computing it";
    return refresh;
  }
  const auto started = std::chrono::steady_clock::now();
  ALLIES_TRY(auto staleness,
             InReadTransaction(store_, [&]() -> Result<std::optional<internal::Staleness>> {
               ALLIES_TRY(auto params, internal::LoadParams(store_));
               ALLIES_TRY(auto info, store_.LoadInfluenceSnapshotInfo());
               return internal::WhyRecompute(info, now_, params);
             }));
  if (only_if_due && !staleness) {
    refresh.because = "current";
    return refresh;
  }
  refresh.because = staleness ? staleness->why : "asked for";
  ALLIES_TRY(auto report, ComputeAndStoreInfluence());
  refresh.computed = true;
  refresh.people = report.network_people;
  refresh.ties = report.network_ties;
  refresh.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return refresh;
}

Result<bool> App::InfluenceRefreshDue() {
  // Asked after every command: a read, which never waits for a writer.
  return InReadTransaction(store_, [&]() -> Result<bool> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    if (params.influence_background_people <= 0 || params.influence_snapshot_days <= 0) {
      return false;
    }
    ALLIES_TRY(auto info, store_.LoadInfluenceSnapshotInfo());
    auto staleness = internal::WhyRecompute(info, now_, params);
    if (!staleness) return false;
    ALLIES_TRY(std::size_t people, store_.CountPeople());
    return static_cast<double>(people) >= params.influence_background_people;
  });
}

}  // namespace allies::app
