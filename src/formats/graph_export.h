#pragma once
// Writers of a network for graph tools: GraphML (yEd, Gephi, NetworkX, igraph), GEXF (Gephi),
// JSON (node-link, as networkx.node_link_data writes it) and DOT (Graphviz). Pure: text out.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace allies::formats {

struct ExportNode {
  std::string id;  // unique
  std::string label;
  std::string department;
  std::string organization;
  double pagerank = 0;
};

struct ExportEdge {
  std::size_t from = 0;  // index into nodes
  std::size_t to = 0;
  double weight = 0;  // tie strength
};

struct ExportGraph {
  bool directed = false;
  std::vector<ExportNode> nodes;
  std::vector<ExportEdge> edges;
};

// "graphml, gexf, json, dot".
std::string_view ExportFormatNames();

// The graph in `format`. InvalidArgument naming the format and the accepted ones otherwise.
// Text is escaped for the format (XML entities, JSON and DOT string escapes). O(n + m).
[[nodiscard]] core::Result<std::string> WriteGraph(const ExportGraph& graph,
                                                   std::string_view format);

}  // namespace allies::formats
