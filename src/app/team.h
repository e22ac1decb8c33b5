#pragma once
// Helpers of the team and vendor use cases (issue 5); private to the app layer.
//
// The privacy rule (DESIGN.md §6, README "Privacy"): every interaction note and ledger entry
// belongs to its owner (core::Interaction::owner, core::LedgerEntry::owner); personal notes,
// which have no owner, are mine. A view made for one person (me, or the team member
// of --as) shows only what that person owns: other owners' interaction notes are blanked, their
// ledger entries and balances left out; follow-ups (which have an owner since schema v5, me
// by default) are shown to their owner only. Ties and strengths are shared with the whole team.

#include <optional>
#include <string>
#include <vector>

#include "app/internal.h"
#include "app/team_views.h"

namespace allies::app::internal {

// The person a command acts or views as: me when `as` is unset, else the person it names,
// who must be me or on my team (InvalidArgument otherwise, naming them).
[[nodiscard]] Result<core::Person> ResolveActor(store::Store& store,
                                                const std::optional<std::string>& as);

// Whether `viewer` may read a note or ledger entry that `owner` wrote: only its owner may.
inline bool MayRead(core::PersonId owner, core::PersonId viewer) { return owner == viewer; }

// Whether `viewer` may see a follow-up: only its owner may. One without an owner (written before
// follow-ups had owners, into a database without "me") is mine.
inline bool MayRead(const core::FollowUp& followup, core::PersonId viewer, bool viewer_is_me) {
  return followup.owner ? *followup.owner == viewer : viewer_is_me;
}

// The interaction as `viewer` may see it: the note blanked unless the viewer owns it.
core::Interaction AsSeenBy(core::Interaction interaction, core::PersonId viewer);

// A vendor relationship is warm when me or a team member holds a tie this strong with
// someone there; a renewal this close (in days) needs attention.
inline constexpr double kVendorWarmTie = 0.4;
inline constexpr int kRenewalHorizonDays = 90;
inline constexpr int kVendorNoticeDays = 90;  // notices `allies vendors` shows

// Every live vendor, by name, with contacts, check-in, renewal, recent notices and its alert.
[[nodiscard]] Result<std::vector<VendorView>> WatchVendors(store::Store& store,
                                                           const Directory& directory,
                                                           core::TimePoint now,
                                                           const scoring::Params& params);

}  // namespace allies::app::internal
