#pragma once
// The demo organization: a realistic, deterministic sample network for trying Allies out and for
// benchmarks. Same options and `now`, same database, on every machine.

#include <cstdint>

#include "core/result.h"
#include "core/time.h"
#include "store/store.h"

namespace allies::app {

struct DemoOptions {
  int people = 400;  // about this many people in all (me, my team and vendors included)
  std::uint64_t seed = 1;
};

struct DemoSummary {
  int people = 0;
  int departments = 0;
  int team = 0;
  int vendors = 0;
  int interactions = 0;
  int ledger_entries = 0;
  int followups = 0;
  int notices = 0;
  std::vector<std::string> hidden_influencers;  // the names of the planted ones
  // issue 5: someone I have no tie with who offers e-discovery and litigation holds, with a
  // strong tie to a team member (`expert_contact`); empty when the organization is too small.
  std::string planted_expert;
  std::string expert_contact;
};

// Writes the demo organization into `store`, which must hold no people, inside the caller's
// transaction. A year of history ends at `now`. O(people × interactions per person).
[[nodiscard]] core::Result<DemoSummary> WriteDemo(store::Store& store, const DemoOptions& options,
                                                  core::TimePoint now);

}  // namespace allies::app
