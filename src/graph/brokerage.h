#pragma once
// Brokerage: how much a person bridges otherwise separate contacts (Burt's structural holes) and
// which broker roles they play between groups (Gould & Fernandez).

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace allies::graph {

struct StructuralHoleOptions {
  int threads = 0;  // 0: the hardware's count
};

// Burt's constraint and effective size of every node, indexed by NodeId.
struct StructuralHoles {
  // c_i = Σ_j (p_ij + Σ_q p_iq p_qj)^2 over the neighbours j of i. Low constraint = broker.
  std::vector<double> constraint;
  // e_i = Σ_j (1 - Σ_q p_iq m_jq) over the neighbours j of i; at most the number of neighbours.
  std::vector<double> effective_size;
};

// Burt's (1992) constraint and effective size, weighted, exactly as NetworkX defines them
// (nx.constraint and nx.effective_size with weight="weight"; NetworkX 2.8 and 3.x agree).
// Neighbours are in- and out-neighbours alike. With the mutual weight a_ij + a_ji:
//   p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)          (share of i's ties invested in j)
//   m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)        (j's tie to q relative to j's strongest)
// On an undirected graph with all weights 1 the effective size equals Borgatti's n - 2t/n, which
// is what nx.effective_size computes without a weight.
// A node without neighbours gets NaN in both (NetworkX returns nan); test with std::isnan.
// One difference: NetworkX 2.8's per-node code also returns nan for a node of a directed graph
// that has in-neighbours but no out-neighbours; here such a node gets its value from the formula
// above, as NetworkX 3's matrix code (and igraph) compute it.
// O(Σ_edges (i,q) min(deg i, deg q · log deg q)) time, the cost of listing the triangles;
// O(n + m) memory, plus O(n) per thread. Multi-threaded over nodes.
[[nodiscard]] StructuralHoles ComputeStructuralHoles(const Graph& graph,
                                                     const StructuralHoleOptions& options = {});

// How often a node brokers an open two-path a -> b -> c (a != c, no tie a -> c), by the groups of
// a, b and c (Gould & Fernandez 1989, "Structures of mediation", Sociological Methodology 19).
struct BrokerageRoles {
  std::uint64_t coordinator = 0;     // a, b and c in one group
  std::uint64_t itinerant = 0;       // a and c in one group, b outside it ("consultant")
  std::uint64_t representative = 0;  // b in a's group, c outside it
  std::uint64_t gatekeeper = 0;      // b in c's group, a outside it
  std::uint64_t liaison = 0;         // three different groups

  std::uint64_t Total() const {
    return coordinator + itinerant + representative + gatekeeper + liaison;
  }
  friend bool operator==(const BrokerageRoles&, const BrokerageRoles&) = default;
};

struct BrokerageRoleOptions {
  int threads = 0;  // 0: the hardware's count
};

// Gould–Fernandez brokerage roles of every node, indexed by NodeId, given the group (department)
// of every node; group ids are any numbers, equal ids meaning the same group.
// Directed: counts every ordered two-path a -> b -> c with a != c and no edge a -> c (an edge
// c -> a does not close it), as R's sna::brokerage does.
// Undirected: counts every unordered pair {a, c} of neighbours of b that are not tied to each
// other once. The direction of the flow is then unknown, so a representative cannot be told from
// a gatekeeper: `representative` holds the pairs where b shares a group with exactly one of a and
// c, and `gatekeeper` is 0. Total() is the number of open pairs around b. (Counting each pair in
// both directions, as sna does on symmetric data, gives twice coordinator, itinerant and liaison
// and this representative count in each of representative and gatekeeper.)
// InvalidArgument when `groups` does not hold one group per node.
// O(n log n + Σ_edges (a,b) min(deg a, deg b · log deg a)) time; O(n + m) memory.
// Multi-threaded over brokers.
[[nodiscard]] core::Result<std::vector<BrokerageRoles>> ComputeBrokerageRoles(
    const Graph& graph, std::span<const std::uint32_t> groups,
    const BrokerageRoleOptions& options = {});

}  // namespace allies::graph
