#include "graph/brokerage.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/reference_networks.h"
#include "graph/test_graphs.h"

namespace allies::graph {
namespace {

// Reference values: NetworkX 3.6.1 (pure-Python code path, the same formulas as 2.8.8), printed
// with repr(); generated graphs are checked against the brute-force enumerations noted below.
constexpr double kTolerance = 1e-9;

using testing::Build;
using testing::ExpectFirstNear;
using testing::FlorentineEdgesAlphabetical;
using testing::Karate;
using testing::KarateEdges;
using testing::KarateUnweighted;
using testing::kDirectedEdges;
using testing::kFlorentineNodes;
using testing::kKarateClub;
using testing::kKarateNodes;
using testing::WeightedEdge;

// nx.florentine_families_graph() with the families numbered in alphabetical order (see
// FlorentineEdgesAlphabetical).
constexpr NodeId kMedici = 8;

// G = nx.florentine_families_graph(); [nx.constraint(G)[f] for f in sorted(G)]
constexpr double kFlorentineConstraint[] = {1.0,
                                            0.3333333333333333,
                                            0.5,
                                            0.48225308641975306,
                                            0.48225308641975306,
                                            1.0,
                                            0.25,
                                            1.0,
                                            0.20987654320987653,
                                            1.0,
                                            0.6558641975308641,
                                            0.4598765432098765,
                                            0.5,
                                            0.45833333333333326,
                                            0.4598765432098765};
// [nx.effective_size(G)[f] for f in sorted(G)]
constexpr double kFlorentineEffectiveSize[] = {1.0,
                                               3.0,
                                               2.0,
                                               2.3333333333333335,
                                               2.3333333333333335,
                                               1.0,
                                               4.0,
                                               1.0,
                                               5.666666666666667,
                                               1.0,
                                               1.6666666666666667,
                                               2.3333333333333335,
                                               2.0,
                                               3.0,
                                               2.3333333333333335};
// K = nx.karate_club_graph(); list(nx.constraint(K).values())
constexpr double kKarateConstraint[] = {0.15542329764660495,
                                        0.27953510802469134,
                                        0.18517663966049389,
                                        0.39665964720507535,
                                        0.5294174382716048,
                                        0.4774848090277778,
                                        0.4774848090277778,
                                        0.4427115885416667,
                                        0.3036007136678201,
                                        0.5,
                                        0.5294174382716048,
                                        1.0,
                                        0.6225043402777779,
                                        0.32333541666666676,
                                        0.5736795943867743,
                                        0.5736795943867743,
                                        0.78125,
                                        0.590868537808642,
                                        0.5736795943867743,
                                        0.37371935013717417,
                                        0.5736795943867743,
                                        0.590868537808642,
                                        0.5736795943867743,
                                        0.30582372164552096,
                                        0.4598765432098765,
                                        0.4598765432098765,
                                        0.6709018166089966,
                                        0.2850692041522491,
                                        0.3869131530607885,
                                        0.4494090013456363,
                                        0.3460064638600538,
                                        0.24457540369088812,
                                        0.2492233622751933,
                                        0.1564186851211073};
// list(nx.effective_size(K).values())  (Borgatti's n - 2t/n)
constexpr double kKarateEffectiveSize[] = {13.75,
                                           6.333333333333334,
                                           7.8,
                                           2.6666666666666665,
                                           1.6666666666666667,
                                           2.5,
                                           2.5,
                                           1.0,
                                           3.0,
                                           2.0,
                                           1.6666666666666667,
                                           1.0,
                                           1.0,
                                           2.6,
                                           1.0,
                                           1.0,
                                           1.0,
                                           1.0,
                                           1.0,
                                           2.3333333333333335,
                                           1.0,
                                           1.0,
                                           1.0,
                                           3.4,
                                           2.3333333333333335,
                                           2.3333333333333335,
                                           1.0,
                                           3.5,
                                           2.3333333333333335,
                                           2.0,
                                           2.5,
                                           5.0,
                                           9.833333333333334,
                                           15.235294117647058};
// list(nx.constraint(K, weight="weight").values())
constexpr double kKarateWeightedConstraint[] = {
    0.19062348905638032, 0.3409019831285561,  0.25565383909645606, 0.4122226156115593,
    0.508088569654933,   0.49112922777491624, 0.5314047216519745,  0.527081950416345,
    0.3344147563587521,  0.5555555555555556,  0.5304976482780612,  1.0,
    0.7302295918367347,  0.3827486243156608,  0.6411266928285626,  0.6323943473973153,
    0.9397491245018718,  0.6653314075883578,  0.6670775837009678,  0.4391093639199636,
    0.7238213470731378,  0.6236083811249431,  0.6398342278393352,  0.3127739611655626,
    0.5124716553287981,  0.4563144985885511,  0.65316243881949,    0.3222101463859707,
    0.39898274124464594, 0.4389251973538791,  0.3944911707240065,  0.2754988351267919,
    0.2582561404837537,  0.18628728563229374};
// list(nx.effective_size(K, weight="weight").values())
constexpr double kKarateWeightedEffectiveSize[] = {13.775000000000002,
                                                   6.4672413793103445,
                                                   7.946969696969697,
                                                   3.6333333333333333,
                                                   2.225,
                                                   2.942857142857143,
                                                   2.7846153846153845,
                                                   1.4615384615384617,
                                                   3.396078431372549,
                                                   2.0,
                                                   2.15,
                                                   1.0,
                                                   1.3,
                                                   2.923529411764706,
                                                   1.0,
                                                   1.0,
                                                   1.0,
                                                   1.288888888888889,
                                                   1.0,
                                                   2.413333333333333,
                                                   1.0,
                                                   1.2666666666666666,
                                                   1.0,
                                                   3.723809523809524,
                                                   2.428571428571429,
                                                   2.6258503401360542,
                                                   1.5666666666666669,
                                                   3.5076923076923077,
                                                   2.5428571428571427,
                                                   2.4923076923076923,
                                                   2.690909090909091,
                                                   5.141043083900226,
                                                   10.089285714285714,
                                                   15.22891865079365};

// D = nx.DiGraph(); D.add_nodes_from(range(8)); D.add_weighted_edges_from(kDirectedEdges), with
// testing::kDirectedEdges: reciprocal ties, a source-only node 5, a node 6 with only
// in-neighbours and an isolate 7.
// list(nx.constraint(D, weight="weight").values())[:6]
constexpr double kDirectedConstraint[] = {0.8130940407996684,  0.5592743764172334,
                                          0.9431278357685282,  0.48378328741965104,
                                          0.48250178553208856, 1.0};
// list(nx.effective_size(D, weight="weight").values())[:6]
constexpr double kDirectedEffectiveSize[] = {
    2.1166666666666667, 2.7142857142857144, 1.9629629629629628, 3.4, 3.545454545454546, 1.0};
// NetworkX's per-node code says nan for node 6 (no out-edges); its own formulas give:
//   sum(nx.local_constraint(D, 6, j, weight="weight") for j in set(nx.all_neighbors(D, 6)))
constexpr double kSinkConstraint = 0.9714967860422404;
//   sum(1 - sum(nmw(D, 6, q, weight="weight") * nmw(D, j, q, norm=max, weight="weight")
//               for q in set(nx.all_neighbors(D, 6))) for j in set(nx.all_neighbors(D, 6)))
//   with nmw = networkx.algorithms.structuralholes.normalized_mutual_weight
constexpr double kSinkEffectiveSize = 1.0;

// A deterministic random graph with heavy-tailed degrees (a node's chance to be picked grows
// with its id's position in a skewed draw), for checks that do not need a reference value.
Graph RandomGraph(NodeId n, std::size_t m, bool directed, std::uint64_t seed) {
  std::vector<Edge> edges;
  testing::Lcg random(seed);
  for (std::size_t e = 0; e < m; ++e) {
    const auto skewed = [&] {
      const double x = static_cast<double>(random.Next() % 1000000) / 1000000.0;
      return static_cast<NodeId>(x * x * x * n);
    };
    edges.push_back({skewed(), random.Below(n), static_cast<float>(1 + random.Next() % 9) / 10.0f});
  }
  auto graph = Graph::Build(n, edges, {.directed = directed});
  EXPECT_TRUE(graph.has_value());
  return std::move(*graph);
}

TEST(ConstraintTest, MediciAreTheLeastConstrainedFlorentineFamily) {
  const Graph graph = Build(kFlorentineNodes, FlorentineEdgesAlphabetical(), false, false);
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  EXPECT_NEAR(holes.constraint[kMedici], 0.20987654320987653, kTolerance);
  for (NodeId family = 0; family < 15; ++family) {
    if (family != kMedici) {
      EXPECT_GT(holes.constraint[family], holes.constraint[kMedici]) << family;
    }
  }
}

TEST(ConstraintTest, FlorentineMatchesNetworkX) {
  const Graph graph = Build(kFlorentineNodes, FlorentineEdgesAlphabetical(), false, false);
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  ExpectFirstNear(holes.constraint, kFlorentineConstraint, kTolerance);
  ExpectFirstNear(holes.effective_size, kFlorentineEffectiveSize, kTolerance);
}

TEST(ConstraintTest, UnweightedKarateMatchesNetworkX) {
  const Graph graph = KarateUnweighted();
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  ExpectFirstNear(holes.constraint, kKarateConstraint, kTolerance);
  ExpectFirstNear(holes.effective_size, kKarateEffectiveSize, kTolerance);
}

TEST(ConstraintTest, WeightedKarateMatchesNetworkX) {
  const Graph graph = Karate();
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  ExpectFirstNear(holes.constraint, kKarateWeightedConstraint, kTolerance);
  ExpectFirstNear(holes.effective_size, kKarateWeightedEffectiveSize, kTolerance);
}

TEST(ConstraintTest, DirectedWeightedGraphUsesMutualWeightsOfInAndOutNeighbours) {
  const Graph graph = Build(8, kDirectedEdges, true, true);
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  ExpectFirstNear(holes.constraint, kDirectedConstraint, kTolerance);
  ExpectFirstNear(holes.effective_size, kDirectedEffectiveSize, kTolerance);
}

TEST(ConstraintTest, NodeWithOnlyInNeighboursGetsTheFormulasValue) {
  const Graph graph = Build(8, kDirectedEdges, true, true);
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  EXPECT_NEAR(holes.constraint[6], kSinkConstraint, kTolerance);
  EXPECT_NEAR(holes.effective_size[6], kSinkEffectiveSize, kTolerance);
}

TEST(ConstraintTest, IsolateIsNaNAsInNetworkX) {
  const Graph graph = Build(8, kDirectedEdges, true, true);
  const StructuralHoles holes = ComputeStructuralHoles(graph);
  EXPECT_TRUE(std::isnan(holes.constraint[7]));
  EXPECT_TRUE(std::isnan(holes.effective_size[7]));
}

TEST(ConstraintTest, SingleTieConstrainsFully) {
  // nx.constraint(nx.path_graph(2)) == {0: 1.0, 1: 1.0}; effective size 1.0 each.
  const WeightedEdge edge[] = {{0, 1, 0.3}};
  const StructuralHoles holes = ComputeStructuralHoles(Build(2, edge, false, true));
  EXPECT_DOUBLE_EQ(holes.constraint[0], 1.0);
  EXPECT_DOUBLE_EQ(holes.effective_size[1], 1.0);
}

// Burt's formulas term by term, straight from the definition (O(n d^2 log d)), to cover the
// code paths of hubs next to small nodes that the small reference graphs do not reach.
StructuralHoles Naive(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  auto mutual = [&](NodeId a, NodeId b) {
    return static_cast<double>(graph.Weight(a, b)) + static_cast<double>(graph.Weight(b, a));
  };
  auto neighbours = [&](NodeId a) {
    std::vector<NodeId> all(graph.OutNeighbors(a).begin(), graph.OutNeighbors(a).end());
    all.insert(all.end(), graph.InNeighbors(a).begin(), graph.InNeighbors(a).end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  };
  std::vector<double> sum(n, 0.0);
  std::vector<double> max(n, 0.0);
  for (NodeId a = 0; a < n; ++a) {
    for (const NodeId b : neighbours(a)) {
      sum[a] += mutual(a, b);
      max[a] = std::max(max[a], mutual(a, b));
    }
  }
  StructuralHoles holes{std::vector<double>(n, NAN), std::vector<double>(n, NAN)};
  for (NodeId i = 0; i < n; ++i) {
    const auto nbrs = neighbours(i);
    if (nbrs.empty()) continue;
    holes.constraint[i] = 0;
    holes.effective_size[i] = 0;
    for (const NodeId j : nbrs) {
      double indirect = 0;
      double redundancy = 0;
      for (const NodeId q : nbrs) {
        indirect += mutual(i, q) / sum[i] * mutual(q, j) / sum[q];
        redundancy += mutual(i, q) / sum[i] * mutual(j, q) / max[j];
      }
      const double c = mutual(i, j) / sum[i] + indirect;
      holes.constraint[i] += c * c;
      holes.effective_size[i] += 1 - redundancy;
    }
  }
  return holes;
}

TEST(ConstraintTest, HubsAndSmallNodesMatchTheFormulaTermByTerm) {
  for (const bool directed : {false, true}) {
    const Graph graph = RandomGraph(400, 3000, directed, 5);
    const StructuralHoles expected = Naive(graph);
    const StructuralHoles actual = ComputeStructuralHoles(graph);
    for (NodeId i = 0; i < graph.NodeCount(); ++i) {
      if (std::isnan(expected.constraint[i])) {
        EXPECT_TRUE(std::isnan(actual.constraint[i])) << i;
        EXPECT_TRUE(std::isnan(actual.effective_size[i])) << i;
        continue;
      }
      EXPECT_NEAR(actual.constraint[i], expected.constraint[i], kTolerance) << i;
      EXPECT_NEAR(actual.effective_size[i], expected.effective_size[i], kTolerance) << i;
    }
  }
}

TEST(ConstraintTest, ResultDoesNotDependOnThreadCount) {
  for (const bool directed : {false, true}) {
    const Graph graph = RandomGraph(20000, 120000, directed, 7);
    const StructuralHoles one = ComputeStructuralHoles(graph, {.threads = 1});
    const StructuralHoles four = ComputeStructuralHoles(graph, {.threads = 4});
    for (NodeId i = 0; i < graph.NodeCount(); ++i) {
      if (std::isnan(one.constraint[i])) {
        EXPECT_TRUE(std::isnan(four.constraint[i]));
        continue;
      }
      ASSERT_EQ(one.constraint[i], four.constraint[i]) << i;
      ASSERT_EQ(one.effective_size[i], four.effective_size[i]) << i;
    }
  }
}

// Brokerage roles. The references come from enumerating every two-path by brute force:
//   directed:   for b in G: for a in G.predecessors(b): for c in G.successors(b):
//                 if a != c and not G.has_edge(a, c): count role(group[a], group[b], group[c])
//   undirected: for b in G: for a, c in itertools.combinations(sorted(G[b]), 2):
//                 if not G.has_edge(a, c): count role(...), representative and gatekeeper merged
// Each row: coordinator, itinerant, representative, gatekeeper, liaison.
BrokerageRoles Roles(std::uint64_t coordinator, std::uint64_t itinerant,
                     std::uint64_t representative, std::uint64_t gatekeeper,
                     std::uint64_t liaison) {
  return {coordinator, itinerant, representative, gatekeeper, liaison};
}

void ExpectRoles(const std::vector<BrokerageRoles>& actual,
                 const std::vector<std::vector<std::uint64_t>>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& e = expected[i];
    EXPECT_EQ(actual[i], Roles(e[0], e[1], e[2], e[3], e[4])) << "node " << i;
  }
}

TEST(BrokerageTest, DirectedRolesMatchBruteForceEnumeration) {
  const Graph graph = Build(8, kDirectedEdges, true, true);
  const std::vector<std::uint32_t> groups = {7, 7, 3, 3, 9, 7, 3, 9};
  auto roles = ComputeBrokerageRoles(graph, groups);
  ASSERT_TRUE(roles.has_value()) << roles.error().message;
  ExpectRoles(*roles, {{0, 0, 1, 1, 1},
                       {0, 1, 1, 1, 0},
                       {0, 0, 0, 0, 1},
                       {0, 0, 0, 2, 2},
                       {0, 1, 0, 0, 2},
                       {0, 0, 0, 0, 0},
                       {0, 0, 0, 0, 0},
                       {0, 0, 0, 0, 0}});
}

TEST(BrokerageTest, KarateClubFactionsMakeMrHiAndJohnAMainCoordinators) {
  // group = 0 for club "Mr. Hi", 1 for "Officer" (nx.karate_club_graph() node attribute).
  auto roles = ComputeBrokerageRoles(KarateUnweighted(), kKarateClub);
  ASSERT_TRUE(roles.has_value());
  ExpectRoles(
      *roles,
      {{87, 0, 15, 0, 0}, {16, 0, 8, 0, 0}, {5, 6, 23, 0, 0},  {5, 0, 0, 0, 0},  {1, 0, 0, 0, 0},
       {3, 0, 0, 0, 0},   {3, 0, 0, 0, 0},  {0, 0, 0, 0, 0},   {0, 0, 5, 0, 0},  {0, 0, 1, 0, 0},
       {1, 0, 0, 0, 0},   {0, 0, 0, 0, 0},  {0, 0, 0, 0, 0},   {0, 0, 4, 0, 0},  {0, 0, 0, 0, 0},
       {0, 0, 0, 0, 0},   {0, 0, 0, 0, 0},  {0, 0, 0, 0, 0},   {0, 0, 0, 0, 0},  {0, 0, 2, 0, 0},
       {0, 0, 0, 0, 0},   {0, 0, 0, 0, 0},  {0, 0, 0, 0, 0},   {6, 0, 0, 0, 0},  {2, 0, 0, 0, 0},
       {2, 0, 0, 0, 0},   {0, 0, 0, 0, 0},  {2, 0, 3, 0, 0},   {0, 0, 2, 0, 0},  {2, 0, 0, 0, 0},
       {0, 1, 2, 0, 0},   {7, 0, 5, 0, 0},  {35, 0, 18, 0, 0}, {78, 3, 40, 0, 0}});
}

TEST(BrokerageTest, UndirectedPairCountsHalfOfBothDirectionsAndMergesRepresentativeAndGatekeeper) {
  std::vector<std::uint32_t> groups(34);
  for (NodeId i = 0; i < 34; ++i) groups[i] = i % 3;
  // The undirected graph, and the same ties as arcs both ways (K.to_directed()).
  std::vector<WeightedEdge> both;
  for (const auto& e : KarateEdges()) {
    both.push_back(e);
    both.push_back({e.v, e.u, e.weight});
  }
  auto undirected = ComputeBrokerageRoles(KarateUnweighted(), groups);
  auto directed = ComputeBrokerageRoles(Build(kKarateNodes, both, true, false), groups);
  ASSERT_TRUE(undirected.has_value());
  ASSERT_TRUE(directed.has_value());
  // Brute force on K.to_directed(), node 0 and node 33:
  EXPECT_EQ((*directed)[0], Roles(10, 52, 41, 41, 60));
  EXPECT_EQ((*directed)[33], Roles(20, 46, 55, 55, 66));
  // ... and on K itself:
  EXPECT_EQ((*undirected)[0], Roles(5, 26, 41, 0, 30));
  EXPECT_EQ((*undirected)[33], Roles(10, 23, 55, 0, 33));
  for (NodeId b = 0; b < 34; ++b) {
    const BrokerageRoles& u = (*undirected)[b];
    const BrokerageRoles& d = (*directed)[b];
    EXPECT_EQ(2 * u.coordinator, d.coordinator) << b;
    EXPECT_EQ(2 * u.itinerant, d.itinerant) << b;
    EXPECT_EQ(2 * u.liaison, d.liaison) << b;
    EXPECT_EQ(u.representative, d.representative) << b;
    EXPECT_EQ(u.representative, d.gatekeeper) << b;
    EXPECT_EQ(u.gatekeeper, 0u) << b;
  }
}

TEST(BrokerageTest, ReciprocatedTieIsNoTwoPathBackToTheSameNode) {
  // 0 <-> 1 -> 2: the only open two-paths through 1 are 0 -> 1 -> 2.
  const WeightedEdge edges[] = {{0, 1, 1}, {1, 0, 1}, {1, 2, 1}};
  const std::vector<std::uint32_t> groups = {0, 0, 0};
  auto roles = ComputeBrokerageRoles(Build(3, edges, true, false), groups);
  ASSERT_TRUE(roles.has_value());
  EXPECT_EQ((*roles)[1], Roles(1, 0, 0, 0, 0));
}

TEST(BrokerageTest, ArcFromTargetBackToSourceDoesNotCloseATwoPath) {
  // 0 -> 1 -> 2 with 2 -> 0: the path is open because 0 -> 2 is missing.
  const WeightedEdge edges[] = {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}};
  const std::vector<std::uint32_t> groups = {0, 1, 2};
  auto roles = ComputeBrokerageRoles(Build(3, edges, true, false), groups);
  ASSERT_TRUE(roles.has_value());
  EXPECT_EQ((*roles)[1], Roles(0, 0, 0, 0, 1));
}

// Every two-path enumerated, as in the Python above.
std::vector<BrokerageRoles> NaiveRoles(const Graph& graph,
                                       const std::vector<std::uint32_t>& group) {
  std::vector<BrokerageRoles> roles(graph.NodeCount());
  for (NodeId b = 0; b < graph.NodeCount(); ++b) {
    for (const NodeId a : graph.InNeighbors(b)) {
      for (const NodeId c : graph.OutNeighbors(b)) {
        if (a == c || graph.Weight(a, c) != 0) continue;
        if (!graph.Directed() && c < a) continue;
        const std::uint32_t ga = group[a];
        const std::uint32_t gb = group[b];
        const std::uint32_t gc = group[c];
        if (ga == gb && gb == gc) {
          ++roles[b].coordinator;
        } else if (ga == gc) {
          ++roles[b].itinerant;
        } else if (ga == gb || (!graph.Directed() && gb == gc)) {
          ++roles[b].representative;
        } else if (gb == gc) {
          ++roles[b].gatekeeper;
        } else {
          ++roles[b].liaison;
        }
      }
    }
  }
  return roles;
}

TEST(BrokerageTest, HubsAndSmallNodesMatchEnumerationOfEveryTwoPath) {
  for (const bool directed : {false, true}) {
    const Graph graph = RandomGraph(400, 3000, directed, 13);
    std::vector<std::uint32_t> groups(graph.NodeCount());
    for (NodeId i = 0; i < graph.NodeCount(); ++i) groups[i] = i % 5 == 0 ? 1 : i % 3;
    auto roles = ComputeBrokerageRoles(graph, groups);
    ASSERT_TRUE(roles.has_value());
    EXPECT_EQ(*roles, NaiveRoles(graph, groups));
  }
}

TEST(BrokerageTest, ResultDoesNotDependOnThreadCount) {
  for (const bool directed : {false, true}) {
    const Graph graph = RandomGraph(20000, 120000, directed, 11);
    std::vector<std::uint32_t> groups(graph.NodeCount());
    for (NodeId i = 0; i < graph.NodeCount(); ++i) groups[i] = (i * 2654435761u) % 17;
    auto one = ComputeBrokerageRoles(graph, groups, {.threads = 1});
    auto four = ComputeBrokerageRoles(graph, groups, {.threads = 4});
    ASSERT_TRUE(one.has_value());
    ASSERT_TRUE(four.has_value());
    EXPECT_EQ(*one, *four);
  }
}

TEST(BrokerageTest, GroupListOfTheWrongSizeIsRejectedWithBothSizes) {
  const Graph graph = Build(8, kDirectedEdges, true, true);
  const std::vector<std::uint32_t> groups = {1, 2, 3};
  auto roles = ComputeBrokerageRoles(graph, groups);
  ASSERT_FALSE(roles.has_value());
  EXPECT_EQ(roles.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(roles.error().message,
            "brokerage roles need one group per node: got 3 groups for 8 nodes");
}

// The reference networks of tests/data/networks, against the NetworkX 2.8.8 values of
// reference.tsv (make_references.py: nx.constraint and nx.effective_size, weighted where the
// variant is).
TEST(ConstraintTest, EveryReferenceNetworkMatchesNetworkX) {
  for (const std::string& variant : testing::ReferenceVariants()) {
    auto network = testing::LoadReferenceNetwork(variant);
    ASSERT_TRUE(network.has_value()) << network.error().message;
    const Graph& graph = network->graph;
    const StructuralHoles holes = ComputeStructuralHoles(graph);
    int compared = 0;
    for (NodeId v = 0; v < graph.NodeCount(); ++v) {
      const testing::ReferenceRow& row = network->rows[v];
      ASSERT_TRUE(row.constraint.has_value() && row.effective_size.has_value()) << variant;
      const std::string where = variant + " node " + network->labels[v];
      if (std::isnan(*row.constraint)) {
        // NetworkX 2.8 gives nan to isolates, and to nodes of a directed graph without
        // out-neighbours, where this code computes the formula (see brokerage.h).
        const bool isolate = graph.OutDegree(v) == 0 && graph.InDegree(v) == 0;
        EXPECT_TRUE(isolate || (graph.Directed() && graph.OutDegree(v) == 0)) << where;
        EXPECT_EQ(std::isnan(holes.constraint[v]), isolate) << where;
        EXPECT_EQ(std::isnan(holes.effective_size[v]), isolate) << where;
        continue;
      }
      EXPECT_NEAR(holes.constraint[v], *row.constraint, 1e-9) << where;
      EXPECT_NEAR(holes.effective_size[v], *row.effective_size, 1e-9) << where;
      ++compared;
    }
    EXPECT_GE(compared, static_cast<int>(graph.NodeCount()) - 3) << variant;
  }
}

TEST(ConstraintTest, MediciAreTheLeastConstrainedFamilyOfTheReferenceFile) {
  auto network = testing::LoadReferenceNetwork("florentine");
  ASSERT_TRUE(network.has_value()) << network.error().message;
  const StructuralHoles holes = ComputeStructuralHoles(network->graph);
  const auto medici = testing::FindLabel(*network, "Medici");
  ASSERT_TRUE(medici.has_value());
  EXPECT_NEAR(holes.constraint[*medici], 0.2099, 5e-5);  // REFERENCE.md
  for (NodeId v = 0; v < network->graph.NodeCount(); ++v) {
    if (v != *medici && !std::isnan(holes.constraint[v])) {
      EXPECT_GT(holes.constraint[v], holes.constraint[*medici]) << network->labels[v];
    }
  }
}

TEST(BrokerageTest, EveryReferenceNetworkWithGroupsMatchesEnumerationOfEveryTwoPath) {
  int networks_with_groups = 0;
  for (const std::string& variant : testing::ReferenceVariants()) {
    auto network = testing::LoadReferenceNetwork(variant);
    ASSERT_TRUE(network.has_value()) << network.error().message;
    std::map<std::string, std::uint32_t> ids;
    std::vector<std::uint32_t> groups;
    for (const std::string& group : network->groups) {
      groups.push_back(ids.emplace(group, static_cast<std::uint32_t>(ids.size())).first->second);
    }
    if (ids.size() < 2) continue;
    ++networks_with_groups;
    auto roles = ComputeBrokerageRoles(network->graph, groups);
    ASSERT_TRUE(roles.has_value()) << roles.error().message;
    EXPECT_EQ(*roles, NaiveRoles(network->graph, groups)) << variant;
  }
  EXPECT_GE(networks_with_groups, 4);
}

}  // namespace
}  // namespace allies::graph
