#include "graph/communities.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "graph/test_graphs.h"

namespace allies::graph {
namespace {

// Reference values: NetworkX 3.6.1, printed with repr().
constexpr double kTolerance = 1e-12;

using testing::Build;
using testing::Karate;
using testing::KarateUnweighted;
using testing::kDirectedEdges;
using testing::kKarateClub;

// D = nx.DiGraph(); D.add_nodes_from(range(8)); D.add_weighted_edges_from(kDirectedEdges)
constexpr std::uint32_t kDirectedPartition[] = {0, 0, 0, 1, 1, 1, 1, 2};

// Two cliques of `size` nodes joined by one edge, and `isolates` nodes without ties.
Graph TwoCliques(NodeId size, NodeId isolates) {
  std::vector<Edge> edges;
  for (NodeId offset : {0u, size}) {
    for (NodeId i = 0; i < size; ++i) {
      for (NodeId j = i + 1; j < size; ++j) edges.push_back({offset + i, offset + j, 1.0f});
    }
  }
  edges.push_back({0, size, 1.0f});
  auto graph = Graph::Build(2 * size + isolates, edges);
  EXPECT_TRUE(graph.has_value());
  return std::move(*graph);
}

// Planted partition: `groups` groups of `size` nodes; each node gets `inside` ties to random
// members of its group and `outside` ties to random nodes anywhere.
Graph PlantedPartition(NodeId groups, NodeId size, int inside, int outside, std::uint64_t seed) {
  testing::Lcg random(seed);
  const NodeId n = groups * size;
  std::vector<Edge> edges;
  for (NodeId i = 0; i < n; ++i) {
    const NodeId group_start = i / size * size;
    for (int t = 0; t < inside; ++t) edges.push_back({i, group_start + random.Below(size), 1.0f});
    for (int t = 0; t < outside; ++t) edges.push_back({i, random.Below(n), 1.0f});
  }
  auto graph = Graph::Build(n, edges);
  EXPECT_TRUE(graph.has_value());
  return std::move(*graph);
}

TEST(ModularityTest, KarateClubSplitMatchesNetworkX) {
  // nx.community.modularity(K, [Mr. Hi's club, the Officer's club], weight=None)
  auto q = Modularity(KarateUnweighted(), kKarateClub);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(*q, 0.3582347140039448, kTolerance);
}

TEST(ModularityTest, WeightedKarateClubSplitMatchesNetworkX) {
  // nx.community.modularity(K, clubs, weight="weight")
  auto q = Modularity(Karate(), kKarateClub);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(*q, 0.39143756676224206, kTolerance);
}

TEST(ModularityTest, ResolutionWeighsTheNullModel) {
  // nx.community.modularity(K, clubs, weight="weight", resolution=0.5)
  auto q = Modularity(Karate(), kKarateClub, 0.5);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(*q, 0.6416062292685669, kTolerance);
}

TEST(ModularityTest, DirectedGraphUsesOutAndInDegrees) {
  // nx.community.modularity(D, [{0, 1, 2}, {3, 4, 5, 6}, {7}], weight="weight"), and with
  // resolution=2.
  const Graph graph = Build(8, kDirectedEdges, true, true);
  auto q = Modularity(graph, kDirectedPartition);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(*q, 0.33714880332986463, kTolerance);
  auto q2 = Modularity(graph, kDirectedPartition, 2.0);
  ASSERT_TRUE(q2.has_value());
  EXPECT_NEAR(*q2, -0.1644120707596255, kTolerance);
}

TEST(ModularityTest, CommunityLabelsAreOnlyNames) {
  std::vector<std::uint32_t> renamed;
  for (const std::uint32_t club : kKarateClub) renamed.push_back(club == 0 ? 4000000000u : 17u);
  auto q = Modularity(KarateUnweighted(), renamed);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(*q, 0.3582347140039448, kTolerance);
}

TEST(ModularityTest, CommunityListOfTheWrongSizeIsRejectedWithBothSizes) {
  const std::vector<std::uint32_t> communities = {0, 1};
  auto q = Modularity(KarateUnweighted(), communities);
  ASSERT_FALSE(q.has_value());
  EXPECT_EQ(q.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(q.error().message,
            "modularity needs one community per node: got 2 communities for "
            "34 nodes");
}

TEST(ModularityTest, GraphWithoutEdgesIsRejected) {
  auto graph = Graph::Build(3, {});
  ASSERT_TRUE(graph.has_value());
  const std::vector<std::uint32_t> communities = {0, 1, 2};
  auto q = Modularity(*graph, communities);
  ASSERT_FALSE(q.has_value());
  EXPECT_EQ(q.error().message, "modularity is undefined for a graph without edges");
}

TEST(CommunitiesTest, LouvainFindsKarateModularityAboveTheClubSplit) {
  // nx.community.louvain_communities(K, weight=None, seed=s) gives 0.3854 to 0.4198 for
  // s = 0..99 (7 below 0.41); 0.41979 is the maximum (Brandes et al. 2008).
  const Graph graph = KarateUnweighted();
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto result = Louvain(graph, {.seed = seed});
    ASSERT_TRUE(result.has_value());
    EXPECT_GE(result->modularity, 0.41) << "seed " << seed;
    EXPECT_LE(result->modularity, 0.41979 + 1e-5) << "seed " << seed;
    auto q = Modularity(graph, result->community);
    ASSERT_TRUE(q.has_value());
    EXPECT_NEAR(result->modularity, *q, kTolerance);
  }
}

TEST(CommunitiesTest, LouvainOnWeightedKarateReachesNetworkXsBest) {
  // nx.community.louvain_communities(K, weight="weight", seed=s) gives 0.4176 to 0.4449 for
  // s = 0..99 (mean 0.4410); nx.community.modularity(K, partition, weight="weight").
  const Graph graph = Karate();
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto result = Louvain(graph, {.seed = seed});
    ASSERT_TRUE(result.has_value());
    EXPECT_GE(result->modularity, 0.4438) << "seed " << seed;
  }
}

TEST(CommunitiesTest, SingleRunCanEndInALocalOptimumThatSeveralRunsAvoid) {
  // Over many seeds a single run's modularity varies as NetworkX's does; the best of them
  // reaches the maximum.
  const Graph graph = KarateUnweighted();
  double lowest = 1;
  double highest = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    auto result = Louvain(graph, {.seed = seed, .runs = 1});
    ASSERT_TRUE(result.has_value());
    lowest = std::min(lowest, result->modularity);
    highest = std::max(highest, result->modularity);
  }
  EXPECT_LT(lowest, 0.41);
  EXPECT_GT(lowest, 0.38);
  EXPECT_NEAR(highest, 0.41979, 1e-5);
}

TEST(CommunitiesTest, ResultDoesNotDependOnThreadCount) {
  const Graph graph = PlantedPartition(200, 30, 5, 3, 5);
  auto one = Louvain(graph, {.seed = 3, .runs = 4, .threads = 1});
  auto two = Louvain(graph, {.seed = 3, .runs = 4, .threads = 2});
  ASSERT_TRUE(one.has_value());
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(one->community, two->community);
  EXPECT_EQ(one->modularity, two->modularity);
}

TEST(CommunitiesTest, LouvainSeparatesTheDirectedGraphAsNetworkXDoes) {
  // nx.community.louvain_communities(D, weight="weight", seed=s) == [{0, 1, 2}, {3, 4, 5, 6},
  // {7}] with modularity 0.33714880332986463 for s = 0, 1, 2.
  auto result = Louvain(Build(8, kDirectedEdges, true, true));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->community, (std::vector<std::uint32_t>{1, 1, 1, 0, 0, 0, 0, 2}));
  EXPECT_NEAR(result->modularity, 0.33714880332986463, kTolerance);
}

TEST(CommunitiesTest, SameSeedGivesTheSameCommunities) {
  const Graph graph = PlantedPartition(50, 40, 6, 2, 3);
  auto a = Louvain(graph, {.seed = 42});
  auto b = Louvain(graph, {.seed = 42});
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->community, b->community);
  EXPECT_EQ(a->modularity, b->modularity);
}

TEST(CommunitiesTest, CommunitiesAreNumberedByDecreasingSize) {
  std::vector<Edge> edges;
  // A 6-clique (nodes 4..9) and a 4-clique (nodes 0..3) joined by one edge: the larger one
  // is community 0 although it holds the larger ids.
  for (NodeId i = 0; i < 4; ++i) {
    for (NodeId j = i + 1; j < 4; ++j) edges.push_back({i, j, 1.0f});
  }
  for (NodeId i = 4; i < 10; ++i) {
    for (NodeId j = i + 1; j < 10; ++j) edges.push_back({i, j, 1.0f});
  }
  edges.push_back({3, 4, 1.0f});
  auto two = Graph::Build(10, edges);
  ASSERT_TRUE(two.has_value());
  auto result = Louvain(*two);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->count, 2u);
  EXPECT_EQ(result->community, (std::vector<std::uint32_t>{1, 1, 1, 1, 0, 0, 0, 0, 0, 0}));
}

TEST(CommunitiesTest, PlantedGroupsAreRecovered) {
  const NodeId groups = 20;
  const NodeId size = 50;
  const Graph graph = PlantedPartition(groups, size, 10, 1, 9);
  auto result = Louvain(graph, {.seed = 1});
  ASSERT_TRUE(result.has_value());
  // Every planted group lands in one community, and no two groups share one.
  std::set<std::uint32_t> seen;
  for (NodeId g = 0; g < groups; ++g) {
    const NodeId first = g * size;
    const std::uint32_t c = result->community[first];
    for (NodeId i = first; i < first + size; ++i) EXPECT_EQ(result->community[i], c) << i;
    EXPECT_TRUE(seen.insert(c).second) << "group " << g;
  }
  EXPECT_EQ(result->count, groups);
}

TEST(CommunitiesTest, IsolatesStayAlone) {
  auto result = Louvain(TwoCliques(5, 2));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->count, 4u);
  EXPECT_NE(result->community[10], result->community[11]);
  EXPECT_EQ(result->community[0], result->community[4]);
  EXPECT_NE(result->community[0], result->community[5]);
}

TEST(CommunitiesTest, GraphWithoutEdgesHasOneCommunityPerNodeAndModularityZero) {
  auto graph = Graph::Build(3, {});
  ASSERT_TRUE(graph.has_value());
  auto result = Louvain(*graph);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->community, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(result->modularity, 0.0);
}

TEST(CommunitiesTest, HigherResolutionGivesMoreCommunities) {
  const Graph graph = KarateUnweighted();
  auto coarse = Louvain(graph, {.resolution = 0.5});
  auto fine = Louvain(graph, {.resolution = 2.0});
  ASSERT_TRUE(coarse.has_value());
  ASSERT_TRUE(fine.has_value());
  EXPECT_LT(coarse->count, fine->count);
  auto q = Modularity(graph, fine->community, 2.0);
  ASSERT_TRUE(q.has_value());
  EXPECT_NEAR(fine->modularity, *q, kTolerance);
}

TEST(CommunitiesTest, NegativeResolutionIsRejected) {
  auto result = Louvain(KarateUnweighted(), {.resolution = -1});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message,
            "resolution -1 is not accepted (expected a finite number >= 0)");
}

}  // namespace
}  // namespace allies::graph
