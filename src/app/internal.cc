#include "app/internal.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "core/text.h"
#include "scoring/balance.h"
#include "scoring/layers.h"
#include "scoring/tie_strength.h"

namespace allies::app::internal {

using core::ErrorCode;
using core::Fail;

PersonRef Directory::Ref(core::PersonId id) const {
  auto it = people.find(id);
  if (it == people.end()) return PersonRef{id, fmt::format("#{}", id.value), "", ""};
  const core::Person& person = it->second;
  return PersonRef{id, person.name, person.department, OrgName(person.org)};
}

std::string Directory::OrgName(const std::optional<core::OrgId>& id) const {
  if (!id) return "";
  auto it = orgs.find(*id);
  return it == orgs.end() ? "" : it->second.name;
}

bool Directory::Active(core::PersonId id) const {
  auto it = people.find(id);
  return it != people.end() && !it->second.stamps.deleted_at;
}

Result<Directory> LoadDirectory(store::Store& store, PersonLists lists) {
  Directory directory;
  store::PersonFilter filter;
  filter.include_deleted = true;
  filter.without_children = lists != PersonLists::kAll;
  filter.with_offers = lists == PersonLists::kOffers;
  ALLIES_TRY(auto people, store.ListPeople(filter));
  directory.people.reserve(people.size());
  for (auto& person : people) directory.people.emplace(person.id, std::move(person));
  ALLIES_TRY(auto orgs, store.ListOrgs(true));
  for (auto& org : orgs) directory.orgs.emplace(org.id, std::move(org));
  return directory;
}

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() && text.size() <= 18 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Describe(const core::Person& person) {
  std::string where = person.department.empty() ? "" : ", " + person.department;
  return fmt::format("#{} {}{}", person.id.value, person.name, where);
}

}  // namespace

Result<core::Person> ResolvePerson(store::Store& store, const std::string& ref,
                                   bool include_deleted) {
  std::string text{core::Trim(ref)};
  if (text.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "a person is needed (expected a name, an email, an id or \"me\")");
  }
  if (core::FoldCase(text) == "me") {
    ALLIES_TRY(auto me, RequireMe(store));
    return store.GetPerson(me);
  }
  std::vector<core::PersonId> ids;
  if (AllDigits(text)) {
    auto person = store.GetPerson(core::PersonId{std::stoll(text)});
    if (!person) return Fail(ErrorCode::kNotFound, fmt::format("no person with id {}", text));
    if (person->stamps.deleted_at && !include_deleted) {
      return Fail(
          ErrorCode::kNotFound,
          fmt::format("person {} ({}) was removed; `allies person undo {}` brings them back", text,
                      person->name, text));
    }
    return person;
  }
  if (text.find('@') != std::string::npos) {
    ALLIES_TRY(ids, store.FindPeopleByEmail(text, include_deleted));
    if (ids.empty()) {
      return Fail(ErrorCode::kNotFound, fmt::format("no person with email {}", Quote(text)));
    }
  } else {
    ALLIES_TRY(ids, store.FindPeopleByName(core::NameKey(text), include_deleted));
    if (ids.empty()) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("no person named {} (try `allies find {}`)", Quote(text), text));
    }
  }
  if (ids.size() == 1) return store.GetPerson(ids.front());
  std::vector<std::string> candidates;
  for (auto id : ids) {
    ALLIES_TRY(auto person, store.GetPerson(id));
    candidates.push_back(Describe(person));
  }
  return Fail(ErrorCode::kConflict,
              fmt::format("{} is ambiguous: it matches {}; name one by id or email", Quote(text),
                          core::Join(candidates, "; ")));
}

Result<core::Organization> ResolveOrg(store::Store& store, const std::string& ref) {
  std::string text{core::Trim(ref)};
  if (AllDigits(text)) {
    auto org = store.GetOrg(core::OrgId{std::stoll(text)});
    if (!org || org->stamps.deleted_at) {
      return Fail(ErrorCode::kNotFound, fmt::format("no organization with id {}", text));
    }
    return org;
  }
  ALLIES_TRY(auto ids, store.FindOrgsByName(core::NameKey(text), false));
  if (ids.empty()) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no organization named {} (see `allies org list`)", Quote(text)));
  }
  if (ids.size() > 1) {
    return Fail(ErrorCode::kConflict, fmt::format("{} matches {} organizations; name one by id",
                                                  Quote(text), ids.size()));
  }
  return store.GetOrg(ids.front());
}

Result<core::PersonId> RequireMe(store::Store& store) {
  ALLIES_TRY(auto me, store.FindMe());
  if (!me) {
    return Fail(ErrorCode::kNotFound,
                "no one is set as me yet; run `allies init --name NAME` (or `allies demo`) first");
  }
  return *me;
}

Result<scoring::Params> LoadParams(store::Store& store) {
  ALLIES_TRY(auto overrides, store.LoadConfig());
  return scoring::ParamsFrom(overrides);
}

const TieView* TieSet::Find(core::PersonId id) const {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &ties[it->second];
}

Result<TieSet> ComputeTies(store::Store& store, const Directory& directory, core::PersonId owner,
                           core::TimePoint now, const scoring::Params& params) {
  store::InteractionFilter filter;
  filter.attendee = owner;
  ALLIES_TRY(auto interactions, store.ListInteractions(filter));

  std::vector<std::pair<core::PersonId, scoring::Closeness>> closeness;
  std::vector<core::PersonId> with_cadence;
  // Closeness ratings and cadences are mine: a team member's ties are scored on contact alone.
  auto owner_record = directory.people.find(owner);
  const bool mine = owner_record != directory.people.end() && owner_record->second.is_me;
  for (const auto& [id, person] : directory.people) {
    if (!mine) break;
    if (id == owner || person.stamps.deleted_at) continue;
    if (person.closeness) {
      closeness.emplace_back(
          id, scoring::Closeness{*person.closeness, person.closeness_at.value_or(now)});
    }
    if (person.cadence_days) with_cadence.push_back(id);
  }
  scoring::ScoreTiesOptions options;
  options.owner = owner;
  options.closeness = &closeness;
  auto pairs = scoring::ScoreTies(interactions, now, params, options);

  TieSet set;
  std::unordered_set<core::PersonId> present;
  for (const auto& pair : pairs) {
    core::PersonId other = pair.a == owner ? pair.b : pair.a;
    if (!directory.Active(other)) continue;
    set.ties.push_back(TieView{directory.Ref(other), pair.tie, std::nullopt, {}});
    present.insert(other);
  }
  // Someone I promised to see every N days but never met is a tie too, and an overdue one.
  for (auto id : with_cadence) {
    if (!present.contains(id)) set.ties.push_back(TieView{directory.Ref(id), {}, std::nullopt, {}});
  }
  std::stable_sort(set.ties.begin(), set.ties.end(), [](const TieView& x, const TieView& y) {
    if (x.tie.strength != y.tie.strength) return x.tie.strength > y.tie.strength;
    return x.person.id < y.person.id;
  });
  std::vector<double> strengths;
  strengths.reserve(set.ties.size());
  for (const auto& tie : set.ties) strengths.push_back(tie.tie.strength);
  auto layers = scoring::AssignLayers(strengths, params);
  for (std::size_t i = 0; i < set.ties.size(); ++i) {
    TieView& tie = set.ties[i];
    tie.layer = layers[i];
    std::optional<double> cadence;
    const auto& person = directory.people.at(tie.person.id);
    if (person.cadence_days && mine) {
      cadence = *person.cadence_days;
    } else if (tie.layer) {
      cadence = scoring::LayerCadenceDays(*tie.layer, params);
    }
    tie.risk = scoring::AssessRisk(tie.tie.components.last_contact,
                                   tie.tie.components.median_gap_days, cadence, now, params);
    set.index.emplace(tie.person.id, i);
  }
  return set;
}

Result<std::unordered_map<core::PersonId, scoring::Balance>> ComputeBalances(
    store::Store& store, core::PersonId owner, core::TimePoint now, const scoring::Params& params) {
  store::LedgerFilter filter;
  filter.owner = owner;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  std::unordered_map<core::PersonId, std::vector<core::LedgerEntry>> by_person;
  for (auto& entry : entries) by_person[entry.person].push_back(std::move(entry));
  std::unordered_map<core::PersonId, scoring::Balance> balances;
  for (const auto& [person, list] : by_person) {
    balances.emplace(person, scoring::ComputeBalance(list, now, params));
  }
  return balances;
}

core::Date DayOf(core::TimePoint at) {
  return core::Date{std::chrono::floor<std::chrono::days>(at)};
}

std::vector<UpcomingDate> UpcomingDates(const core::Person& person, const PersonRef& ref,
                                        core::Date today) {
  std::vector<UpcomingDate> dates;
  for (const auto& important : person.dates) {
    core::Date on = core::NextOccurrence(important.date, today);
    UpcomingDate upcoming;
    upcoming.person = ref;
    upcoming.kind = important.kind;
    upcoming.on = on;
    upcoming.days_away =
        static_cast<int>((std::chrono::sys_days{on} - std::chrono::sys_days{today}).count());
    if (important.date.year) upcoming.years = static_cast<int>(on.year()) - *important.date.year;
    dates.push_back(upcoming);
  }
  return dates;
}

}  // namespace allies::app::internal
