#include "graph/brokerage.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "graph/parallel.h"

namespace allies::graph {
namespace {

constexpr NodeId kNoSlot = std::numeric_limits<NodeId>::max();
constexpr NodeId kChunkNodes = 64;
// Below this many nodes per thread starting threads costs more than the work.
constexpr std::size_t kMinNodesPerThread = 2048;

// Runs body(worker, node) for every node, handing out chunks of nodes on demand because the
// cost per node varies by orders of magnitude in heavy-tailed graphs. make_worker() builds each
// thread's scratch space.
template <class MakeWorker, class Body>
void ParallelForNodes(NodeId node_count, int requested_threads, MakeWorker make_worker, Body body) {
  std::atomic<NodeId> next{0};
  const int threads = internal::ResolveThreads(requested_threads, node_count, kMinNodesPerThread);
  internal::RunOnThreads(threads, [&](int) {
    auto worker = make_worker();
    for (;;) {
      const NodeId begin = next.fetch_add(kChunkNodes);
      if (begin >= node_count) return;
      const NodeId end = std::min<NodeId>(node_count, begin + kChunkNodes);
      for (NodeId node = begin; node < end; ++node) body(worker, node);
    }
  });
}

// Position of `node` in the sorted `list`, or kNoSlot.
NodeId Find(std::span<const NodeId> list, NodeId node) {
  const auto it = std::lower_bound(list.begin(), list.end(), node);
  return it != list.end() && *it == node ? static_cast<NodeId>(it - list.begin()) : kNoSlot;
}

// Scanning a list of length `scan` once versus binary-searching `probes` items in a list of
// length `scan`: scan when it is cheaper.
bool ScanIsCheaper(std::size_t scan, std::size_t probes) {
  return scan <= probes * (1 + std::bit_width(scan));
}

// The mutual weights a_ij + a_ji of every node's in- and out-neighbours, sorted by neighbour.
// For an undirected graph a_ij = a_ji, so the weights are used as they are: p and m are ratios
// of mutual weights, and the common factor 2 cancels.
struct MutualAdjacency {
  std::vector<std::uint64_t> offsets;
  std::vector<NodeId> neighbors;
  std::vector<double> weights;

  std::span<const NodeId> Neighbors(NodeId node) const {
    return {neighbors.data() + offsets[node], neighbors.data() + offsets[node + 1]};
  }
  std::span<const double> Weights(NodeId node) const {
    return {weights.data() + offsets[node], weights.data() + offsets[node + 1]};
  }
};

MutualAdjacency BuildMutualAdjacency(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  MutualAdjacency adjacency;
  adjacency.offsets.assign(n + 1, 0);
  adjacency.neighbors.reserve(2 * graph.EdgeCount());
  adjacency.weights.reserve(adjacency.neighbors.capacity());
  for (NodeId i = 0; i < n; ++i) {
    const auto out = graph.OutNeighbors(i);
    const auto out_w = graph.OutWeights(i);
    if (!graph.Directed()) {
      adjacency.neighbors.insert(adjacency.neighbors.end(), out.begin(), out.end());
      adjacency.weights.insert(adjacency.weights.end(), out_w.begin(), out_w.end());
    } else {
      const auto in = graph.InNeighbors(i);
      const auto in_w = graph.InWeights(i);
      std::size_t o = 0;
      std::size_t k = 0;
      while (o < out.size() || k < in.size()) {
        if (k == in.size() || (o < out.size() && out[o] < in[k])) {
          adjacency.neighbors.push_back(out[o]);
          adjacency.weights.push_back(out_w[o++]);
        } else if (o == out.size() || in[k] < out[o]) {
          adjacency.neighbors.push_back(in[k]);
          adjacency.weights.push_back(in_w[k++]);
        } else {
          adjacency.neighbors.push_back(out[o]);
          adjacency.weights.push_back(static_cast<double>(out_w[o++]) + in_w[k++]);
        }
      }
    }
    adjacency.offsets[i + 1] = adjacency.neighbors.size();
  }
  return adjacency;
}

struct HoleScratch {
  std::vector<NodeId> slot;        // position of a node in the current node's neighbour list
  std::vector<double> local;       // Σ_q p_iq p_qj per neighbour j
  std::vector<double> redundancy;  // Σ_q p_iq m_jq per neighbour j
};

}  // namespace

StructuralHoles ComputeStructuralHoles(const Graph& graph, const StructuralHoleOptions& options) {
  const NodeId n = graph.NodeCount();
  const MutualAdjacency adjacency = BuildMutualAdjacency(graph);
  std::vector<double> sum(n, 0.0);
  std::vector<double> max(n, 0.0);
  for (NodeId i = 0; i < n; ++i) {
    for (const double w : adjacency.Weights(i)) {
      sum[i] += w;
      max[i] = std::max(max[i], w);
    }
  }

  StructuralHoles result;
  result.constraint.assign(n, std::numeric_limits<double>::quiet_NaN());
  result.effective_size.assign(n, std::numeric_limits<double>::quiet_NaN());
  auto make_scratch = [n] { return HoleScratch{std::vector<NodeId>(n, kNoSlot), {}, {}}; };

  // Both measures sum over the triangles i-q-j: the indirect terms vanish unless q is a common
  // neighbour of i and j (there are no self-loops, so p_ii = p_jj = m_jj = 0).
  auto body = [&](HoleScratch& scratch, NodeId i) {
    const auto nbrs = adjacency.Neighbors(i);
    const auto weights = adjacency.Weights(i);
    if (nbrs.empty()) return;
    const std::size_t d = nbrs.size();
    scratch.local.assign(d, 0.0);
    scratch.redundancy.assign(d, 0.0);
    for (std::size_t x = 0; x < d; ++x) scratch.slot[nbrs[x]] = static_cast<NodeId>(x);
    for (std::size_t x = 0; x < d; ++x) {
      const NodeId q = nbrs[x];
      const double p_iq = weights[x] / sum[i];
      const auto q_nbrs = adjacency.Neighbors(q);
      const auto q_weights = adjacency.Weights(q);
      auto add = [&](std::size_t y, double w_qj) {
        scratch.local[y] += p_iq * (w_qj / sum[q]);
        scratch.redundancy[y] += p_iq * (w_qj / max[nbrs[y]]);
      };
      if (ScanIsCheaper(q_nbrs.size(), d)) {
        for (std::size_t z = 0; z < q_nbrs.size(); ++z) {
          const NodeId y = scratch.slot[q_nbrs[z]];
          if (y != kNoSlot) add(y, q_weights[z]);
        }
      } else {
        for (std::size_t y = 0; y < d; ++y) {
          const NodeId z = Find(q_nbrs, nbrs[y]);
          if (z != kNoSlot) add(y, q_weights[z]);
        }
      }
    }
    double constraint = 0;
    double redundancy = 0;
    for (std::size_t y = 0; y < d; ++y) {
      const double c = weights[y] / sum[i] + scratch.local[y];
      constraint += c * c;
      redundancy += scratch.redundancy[y];
      scratch.slot[nbrs[y]] = kNoSlot;
    }
    result.constraint[i] = constraint;
    result.effective_size[i] = static_cast<double>(d) - redundancy;
  };
  ParallelForNodes(n, options.threads, make_scratch, body);
  return result;
}

namespace {

enum class Role { kCoordinator, kItinerant, kRepresentative, kGatekeeper, kLiaison };

Role Classify(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  if (a == b) return b == c ? Role::kCoordinator : Role::kRepresentative;
  if (b == c) return Role::kGatekeeper;
  return a == c ? Role::kItinerant : Role::kLiaison;
}

// Signed while counting: open two-paths are all two-paths minus the closed ones.
struct RoleCounts {
  std::int64_t count[5] = {0, 0, 0, 0, 0};
  std::int64_t& operator[](Role role) { return count[static_cast<int>(role)]; }
};

struct RoleScratch {
  std::vector<std::uint8_t> marked;        // neighbours of the current broker
  std::vector<std::uint32_t> group_count;  // of the current broker's (out-)neighbours
};

// Groups renumbered 0..g-1 so that counts per group fit a dense array.
std::vector<std::uint32_t> DenseGroups(std::span<const std::uint32_t> groups,
                                       std::uint32_t* group_count) {
  std::vector<std::uint32_t> distinct(groups.begin(), groups.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint32_t> dense(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    dense[i] = static_cast<std::uint32_t>(
        std::lower_bound(distinct.begin(), distinct.end(), groups[i]) - distinct.begin());
  }
  *group_count = static_cast<std::uint32_t>(distinct.size());
  return dense;
}

// Calls visit(c) for every c in both `small` and the marked list `large` (given sorted).
template <class Visit>
void Intersect(std::span<const NodeId> scanned, std::span<const NodeId> marked_list,
               const std::vector<std::uint8_t>& marked, Visit visit) {
  if (ScanIsCheaper(scanned.size(), marked_list.size())) {
    for (const NodeId c : scanned) {
      if (marked[c]) visit(c);
    }
  } else {
    for (const NodeId c : marked_list) {
      if (Find(scanned, c) != kNoSlot) visit(c);
    }
  }
}

RoleCounts DirectedRoles(const Graph& graph, const std::vector<std::uint32_t>& group,
                         RoleScratch& scratch, NodeId b) {
  RoleCounts counts;
  const auto out = graph.OutNeighbors(b);
  const auto in = graph.InNeighbors(b);
  if (out.empty() || in.empty()) return counts;
  const std::uint32_t gb = group[b];
  for (const NodeId c : out) {
    ++scratch.group_count[group[c]];
    scratch.marked[c] = 1;
  }
  const auto d = static_cast<std::int64_t>(out.size());
  const std::int64_t same_as_b = scratch.group_count[gb];
  for (const NodeId a : in) {
    const std::uint32_t ga = group[a];
    if (ga == gb) {
      counts[Role::kCoordinator] += same_as_b;
      counts[Role::kRepresentative] += d - same_as_b;
    } else {
      const std::int64_t same_as_a = scratch.group_count[ga];
      counts[Role::kGatekeeper] += same_as_b;
      counts[Role::kItinerant] += same_as_a;
      counts[Role::kLiaison] += d - same_as_b - same_as_a;
    }
    // a -> b -> a is no two-path, and neither is one that a closes with a tie a -> c.
    if (scratch.marked[a]) --counts[Classify(ga, gb, ga)];
    Intersect(graph.OutNeighbors(a), out, scratch.marked,
              [&](NodeId c) { --counts[Classify(ga, gb, group[c])]; });
  }
  for (const NodeId c : out) {
    scratch.group_count[group[c]] = 0;
    scratch.marked[c] = 0;
  }
  return counts;
}

RoleCounts UndirectedRoles(const Graph& graph, const std::vector<std::uint32_t>& group,
                           RoleScratch& scratch, NodeId b) {
  RoleCounts counts;
  const auto nbrs = graph.OutNeighbors(b);
  if (nbrs.size() < 2) return counts;
  const std::uint32_t gb = group[b];
  for (const NodeId c : nbrs) {
    ++scratch.group_count[group[c]];
    scratch.marked[c] = 1;
  }
  auto pairs = [](std::int64_t k) { return k * (k - 1) / 2; };
  const auto d = static_cast<std::int64_t>(nbrs.size());
  const std::int64_t same = scratch.group_count[gb];
  std::int64_t itinerant = 0;
  // Each group is counted once: at its first member in the list, whose count is then cleared.
  for (const NodeId c : nbrs) {
    const std::uint32_t g = group[c];
    if (g != gb) itinerant += pairs(scratch.group_count[g]);
    if (g != gb) scratch.group_count[g] = 0;
  }
  scratch.group_count[gb] = 0;
  counts[Role::kCoordinator] = pairs(same);
  counts[Role::kRepresentative] = same * (d - same);
  counts[Role::kItinerant] = itinerant;
  counts[Role::kLiaison] = pairs(d - same) - itinerant;
  for (const NodeId a : nbrs) {
    const std::uint32_t ga = group[a];
    const auto a_nbrs = graph.OutNeighbors(a);
    const auto later =
        a_nbrs.subspan(std::upper_bound(a_nbrs.begin(), a_nbrs.end(), a) - a_nbrs.begin());
    Intersect(later, nbrs, scratch.marked, [&](NodeId c) {
      if (c <= a) return;
      const Role role = Classify(ga, gb, group[c]);
      --counts[role == Role::kGatekeeper ? Role::kRepresentative : role];
    });
  }
  for (const NodeId c : nbrs) scratch.marked[c] = 0;
  return counts;
}

}  // namespace

core::Result<std::vector<BrokerageRoles>> ComputeBrokerageRoles(
    const Graph& graph, std::span<const std::uint32_t> groups,
    const BrokerageRoleOptions& options) {
  const NodeId n = graph.NodeCount();
  if (groups.size() != n) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "brokerage roles need one group per node: got " +
                          std::to_string(groups.size()) + " groups for " + std::to_string(n) +
                          " nodes");
  }
  std::uint32_t group_count = 0;
  const std::vector<std::uint32_t> group = DenseGroups(groups, &group_count);
  std::vector<BrokerageRoles> roles(n);
  auto make_scratch = [&] {
    return RoleScratch{std::vector<std::uint8_t>(n, 0), std::vector<std::uint32_t>(group_count, 0)};
  };
  auto body = [&](RoleScratch& scratch, NodeId b) {
    RoleCounts counts = graph.Directed() ? DirectedRoles(graph, group, scratch, b)
                                         : UndirectedRoles(graph, group, scratch, b);
    BrokerageRoles& out = roles[b];
    out.coordinator = static_cast<std::uint64_t>(counts[Role::kCoordinator]);
    out.itinerant = static_cast<std::uint64_t>(counts[Role::kItinerant]);
    out.representative = static_cast<std::uint64_t>(counts[Role::kRepresentative]);
    out.gatekeeper = static_cast<std::uint64_t>(counts[Role::kGatekeeper]);
    out.liaison = static_cast<std::uint64_t>(counts[Role::kLiaison]);
  };
  ParallelForNodes(n, options.threads, make_scratch, body);
  return roles;
}

}  // namespace allies::graph
