#pragma once
// A compact immutable graph in CSR form: 32-bit node ids 0..n-1, float weights, directed or
// undirected. Every algorithm of this layer reads it; none modifies it. No I/O here.

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"

namespace allies::graph {

using NodeId = std::uint32_t;

struct Edge {
  NodeId from = 0;
  NodeId to = 0;
  float weight = 1.0f;
};

// What Build does when the same pair appears more than once (in an undirected graph, u-v and
// v-u are the same pair).
enum class Merge {
  kLast,  // the last weight wins (what NetworkX's add_edge does)
  kSum,   // weights add up (repeated contacts)
  kMax,   // the heaviest wins
};

struct BuildOptions {
  bool directed = false;
  Merge merge = Merge::kLast;
};

class Graph {
 public:
  Graph() = default;

  // Builds the graph of `node_count` nodes from `edges`. Self-loops are dropped (a tie with
  // oneself carries no information here). InvalidArgument when an endpoint is >= node_count or
  // a weight is not a positive finite number. O(n + m log m) time, O(n + m) memory.
  [[nodiscard]] static core::Result<Graph> Build(NodeId node_count, std::span<const Edge> edges,
                                                 const BuildOptions& options = {});

  NodeId NodeCount() const { return static_cast<NodeId>(out_offsets_.size() - 1); }
  // Distinct edges after merging (an undirected edge counts once).
  std::size_t EdgeCount() const { return edge_count_; }
  bool Directed() const { return directed_; }

  // Neighbours reached by edges leaving `node`, sorted by id; undirected: all neighbours.
  std::span<const NodeId> OutNeighbors(NodeId node) const {
    return {out_targets_.data() + out_offsets_[node], out_targets_.data() + out_offsets_[node + 1]};
  }
  std::span<const float> OutWeights(NodeId node) const {
    return {out_weights_.data() + out_offsets_[node], out_weights_.data() + out_offsets_[node + 1]};
  }
  // Neighbours whose edges arrive at `node`, sorted by id; undirected: same as OutNeighbors.
  std::span<const NodeId> InNeighbors(NodeId node) const;
  std::span<const float> InWeights(NodeId node) const;

  std::size_t OutDegree(NodeId node) const { return out_offsets_[node + 1] - out_offsets_[node]; }
  std::size_t InDegree(NodeId node) const { return InNeighbors(node).size(); }

  // Weight of the edge from -> to, or 0 when there is none. O(log degree).
  float Weight(NodeId from, NodeId to) const;

 private:
  bool directed_ = false;
  std::size_t edge_count_ = 0;
  std::vector<std::uint64_t> out_offsets_{0};
  std::vector<NodeId> out_targets_;
  std::vector<float> out_weights_;
  std::vector<std::uint64_t> in_offsets_;  // empty when undirected
  std::vector<NodeId> in_sources_;
  std::vector<float> in_weights_;
};

}  // namespace allies::graph
