#pragma once
// The known network as a graph: private to the app layer.

#include <optional>
#include <unordered_map>
#include <vector>

#include "app/internal.h"
#include "app/network_views.h"
#include "graph/betweenness.h"
#include "graph/graph.h"

namespace allies::app::internal {

// Everyone not removed, as nodes; ties as undirected edges weighted by tie strength in (0, 1]:
// contact between any two people (co-attendance links every pair of attendees, whoever's record
// it is, so my team's ties are in), explicit knows ties, and reports-to links at
// network.reports_to_strength. When a pair has several, the strongest wins.
struct Network {
  graph::Graph graph;
  std::vector<core::PersonId> person_of;  // node -> person, ascending ids
  std::unordered_map<core::PersonId, graph::NodeId> node_of;
};

// The directory of everyone, and the network built from the store.
struct KnownNetwork {
  Directory directory;
  Network network;
};

// Streams the interactions from the store into their attendee pairs (never holding them all),
// scores the pairs and frees them before it loads the directory, so that the largest things
// never share memory. `light`: the directory's people come without their child lists but with
// their offers (what influence reads), which halves its cost on 100,000 people.
[[nodiscard]] Result<KnownNetwork> LoadNetwork(store::Store& store, core::TimePoint now,
                                               const scoring::Params& params, bool light = false);

struct Centrality {
  std::vector<double> pagerank;
  std::vector<double> betweenness;  // normalised as NetworkX does
  BetweennessMethod method;
};

// PageRank on the tie strengths, and betweenness on hop counts: exact on small graphs, sampled
// with an (epsilon, delta) guarantee on large ones. Betweenness counts hops, not -ln(strength):
// sampling needs a bound on the number of people on a shortest path, and with strength costs
// that bound grows to the size of the network (weak ties make long cheap detours look
// possible), which makes the sample, and the run, as large as the exact computation.
// `options` tunes BetweennessAuto (the defaults are those of `allies influencers`).
[[nodiscard]] Result<Centrality> ComputeCentrality(const graph::Graph& graph,
                                                   const graph::AutoOptions& options = {});

// Influence of everyone in `known` but me (DESIGN.md §3), in node order: percentiles of
// PageRank and betweenness among the network's people, the best offer, formal levels from the
// reports-to links inside the network, and hidden influencers. What `allies influencers` ranks,
// and what `allies plan` weighs. O(n log n).
InfluenceReport InfluenceOf(const KnownNetwork& known, const Centrality& centrality,
                            const scoring::Params& params);

// Influence of everyone in the network but me (DESIGN.md §3), in node order: PageRank,
// betweenness, offers, formal level and the hidden-influencer gap, with every component.
[[nodiscard]] Result<InfluenceReport> ComputeInfluence(store::Store& store, core::TimePoint now,
                                                       const scoring::Params& params);

// The offer part of influence: the person's best offer rating / 5, in [0, 1].
double OfferScore(const core::Person& person);

}  // namespace allies::app::internal
