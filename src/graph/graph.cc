#include "graph/graph.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

namespace allies::graph {
namespace {

// Formats a float the way a person wrote it (shortest round-trip form is not needed here; six
// significant digits say enough about a bad weight).
std::string FormatWeight(float weight) {
  std::ostringstream out;
  out << weight;
  return out.str();
}

core::Result<void> Validate(NodeId node_count, std::span<const Edge> edges) {
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& edge = edges[i];
    for (NodeId endpoint : {edge.from, edge.to}) {
      if (endpoint >= node_count) {
        std::string range = node_count == 0 ? std::string("the graph has no nodes")
                                            : "expected 0.." + std::to_string(node_count - 1);
        return core::Fail(core::ErrorCode::kInvalidArgument,
                          "edge " + std::to_string(i) + " (" + std::to_string(edge.from) + " -> " +
                              std::to_string(edge.to) + "): node " + std::to_string(endpoint) +
                              " does not exist (" + range + ")");
      }
    }
    if (!(std::isfinite(edge.weight) && edge.weight > 0.0f)) {
      return core::Fail(core::ErrorCode::kInvalidArgument,
                        "edge " + std::to_string(i) + " (" + std::to_string(edge.from) + " -> " +
                            std::to_string(edge.to) + "): weight " + FormatWeight(edge.weight) +
                            " is not a positive finite number");
    }
  }
  return {};
}

float MergeWeights(Merge merge, float kept, float next) {
  switch (merge) {
    case Merge::kLast:
      return next;
    case Merge::kSum:
      return kept + next;
    case Merge::kMax:
      return std::max(kept, next);
  }
  return next;
}

// One distinct pair after merging: `from` is implied by the bucket it sits in.
struct Arc {
  NodeId to;
  float weight;
};

}  // namespace

core::Result<Graph> Graph::Build(NodeId node_count, std::span<const Edge> edges,
                                 const BuildOptions& options) {
  ALLIES_TRY_VOID(Validate(node_count, edges));
  const bool directed = options.directed;
  const std::size_t n = node_count;

  // Bucket the edges by (canonical) source with a counting sort, which keeps input order inside
  // each bucket; a stable sort by target then puts duplicates next to each other in input order,
  // so that Merge::kLast really keeps the last one. This is O(n + m + Σ d log d) rather than a
  // global O(m log m) sort.
  std::vector<std::uint64_t> bucket_offsets(n + 1, 0);
  auto source_of = [directed](const Edge& edge) {
    return directed ? edge.from : std::min(edge.from, edge.to);
  };
  auto target_of = [directed](const Edge& edge) {
    return directed ? edge.to : std::max(edge.from, edge.to);
  };
  for (const Edge& edge : edges) {
    if (edge.from != edge.to) ++bucket_offsets[source_of(edge) + 1];
  }
  for (std::size_t v = 0; v < n; ++v) bucket_offsets[v + 1] += bucket_offsets[v];
  std::vector<Arc> arcs(bucket_offsets[n]);
  {
    std::vector<std::uint64_t> cursor(bucket_offsets.begin(), bucket_offsets.end() - 1);
    for (const Edge& edge : edges) {
      if (edge.from == edge.to) continue;
      arcs[cursor[source_of(edge)]++] = Arc{target_of(edge), edge.weight};
    }
  }

  // Merge duplicates in place; `merged_offsets` are the bucket bounds after merging.
  std::vector<std::uint64_t> merged_offsets(n + 1, 0);
  std::size_t write = 0;
  for (std::size_t v = 0; v < n; ++v) {
    auto first = arcs.begin() + static_cast<std::ptrdiff_t>(bucket_offsets[v]);
    auto last = arcs.begin() + static_cast<std::ptrdiff_t>(bucket_offsets[v + 1]);
    std::stable_sort(first, last, [](const Arc& a, const Arc& b) { return a.to < b.to; });
    for (auto it = first; it != last; ++it) {
      if (write > merged_offsets[v] && arcs[write - 1].to == it->to) {
        arcs[write - 1].weight = MergeWeights(options.merge, arcs[write - 1].weight, it->weight);
      } else {
        arcs[write++] = *it;
      }
    }
    merged_offsets[v + 1] = write;
  }
  arcs.resize(write);

  Graph graph;
  graph.directed_ = directed;
  graph.edge_count_ = arcs.size();
  if (directed) {
    graph.out_offsets_ = std::move(merged_offsets);
    graph.out_targets_.resize(arcs.size());
    graph.out_weights_.resize(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      graph.out_targets_[i] = arcs[i].to;
      graph.out_weights_[i] = arcs[i].weight;
    }
    // Transpose by counting sort; visiting sources in increasing order leaves every in-list
    // sorted by source.
    graph.in_offsets_.assign(n + 1, 0);
    for (NodeId target : graph.out_targets_) ++graph.in_offsets_[target + 1];
    for (std::size_t v = 0; v < n; ++v) graph.in_offsets_[v + 1] += graph.in_offsets_[v];
    graph.in_sources_.resize(arcs.size());
    graph.in_weights_.resize(arcs.size());
    std::vector<std::uint64_t> cursor(graph.in_offsets_.begin(), graph.in_offsets_.end() - 1);
    for (std::size_t u = 0; u < n; ++u) {
      for (std::uint64_t i = graph.out_offsets_[u]; i < graph.out_offsets_[u + 1]; ++i) {
        const std::uint64_t slot = cursor[graph.out_targets_[i]]++;
        graph.in_sources_[slot] = static_cast<NodeId>(u);
        graph.in_weights_[slot] = graph.out_weights_[i];
      }
    }
    return graph;
  }

  // Undirected: store each pair u < v in both lists. Visiting u in increasing order appends the
  // smaller neighbours of every node before its larger ones, so each list comes out sorted.
  graph.out_offsets_.assign(n + 1, 0);
  for (std::size_t u = 0; u < n; ++u) {
    for (std::uint64_t i = merged_offsets[u]; i < merged_offsets[u + 1]; ++i) {
      ++graph.out_offsets_[u + 1];
      ++graph.out_offsets_[arcs[i].to + 1];
    }
  }
  for (std::size_t v = 0; v < n; ++v) graph.out_offsets_[v + 1] += graph.out_offsets_[v];
  graph.out_targets_.resize(2 * arcs.size());
  graph.out_weights_.resize(2 * arcs.size());
  std::vector<std::uint64_t> cursor(graph.out_offsets_.begin(), graph.out_offsets_.end() - 1);
  for (std::size_t u = 0; u < n; ++u) {
    for (std::uint64_t i = merged_offsets[u]; i < merged_offsets[u + 1]; ++i) {
      const Arc& arc = arcs[i];
      const std::uint64_t forward = cursor[u]++;
      graph.out_targets_[forward] = arc.to;
      graph.out_weights_[forward] = arc.weight;
      const std::uint64_t backward = cursor[arc.to]++;
      graph.out_targets_[backward] = static_cast<NodeId>(u);
      graph.out_weights_[backward] = arc.weight;
    }
  }
  return graph;
}

std::span<const NodeId> Graph::InNeighbors(NodeId node) const {
  if (!directed_) return OutNeighbors(node);
  return {in_sources_.data() + in_offsets_[node], in_sources_.data() + in_offsets_[node + 1]};
}

std::span<const float> Graph::InWeights(NodeId node) const {
  if (!directed_) return OutWeights(node);
  return {in_weights_.data() + in_offsets_[node], in_weights_.data() + in_offsets_[node + 1]};
}

float Graph::Weight(NodeId from, NodeId to) const {
  const std::span<const NodeId> targets = OutNeighbors(from);
  auto it = std::lower_bound(targets.begin(), targets.end(), to);
  if (it == targets.end() || *it != to) return 0.0f;
  return OutWeights(from)[static_cast<std::size_t>(it - targets.begin())];
}

}  // namespace allies::graph
