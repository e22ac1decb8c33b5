#include "app/open_asks.h"

#include <algorithm>
#include <unordered_map>

#include "core/names.h"

namespace allies::app::internal {

core::Result<std::vector<advice::OpenAsk>> OpenAsks(store::Store& store, core::PersonId owner,
                                                    core::TimePoint now,
                                                    const scoring::Params& params) {
  // Asks recorded with `allies ask` carry their text and outcome; their withdrawal is in the
  // ledger too.
  store::AskFilter ask_filter;
  ask_filter.owner = owner;
  ALLIES_TRY(auto recorded, store.ListAsks(ask_filter));
  std::unordered_map<core::LedgerId, const core::Ask*> by_ledger;
  for (const auto& ask : recorded) by_ledger.emplace(ask.ledger, &ask);

  store::LedgerFilter filter;
  filter.owner = owner;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  const double window_days = params.plan_open_ask_days;
  std::vector<advice::OpenAsk> asks;
  for (const auto& entry : entries) {
    if (core::IsDeposit(entry.kind) || entry.stamps.deleted_at) continue;
    const auto found = by_ledger.find(entry.id);
    const core::Ask* ask = found == by_ledger.end() ? nullptr : found->second;
    const double age_days = core::DaysBetween(entry.at, now);
    const bool recent = age_days >= 0 && age_days <= window_days;
    const bool pending = ask != nullptr && ask->outcome == core::AskOutcome::kPending;
    if (!recent && !pending) continue;
    asks.push_back(advice::OpenAsk{entry.person, entry.at, std::string(core::Name(entry.kind)),
                                   ask != nullptr ? ask->text : entry.note});
  }
  return asks;
}

}  // namespace allies::app::internal
