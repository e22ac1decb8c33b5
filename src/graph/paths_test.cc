#include "graph/paths.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "graph/test_graphs.h"

namespace allies::graph {
namespace {

// Expected paths come from NetworkX 3.6.1: with H a copy of G plus a node "s" linked to every
// source by an edge of cost 0, and every edge's cost = -ln(S),
//   [p[1:] for p in nx.shortest_simple_paths(H, "s", target, weight="cost")
//    if len(p) - 2 <= max_hops][:k]
// and each product math.prod(G[u][v]["S"] for u, v in zip(p, p[1:])).
constexpr double kTolerance = 1e-6;

// Nine people; 8 has no ties. Weights are tie strengths.
constexpr testing::WeightedEdge kTies[] = {{0, 1, 0.9f},  {1, 2, 0.8f}, {2, 7, 0.9f}, {0, 3, 0.5f},
                                           {3, 7, 0.6f},  {1, 4, 0.7f}, {4, 7, 0.5f}, {0, 5, 0.3f},
                                           {5, 7, 0.95f}, {5, 6, 0.9f}, {6, 7, 0.4f}, {2, 4, 0.6f},
                                           {3, 4, 0.2f}};

Graph Build(bool directed) { return testing::Build(9, kTies, directed, /*weighted=*/true); }

struct Expected {
  std::vector<NodeId> nodes;
  double strength;
};

void ExpectPaths(const core::Result<std::vector<StrongPath>>& actual,
                 const std::vector<Expected>& expected) {
  ASSERT_TRUE(actual.has_value()) << actual.error().message;
  ASSERT_EQ(actual->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const StrongPath& path = (*actual)[i];
    EXPECT_EQ(path.nodes, expected[i].nodes) << "path " << i;
    EXPECT_NEAR(path.strength, expected[i].strength, kTolerance) << "path " << i;
    ASSERT_EQ(path.strengths.size() + 1, path.nodes.size()) << "path " << i;
    double product = 1;
    for (const double s : path.strengths) product *= s;
    EXPECT_DOUBLE_EQ(product, path.strength) << "path " << i;
  }
}

TEST(PathTest, ThreeStrongestPathsFromOneSource) {
  const NodeId sources[] = {0};
  ExpectPaths(KStrongestPaths(Build(false), sources, 7),
              {{{0, 1, 2, 7}, 0.648}, {{0, 1, 4, 7}, 0.315}, {{0, 3, 7}, 0.3}});
}

TEST(PathTest, EachLinkCarriesItsStrength) {
  const NodeId sources[] = {0};
  auto paths = KStrongestPaths(Build(false), sources, 7, {.k = 1});
  ASSERT_TRUE(paths.has_value());
  ASSERT_EQ(paths->size(), 1u);
  const std::vector<double> expected = {0.9f, 0.8f, 0.9f};
  EXPECT_EQ((*paths)[0].strengths, expected);
}

TEST(PathTest, HopLimitExcludesLongerStrongerPaths) {
  const NodeId sources[] = {0};
  // Only two paths of at most 2 links exist, though k = 3.
  ExpectPaths(KStrongestPaths(Build(false), sources, 7, {.k = 3, .max_hops = 2}),
              {{{0, 3, 7}, 0.3}, {{0, 5, 7}, 0.285}});
}

TEST(PathTest, LargeKReturnsEveryPathWithinTheHopLimit) {
  const NodeId sources[] = {0};
  ExpectPaths(KStrongestPaths(Build(false), sources, 7, {.k = 10}), {{{0, 1, 2, 7}, 0.648},
                                                                     {{0, 1, 4, 7}, 0.315},
                                                                     {{0, 3, 7}, 0.3},
                                                                     {{0, 5, 7}, 0.285},
                                                                     {{0, 5, 6, 7}, 0.108},
                                                                     {{0, 3, 4, 7}, 0.05}});
}

TEST(PathTest, PathsStartAtAnySourceAndMayPassAnother) {
  const NodeId sources[] = {6, 0};
  ExpectPaths(KStrongestPaths(Build(false), sources, 7, {.k = 4}),
              {{{6, 5, 7}, 0.855}, {{0, 1, 2, 7}, 0.648}, {{6, 7}, 0.4}, {{0, 1, 4, 7}, 0.315}});
}

TEST(PathTest, SourcePassedTwiceCountsOnce) {
  const NodeId sources[] = {0, 0};
  ExpectPaths(KStrongestPaths(Build(false), sources, 7),
              {{{0, 1, 2, 7}, 0.648}, {{0, 1, 4, 7}, 0.315}, {{0, 3, 7}, 0.3}});
}

TEST(PathTest, TargetThatIsASourceComesFirstAloneThenPathsFromOtherSources) {
  const NodeId sources[] = {0, 7};
  ExpectPaths(KStrongestPaths(Build(false), sources, 7),
              {{{7}, 1.0}, {{0, 1, 2, 7}, 0.648}, {{0, 1, 4, 7}, 0.315}});
}

TEST(PathTest, UnreachableTargetHasNoPath) {
  const NodeId sources[] = {0};
  auto paths = KStrongestPaths(Build(false), sources, 8);
  ASSERT_TRUE(paths.has_value());
  EXPECT_TRUE(paths->empty());
}

TEST(PathTest, DirectedGraphFollowsEdgeDirection) {
  const Graph graph = Build(true);
  const NodeId forward[] = {0};
  ExpectPaths(KStrongestPaths(graph, forward, 7, {.k = 5}), {{{0, 1, 2, 7}, 0.648},
                                                             {{0, 1, 4, 7}, 0.315},
                                                             {{0, 3, 7}, 0.3},
                                                             {{0, 5, 7}, 0.285},
                                                             {{0, 5, 6, 7}, 0.108}});
  // Every tie points from the smaller id to the larger: nothing leads from 7 back to 0.
  const NodeId backward[] = {7};
  auto paths = KStrongestPaths(graph, backward, 0);
  ASSERT_TRUE(paths.has_value());
  EXPECT_TRUE(paths->empty());
  const NodeId from_three[] = {3};
  ExpectPaths(KStrongestPaths(graph, from_three, 7, {.k = 10}), {{{3, 7}, 0.6}, {{3, 4, 7}, 0.1}});
}

TEST(PathTest, UndirectedPathsRunBothWays) {
  const NodeId sources[] = {7};
  ExpectPaths(KStrongestPaths(Build(false), sources, 0),
              {{{7, 2, 1, 0}, 0.648}, {{7, 4, 1, 0}, 0.315}, {{7, 3, 0}, 0.3}});
}

TEST(PathTest, EqualStrengthsAreOrderedByFewerLinksThenNodes) {
  // 0-1-3 and 0-2-3 have the same product 0.5, 0-3 directly 0.25 (= 0.5 * 0.5 with fewer hops
  // would tie with 0-4-5-3 below).
  const Edge edges[] = {{0, 1, 1.0f},  {1, 3, 0.5f}, {0, 2, 0.5f}, {2, 3, 1.0f},
                        {0, 3, 0.25f}, {0, 4, 0.5f}, {4, 5, 1.0f}, {5, 3, 0.5f}};
  auto graph = Graph::Build(6, edges);
  ASSERT_TRUE(graph.has_value());
  const NodeId sources[] = {0};
  ExpectPaths(KStrongestPaths(*graph, sources, 3, {.k = 4}),
              {{{0, 1, 3}, 0.5}, {{0, 2, 3}, 0.5}, {{0, 3}, 0.25}, {{0, 4, 5, 3}, 0.25}});
}

// Every loopless path of at most `max_hops` links from any source, by depth-first search,
// sorted by -ln of its strength product.
std::vector<std::vector<NodeId>> AllPaths(const Graph& graph, const std::vector<NodeId>& sources,
                                          NodeId target, std::size_t max_hops) {
  std::vector<std::pair<double, std::vector<NodeId>>> found;
  std::vector<NodeId> path;
  auto visit = [&](auto&& self, NodeId node, double cost) -> void {
    path.push_back(node);
    if (node == target) {
      found.emplace_back(cost, path);
    } else if (path.size() <= max_hops) {
      const auto nbrs = graph.OutNeighbors(node);
      const auto weights = graph.OutWeights(node);
      for (std::size_t e = 0; e < nbrs.size(); ++e) {
        if (std::find(path.begin(), path.end(), nbrs[e]) != path.end()) continue;
        self(self, nbrs[e], cost - std::log(static_cast<double>(weights[e])));
      }
    }
    path.pop_back();
  };
  for (const NodeId s : sources) visit(visit, s, 0.0);
  std::sort(found.begin(), found.end());
  std::vector<std::vector<NodeId>> paths;
  paths.reserve(found.size());
  for (auto& [cost, nodes] : found) paths.push_back(std::move(nodes));
  return paths;
}

TEST(PathTest, RandomGraphsMatchExhaustiveEnumeration) {
  testing::Lcg random(99);
  for (int trial = 0; trial < 300; ++trial) {
    const bool directed = trial % 2 == 1;
    const NodeId n = 12 + trial % 7;
    std::vector<Edge> edges(3 * static_cast<std::size_t>(n));
    for (Edge& edge : edges) {
      edge = {random.Below(n), random.Below(n),
              static_cast<float>(1 + random.Next() % 1000000) / 1e6f};
    }
    auto graph = Graph::Build(n, edges, {.directed = directed});
    ASSERT_TRUE(graph.has_value());
    std::vector<NodeId> sources = {random.Below(n), random.Below(n)};
    if (sources[0] == sources[1]) sources.pop_back();
    const NodeId target = random.Below(n);
    const std::size_t max_hops = 2 + trial % 3;
    std::vector<std::vector<NodeId>> expected = AllPaths(*graph, sources, target, max_hops);
    // A source that is the target has the path of no links, first of all.
    if (expected.size() > 6) expected.resize(6);
    auto actual = KStrongestPaths(*graph, sources, target, {.k = 6, .max_hops = max_hops});
    ASSERT_TRUE(actual.has_value());
    ASSERT_EQ(actual->size(), expected.size()) << "trial " << trial;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ((*actual)[i].nodes, expected[i]) << "trial " << trial << " path " << i;
    }
  }
}

TEST(PathTest, EmptySourcesAreRejected) {
  auto paths = KStrongestPaths(Build(false), {}, 7);
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(paths.error().message,
            "strongest paths need at least one source (me or a team member)");
}

TEST(PathTest, NodeOutsideTheGraphIsRejected) {
  const NodeId sources[] = {0};
  auto paths = KStrongestPaths(Build(false), sources, 9);
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().message, "target 9 is not in the graph (expected a node id below 9)");
  const NodeId bad_sources[] = {0, 12};
  paths = KStrongestPaths(Build(false), bad_sources, 7);
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().message, "source 12 is not in the graph (expected a node id below 9)");
}

TEST(PathTest, ZeroKOrZeroHopsIsRejected) {
  const NodeId sources[] = {0};
  auto paths = KStrongestPaths(Build(false), sources, 7, {.k = 0});
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().message, "k 0 is not accepted (expected at least 1 path)");
  paths = KStrongestPaths(Build(false), sources, 7, {.max_hops = 0});
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().message, "max_hops 0 is not accepted (expected at least 1 link)");
}

TEST(PathTest, WeightAboveOneIsNoTieStrength) {
  const Edge edges[] = {{0, 1, 0.5f}, {1, 2, 1.7f}};
  auto graph = Graph::Build(3, edges);
  ASSERT_TRUE(graph.has_value());
  const NodeId sources[] = {0};
  auto paths = KStrongestPaths(*graph, sources, 2);
  ASSERT_FALSE(paths.has_value());
  EXPECT_EQ(paths.error().message,
            "the tie 1 -> 2 has weight 1.7, which is not a tie strength (expected a number in "
            "(0, 1])");
}

}  // namespace
}  // namespace allies::graph
