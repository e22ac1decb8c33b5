#pragma once
// Helpers shared by the use cases; private to the app layer.

#include <string>
#include <unordered_map>
#include <vector>

#include "app/views.h"
#include "core/model.h"
#include "core/result.h"
#include "scoring/params.h"
#include "store/store.h"

namespace allies::app::internal {

using core::Result;

// Everyone and every organization, loaded once per command so that records can be named
// without one query each.
struct Directory {
  std::unordered_map<core::PersonId, core::Person> people;  // deleted ones included
  std::unordered_map<core::OrgId, core::Organization> orgs;

  PersonRef Ref(core::PersonId id) const;
  std::string OrgName(const std::optional<core::OrgId>& id) const;
  bool Active(core::PersonId id) const;  // known and not deleted
};

// Which lists of each person (emails, phones, tags, offers, needs, notes, dates) a directory
// holds: all of them, none (the rows alone, several times faster on a large database), or only
// the offers (what influence reads).
enum class PersonLists { kAll, kNone, kOffers };

// Every person, removed ones included, and every organization.
[[nodiscard]] Result<Directory> LoadDirectory(store::Store& store,
                                              PersonLists lists = PersonLists::kAll);

// A person named by the user: "me", an id, an email, or a unique name (case-insensitive).
// NotFound names what was looked for; Conflict lists the candidates of an ambiguous name.
[[nodiscard]] Result<core::Person> ResolvePerson(store::Store& store, const std::string& ref,
                                                 bool include_deleted = false);

// An organization named by id or name.
[[nodiscard]] Result<core::Organization> ResolveOrg(store::Store& store, const std::string& ref);

// The id of me; NotFound with the way out when `allies init` has not run.
[[nodiscard]] Result<core::PersonId> RequireMe(store::Store& store);

[[nodiscard]] Result<scoring::Params> LoadParams(store::Store& store);

// Every tie of `owner`, strongest first, with layers, cadences and risk. My closeness ratings
// and cadences count only when `owner` is me; a team member's ties come from contact alone.
struct TieSet {
  std::vector<TieView> ties;
  std::unordered_map<core::PersonId, std::size_t> index;  // person -> position in ties
  const TieView* Find(core::PersonId id) const;
};

[[nodiscard]] Result<TieSet> ComputeTies(store::Store& store, const Directory& directory,
                                         core::PersonId owner, core::TimePoint now,
                                         const scoring::Params& params);

// Balances of every account of `owner`, by person.
[[nodiscard]] Result<std::unordered_map<core::PersonId, scoring::Balance>> ComputeBalances(
    store::Store& store, core::PersonId owner, core::TimePoint now, const scoring::Params& params);

// A follow-up with its person, owner and days left as of `now`.
FollowUpView MakeFollowUpView(const core::FollowUp& followup, const Directory& directory,
                              core::TimePoint now);

// Next occurrences of a person's important dates on or after `today`.
std::vector<UpcomingDate> UpcomingDates(const core::Person& person, const PersonRef& ref,
                                        core::Date today);

core::Date DayOf(core::TimePoint at);

// "\"text\"": how messages quote a value.
std::string Quote(const std::string& text);

}  // namespace allies::app::internal
