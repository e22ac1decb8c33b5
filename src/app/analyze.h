#pragma once
// `allies analyze`: the network analytics on any network from files, without a database.

#include <optional>
#include <string>

#include "app/network_views.h"
#include "core/result.h"

namespace allies::app {

struct AnalyzeInput {
  std::string edges_path;                 // SNAP-style edge list: `u v [weight]`
  std::optional<std::string> nodes_path;  // `id<TAB>label[<TAB>group]`
  bool directed = false;
};

// Reads the files and computes, for every node: PageRank on the edge weights (nx.pagerank with
// tol 1e-10), betweenness on hop counts normalised as nx.betweenness_centrality does
// (exact, or sampled with its epsilon on large graphs), Burt's constraint and effective size on
// the weights, and a Louvain community. A pair listed twice keeps its last weight and
// self-loops are dropped. Errors name the file and line.
[[nodiscard]] core::Result<AnalysisReport> AnalyzeNetworkFiles(const AnalyzeInput& input);

}  // namespace allies::app
