#pragma once
// Test helper, compiled into graph_test only: the reference networks of tests/data/networks
// (Florentine families, Zachary's karate club, Krackhardt's high-tech managers, UK faculty) as
// graphs, with NetworkX's value for every node. tests/data/networks/README.md says where each
// network comes from and how the values were computed (make_references.py, networkx 2.8.8).
//
// Usage:
//   ALLIES_TRY(auto karate, LoadReferenceNetwork("karate"));  // or ASSERT_TRUE on the Result
//   auto pagerank = PageRank(karate.graph, {.tolerance = 1e-10});
//   for (NodeId v = 0; v < karate.graph.NodeCount(); ++v)
//     EXPECT_NEAR((*pagerank)[v], *karate.rows[v].pagerank, 1e-6) << karate.labels[v];

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace allies::graph::testing {

// One node's row of reference.tsv. nullopt: the column does not apply to the variant (an empty
// cell: the weighted columns of an unweighted variant); NaN: NetworkX's value is NaN (constraint
// and effective size of a node without out-neighbours).
struct ReferenceRow {
  NodeId id = 0;
  std::string label;
  std::optional<double> pagerank;             // weighted where the variant is weighted
  std::optional<double> pagerank_unweighted;  // every edge counts 1
  std::optional<double> betweenness;          // normalised, hop counts
  // Normalised, edge length 1/w, as nx.betweenness_centrality computes it: float path lengths
  // compared with ==, so some equally short paths count as one.
  std::optional<double> betweenness_weighted_inverse;
  // The same lengths with every shortest path counted (exact rational lengths; equals igraph).
  std::optional<double> betweenness_weighted_inverse_exact;
  // Normalised, edge length -ln(S) with S = w / strength_denominator, as NetworkX computes it.
  std::optional<double> betweenness_weighted_neglog;
  std::optional<double> betweenness_weighted_neglog_exact;
  std::optional<double> constraint;      // nx.constraint, weighted where the variant is
  std::optional<double> effective_size;  // nx.effective_size, weighted where the variant is
};

struct ReferenceNetwork {
  std::string variant;
  bool directed = false;
  bool weighted = false;
  // Node i is line i of nodes.tsv; weights are those of edges.txt (interaction counts), or 1.
  // Built with Merge::kLast (the files have no repeated pairs).
  Graph graph;
  std::vector<Edge> edges;          // as listed in edges.txt, for building variants
  std::vector<std::string> labels;  // by node id: family, person or published id
  std::vector<std::string> groups;  // by node id: faction, department or school; "" for none
  // Weighted variants: strengths S = w / strength_denominator lie in (0, 1), the inputs of the
  // *_neglog columns (see StrengthGraph). 0 for unweighted variants.
  double strength_denominator = 0;
  std::vector<ReferenceRow> rows;  // rows[i] is node i
};

// The variants in tests/data/networks: florentine, karate, krackhardt_advice,
// krackhardt_friendship, krackhardt_reports_to, ukfaculty.
std::vector<std::string> ReferenceVariants();

// tests/data: $ALLIES_TEST_DATA (CTest sets it), else the folder beside this source file.
std::filesystem::path TestDataDir();

// Reads tests/data/networks/<variant>/{edges.txt,nodes.tsv,reference.tsv} and builds the graph.
// Errors (a missing or malformed file, rows that do not match the nodes) name the file and line.
// O(file size).
[[nodiscard]] core::Result<ReferenceNetwork> LoadReferenceNetwork(std::string_view variant);

// The graph of `network` with each weight w replaced by the strength w / strength_denominator,
// for Weighting::kNegLogStrength against the *_neglog columns. InvalidArgument for an
// unweighted variant.
[[nodiscard]] core::Result<Graph> StrengthGraph(const ReferenceNetwork& network);

// The node labelled `label`, or nullopt. O(n).
std::optional<NodeId> FindLabel(const ReferenceNetwork& network, std::string_view label);

// One column by node id, NaN where a row has no value: Column(network, &ReferenceRow::pagerank).
std::vector<double> Column(const ReferenceNetwork& network,
                           std::optional<double> ReferenceRow::*column);

}  // namespace allies::graph::testing
