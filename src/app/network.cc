#include "app/network.h"

#include <algorithm>

#include "graph/betweenness.h"
#include "graph/pagerank.h"
#include "scoring/influence.h"
#include "scoring/tie_strength.h"

namespace allies::app::internal {

Result<KnownNetwork> LoadNetwork(store::Store& store, core::TimePoint now,
                                 const scoring::Params& params, bool light) {
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
  ALLIES_TRY(known.directory,
             LoadDirectory(store, light ? PersonLists::kOffers : PersonLists::kAll));
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

Result<Centrality> ComputeCentrality(const graph::Graph& graph,
                                     const graph::AutoOptions& auto_options) {
  Centrality centrality;
  ALLIES_TRY(centrality.pagerank, graph::PageRank(graph, {}));
  graph::AutoOptions options = auto_options;
  options.weighting = graph::Weighting::kUnweighted;
  ALLIES_TRY(auto betweenness, graph::BetweennessAuto(graph, options));
  centrality.betweenness = std::move(betweenness.values);
  centrality.method.approximate = betweenness.approximate;
  centrality.method.epsilon = betweenness.epsilon;
  if (betweenness.approximate) centrality.method.delta = options.delta;
  return centrality;
}

double OfferScore(const core::Person& person) {
  int best = 0;
  for (const auto& offer : person.offers) best = std::max(best, offer.rating);
  return best / 5.0;
}

InfluenceReport InfluenceOf(const KnownNetwork& known, const Centrality& centrality,
                            const scoring::Params& params) {
  const auto& directory = known.directory;
  const auto& network = known.network;
  std::size_t n = network.person_of.size();

  auto pagerank_pct = scoring::Percentiles(centrality.pagerank);
  auto betweenness_pct = scoring::Percentiles(centrality.betweenness);
  std::vector<std::optional<std::size_t>> reports_to(n);
  std::vector<std::string_view> titles(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& person = directory.people.at(network.person_of[i]);
    titles[i] = person.title;
    if (person.reports_to) {
      auto it = network.node_of.find(*person.reports_to);
      if (it != network.node_of.end()) reports_to[i] = it->second;
    }
  }
  auto levels = scoring::FormalLevels(reports_to, titles);
  std::vector<double> rank(n);
  for (std::size_t i = 0; i < n; ++i) rank[i] = -static_cast<double>(levels[i]);
  auto formal_pct = scoring::Percentiles(rank);

  InfluenceReport report;
  report.network_people = n;
  report.network_ties = network.graph.EdgeCount();
  report.method = centrality.method;
  std::vector<double> influence(n);
  report.people.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& person = directory.people.at(network.person_of[i]);
    InfluenceView& view = report.people[i];
    view.person = directory.Ref(person.id);
    view.title = person.title;
    view.pagerank = centrality.pagerank[i];
    view.pagerank_percentile = pagerank_pct[i];
    view.betweenness = centrality.betweenness[i];
    view.betweenness_percentile = betweenness_pct[i];
    view.offer = OfferScore(person);
    view.influence = scoring::Influence(
        {view.pagerank_percentile, view.betweenness_percentile, view.offer}, params);
    view.formal_level = levels[i];
    view.formal_percentile = formal_pct[i];
    influence[i] = view.influence;
  }
  auto influence_pct = scoring::Percentiles(influence);
  for (std::size_t i = 0; i < n; ++i) {
    InfluenceView& view = report.people[i];
    view.influence_percentile = influence_pct[i];
    view.gap = view.influence_percentile - view.formal_percentile;
    view.hidden = scoring::IsHidden(view.influence_percentile, view.formal_percentile, params);
  }
  // Me is part of the network but never a candidate.
  std::erase_if(report.people, [&](const InfluenceView& view) {
    return directory.people.at(view.person.id).is_me;
  });
  return report;
}

}  // namespace allies::app::internal
