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
    ALLIES_TRY(auto lock, store_.LockInfluenceWork(false));
    status.refreshing = lock == nullptr;
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

Result<InfluenceRefresh> App::RefreshInfluence(bool only_if_due, bool wait) {
  InfluenceRefresh refresh;
  ALLIES_TRY(auto lock, store_.LockInfluenceWork(wait));
  if (!lock) {
    refresh.because = "another process is computing it";
    return refresh;
  }
  const auto started = std::chrono::steady_clock::now();
  // The network is read as one consistent state without holding writers up for the seconds the
  // computation takes on a large network.
  ALLIES_TRY_VOID(store_.BeginRead());
  auto computed = [&]() -> Result<std::optional<InfluenceReport>> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto info, store_.LoadInfluenceSnapshotInfo());
    auto staleness = internal::WhyRecompute(info, now_, params);
    if (only_if_due && !staleness) {
      refresh.because = "current";
      return std::optional<InfluenceReport>();
    }
    refresh.because = staleness ? staleness->why : "asked for";
    ALLIES_TRY(std::int64_t as_of_change, store_.NetworkChangeCount());
    ALLIES_TRY(auto report, internal::ComputeInfluence(store_, now_, params));
    store_.Rollback();  // ends the read; nothing was written
    // Stored with the parameters it was computed with: should they change meanwhile, the
    // snapshot's basis differs from them and it is recomputed when next needed.
    ALLIES_TRY_VOID(InTransaction([&]() -> Result<void> {
      return internal::SaveInfluence(store_, now_, params, report, as_of_change);
    }));
    return std::optional<InfluenceReport>(std::move(report));
  }();
  store_.Rollback();  // a no-op unless the read failed half-way
  if (!computed) return tl::unexpected<core::Error>(std::move(computed).error());
  if (!*computed) return refresh;
  refresh.computed = true;
  refresh.people = (*computed)->network_people;
  refresh.ties = (*computed)->network_ties;
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
