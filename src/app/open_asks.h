#pragma once
// Which asks of mine are open or recent: private to the app layer (issue 5).
//
// The rule, in one place: an ask is open or recent when it is a live withdrawal (small ask,
// favor asked, escalation) of `owner`'s ledger dated within plan.open_ask_days (30) days before
// `now`, or an ask recorded with `allies ask` whose outcome is still pending, however old. A
// recorded ask gives its text.

#include <vector>

#include "advice/plan.h"
#include "core/result.h"
#include "scoring/params.h"
#include "store/store.h"

namespace allies::app::internal {

// Every open or recent ask of `owner`, with anyone, oldest first. O(owner's ledger and asks).
[[nodiscard]] core::Result<std::vector<advice::OpenAsk>> OpenAsks(store::Store& store,
                                                                  core::PersonId owner,
                                                                  core::TimePoint now,
                                                                  const scoring::Params& params);

}  // namespace allies::app::internal
