#include "graph/pagerank.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "graph/graph.h"
#include "graph/reference_networks.h"
#include "graph/test_graphs.h"

namespace allies::graph {
namespace {

using testing::DanglingDigraph;
using testing::ExpectNear;
using ::testing::HasSubstr;
using testing::Karate;

constexpr double kTolerance = 1e-9;

// A generated graph large enough to run on several threads: a ring plus pseudo-random chords.
Graph Generated(NodeId n, std::size_t chords, bool directed) {
  std::vector<Edge> edges;
  testing::Lcg random(12345);
  for (NodeId v = 0; v < n; ++v) edges.push_back({v, (v + 1) % n, 1.0f});
  for (std::size_t i = 0; i < chords; ++i) {
    edges.push_back(
        {random.Below(n), random.Below(n), static_cast<float>(1 + random.Next() % 8) / 8.0f});
  }
  return *Graph::Build(n, edges, {.directed = directed});
}

TEST(PageRankTest, DirectedGraphWithDanglingNodesMatchesNetworkX) {
  // nx.pagerank(D, tol=1e-10) with the edges' 'weight' attribute.
  const std::vector<double> expected = {0.2809470292967571,  0.12969656558497591,
                                        0.36212097596178994, 0.050094907271584284,
                                        0.12704561461330852, 0.050094907271584284};
  auto ranks = PageRank(DanglingDigraph(), {.tolerance = 1e-10});
  ASSERT_TRUE(ranks) << ranks.error().message;
  ExpectNear(*ranks, expected, kTolerance);
}

TEST(PageRankTest, UnweightedDirectedGraphMatchesNetworkX) {
  // nx.pagerank(D, tol=1e-10, weight=None).
  const std::vector<double> expected = {0.20086108368309122, 0.1476440035569855,
                                        0.3260777431680337,  0.06227804295439918,
                                        0.20086108368309122, 0.06227804295439918};
  auto ranks = PageRank(DanglingDigraph(), {.tolerance = 1e-10, .weighted = false});
  ASSERT_TRUE(ranks) << ranks.error().message;
  ExpectNear(*ranks, expected, kTolerance);
}

TEST(PageRankTest, FlorentineFamiliesMatchNetworkXAndMediciRankFirst) {
  // nx.florentine_families_graph(), nodes in the graph's order, nx.pagerank(F, tol=1e-10).
  const std::vector<double> expected = {
      0.030657437400307727, 0.14581720486022007, 0.06933017553130905,  0.0678753100109118,
      0.08809843851115182,  0.05030098714337219, 0.0695742665529531,   0.07127968586508507,
      0.07912225294925673,  0.06130322883531895, 0.036053872187396876, 0.06886179564098295,
      0.09839783328367022,  0.03241797161285519, 0.030909539615208207};
  auto ranks = PageRank(testing::Florentine(), {.tolerance = 1e-10});
  ASSERT_TRUE(ranks) << ranks.error().message;
  ExpectNear(*ranks, expected, kTolerance);
  EXPECT_EQ(std::max_element(ranks->begin(), ranks->end()) - ranks->begin(), 1);  // Medici
}

TEST(PageRankTest, WeightedKarateClubMatchesNetworkX) {
  // nx.pagerank(nx.karate_club_graph(), tol=1e-10): weight 'weight'.
  const std::vector<double> expected = {
      0.08850031626749456,  0.057412319703620346, 0.06276562402157067,  0.03721003507405927,
      0.020500801376062222, 0.03380387365263076,  0.03152301951807537,  0.026463202855324552,
      0.03338248336533403,  0.009463494918757906, 0.020685685009060664, 0.009784998209959435,
      0.011474264187741275, 0.03347292510754664,  0.012942403746619677, 0.016377443642350567,
      0.016752260426549904, 0.009676695266345136, 0.00954533764994872,  0.013076990105288643,
      0.011224883798754234, 0.011359470157423198, 0.012961390646149644, 0.0411497577365488,
      0.01663573260651619,  0.028676448545545918, 0.015241717264928113, 0.027237726553828064,
      0.014479228158929557, 0.02827466616391182,  0.023032845976601705, 0.04198817740069892,
      0.07593441886272645,  0.09698936202309685};
  auto ranks = PageRank(Karate(), {.tolerance = 1e-10});
  ASSERT_TRUE(ranks) << ranks.error().message;
  ExpectNear(*ranks, expected, kTolerance);
}

TEST(PageRankTest, UnweightedKarateClubMatchesNetworkX) {
  // nx.pagerank(nx.karate_club_graph(), tol=1e-10, weight=None).
  const std::vector<double> expected = {
      0.09699728637778933,  0.05287692434442585,  0.0570785094644156,   0.03585985802186739,
      0.021977952751524976, 0.02911115525770075,  0.02911115525770075,  0.02449049718579463,
      0.029766055982719388, 0.014309397063524899, 0.021977952751524976, 0.009564745563621722,
      0.014644892128611264, 0.02953645623964981,  0.014535993865440983, 0.014535993865440983,
      0.01678400577789076,  0.01455867731701772,  0.014535993865440983, 0.0196046363708729,
      0.014535993865440983, 0.01455867731701772,  0.014535993865440983, 0.031522514410829046,
      0.0210760333630544,   0.02100619718417697,  0.01504403793220926,  0.025639767257563808,
      0.0195734593477806,   0.026288537391169105, 0.024590155129712132, 0.0371580868076713,
      0.07169322527506007,  0.10091918139989799};
  auto ranks = PageRank(Karate(), {.tolerance = 1e-10, .weighted = false});
  ASSERT_TRUE(ranks) << ranks.error().message;
  ExpectNear(*ranks, expected, kTolerance);
}

TEST(PageRankTest, ThreadCountDoesNotChangeTheResult) {
  for (bool directed : {false, true}) {
    const Graph graph = Generated(30'000, 200'000, directed);
    auto one = PageRank(graph, {.threads = 1});
    auto two = PageRank(graph, {.threads = 2});
    auto five = PageRank(graph, {.threads = 5});
    ASSERT_TRUE(one && two && five);
    EXPECT_EQ(*one, *two);
    EXPECT_EQ(*one, *five);
  }
}

TEST(PageRankTest, ValuesSumToOne) {
  auto ranks = PageRank(DanglingDigraph());
  ASSERT_TRUE(ranks);
  double sum = 0;
  for (double rank : *ranks) sum += rank;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(PageRankTest, EmptyGraphHasNoRanks) {
  auto ranks = PageRank(Graph());
  ASSERT_TRUE(ranks);
  EXPECT_TRUE(ranks->empty());
}

TEST(PageRankTest, NotConvergingIsAnErrorLikeNetworkXs) {
  auto ranks = PageRank(Karate(), {.tolerance = 1e-15, .max_iterations = 3});
  ASSERT_FALSE(ranks);
  EXPECT_EQ(ranks.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_THAT(ranks.error().message, HasSubstr("PageRank did not converge in 3 iterations"));
  EXPECT_THAT(ranks.error().message, HasSubstr("raise max_iterations or tolerance"));
}

TEST(PageRankTest, BadOptionsAreRejectedWithTheirValues) {
  EXPECT_EQ(PageRank(Karate(), {.damping = 1.5}).error().message,
            "PageRank damping 1.5 is outside [0, 1] (NetworkX's alpha; 0.85 is usual)");
  EXPECT_EQ(PageRank(Karate(), {.tolerance = -1}).error().message,
            "PageRank tolerance -1 is not a positive number (1e-6 is NetworkX's default)");
  EXPECT_EQ(PageRank(Karate(), {.max_iterations = 0}).error().message,
            "PageRank max_iterations 0 is below 1 (100 is NetworkX's default)");
}

// Every network of tests/data/networks against nx.pagerank(G, alpha=0.85, tol=1e-10), weighted
// (weight='weight' where the variant is weighted) and unweighted (weight=None).
TEST(PageRankTest, EveryReferenceNetworkMatchesNetworkX) {
  for (const std::string& variant : testing::ReferenceVariants()) {
    SCOPED_TRACE(variant);
    auto network = testing::LoadReferenceNetwork(variant);
    ASSERT_TRUE(network) << network.error().message;
    auto weighted = PageRank(network->graph, {.tolerance = 1e-10, .weighted = true});
    auto unweighted = PageRank(network->graph, {.tolerance = 1e-10, .weighted = false});
    ASSERT_TRUE(weighted && unweighted);
    for (NodeId v = 0; v < network->graph.NodeCount(); ++v) {
      const testing::ReferenceRow& row = network->rows[v];
      ASSERT_TRUE(row.pagerank && row.pagerank_unweighted) << network->labels[v];
      EXPECT_NEAR((*weighted)[v], *row.pagerank, 1e-6) << network->labels[v];
      EXPECT_NEAR((*unweighted)[v], *row.pagerank_unweighted, 1e-6) << network->labels[v];
    }
  }
}

}  // namespace
}  // namespace allies::graph
