#include "formats/graph_export.h"

#include <gtest/gtest.h>

namespace allies::formats {
namespace {

ExportGraph Sample() {
  ExportGraph graph;
  graph.nodes = {{"1", "Ana <Ops> & \"Co\"", "Operations", "Brightwater", 0.6},
                 {"2", "Ben", "Finance", "", 0.4}};
  graph.edges = {{0, 1, 0.75}};
  return graph;
}

TEST(GraphExportTest, GraphMlEscapesXmlAndKeepsWeights) {
  auto text = WriteGraph(Sample(), "graphml");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("<data key=\"label\">Ana &lt;Ops&gt; &amp; &quot;Co&quot;</data>"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("<edge source=\"1\" target=\"2\"><data key=\"weight\">0.75</data></edge>"),
            std::string::npos);
  EXPECT_NE(text->find("edgedefault=\"undirected\""), std::string::npos);
}

TEST(GraphExportTest, GexfHasNodesAndWeightedEdges) {
  auto text = WriteGraph(Sample(), "gexf");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("<node id=\"2\" label=\"Ben\">"), std::string::npos);
  EXPECT_NE(text->find("<edge id=\"0\" source=\"1\" target=\"2\" weight=\"0.75\"/>"),
            std::string::npos);
}

TEST(GraphExportTest, JsonIsNodeLinkWithEscapedStrings) {
  auto text = WriteGraph(Sample(), "json");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find(R"("label": "Ana <Ops> & \"Co\"")"), std::string::npos) << *text;
  EXPECT_NE(text->find(R"({"source": "1", "target": "2", "weight": 0.75})"), std::string::npos);
}

TEST(GraphExportTest, DotUsesUndirectedEdges) {
  auto text = WriteGraph(Sample(), "dot");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->rfind("graph allies {", 0), 0u);
  EXPECT_NE(text->find("\"1\" -- \"2\" [weight=0.75];"), std::string::npos);
}

TEST(GraphExportTest, UnknownFormatNamesTheAcceptedOnes) {
  auto text = WriteGraph(Sample(), "csv");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().message,
            "--format \"csv\" is not a graph format (expected one of: graphml, gexf, json, dot)");
}

}  // namespace
}  // namespace allies::formats
