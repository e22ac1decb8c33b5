#include "app/open_asks.h"

#include "core/names.h"

namespace allies::app::internal {

core::Result<std::vector<advice::OpenAsk>> OpenAsks(store::Store& store, core::PersonId owner,
                                                    core::TimePoint now,
                                                    const scoring::Params& params) {
  store::LedgerFilter filter;
  filter.owner = owner;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  const double window_days = params.plan_open_ask_days;
  std::vector<advice::OpenAsk> asks;
  for (const auto& entry : entries) {
    if (core::IsDeposit(entry.kind) || entry.stamps.deleted_at) continue;
    double age_days = core::DaysBetween(entry.at, now);
    if (age_days < 0 || age_days > window_days) continue;
    asks.push_back(
        advice::OpenAsk{entry.person, entry.at, std::string(core::Name(entry.kind)), entry.note});
  }
  return asks;
}

}  // namespace allies::app::internal
