#include "graph/graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace allies::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<NodeId> Ids(std::span<const NodeId> span) { return {span.begin(), span.end()}; }
std::vector<float> Weights(std::span<const float> span) { return {span.begin(), span.end()}; }

TEST(GraphTest, EmptyGraphHasNoNodesOrEdges) {
  Graph graph;
  EXPECT_EQ(graph.NodeCount(), 0u);
  EXPECT_EQ(graph.EdgeCount(), 0u);
  auto built = Graph::Build(0, {});
  ASSERT_TRUE(built) << built.error().message;
  EXPECT_EQ(built->NodeCount(), 0u);
}

TEST(GraphTest, UndirectedEdgeIsSeenFromBothEndsAndCountsOnce) {
  const std::vector<Edge> edges = {{0, 1, 2.0f}, {2, 1, 3.0f}};
  auto graph = Graph::Build(4, edges);
  ASSERT_TRUE(graph) << graph.error().message;
  EXPECT_FALSE(graph->Directed());
  EXPECT_EQ(graph->NodeCount(), 4u);
  EXPECT_EQ(graph->EdgeCount(), 2u);
  EXPECT_THAT(Ids(graph->OutNeighbors(1)), ElementsAre(0, 2));
  EXPECT_THAT(Weights(graph->OutWeights(1)), ElementsAre(2.0f, 3.0f));
  EXPECT_THAT(Ids(graph->InNeighbors(1)), ElementsAre(0, 2));
  EXPECT_THAT(Ids(graph->OutNeighbors(2)), ElementsAre(1));
  EXPECT_EQ(graph->OutDegree(3), 0u);
  EXPECT_EQ(graph->InDegree(1), 2u);
}

TEST(GraphTest, NeighboursAreSortedById) {
  const std::vector<Edge> edges = {{5, 3}, {5, 0}, {2, 5}, {5, 4}, {1, 5}};
  auto graph = Graph::Build(6, edges);
  ASSERT_TRUE(graph);
  EXPECT_THAT(Ids(graph->OutNeighbors(5)), ElementsAre(0, 1, 2, 3, 4));
}

TEST(GraphTest, DirectedGraphKeepsOutAndInNeighboursApart) {
  const std::vector<Edge> edges = {{0, 1, 1.5f}, {2, 1, 2.5f}, {1, 3, 4.0f}, {1, 0, 0.5f}};
  auto graph = Graph::Build(4, edges, {.directed = true});
  ASSERT_TRUE(graph);
  EXPECT_TRUE(graph->Directed());
  EXPECT_EQ(graph->EdgeCount(), 4u);
  EXPECT_THAT(Ids(graph->OutNeighbors(1)), ElementsAre(0, 3));
  EXPECT_THAT(Weights(graph->OutWeights(1)), ElementsAre(0.5f, 4.0f));
  EXPECT_THAT(Ids(graph->InNeighbors(1)), ElementsAre(0, 2));
  EXPECT_THAT(Weights(graph->InWeights(1)), ElementsAre(1.5f, 2.5f));
  EXPECT_EQ(graph->OutDegree(2), 1u);
  EXPECT_EQ(graph->InDegree(2), 0u);
  EXPECT_THAT(Ids(graph->InNeighbors(3)), ElementsAre(1));
}

TEST(GraphTest, WeightIsZeroWhenThereIsNoEdge) {
  const std::vector<Edge> edges = {{0, 1, 1.5f}, {1, 2, 2.5f}};
  auto directed = Graph::Build(3, edges, {.directed = true});
  ASSERT_TRUE(directed);
  EXPECT_EQ(directed->Weight(0, 1), 1.5f);
  EXPECT_EQ(directed->Weight(1, 0), 0.0f);
  EXPECT_EQ(directed->Weight(0, 2), 0.0f);
  auto undirected = Graph::Build(3, edges);
  ASSERT_TRUE(undirected);
  EXPECT_EQ(undirected->Weight(2, 1), 2.5f);
  EXPECT_EQ(undirected->Weight(1, 2), 2.5f);
}

TEST(GraphTest, LastWeightWinsByDefaultAndReversedPairIsTheSameUndirectedEdge) {
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 0, 4.0f}, {0, 1, 2.0f}};
  auto graph = Graph::Build(2, edges);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 1u);
  EXPECT_EQ(graph->Weight(0, 1), 2.0f);
  EXPECT_EQ(graph->Weight(1, 0), 2.0f);
}

TEST(GraphTest, SumMergeAddsRepeatedWeights) {
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 0, 4.0f}, {0, 1, 2.0f}};
  auto graph = Graph::Build(2, edges, {.merge = Merge::kSum});
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->Weight(0, 1), 7.0f);
}

TEST(GraphTest, MaxMergeKeepsTheHeaviest) {
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 0, 4.0f}, {0, 1, 2.0f}};
  auto graph = Graph::Build(2, edges, {.merge = Merge::kMax});
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->Weight(0, 1), 4.0f);
}

TEST(GraphTest, DirectedGraphKeepsOppositeArcsApartWhenMerging) {
  const std::vector<Edge> edges = {{0, 1, 1.0f}, {1, 0, 4.0f}, {0, 1, 2.0f}};
  auto graph = Graph::Build(2, edges, {.directed = true, .merge = Merge::kSum});
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 2u);
  EXPECT_EQ(graph->Weight(0, 1), 3.0f);
  EXPECT_EQ(graph->Weight(1, 0), 4.0f);
}

TEST(GraphTest, SelfLoopsAreDropped) {
  const std::vector<Edge> edges = {{1, 1, 5.0f}, {0, 1, 1.0f}, {0, 0, 1.0f}};
  auto graph = Graph::Build(2, edges, {.directed = true});
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->EdgeCount(), 1u);
  EXPECT_EQ(graph->Weight(1, 1), 0.0f);
  EXPECT_THAT(Ids(graph->OutNeighbors(1)), ElementsAre());
}

TEST(GraphTest, EndpointOutsideTheNodeRangeIsRejectedWithItsValue) {
  const std::vector<Edge> edges = {{0, 1}, {2, 7}};
  auto graph = Graph::Build(3, edges);
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(graph.error().message, "edge 1 (2 -> 7): node 7 does not exist (expected 0..2)");
}

TEST(GraphTest, EdgeInAGraphWithoutNodesIsRejected) {
  const std::vector<Edge> edges = {{0, 0}};
  auto graph = Graph::Build(0, edges);
  ASSERT_FALSE(graph);
  EXPECT_THAT(graph.error().message, HasSubstr("the graph has no nodes"));
}

TEST(GraphTest, NonPositiveOrNonFiniteWeightIsRejectedWithItsValue) {
  const std::vector<Edge> negative = {{0, 1, -2.5f}};
  auto graph = Graph::Build(2, negative);
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(graph.error().message, "edge 0 (0 -> 1): weight -2.5 is not a positive finite number");

  const std::vector<Edge> zero = {{0, 1, 1.0f}, {1, 0, 0.0f}};
  EXPECT_THAT(Graph::Build(2, zero).error().message, HasSubstr("edge 1 (1 -> 0): weight 0 is not"));
  const std::vector<Edge> not_a_number = {{0, 1, std::numeric_limits<float>::quiet_NaN()}};
  EXPECT_THAT(Graph::Build(2, not_a_number).error().message, HasSubstr("weight nan is not"));
  const std::vector<Edge> infinite = {{0, 1, std::numeric_limits<float>::infinity()}};
  EXPECT_THAT(Graph::Build(2, infinite).error().message, HasSubstr("weight inf is not"));
}

TEST(GraphTest, SelfLoopWithBadWeightIsStillRejected) {
  const std::vector<Edge> edges = {{1, 1, -1.0f}};
  EXPECT_FALSE(Graph::Build(2, edges));
}

}  // namespace
}  // namespace allies::graph
