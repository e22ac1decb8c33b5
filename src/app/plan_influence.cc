#include "app/plan_influence.h"

#include <algorithm>
#include <unordered_set>

#include "app/influence_snapshot.h"

namespace allies::app::internal {

Result<PlanNetwork> LoadPlanNetwork(store::Store& store, const std::vector<core::PersonId>& seeds,
                                    core::TimePoint now, const scoring::Params& params,
                                    bool fresh) {
  // Knows ties and reports-to links, both ways.
  std::unordered_map<core::PersonId, std::vector<core::PersonId>> linked;
  {
    ALLIES_TRY(auto knows, store.ListKnows());
    ALLIES_TRY(auto reports, store.ListReportsTo());
    linked.reserve(2 * (knows.size() + reports.size()));
    auto link = [&](core::PersonId a, core::PersonId b) {
      linked[a].push_back(b);
      linked[b].push_back(a);
    };
    for (const auto& tie : knows) link(tie.first, tie.second);
    for (const auto& [person, manager] : reports) link(person, manager);
  }

  PlanNetwork out;
  Directory& directory = out.directory;
  ALLIES_TRY(auto orgs, store.ListOrgs(true));
  for (auto& org : orgs) directory.orgs.emplace(org.id, std::move(org));

  std::unordered_set<core::PersonId> members(seeds.begin(), seeds.end());
  std::unordered_set<std::int64_t> seen_interactions;
  // The people who share an interaction or a link with someone of `ring` and are not members
  // yet: they become members.
  auto expand =
      [&](const std::vector<core::PersonId>& ring) -> Result<std::vector<core::PersonId>> {
    std::vector<core::PersonId> next;
    auto meet = [&](core::PersonId other) {
      if (members.insert(other).second) next.push_back(other);
    };
    for (core::PersonId person : ring) {
      store::InteractionFilter filter;
      filter.attendee = person;
      ALLIES_TRY_VOID(store.ForEachInteraction(
          filter, [&](const core::Interaction& interaction) -> Result<void> {
            if (!seen_interactions.insert(interaction.id.value).second) return {};
            for (core::PersonId other : interaction.attendees) meet(other);
            return {};
          }));
      if (auto it = linked.find(person); it != linked.end()) {
        for (core::PersonId other : it->second) meet(other);
      }
    }
    std::sort(next.begin(), next.end());
    return next;
  };
  // Reads the full records of `ring` into the directory and returns those not removed: a removed
  // person is neither a candidate nor a link.
  auto load = [&](const std::vector<core::PersonId>& ring) -> Result<std::vector<core::PersonId>> {
    std::vector<core::PersonId> active;
    for (core::PersonId id : ring) {
      ALLIES_TRY(auto person, store.GetPerson(id));
      if (person.stamps.deleted_at) continue;
      active.push_back(id);
      directory.people.emplace(id, std::move(person));
    }
    return active;
  };
  ALLIES_TRY(auto active_seeds, load(seeds));
  ALLIES_TRY(auto first_ring, expand(active_seeds));
  ALLIES_TRY(first_ring, load(first_ring));
  ALLIES_TRY(auto second_ring, expand(first_ring));
  ALLIES_TRY(second_ring, load(second_ring));

  std::vector<core::PersonId> candidates;
  candidates.reserve(first_ring.size() + second_ring.size());
  for (const auto* ring : {&first_ring, &second_ring}) {
    for (core::PersonId id : *ring) {
      const core::Person& person = directory.people.at(id);
      if (!person.is_me && !person.is_team) candidates.push_back(id);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  out.neighbourhood = candidates.size();

  ALLIES_TRY(auto table, CurrentInfluence(store, now, params, candidates, fresh));
  out.influence.reserve(candidates.size());
  for (core::PersonId id : candidates) {
    auto it = table.rows.find(id);
    if (it != table.rows.end()) {
      out.influence.emplace(id, it->second.influence);
    } else {
      out.influence.emplace(id, EstimatedInfluence(directory.people.at(id), params).influence);
      table.source.estimated.push_back(id);  // in ascending order, as `candidates`
    }
  }
  out.source = std::move(table.source);
  return out;
}

}  // namespace allies::app::internal
