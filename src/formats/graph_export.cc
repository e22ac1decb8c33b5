#include "formats/graph_export.h"

#include <fmt/format.h>

namespace allies::formats {

namespace {

std::string Xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even as references; drop them.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

// A double-quoted string for JSON and DOT: both escape the quote and the backslash.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string GraphMl(const ExportGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"department\" for=\"node\" attr.name=\"department\" attr.type=\"string\"/>\n"
      "  <key id=\"organization\" for=\"node\" attr.name=\"organization\" "
      "attr.type=\"string\"/>\n"
      "  <key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  out += fmt::format("  <graph id=\"allies\" edgedefault=\"{}\">\n",
                     graph.directed ? "directed" : "undirected");
  for (const auto& node : graph.nodes) {
    out += fmt::format(
        "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"department\">{}</data>"
        "<data key=\"organization\">{}</data><data key=\"pagerank\">{}</data></node>\n",
        Xml(node.id), Xml(node.label), Xml(node.department), Xml(node.organization), node.pagerank);
  }
  for (const auto& edge : graph.edges) {
    out +=
        fmt::format("    <edge source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data></edge>\n",
                    Xml(graph.nodes[edge.from].id), Xml(graph.nodes[edge.to].id), edge.weight);
  }
  return out + "  </graph>\n</graphml>\n";
}

std::string Gexf(const ExportGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n";
  out += fmt::format("  <graph mode=\"static\" defaultedgetype=\"{}\">\n",
                     graph.directed ? "directed" : "undirected");
  out +=
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"0\" title=\"department\" type=\"string\"/>\n"
      "      <attribute id=\"1\" title=\"organization\" type=\"string\"/>\n"
      "      <attribute id=\"2\" title=\"pagerank\" type=\"double\"/>\n"
      "    </attributes>\n    <nodes>\n";
  for (const auto& node : graph.nodes) {
    out += fmt::format(
        "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/>"
        "<attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/></attvalues>"
        "</node>\n",
        Xml(node.id), Xml(node.label), Xml(node.department), Xml(node.organization), node.pagerank);
  }
  out += "    </nodes>\n    <edges>\n";
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const auto& edge = graph.edges[i];
    out += fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\"/>\n", i,
                       Xml(graph.nodes[edge.from].id), Xml(graph.nodes[edge.to].id), edge.weight);
  }
  return out + "    </edges>\n  </graph>\n</gexf>\n";
}

std::string Json(const ExportGraph& graph) {
  std::string out =
      fmt::format("{{\"directed\": {}, \"multigraph\": false, \"graph\": {{}}, \"nodes\": [",
                  graph.directed ? "true" : "false");
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    const auto& node = graph.nodes[i];
    out += fmt::format(
        "{}\n  {{\"id\": {}, \"label\": {}, \"department\": {}, \"organization\": {}, "
        "\"pagerank\": {}}}",
        i ? "," : "", Quoted(node.id), Quoted(node.label), Quoted(node.department),
        Quoted(node.organization), node.pagerank);
  }
  out += "\n], \"links\": [";
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    const auto& edge = graph.edges[i];
    out += fmt::format("{}\n  {{\"source\": {}, \"target\": {}, \"weight\": {}}}", i ? "," : "",
                       Quoted(graph.nodes[edge.from].id), Quoted(graph.nodes[edge.to].id),
                       edge.weight);
  }
  return out + "\n]}\n";
}

std::string Dot(const ExportGraph& graph) {
  std::string out = graph.directed ? "digraph allies {\n" : "graph allies {\n";
  std::string_view arrow = graph.directed ? "->" : "--";
  for (const auto& node : graph.nodes) {
    out += fmt::format("  {} [label={}, department={}, organization={}, pagerank={}];\n",
                       Quoted(node.id), Quoted(node.label), Quoted(node.department),
                       Quoted(node.organization), node.pagerank);
  }
  for (const auto& edge : graph.edges) {
    out += fmt::format("  {} {} {} [weight={}];\n", Quoted(graph.nodes[edge.from].id), arrow,
                       Quoted(graph.nodes[edge.to].id), edge.weight);
  }
  return out + "}\n";
}

}  // namespace

std::string_view ExportFormatNames() { return "graphml, gexf, json, dot"; }

core::Result<std::string> WriteGraph(const ExportGraph& graph, std::string_view format) {
  if (format == "graphml") return GraphMl(graph);
  if (format == "gexf") return Gexf(graph);
  if (format == "json") return Json(graph);
  if (format == "dot") return Dot(graph);
  return core::Fail(core::ErrorCode::kInvalidArgument,
                    fmt::format("--format \"{}\" is not a graph format (expected one of: {})",
                                format, ExportFormatNames()));
}

}  // namespace allies::formats
