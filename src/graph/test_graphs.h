#pragma once
// Test helper, compiled into graph_test only: the small networks and checks that the graph
// layer's tests share (Zachary's karate club, the Florentine families, two directed graphs, a
// deterministic random number generator for generated graphs, and ExpectNear).
//
// Usage (GoogleTest inside allies::graph must then write ::testing::):
//   using testing::Build;
//   const Graph karate = testing::Karate();
//   const Graph florentine = Build(testing::kFlorentineNodes, testing::kFlorentineEdges,
//                                  /*directed=*/false, /*weighted=*/false);
//   testing::ExpectNear(*PageRank(karate), expected, 1e-9);

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace allies::graph::testing {

// An edge u -> v (u - v in an undirected graph) as the tests write it.
struct WeightedEdge {
  NodeId u;
  NodeId v;
  double weight;
};

// The graph of `edges` on nodes 0..n-1, each edge of weight static_cast<float>(weight), or of
// weight 1 when !weighted. An edge Graph::Build rejects fails the test and gives an empty graph.
Graph Build(NodeId n, std::span<const WeightedEdge> edges, bool directed, bool weighted);

// Zachary's karate club as nx.karate_club_graph() gives it: node i is NetworkX's node i, the
// weights are its 'weight' attribute (Zachary's interaction counts, 1..7); 34 nodes, 78 edges.
// Read from tests/data/networks/karate (LoadReferenceNetwork), which numbers the members and
// weighs the ties exactly so. A failed load fails the test and gives no edges.
inline constexpr NodeId kKarateNodes = 34;
std::vector<WeightedEdge> KarateEdges();
Graph Karate();            // weighted, undirected
Graph KarateUnweighted();  // every tie of weight 1

// The club each member joined after the split (nx.karate_club_graph() node attribute 'club'):
// 0 "Mr. Hi", 1 "Officer". (The Faction column of tests/data/networks/karate differs: it puts
// node 8 with the Officer.)
inline constexpr std::uint32_t kKarateClub[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0,
                                                0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

// nx.florentine_families_graph(), nodes numbered in the graph's order: 0 Acciaiuoli, 1 Medici,
// 2 Castellani, 3 Peruzzi, 4 Strozzi, 5 Barbadori, 6 Ridolfi, 7 Tornabuoni, 8 Albizzi,
// 9 Salviati, 10 Pazzi, 11 Bischeri, 12 Guadagni, 13 Ginori, 14 Lamberteschi. Marriage ties,
// unweighted (weight 1). tests/data/networks/florentine numbers the families otherwise (in
// alphabetical order, with Pucci, who has no ties, as node 11), so the tests keep this list.
inline constexpr NodeId kFlorentineNodes = 15;
inline constexpr std::string_view kFlorentineFamilies[] = {
    "Acciaiuoli", "Medici",   "Castellani", "Peruzzi", "Strozzi",
    "Barbadori",  "Ridolfi",  "Tornabuoni", "Albizzi", "Salviati",
    "Pazzi",      "Bischeri", "Guadagni",   "Ginori",  "Lamberteschi"};
inline constexpr WeightedEdge kFlorentineEdges[] = {
    {0, 1, 1},  {1, 5, 1},  {1, 6, 1},  {1, 7, 1},  {1, 8, 1},   {1, 9, 1},  {2, 3, 1},
    {2, 4, 1},  {2, 5, 1},  {3, 4, 1},  {3, 11, 1}, {4, 6, 1},   {4, 11, 1}, {6, 7, 1},
    {7, 12, 1}, {8, 13, 1}, {8, 12, 1}, {9, 10, 1}, {11, 12, 1}, {12, 14, 1}};
Graph Florentine();  // Build(kFlorentineNodes, kFlorentineEdges, undirected, unweighted)

// The same ties with the families numbered in alphabetical order, the order of NetworkX lists
// [x[f] for f in sorted(G)]: Acciaiuoli 0, Albizzi 1, Barbadori 2, Bischeri 3, Castellani 4,
// Ginori 5, Guadagni 6, Lamberteschi 7, Medici 8, Pazzi 9, Peruzzi 10, Ridolfi 11, Salviati 12,
// Strozzi 13, Tornabuoni 14.
std::vector<WeightedEdge> FlorentineEdgesAlphabetical();

// A weighted directed graph with reciprocal ties, a source-only node 5, a node 6 with only
// in-neighbours and an isolate 7.
//   D = nx.DiGraph(); D.add_nodes_from(range(8)); D.add_weighted_edges_from(kDirectedEdges)
inline constexpr WeightedEdge kDirectedEdges[] = {{0, 1, 2}, {1, 0, 1}, {0, 2, 1}, {2, 1, 3},
                                                  {1, 3, 1}, {3, 4, 2}, {4, 0, 1}, {2, 4, 0.5},
                                                  {5, 3, 1}, {3, 6, 1}, {4, 6, 2}};

// nx.DiGraph with weighted edges 0->1 (1), 0->2 (2), 1->2 (1), 2->0 (3), 3->2 (1), 2->4 (1) and
// nodes 0..5: node 4 only receives, node 5 has no edges, so both are dangling.
Graph DanglingDigraph();

// Knuth's MMIX linear congruential generator: the deterministic randomness of generated graphs.
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}

  // The next 31 random bits.
  std::uint64_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }

  // Next() % n, a node id below n.
  NodeId Below(NodeId n) { return static_cast<NodeId>(Next() % n); }

 private:
  std::uint64_t state_;
};

// EXPECT_NEAR for every node, "node i" in the message, after ASSERT_EQ of the sizes.
void ExpectNear(const std::vector<double>& actual, const std::vector<double>& expected,
                double tolerance);

// The same for the first expected.size() nodes only (ASSERT_GE of the sizes): for references
// that leave out the last nodes.
void ExpectFirstNear(const std::vector<double>& actual, std::span<const double> expected,
                     double tolerance);

}  // namespace allies::graph::testing
