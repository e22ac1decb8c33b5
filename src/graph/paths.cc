#include "graph/paths.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <queue>
#include <set>
#include <string>
#include <utility>

namespace allies::graph {
namespace {

constexpr std::uint32_t kFar = std::numeric_limits<std::uint32_t>::max();

// Shortest readable form of a weight ("1.7", "2").
std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

double LinkCost(float strength) { return -std::log(static_cast<double>(strength)); }

// A path under construction: `nodes` may start with the virtual source.
struct Candidate {
  double cost = 0;
  std::vector<NodeId> nodes;

  bool operator<(const Candidate& other) const {
    if (cost != other.cost) return cost < other.cost;
    if (nodes.size() != other.nodes.size()) return nodes.size() < other.nodes.size();
    return nodes < other.nodes;
  }
};

// Hop-limited Dijkstra from one node to the target over states (node, links used), with the
// virtual source `virtual_node` (= NodeCount()) linked to every source at no cost. A state is
// dropped when an already settled state of the same node used no more links (it reached the
// node no later and no dearer), so each node is settled at most max_hops + 1 times; and when the
// target is out of reach in the remaining links, by the hop distance to the target in the whole
// graph (a lower bound once nodes and links are removed).
class Searcher {
 public:
  Searcher(const Graph& graph, std::span<const NodeId> sources, NodeId target)
      : graph_(graph),
        sources_(sources),
        target_(target),
        virtual_node_(graph.NodeCount()),
        hops_to_target_(graph.NodeCount() + 1, kFar),
        stamp_(graph.NodeCount() + 1, 0),
        settled_hops_(graph.NodeCount() + 1, 0),
        best_cost_(graph.NodeCount() + 1, 0),
        best_hops_(graph.NodeCount() + 1, 0),
        forbidden_(graph.NodeCount() + 1, 0) {}

  // Hop distances to the target, up to max_hops (breadth-first over reversed edges).
  void MeasureHopsToTarget(std::size_t max_hops) {
    std::vector<NodeId> frontier{target_};
    hops_to_target_[target_] = 0;
    for (std::uint32_t hops = 1; hops <= max_hops && !frontier.empty(); ++hops) {
      std::vector<NodeId> next;
      for (const NodeId v : frontier) {
        for (const NodeId u : graph_.InNeighbors(v)) {
          if (hops_to_target_[u] != kFar) continue;
          hops_to_target_[u] = hops;
          next.push_back(u);
        }
      }
      frontier = std::move(next);
    }
    for (const NodeId s : sources_) {
      hops_to_target_[virtual_node_] = std::min(hops_to_target_[virtual_node_], hops_to_target_[s]);
    }
  }

  // The cheapest path from `from` to the target with at most `budget` links that avoids the
  // nodes `forbidden` and the links `cut`; its nodes, `from` first. Empty when there is none.
  std::vector<NodeId> Search(NodeId from, std::size_t budget, std::span<const NodeId> forbidden,
                             const std::vector<std::pair<NodeId, NodeId>>& cut) {
    ++generation_;
    for (const NodeId v : forbidden) forbidden_[v] = generation_;
    labels_.clear();
    Queue queue;
    auto push = [&](NodeId node, std::uint32_t hops, double cost, std::uint32_t parent) {
      if (stamp_[node] != generation_) {
        stamp_[node] = generation_;
        settled_hops_[node] = kFar;
        best_cost_[node] = std::numeric_limits<double>::infinity();
        best_hops_[node] = kFar;
      }
      if (settled_hops_[node] <= hops) return;
      if (best_hops_[node] <= hops && best_cost_[node] <= cost) return;
      if (cost < best_cost_[node]) {
        best_cost_[node] = cost;
        best_hops_[node] = hops;
      }
      labels_.push_back({node, hops, parent});
      queue.push({cost, hops, node, static_cast<std::uint32_t>(labels_.size() - 1)});
    };
    push(from, 0, 0.0, kFar);
    while (!queue.empty()) {
      const Entry entry = queue.top();
      queue.pop();
      if (settled_hops_[entry.node] <= entry.hops) continue;
      settled_hops_[entry.node] = entry.hops;
      if (entry.node == target_) return Trace(entry.label);
      auto reachable = [&](NodeId next, std::uint32_t hops) {
        return forbidden_[next] != generation_ && hops_to_target_[next] != kFar &&
               hops + hops_to_target_[next] <= budget &&
               std::find(cut.begin(), cut.end(), std::make_pair(entry.node, next)) == cut.end();
      };
      if (entry.node == virtual_node_) {
        for (const NodeId s : sources_) {
          if (reachable(s, 0)) push(s, 0, entry.cost, entry.label);
        }
        continue;
      }
      const std::uint32_t hops = entry.hops + 1;
      const auto nbrs = graph_.OutNeighbors(entry.node);
      const auto weights = graph_.OutWeights(entry.node);
      for (std::size_t e = 0; e < nbrs.size(); ++e) {
        if (reachable(nbrs[e], hops)) {
          push(nbrs[e], hops, entry.cost + LinkCost(weights[e]), entry.label);
        }
      }
    }
    return {};
  }

 private:
  struct Label {
    NodeId node;
    std::uint32_t hops;
    std::uint32_t parent;
  };
  struct Entry {
    double cost;
    std::uint32_t hops;
    NodeId node;
    std::uint32_t label;
    // Reversed for std::priority_queue's max-heap; the later fields make ties deterministic.
    bool operator<(const Entry& other) const {
      if (cost != other.cost) return cost > other.cost;
      if (hops != other.hops) return hops > other.hops;
      if (node != other.node) return node > other.node;
      return label > other.label;
    }
  };
  using Queue = std::priority_queue<Entry>;

  std::vector<NodeId> Trace(std::uint32_t label) const {
    std::vector<NodeId> nodes;
    for (; label != kFar; label = labels_[label].parent) nodes.push_back(labels_[label].node);
    std::reverse(nodes.begin(), nodes.end());
    return nodes;
  }

  const Graph& graph_;
  std::span<const NodeId> sources_;
  NodeId target_;
  NodeId virtual_node_;
  std::vector<std::uint32_t> hops_to_target_;
  // Per-search state, valid where stamp_ (or forbidden_) equals generation_.
  std::uint32_t generation_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> settled_hops_;
  std::vector<double> best_cost_;  // cheapest state pushed so far, and its links
  std::vector<std::uint32_t> best_hops_;
  std::vector<std::uint32_t> forbidden_;
  std::vector<Label> labels_;
};

double PathCost(const Graph& graph, const std::vector<NodeId>& nodes) {
  double cost = 0;
  for (std::size_t i = 1; i + 1 < nodes.size(); ++i)
    cost += LinkCost(graph.Weight(nodes[i], nodes[i + 1]));
  return cost;
}

StrongPath ToStrongPath(const Graph& graph, const std::vector<NodeId>& nodes) {
  StrongPath path;
  path.nodes.assign(nodes.begin() + 1, nodes.end());
  for (std::size_t i = 0; i + 1 < path.nodes.size(); ++i) {
    const double s = graph.Weight(path.nodes[i], path.nodes[i + 1]);
    path.strengths.push_back(s);
    path.strength *= s;
  }
  return path;
}

core::Result<void> CheckStrengths(const Graph& graph) {
  for (NodeId u = 0; u < graph.NodeCount(); ++u) {
    const auto nbrs = graph.OutNeighbors(u);
    const auto weights = graph.OutWeights(u);
    for (std::size_t e = 0; e < nbrs.size(); ++e) {
      if (weights[e] > 0 && weights[e] <= 1) continue;
      return core::Fail(core::ErrorCode::kInvalidArgument,
                        "the tie " + std::to_string(u) + " -> " + std::to_string(nbrs[e]) +
                            " has weight " + FormatNumber(weights[e]) +
                            ", which is not a tie strength (expected a number in (0, 1])");
    }
  }
  return {};
}

core::Result<void> CheckArguments(const Graph& graph, std::span<const NodeId> sources,
                                  NodeId target, const StrongPathOptions& options) {
  const NodeId n = graph.NodeCount();
  auto out_of_range = [n](const char* what, NodeId node) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      std::string(what) + " " + std::to_string(node) +
                          " is not in the graph (expected a node id below " + std::to_string(n) +
                          ")");
  };
  if (sources.empty()) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "strongest paths need at least one source (me or a team member)");
  }
  for (const NodeId s : sources) {
    if (s >= n) return out_of_range("source", s);
  }
  if (target >= n) return out_of_range("target", target);
  if (options.k == 0) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "k 0 is not accepted (expected at least 1 path)");
  }
  if (options.max_hops == 0) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "max_hops 0 is not accepted (expected at least 1 link)");
  }
  return CheckStrengths(graph);
}

}  // namespace

core::Result<std::vector<StrongPath>> KStrongestPaths(const Graph& graph,
                                                      std::span<const NodeId> sources,
                                                      NodeId target,
                                                      const StrongPathOptions& options) {
  ALLIES_TRY_VOID(CheckArguments(graph, sources, target, options));
  std::vector<NodeId> source_set(sources.begin(), sources.end());
  std::sort(source_set.begin(), source_set.end());
  source_set.erase(std::unique(source_set.begin(), source_set.end()), source_set.end());
  // Beyond this the hop count could not be stored; no graph has such long loopless paths anyway.
  const std::size_t max_hops = std::min<std::size_t>(options.max_hops, graph.NodeCount());

  const NodeId virtual_node = graph.NodeCount();
  Searcher searcher(graph, source_set, target);
  searcher.MeasureHopsToTarget(max_hops);

  // Yen's algorithm: `found` holds the k best so far; each new path deviates from the last one
  // found at some spur node, after the links that earlier paths with the same root took there
  // are cut and the root's nodes are removed.
  std::vector<std::vector<NodeId>> found;
  std::set<Candidate> candidates;
  std::set<std::vector<NodeId>> seen;
  std::vector<NodeId> first = searcher.Search(virtual_node, max_hops, {}, {});
  if (first.empty()) return std::vector<StrongPath>{};
  found.push_back(first);
  seen.insert(first);
  std::vector<std::pair<NodeId, NodeId>> cut;
  while (found.size() < options.k) {
    const std::vector<NodeId>& last = found.back();
    for (std::size_t spur = 0; spur + 1 < last.size(); ++spur) {
      const std::span<const NodeId> root(last.data(), spur);
      const std::span<const NodeId> through_spur(last.data(), spur + 1);
      cut.clear();
      for (const auto& path : found) {
        if (path.size() > spur + 1 &&
            std::equal(through_spur.begin(), through_spur.end(), path.begin())) {
          cut.emplace_back(path[spur], path[spur + 1]);
        }
      }
      const std::size_t root_hops = spur == 0 ? 0 : spur - 1;
      std::vector<NodeId> tail = searcher.Search(last[spur], max_hops - root_hops, root, cut);
      if (tail.empty()) continue;
      std::vector<NodeId> nodes(root.begin(), root.end());
      nodes.insert(nodes.end(), tail.begin(), tail.end());
      if (!seen.insert(nodes).second) continue;
      const double cost = PathCost(graph, nodes);
      candidates.insert(Candidate{cost, std::move(nodes)});
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.extract(candidates.begin()).value().nodes));
  }

  std::vector<StrongPath> paths;
  paths.reserve(found.size());
  for (const auto& nodes : found) paths.push_back(ToStrongPath(graph, nodes));
  return paths;
}

}  // namespace allies::graph
