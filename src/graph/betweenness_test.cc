#include "graph/betweenness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "graph/graph.h"
#include "graph/reference_networks.h"
#include "graph/test_graphs.h"

namespace allies::graph {
namespace {

using testing::ExpectNear;
using testing::Florentine;
using ::testing::HasSubstr;
using testing::Karate;

constexpr double kTolerance = 1e-9;

std::vector<double> Exact(const Graph& graph, const BetweennessOptions& options = {}) {
  auto values = Betweenness(graph, options);
  EXPECT_TRUE(values) << values.error().message;
  return values ? *values : std::vector<double>{};
}

// nx.gnm_random_graph(12, 30, seed=3, directed=True) with weights
// random.Random(3).randint(1, 16) / 16 drawn in edge order (see RandomDigraph* tests).
Graph RandomDigraph() {
  const std::vector<Edge> edges = {
      {0, 4, 0.5f},     {1, 0, 0.3125f}, {2, 3, 0.75f},    {2, 9, 1.0f},     {2, 5, 0.1875f},
      {2, 7, 0.0625f},  {3, 9, 1.0f},    {3, 11, 0.5625f}, {3, 4, 0.5f},     {5, 9, 0.4375f},
      {6, 10, 1.0f},    {6, 11, 1.0f},   {6, 8, 0.8125f},  {7, 10, 0.3125f}, {7, 4, 0.5f},
      {7, 8, 0.3125f},  {7, 9, 0.8125f}, {8, 2, 0.0625f},  {8, 3, 0.1875f},  {8, 7, 0.375f},
      {8, 6, 0.125f},   {9, 1, 0.625f},  {9, 0, 0.0625f},  {9, 7, 0.5625f},  {10, 2, 1.0f},
      {10, 1, 0.8125f}, {10, 6, 0.875f}, {10, 4, 0.8125f}, {11, 0, 0.9375f}, {11, 6, 0.3125f}};
  return *Graph::Build(12, edges, {.directed = true});
}

// A deterministic organization-like graph: departments of 10..80 people, 85% of ties inside a
// department, the rest between random people; weights are tie strengths in (0, 1].
Graph Organization(NodeId n, std::size_t ties, bool directed) {
  testing::Lcg random(2024);
  std::vector<NodeId> department_start(n);
  for (NodeId start = 0; start < n;) {
    const NodeId size = std::min<NodeId>(n - start, static_cast<NodeId>(10 + random.Next() % 71));
    for (NodeId v = start; v < start + size; ++v) department_start[v] = start;
    start += size;
  }
  std::vector<Edge> edges;
  while (edges.size() < ties) {
    const NodeId u = random.Below(n);
    NodeId v = 0;
    if (random.Next() % 100 < 85) {
      const NodeId start = department_start[u];
      NodeId end = start;
      while (end < n && department_start[end] == start) ++end;
      v = start + random.Below(end - start);
    } else {
      v = random.Below(n);
    }
    if (u == v) continue;
    edges.push_back({u, v, static_cast<float>(1 + random.Next() % 64) / 64.0f});
  }
  return *Graph::Build(n, edges, {.directed = directed});
}

TEST(BetweennessTest, MediciAreTheTopBrokerOfTheFlorentineFamilies) {
  // nx.betweenness_centrality(nx.florentine_families_graph()).
  const std::vector<double> expected = {0.0,
                                        0.521978021978022,
                                        0.05494505494505495,
                                        0.02197802197802198,
                                        0.10256410256410257,
                                        0.09340659340659341,
                                        0.11355311355311355,
                                        0.09157509157509157,
                                        0.21245421245421245,
                                        0.14285714285714288,
                                        0.0,
                                        0.1043956043956044,
                                        0.2545787545787546,
                                        0.0,
                                        0.0};
  const std::vector<double> values = Exact(Florentine());
  ExpectNear(values, expected, kTolerance);
  EXPECT_EQ(std::max_element(values.begin(), values.end()) - values.begin(), 1);
}

TEST(BetweennessTest, RawFlorentineValuesCountEachUnorderedPairOnce) {
  // nx.betweenness_centrality(nx.florentine_families_graph(), normalized=False).
  const std::vector<double> expected = {0.0,
                                        47.5,
                                        5.0,
                                        2.0,
                                        9.333333333333334,
                                        8.5,
                                        10.333333333333332,
                                        8.333333333333332,
                                        19.333333333333332,
                                        13.0,
                                        0.0,
                                        9.5,
                                        23.166666666666668,
                                        0.0,
                                        0.0};
  ExpectNear(Exact(Florentine(), {.normalized = false}), expected, kTolerance);
}

TEST(BetweennessTest, UnweightedKarateClubMatchesNetworkX) {
  // nx.betweenness_centrality(nx.karate_club_graph()).
  const std::vector<double> expected = {0.43763528138528146,
                                        0.053936688311688304,
                                        0.14365680615680618,
                                        0.011909271284271283,
                                        0.0006313131313131313,
                                        0.02998737373737374,
                                        0.029987373737373736,
                                        0.0,
                                        0.05592682780182781,
                                        0.0008477633477633478,
                                        0.0006313131313131313,
                                        0.0,
                                        0.0,
                                        0.04586339586339586,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.03247504810004811,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.017613636363636363,
                                        0.0022095959595959595,
                                        0.0038404882154882154,
                                        0.0,
                                        0.02233345358345358,
                                        0.0017947330447330447,
                                        0.0029220779220779218,
                                        0.014411976911976909,
                                        0.13827561327561325,
                                        0.145247113997114,
                                        0.30407497594997596};
  ExpectNear(Exact(Karate()), expected, kTolerance);
}

TEST(BetweennessTest, InverseWeightKarateClubCountsEveryShortestPathAsIgraphDoes) {
  // Lengths 1/w. igraph (python3-igraph 0.10.2): g = ig.Graph(n=34, edges=karate edges);
  // g.betweenness(weights=[1/w ...]) scaled by 2/((n-1)(n-2)). nx.betweenness_centrality(G,
  // weight=1/w) differs by up to 1.9e-3 (Mr Hi 0.3949 there) because it compares float sums
  // with ==: 1/3+1/3+1/3+1/2 and 1/3+1/3+1/2+1/3 round apart, so it counts one of the two paths.
  const std::vector<double> expected = {0.39583333333333337,
                                        0.06818181818181818,
                                        0.33522727272727276,
                                        0.06060606060606061,
                                        0.0,
                                        0.03125,
                                        0.029356060606060608,
                                        0.0,
                                        0.13636363636363635,
                                        0.0,
                                        0.000946969696969697,
                                        0.0,
                                        0.0,
                                        0.054924242424242424,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.011363636363636364,
                                        0.0,
                                        0.017045454545454544,
                                        0.0,
                                        0.03314393939393939,
                                        0.0,
                                        0.011363636363636364,
                                        0.0,
                                        0.08996212121212122,
                                        0.1581439393939394,
                                        0.32954545454545453};
  ExpectNear(Exact(Karate(), {.weighting = Weighting::kInverseWeight}), expected, kTolerance);
}

TEST(BetweennessTest, NegLogStrengthKarateClubCountsEveryShortestPathAsIgraphDoes) {
  // Strengths w / 8 (exact in float), lengths -ln(w/8). igraph as above with
  // weights=[-math.log(w / 8) ...]. (NetworkX, comparing float sums with ==, differs by 7.9e-4.)
  std::vector<testing::WeightedEdge> edges = testing::KarateEdges();
  for (testing::WeightedEdge& edge : edges) edge.weight /= 8.0f;
  const std::vector<double> expected = {0.39204545454545453,
                                        0.06534090909090909,
                                        0.345959595959596,
                                        0.06060606060606061,
                                        0.0,
                                        0.03125,
                                        0.03125,
                                        0.0,
                                        0.12752525252525254,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.03472222222222223,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.0,
                                        0.013257575757575758,
                                        0.0,
                                        0.022727272727272728,
                                        0.0,
                                        0.03503787878787879,
                                        0.0,
                                        0.011363636363636364,
                                        0.0,
                                        0.09185606060606061,
                                        0.15782828282828285,
                                        0.30618686868686873};
  ExpectNear(Exact(testing::Build(testing::kKarateNodes, edges, /*directed=*/false,
                                  /*weighted=*/true),
                   {.weighting = Weighting::kNegLogStrength}),
             expected, kTolerance);
}

TEST(BetweennessTest, RandomDigraphMatchesNetworkXUnweighted) {
  // nx.betweenness_centrality(G) for the graph of RandomDigraph().
  const std::vector<double> expected = {0.02727272727272727,
                                        0.00909090909090909,
                                        0.10666666666666667,
                                        0.047878787878787875,
                                        0.0,
                                        0.0,
                                        0.13999999999999999,
                                        0.19636363636363632,
                                        0.1621212121212121,
                                        0.17454545454545453,
                                        0.11575757575757577,
                                        0.047575757575757584};
  ExpectNear(Exact(RandomDigraph()), expected, kTolerance);
}

TEST(BetweennessTest, RandomDigraphMatchesNetworkXWithInverseWeights) {
  // d['dist'] = 1 / d['weight']; nx.betweenness_centrality(G, weight='dist'); igraph's
  // g.betweenness(weights=[1/w ...]) / ((n-1)(n-2)) gives the same numbers.
  const std::vector<double> expected = {0.01818181818181818,
                                        0.02727272727272727,
                                        0.15454545454545454,
                                        0.05454545454545454,
                                        0.0,
                                        0.0,
                                        0.1409090909090909,
                                        0.2409090909090909,
                                        0.01818181818181818,
                                        0.20454545454545453,
                                        0.2727272727272727,
                                        0.07727272727272727};
  ExpectNear(Exact(RandomDigraph(), {.weighting = Weighting::kInverseWeight}), expected,
             kTolerance);
}

TEST(BetweennessTest, RandomDigraphWithZeroCostEdgesMatchesNetworkXWithMinusLogStrength) {
  // d['neglog'] = -math.log(d['weight']); nx.betweenness_centrality(G, weight='neglog'). Five
  // edges have strength 1 (cost 0); no two shortest paths of different hop counts tie here.
  const std::vector<double> expected = {0.01818181818181818,
                                        0.01818181818181818,
                                        0.17272727272727273,
                                        0.02727272727272727,
                                        0.0,
                                        0.0,
                                        0.19545454545454544,
                                        0.21363636363636362,
                                        0.0,
                                        0.22272727272727272,
                                        0.3,
                                        0.07727272727272727};
  ExpectNear(Exact(RandomDigraph(), {.weighting = Weighting::kNegLogStrength}), expected,
             kTolerance);
}

void ExpectColumn(const testing::ReferenceNetwork& network, const std::vector<double>& values,
                  std::optional<double> testing::ReferenceRow::*column) {
  ASSERT_EQ(values.size(), network.rows.size());
  for (NodeId v = 0; v < values.size(); ++v) {
    const std::optional<double>& expected = network.rows[v].*column;
    ASSERT_TRUE(expected.has_value()) << network.labels[v];
    EXPECT_NEAR(values[v], *expected, 1e-6) << network.labels[v];
  }
}

// Every network of tests/data/networks: hop betweenness against
// nx.betweenness_centrality(G, normalized=True); weighted variants with lengths 1/w and
// -ln(w / strength_denominator) against the *_exact columns (every shortest path counted, as
// igraph does; NetworkX's own numbers miss ties whose float sums round apart, see
// tests/data/networks/README.md).
TEST(BetweennessTest, EveryReferenceNetworkMatchesTheReferenceValues) {
  for (const std::string& variant : testing::ReferenceVariants()) {
    SCOPED_TRACE(variant);
    auto network = testing::LoadReferenceNetwork(variant);
    ASSERT_TRUE(network) << network.error().message;
    ExpectColumn(*network, Exact(network->graph), &testing::ReferenceRow::betweenness);
    if (!network->weighted) continue;
    ExpectColumn(*network, Exact(network->graph, {.weighting = Weighting::kInverseWeight}),
                 &testing::ReferenceRow::betweenness_weighted_inverse_exact);
    auto strengths = testing::StrengthGraph(*network);
    ASSERT_TRUE(strengths) << strengths.error().message;
    ExpectColumn(*network, Exact(*strengths, {.weighting = Weighting::kNegLogStrength}),
                 &testing::ReferenceRow::betweenness_weighted_neglog_exact);
  }
}

TEST(BetweennessTest, MediciAreTheTopBrokerOfTheReferenceFile) {
  auto network = testing::LoadReferenceNetwork("florentine");
  ASSERT_TRUE(network) << network.error().message;
  const std::vector<double> values = Exact(network->graph);
  const auto top =
      static_cast<NodeId>(std::max_element(values.begin(), values.end()) - values.begin());
  EXPECT_EQ(network->labels[top], "Medici");
}

TEST(BetweennessTest, DirectedGraphWithDanglingNodesMatchesNetworkX) {
  // nx.DiGraph: 0->1, 0->2, 1->2, 2->0, 3->2, 2->4 and node 5;
  // nx.betweenness_centrality(D) and (D, normalized=False).
  const Graph graph = testing::DanglingDigraph();
  ExpectNear(Exact(graph), {0.1, 0.0, 0.3, 0.0, 0.0, 0.0}, kTolerance);
  ExpectNear(Exact(graph, {.normalized = false}), {2.0, 0.0, 6.0, 0.0, 0.0, 0.0}, kTolerance);
}

TEST(BetweennessTest, ZeroCostEdgesCountOnlyTheFewestHopsAmongEquallyStrongChains) {
  // Square 0-1-2-3-0 with strengths 1 (0-1), 1 (1-2), 0.5 (2-3), 0.5 (3-0), by hand: pair 0-2
  // goes through 1 (cost 0 against ln 4); pair 1-3 ties between 0 and 2 (ln 2 and one
  // strength-1 edge both ways); pair 0-3 is the direct edge (ln 2); pair 2-3 likewise (0-1-2-3 also
  // costs ln 2, but strength-1 edges cost an infinitesimal). Unordered sums 0.5, 1, 0.5, 0,
  // normalized by 2/((n-1)(n-2)) = 1/3.
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 2, 1.0f}, {2, 3, 0.5f}, {3, 0, 0.5f}};
  const Graph graph = *Graph::Build(4, edges);
  ExpectNear(Exact(graph, {.normalized = false, .weighting = Weighting::kNegLogStrength}),
             {0.5, 1.0, 0.5, 0.0}, kTolerance);
  ExpectNear(Exact(graph, {.weighting = Weighting::kNegLogStrength}),
             {1.0 / 6, 2.0 / 6, 1.0 / 6, 0.0}, kTolerance);
}

TEST(BetweennessTest, ChainsOfEqualStrengthProductTieDespiteFloatRounding) {
  // Square 0-1-2-3-0 with strengths 0.5 (0-1), 0.4 (1-2), 0.25 (2-3), 0.8 (3-0), by hand: pair
  // 0-2 has two chains of strength 0.2 (0.5 · 0.4 = 0.8 · 0.25), which float rounding of 0.4
  // and 0.8 would otherwise tell apart; pair 1-3 goes through 0 (0.4 against 0.1).
  const std::vector<Edge> edges = {{0, 1, 0.5f}, {1, 2, 0.4f}, {2, 3, 0.25f}, {3, 0, 0.8f}};
  ExpectNear(Exact(*Graph::Build(4, edges),
                   {.normalized = false, .weighting = Weighting::kNegLogStrength}),
             {1.0, 0.5, 0.0, 0.5}, kTolerance);
}

TEST(BetweennessTest, UnitWeightsGiveTheHopCountValues) {
  // Runs the batched BFS kernel and the Dijkstra kernel on the same paths.
  for (bool directed : {false, true}) {
    const Graph graph = Organization(700, 3000, directed);
    std::vector<Edge> unit;
    for (NodeId v = 0; v < graph.NodeCount(); ++v) {
      for (NodeId w : graph.OutNeighbors(v)) unit.push_back({v, w, 1.0f});
    }
    const Graph unit_graph = *Graph::Build(graph.NodeCount(), unit, {.directed = directed});
    ExpectNear(Exact(graph), Exact(unit_graph, {.weighting = Weighting::kInverseWeight}), 1e-12);
  }
}

TEST(BetweennessTest, PortablePathGivesTheSameValuesAsTheSimdPath) {
  ExpectNear(Exact(Karate(), {.simd = false}), Exact(Karate()), 1e-12);
  for (bool directed : {false, true}) {
    const Graph graph = Organization(1000, 4000, directed);
    ExpectNear(Exact(graph, {.simd = false}), Exact(graph), 1e-12);
    EXPECT_EQ(Exact(graph, {.threads = 1, .simd = false}),
              Exact(graph, {.threads = 3, .simd = false}));
  }
}

TEST(BetweennessTest, AllStrengthOneTriangleHasNoBroker) {
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 2, 1.0f}, {2, 0, 1.0f}};
  ExpectNear(Exact(*Graph::Build(3, edges), {.weighting = Weighting::kNegLogStrength}),
             {0.0, 0.0, 0.0}, 0.0);
}

TEST(BetweennessTest, StrengthAboveOneIsRejectedNamingTheOtherWeighting) {
  const std::vector<Edge> edges = {{0, 1, 0.5f}, {1, 2, 2.5f}};
  auto values = Betweenness(*Graph::Build(3, edges), {.weighting = Weighting::kNegLogStrength});
  ASSERT_FALSE(values);
  EXPECT_EQ(values.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(values.error().message,
            "kNegLogStrength needs tie strengths in (0, 1], but edge 1 -> 2 has weight 2.5 (use "
            "kInverseWeight for counts and other weights above 1)");
}

TEST(BetweennessTest, TinyGraphsHaveZeroBetweenness) {
  EXPECT_TRUE(Exact(Graph()).empty());
  const std::vector<Edge> edge = {{0, 1}};
  ExpectNear(Exact(*Graph::Build(2, edge)), {0.0, 0.0}, 0.0);
}

TEST(BetweennessTest, ThreadCountDoesNotChangeTheResult) {
  for (bool directed : {false, true}) {
    // Large enough for three threads: one per 2,000,000 units of n · (n + arcs).
    const Graph graph = Organization(1000, 4000, directed);
    for (Weighting weighting :
         {Weighting::kUnweighted, Weighting::kInverseWeight, Weighting::kNegLogStrength}) {
      const std::vector<double> one = Exact(graph, {.weighting = weighting, .threads = 1});
      EXPECT_EQ(one, Exact(graph, {.weighting = weighting, .threads = 3}));
    }
  }
}

double MaxError(const std::vector<double>& a, const std::vector<double>& b) {
  double error = 0;
  for (std::size_t i = 0; i < a.size(); ++i) error = std::max(error, std::abs(a[i] - b[i]));
  return error;
}

TEST(ApproximateBetweennessTest, StaysWithinEpsilonOfExactOnAGeneratedGraph) {
  const Graph graph = Organization(2000, 10'000, false);
  const std::vector<double> exact = Exact(graph);
  auto approx = ApproximateBetweenness(graph, {.epsilon = 0.01, .delta = 0.1, .seed = 7});
  ASSERT_TRUE(approx) << approx.error().message;
  EXPECT_EQ(approx->epsilon, 0.01);
  EXPECT_EQ(approx->delta, 0.1);
  EXPECT_GT(approx->samples, 0u);
  EXPECT_GE(approx->vertex_diameter_bound, 3u);
  EXPECT_LE(MaxError(approx->values, exact), 0.01);
}

// The check: 10,000 people, 100,000 ties. About 4 s of exact betweenness on one core.
TEST(ApproximateBetweennessTest, StaysWithinEpsilonOfExactOnA10000NodeGraph) {
  const Graph graph = Organization(10'000, 100'000, false);
  const std::vector<double> exact = Exact(graph);
  auto approx = ApproximateBetweenness(graph, {.epsilon = 0.01, .delta = 0.1, .seed = 1});
  ASSERT_TRUE(approx) << approx.error().message;
  EXPECT_LE(MaxError(approx->values, exact), 0.01);
}

// Directed, disconnected (Florentine's Pucci), weighted: every reference network and weighting.
TEST(ApproximateBetweennessTest, StaysWithinEpsilonOnEveryReferenceNetwork) {
  for (const std::string& variant : testing::ReferenceVariants()) {
    SCOPED_TRACE(variant);
    auto network = testing::LoadReferenceNetwork(variant);
    ASSERT_TRUE(network) << network.error().message;
    auto strengths = testing::StrengthGraph(*network);
    const Graph& graph = network->weighted ? *strengths : network->graph;
    for (Weighting weighting :
         {Weighting::kUnweighted, Weighting::kInverseWeight, Weighting::kNegLogStrength}) {
      if (!network->weighted && weighting != Weighting::kUnweighted) continue;
      auto approx =
          ApproximateBetweenness(graph, {.epsilon = 0.03, .seed = 9, .weighting = weighting});
      ASSERT_TRUE(approx) << approx.error().message;
      EXPECT_LE(MaxError(approx->values, Exact(graph, {.weighting = weighting})), 0.03);
    }
  }
}

TEST(ApproximateBetweennessTest, StaysWithinEpsilonOnADirectedGraph) {
  const Graph graph = Organization(1000, 6000, true);
  auto approx = ApproximateBetweenness(graph, {.epsilon = 0.02, .seed = 3});
  ASSERT_TRUE(approx) << approx.error().message;
  EXPECT_LE(MaxError(approx->values, Exact(graph)), 0.02);
}

TEST(ApproximateBetweennessTest, StaysWithinEpsilonWithWeights) {
  const Graph graph = Organization(500, 2500, false);
  for (Weighting weighting : {Weighting::kInverseWeight, Weighting::kNegLogStrength}) {
    auto approx =
        ApproximateBetweenness(graph, {.epsilon = 0.03, .seed = 5, .weighting = weighting});
    ASSERT_TRUE(approx) << approx.error().message;
    EXPECT_LE(MaxError(approx->values, Exact(graph, {.weighting = weighting})), 0.03);
  }
}

TEST(ApproximateBetweennessTest, SampleSizeFollowsRiondatoKornaropoulos) {
  // A path of 10 nodes: the BFS from the middle node (4, degree 2 like all inner nodes, found
  // first) has eccentricity 5, so VD <= min(2·5, 9) + 1 = 10 nodes; with ε' = ε (n-2)/n,
  // r = ceil(0.5/ε'^2 (floor(log2(8)) + 1 + ln(1/δ))).
  std::vector<Edge> edges;
  for (NodeId v = 0; v + 1 < 10; ++v) edges.push_back({v, v + 1});
  auto approx = ApproximateBetweenness(*Graph::Build(10, edges), {.epsilon = 0.1, .delta = 0.1});
  ASSERT_TRUE(approx);
  EXPECT_EQ(approx->vertex_diameter_bound, 10u);
  const double epsilon = 0.1 * 8 / 10;
  EXPECT_EQ(approx->samples, static_cast<std::uint64_t>(
                                 std::ceil(0.5 / (epsilon * epsilon) * (3 + 1 + std::log(10.0)))));
}

TEST(ApproximateBetweennessTest, DirectedBoundFollowsStronglyConnectedComponents) {
  // A star with arcs both ways between hub 0 and leaves 1..20 is one component in which every
  // shortest path goes through the hub (3 nodes at most), far below its 21 nodes; an arc
  // 5 -> 21 out of it adds one node to the longest chain: 1 -> 0 -> 5 -> 21.
  std::vector<Edge> edges;
  for (NodeId leaf = 1; leaf <= 20; ++leaf) {
    edges.push_back({0, leaf});
    edges.push_back({leaf, 0});
  }
  auto star = ApproximateBetweenness(*Graph::Build(21, edges, {.directed = true}));
  ASSERT_TRUE(star);
  EXPECT_EQ(star->vertex_diameter_bound, 3u);
  edges.push_back({5, 21});
  auto tail = ApproximateBetweenness(*Graph::Build(22, edges, {.directed = true}));
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->vertex_diameter_bound, 4u);
  // A directed path of 10 nodes: ten components of one node, chained.
  std::vector<Edge> path;
  for (NodeId v = 0; v + 1 < 10; ++v) path.push_back({v, v + 1});
  auto chain = ApproximateBetweenness(*Graph::Build(10, path, {.directed = true}));
  ASSERT_TRUE(chain);
  EXPECT_EQ(chain->vertex_diameter_bound, 10u);
}

TEST(ApproximateBetweennessTest, ResultDependsOnTheSeedOnlyNotOnThreads) {
  const Graph graph = Organization(1000, 5000, false);
  auto one = ApproximateBetweenness(graph, {.epsilon = 0.05, .seed = 11, .threads = 1});
  auto two = ApproximateBetweenness(graph, {.epsilon = 0.05, .seed = 11, .threads = 2});
  auto three = ApproximateBetweenness(graph, {.epsilon = 0.05, .seed = 11, .threads = 3});
  auto other_seed = ApproximateBetweenness(graph, {.epsilon = 0.05, .seed = 12, .threads = 2});
  ASSERT_TRUE(one && two && three && other_seed);
  EXPECT_EQ(one->values, two->values);
  EXPECT_EQ(one->values, three->values);
  EXPECT_NE(one->values, other_seed->values);
}

TEST(ApproximateBetweennessTest, GraphWithoutPathsOfThreeNodesNeedsNoSamples) {
  const std::vector<Edge> edges = {{0, 1}};
  auto approx = ApproximateBetweenness(*Graph::Build(3, edges));
  ASSERT_TRUE(approx);
  EXPECT_EQ(approx->samples, 0u);
  ExpectNear(approx->values, {0.0, 0.0, 0.0}, 0.0);
}

TEST(ApproximateBetweennessTest, BadEpsilonOrDeltaIsRejectedWithItsValue) {
  EXPECT_EQ(ApproximateBetweenness(Karate(), {.epsilon = 0}).error().message,
            "approximate betweenness epsilon 0 is outside (0, 1) (0.01 is the default)");
  EXPECT_EQ(ApproximateBetweenness(Karate(), {.delta = 1.5}).error().message,
            "approximate betweenness delta 1.5 is outside (0, 1) (0.1 is the default)");
}

TEST(BetweennessAutoTest, SmallGraphIsExact) {
  auto result = BetweennessAuto(Florentine());
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->approximate);
  EXPECT_FALSE(result->epsilon.has_value());
  EXPECT_NEAR(result->values[1], 0.521978021978022, kTolerance);
}

TEST(BetweennessAutoTest, AboveTheThresholdIsApproximateAndSaysItsEpsilon) {
  auto result = BetweennessAuto(Florentine(), {.max_exact_work = 10, .epsilon = 0.05});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->approximate);
  EXPECT_EQ(result->epsilon, 0.05);
  EXPECT_LE(MaxError(result->values, Exact(Florentine())), 0.05);
}

TEST(BetweennessAutoTest, DefaultEpsilonIsTheRankingOneOfHalfAPercent) {
  // Above the threshold the default is ε = 0.005, not ApproximateBetweenness' 0.01: the top
  // ranks of a large network need the smaller sampling error (see AutoOptions).
  auto result = BetweennessAuto(Florentine(), {.max_exact_work = 10});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->approximate);
  EXPECT_EQ(result->epsilon, 0.005);
  EXPECT_LE(MaxError(result->values, Exact(Florentine())), 0.005);
}

}  // namespace
}  // namespace allies::graph
