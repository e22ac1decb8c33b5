#pragma once
// Which asks of mine are open or recent: private to the app layer (issue 5).
//
// The rule, in one place so that the ask advisor's record of asks can join it: an ask is open
// or recent when it is a live withdrawal (small ask, favor asked, escalation) of `owner`'s
// ledger dated within plan.open_ask_days (30) days before `now`. When asks are recorded with an
// outcome (`allies ask`), those still pending, and any of the same window, belong here too.

#include <vector>

#include "advice/plan.h"
#include "core/result.h"
#include "scoring/params.h"
#include "store/store.h"

namespace allies::app::internal {

// Every open or recent ask of `owner`, with anyone, oldest first. O(owner's ledger entries).
[[nodiscard]] core::Result<std::vector<advice::OpenAsk>> OpenAsks(store::Store& store,
                                                                  core::PersonId owner,
                                                                  core::TimePoint now,
                                                                  const scoring::Params& params);

}  // namespace allies::app::internal
