#include "app/analyze.h"

#include <cmath>

#include "formats/edge_list.h"
#include "graph/betweenness.h"
#include "graph/brokerage.h"
#include "graph/communities.h"
#include "graph/pagerank.h"

namespace allies::app {

core::Result<AnalysisReport> AnalyzeNetworkFiles(const AnalyzeInput& input) {
  std::optional<std::filesystem::path> nodes_path;
  if (input.nodes_path) nodes_path = *input.nodes_path;
  ALLIES_TRY(auto file, formats::ReadNetwork(input.edges_path, nodes_path));
  std::vector<graph::Edge> edges;
  edges.reserve(file.edges.size());
  for (const auto& edge : file.edges) {
    edges.push_back(graph::Edge{edge.from, edge.to, static_cast<float>(edge.weight)});
  }
  graph::BuildOptions options;
  options.directed = input.directed;
  options.merge = graph::Merge::kLast;
  ALLIES_TRY(auto network,
             graph::Graph::Build(static_cast<graph::NodeId>(file.nodes.size()), edges, options));

  AnalysisReport report;
  report.directed = input.directed;
  report.edges = network.EdgeCount();
  // NetworkX's default tolerance (1e-6) leaves errors near 1e-5; files are analysed to the
  // digit, which costs a few more iterations.
  graph::PageRankOptions pagerank_options;
  pagerank_options.tolerance = 1e-10;
  ALLIES_TRY(auto pagerank, graph::PageRank(network, pagerank_options));
  ALLIES_TRY(auto betweenness, graph::BetweennessAuto(network, {}));
  report.method.approximate = betweenness.approximate;
  report.method.epsilon = betweenness.epsilon;
  if (betweenness.approximate) report.method.delta = graph::AutoOptions{}.delta;
  auto holes = graph::ComputeStructuralHoles(network);
  graph::Communities communities;
  if (network.EdgeCount() > 0) {
    ALLIES_TRY(communities, graph::Louvain(network, {}));
    report.modularity = communities.modularity;
  } else {
    communities.community.resize(file.nodes.size());
    for (std::size_t i = 0; i < file.nodes.size(); ++i) {
      communities.community[i] = static_cast<std::uint32_t>(i);
    }
  }
  report.nodes.reserve(file.nodes.size());
  for (std::size_t i = 0; i < file.nodes.size(); ++i) {
    AnalyzedNode node;
    node.id = file.nodes[i].token;
    node.label = file.nodes[i].label;
    node.group = file.nodes[i].group;
    node.pagerank = pagerank[i];
    node.betweenness = betweenness.values[i];
    if (!std::isnan(holes.constraint[i])) node.constraint = holes.constraint[i];
    if (!std::isnan(holes.effective_size[i])) node.effective_size = holes.effective_size[i];
    node.community = static_cast<int>(communities.community[i]);
    report.nodes.push_back(std::move(node));
  }
  return report;
}

}  // namespace allies::app
