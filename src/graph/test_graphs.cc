#include "graph/test_graphs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <utility>

#include "graph/reference_networks.h"

namespace allies::graph::testing {

Graph Build(NodeId n, std::span<const WeightedEdge> edges, bool directed, bool weighted) {
  std::vector<Edge> list;
  list.reserve(edges.size());
  for (const auto& e : edges) {
    list.push_back({e.u, e.v, weighted ? static_cast<float>(e.weight) : 1.0f});
  }
  auto graph = Graph::Build(n, list, {.directed = directed});
  EXPECT_TRUE(graph.has_value()) << graph.error().message;
  if (!graph) return Graph();
  return std::move(*graph);
}

std::vector<WeightedEdge> KarateEdges() {
  auto network = LoadReferenceNetwork("karate");
  EXPECT_TRUE(network.has_value()) << network.error().message;
  if (!network) return {};
  EXPECT_EQ(network->graph.NodeCount(), kKarateNodes);
  std::vector<WeightedEdge> edges;
  edges.reserve(network->edges.size());
  for (const Edge& e : network->edges) edges.push_back({e.from, e.to, e.weight});
  return edges;
}

Graph Karate() { return Build(kKarateNodes, KarateEdges(), /*directed=*/false, /*weighted=*/true); }

Graph KarateUnweighted() {
  return Build(kKarateNodes, KarateEdges(), /*directed=*/false, /*weighted=*/false);
}

Graph Florentine() {
  return Build(kFlorentineNodes, kFlorentineEdges, /*directed=*/false, /*weighted=*/false);
}

std::vector<WeightedEdge> FlorentineEdgesAlphabetical() {
  std::array<std::string_view, kFlorentineNodes> sorted;
  std::ranges::copy(kFlorentineFamilies, sorted.begin());
  std::ranges::sort(sorted);
  auto alphabetical = [&sorted](NodeId v) {
    return static_cast<NodeId>(std::ranges::lower_bound(sorted, kFlorentineFamilies[v]) -
                               sorted.begin());
  };
  std::vector<WeightedEdge> edges;
  for (const WeightedEdge& e : kFlorentineEdges) {
    edges.push_back({alphabetical(e.u), alphabetical(e.v), e.weight});
  }
  return edges;
}

Graph DanglingDigraph() {
  const WeightedEdge edges[] = {{0, 1, 1}, {0, 2, 2}, {1, 2, 1}, {2, 0, 3}, {3, 2, 1}, {2, 4, 1}};
  return Build(6, edges, /*directed=*/true, /*weighted=*/true);
}

void ExpectNear(const std::vector<double>& actual, const std::vector<double>& expected,
                double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i], expected[i], tolerance) << "node " << i;
  }
}

void ExpectFirstNear(const std::vector<double>& actual, std::span<const double> expected,
                     double tolerance) {
  ASSERT_GE(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(actual[i], expected[i], tolerance) << "node " << i;
  }
}

}  // namespace allies::graph::testing
