#pragma once
// Helpers of meeting prep and the ask advisor (issue 5), private to the app layer. Pure rules
// are here so that they can be tested on their own.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/ask_views.h"
#include "app/internal.h"
#include "store/store.h"

namespace allies::app::internal {

// --- asks -------------------------------------------------------------------------------------

// The asks `owner` made of `person` that are still pending, or were made in the 30 days before
// `now` whatever their outcome; oldest first. For the weekly plan: a meeting with someone I
// have such an ask with is never "no agenda".
[[nodiscard]] Result<std::vector<core::Ask>> OpenOrRecentAsks(store::Store& store,
                                                              core::PersonId owner,
                                                              core::PersonId person,
                                                              core::TimePoint now);

// An ask with the people named, its withdrawal and the balance of that account now.
[[nodiscard]] Result<AskView> MakeAskView(store::Store& store, const Directory& directory,
                                          const core::Ask& ask, core::TimePoint now,
                                          const scoring::Params& params);

// --- words ------------------------------------------------------------------------------------

// The words of `text` worth searching for: split at anything but letters and digits (bytes of
// UTF-8 sequences count as letters), folded to lower case, without one-letter words and common
// English words ("the", "with", "help", "need", ...); each word once, in order.
std::vector<std::string> SearchWords(std::string_view text);

// Whether `need` mentions every word of `offer` (a team offer that fits a need): words as
// SearchWords splits them, a trailing "s" ignored on both sides.
bool OfferFitsNeed(std::string_view offer, std::string_view need);

// What me and my team (people flagged team, not removed) offer that fits `need`
// (OfferFitsNeed), best rated first, then by name.
std::vector<TeamOffer> TeamOffersFor(const Directory& directory, std::string_view need);

// --- personal notes ---------------------------------------------------------------------------

enum class NoteKind { kOrigin, kFamily, kInterest };

// What a personal note is about, by its words: how they got into their field ("got into",
// "studied", "career", "joined", ...), family ("kids", "partner", "married", ...), else an
// interest. Origin is tested first: "Family business background" is about their career.
NoteKind ClassifyNote(std::string_view note);

// --- loading -----------------------------------------------------------------------------------

// Everyone without their child lists (names, departments, organizations, reports-to and the
// flags are there; offers, notes and the rest empty), every organization, and the full records
// of me and my team: what the ask advisor needs of everybody, at a fifth of LoadDirectory's cost
// on a large database. Fill in others with LoadFull.
[[nodiscard]] Result<Directory> LoadLightDirectory(store::Store& store);
[[nodiscard]] Result<void> LoadFull(store::Store& store, Directory& directory, core::PersonId id);

// --- warm paths -------------------------------------------------------------------------------

// The strongest warm path (at most 3 links, from me or a team member; DESIGN.md §3) to each of
// `targets` that has one. The same paths as App::Path on the whole network, computed on the part
// of it that such paths can use: every tie of me and my team, of the people they have ties with,
// and of the targets. Proof: a path of at most 3 links s-x-y-t has s-x at a source, x-y at a
// neighbour of a source and y-t at a target, so all its ties are complete in that part.
[[nodiscard]] Result<std::unordered_map<core::PersonId, PathView>> BestWarmPaths(
    store::Store& store, const Directory& directory, core::TimePoint now,
    const scoring::Params& params, const std::vector<core::PersonId>& targets);

}  // namespace allies::app::internal
