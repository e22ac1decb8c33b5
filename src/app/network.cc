#include "app/network.h"

#include <algorithm>

#include "graph/betweenness.h"
#include "graph/pagerank.h"
#include "scoring/tie_strength.h"

namespace allies::app::internal {

Result<KnownNetwork> LoadNetwork(store::Store& store, core::TimePoint now,
                                 const scoring::Params& params) {
  std::vector<scoring::PairStrength> pairs;
  {
    scoring::PairCollector collector(now);
    ALLIES_TRY_VOID(
        store.ForEachInteraction({}, [&](const core::Interaction& interaction) -> Result<void> {
          collector.Add(interaction);
          return {};
        }));
    pairs = collector.TakeStrengths(params);
  }
  ALLIES_TRY(auto knows, store.ListKnows());

  KnownNetwork known;
  ALLIES_TRY(known.directory, LoadDirectory(store));
  const Directory& directory = known.directory;
  Network& network = known.network;
  for (const auto& [id, person] : directory.people) {
    if (!person.stamps.deleted_at) network.person_of.push_back(id);
  }
  std::sort(network.person_of.begin(), network.person_of.end());
  network.node_of.reserve(network.person_of.size());
  for (std::size_t i = 0; i < network.person_of.size(); ++i) {
    network.node_of.emplace(network.person_of[i], static_cast<graph::NodeId>(i));
  }
  auto node = [&](core::PersonId id) -> std::optional<graph::NodeId> {
    auto it = network.node_of.find(id);
    if (it == network.node_of.end()) return std::nullopt;
    return it->second;
  };

  std::vector<graph::Edge> edges;
  edges.reserve(pairs.size() + knows.size());
  for (const auto& pair : pairs) {
    auto a = node(pair.a);
    auto b = node(pair.b);
    if (a && b && pair.strength > 0) {
      edges.push_back(graph::Edge{*a, *b, static_cast<float>(pair.strength)});
    }
  }
  pairs = {};
  for (const auto& tie : knows) {
    auto a = node(tie.first);
    auto b = node(tie.second);
    if (a && b) edges.push_back(graph::Edge{*a, *b, static_cast<float>(tie.strength)});
  }
  for (const auto& id : network.person_of) {
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
  return known;
}

Result<Centrality> ComputeCentrality(const graph::Graph& graph) {
  Centrality centrality;
  ALLIES_TRY(centrality.pagerank, graph::PageRank(graph, {}));
  graph::AutoOptions options;
  options.weighting = graph::Weighting::kUnweighted;
  ALLIES_TRY(auto betweenness, graph::BetweennessAuto(graph, options));
  centrality.betweenness = std::move(betweenness.values);
  centrality.method.approximate = betweenness.approximate;
  centrality.method.epsilon = betweenness.epsilon;
  if (betweenness.approximate) centrality.method.delta = options.delta;
  return centrality;
}

}  // namespace allies::app::internal
