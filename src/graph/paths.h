#pragma once
// Warm paths: the strongest chains of ties from me or my team to a person (DESIGN.md §3).

#include <cstddef>
#include <span>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace allies::graph {

struct StrongPathOptions {
  std::size_t k = 3;         // at most this many paths
  std::size_t max_hops = 3;  // at most this many links per path
};

struct StrongPath {
  std::vector<NodeId> nodes;      // a source first, the target last; no node twice
  std::vector<double> strengths;  // strengths[i]: the tie nodes[i] -> nodes[i + 1]
  double strength = 1;            // the product of `strengths` (1 for a path without links)
};

// The k strongest loopless paths to `target` that start at any of `sources` (me and my team),
// each of at most `max_hops` links, strongest first. The weights of `graph` are tie strengths S
// in (0, 1]; a link costs -ln(S), so the cheapest path is the one with the largest product of
// strengths. Yen's algorithm (Yen 1971, "Finding the k shortest loopless paths in a network",
// Management Science 17(11)) over a hop-limited Dijkstra, with a virtual node linked to every
// source at no cost, so a path may also pass through another source. Paths follow edge
// direction in a directed graph. Equal products are ordered by fewer links, then by the node
// sequence; the result is deterministic. The same paths, in the same order up to ties, as the
// first k of nx.shortest_simple_paths(G, s, target, weight=-ln S) restricted to max_hops links
// (with s a virtual source). Fewer than k paths when there are no more; none when the target
// cannot be reached. When the target is itself a source, the first path is the target alone
// (no links, strength 1), followed by the paths from the other sources.
// InvalidArgument when `sources` is empty, a node is not in the graph, k or max_hops is 0, or an
// edge weight is not in (0, 1].
// O(m) to check the weights, then O(k · max_hops) hop-limited Dijkstra runs, each
// O(max_hops · m' log m') over the part m' of the graph within max_hops links of both ends.
[[nodiscard]] core::Result<std::vector<StrongPath>> KStrongestPaths(
    const Graph& graph, std::span<const NodeId> sources, NodeId target,
    const StrongPathOptions& options = {});

}  // namespace allies::graph
