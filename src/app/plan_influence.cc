#include "app/plan_influence.h"

#include <algorithm>
#include <unordered_set>

#include "app/network.h"
#include "scoring/tie_strength.h"

namespace allies::app::internal {

namespace {

PlanNetwork FromReport(KnownNetwork known, const InfluenceReport& report, std::string scope) {
  PlanNetwork out;
  out.info.scope = std::move(scope);
  out.info.people = report.network_people;
  out.info.ties = report.network_ties;
  out.influence.reserve(report.people.size());
  for (const auto& view : report.people) out.influence.emplace(view.person.id, view.influence);
  out.directory = std::move(known.directory);
  return out;
}

Result<PlanNetwork> WholeNetwork(store::Store& store, core::TimePoint now,
                                 const scoring::Params& params) {
  ALLIES_TRY(auto known, LoadNetwork(store, now, params));
  ALLIES_TRY(auto centrality, ComputeCentrality(known.network.graph));
  InfluenceReport report = InfluenceOf(known, centrality, params);
  return FromReport(std::move(known), report, "network");
}

Result<PlanNetwork> Neighbourhood(store::Store& store, const std::vector<core::PersonId>& seeds,
                                  core::TimePoint now, const scoring::Params& params) {
  ALLIES_TRY(auto knows, store.ListKnows());
  std::unordered_map<core::PersonId, std::vector<core::PersonId>> known_to;
  for (const auto& tie : knows) {
    known_to[tie.first].push_back(tie.second);
    known_to[tie.second].push_back(tie.first);
  }

  scoring::PairCollector collector(now);
  std::unordered_set<std::int64_t> seen_interactions;
  std::unordered_set<core::PersonId> members(seeds.begin(), seeds.end());
  // Visits every interaction of `ring` once and returns the people met there (and through knows
  // ties) who are not members yet; they become members.
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
            collector.Add(interaction);
            for (core::PersonId other : interaction.attendees) meet(other);
            return {};
          }));
      auto it = known_to.find(person);
      if (it != known_to.end()) {
        for (core::PersonId other : it->second) meet(other);
      }
    }
    return next;
  };
  ALLIES_TRY(auto first_ring, expand(seeds));
  ALLIES_TRY(auto second_ring, expand(first_ring));
  (void)second_ring;  // members now holds all three rings
  std::vector<scoring::PairStrength> pairs = collector.TakeStrengths(params);

  KnownNetwork known;
  Directory& directory = known.directory;
  ALLIES_TRY(auto orgs, store.ListOrgs(true));
  for (auto& org : orgs) directory.orgs.emplace(org.id, std::move(org));
  Network& network = known.network;
  for (core::PersonId id : members) {
    ALLIES_TRY(auto person, store.GetPerson(id));
    if (person.stamps.deleted_at) continue;
    network.person_of.push_back(id);
    directory.people.emplace(id, std::move(person));
  }
  std::sort(network.person_of.begin(), network.person_of.end());
  for (std::size_t i = 0; i < network.person_of.size(); ++i) {
    network.node_of.emplace(network.person_of[i], static_cast<graph::NodeId>(i));
  }
  auto node = [&](core::PersonId id) -> std::optional<graph::NodeId> {
    auto it = network.node_of.find(id);
    if (it == network.node_of.end()) return std::nullopt;
    return it->second;
  };
  // The same edges as LoadNetwork, between the neighbourhood's people.
  std::vector<graph::Edge> edges;
  edges.reserve(pairs.size() + knows.size());
  for (const auto& pair : pairs) {
    auto a = node(pair.a);
    auto b = node(pair.b);
    if (a && b && pair.strength > 0) {
      edges.push_back(graph::Edge{*a, *b, static_cast<float>(pair.strength)});
    }
  }
  for (const auto& tie : knows) {
    auto a = node(tie.first);
    auto b = node(tie.second);
    if (a && b) edges.push_back(graph::Edge{*a, *b, static_cast<float>(tie.strength)});
  }
  for (core::PersonId id : network.person_of) {
    const auto& person = directory.people.at(id);
    if (!person.reports_to) continue;
    auto a = node(id);
    auto b = node(*person.reports_to);
    if (a && b) {
      edges.push_back(graph::Edge{*a, *b, static_cast<float>(params.reports_to_strength)});
    }
  }
  graph::BuildOptions options;
  options.directed = false;
  options.merge = graph::Merge::kMax;
  ALLIES_TRY(
      network.graph,
      graph::Graph::Build(static_cast<graph::NodeId>(network.person_of.size()), edges, options));
  ALLIES_TRY(auto centrality, ComputeCentrality(network.graph));
  InfluenceReport report = InfluenceOf(known, centrality, params);
  return FromReport(std::move(known), report, "neighbourhood");
}

}  // namespace

Result<PlanNetwork> LoadPlanNetwork(store::Store& store, const std::vector<core::PersonId>& seeds,
                                    core::TimePoint now, const scoring::Params& params) {
  ALLIES_TRY(std::size_t people, store.CountPeople());
  if (static_cast<double>(people) <= params.plan_full_influence_people) {
    return WholeNetwork(store, now, params);
  }
  return Neighbourhood(store, seeds, now, params);
}

}  // namespace allies::app::internal
