#include "formats/edge_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include <unistd.h>

namespace allies::formats {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

MATCHER_P3(IsEdge, from, to, weight, "") {
  return arg.from == static_cast<std::uint32_t>(from) && arg.to == static_cast<std::uint32_t>(to) &&
         arg.weight == weight;
}

std::vector<std::string> Tokens(const EdgeListFile& file) {
  std::vector<std::string> tokens;
  for (const NodeRecord& node : file.nodes) tokens.push_back(node.token);
  return tokens;
}

std::string ErrorOf(const core::Result<EdgeListFile>& result) {
  return result ? "(no error)" : result.error().message;
}

std::string ErrorOf(const core::Result<NodesFile>& result) {
  return result ? "(no error)" : result.error().message;
}

core::Result<EdgeListFile> ReadWithNodes(std::string_view edges, std::string_view nodes) {
  auto nodes_file = ReadNodes("nodes.tsv", nodes);
  if (!nodes_file) return tl::unexpected(nodes_file.error());
  return ReadEdgeList("edges.txt", edges, std::move(*nodes_file));
}

TEST(EdgeListTest, TokensGetDenseIdsInOrderOfFirstAppearance) {
  auto file = ReadEdgeList("edges.txt", "10 20\n20 5\n5 10\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(Tokens(*file), ElementsAre("10", "20", "5"));
  EXPECT_EQ(file->nodes[2].label, "5");  // no nodes file: the label is the token
  EXPECT_EQ(file->nodes[2].group, "");
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 1.0), IsEdge(1, 2, 1.0), IsEdge(2, 0, 1.0)));
  EXPECT_FALSE(file->weighted);
}

TEST(EdgeListTest, TokensAreStringsNotNumbers) {
  auto file = ReadEdgeList("edges.txt", "007 7\nalice bob\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(Tokens(*file), ElementsAre("007", "7", "alice", "bob"));
}

TEST(EdgeListTest, CommentsAndBlankLinesAreSkipped) {
  auto file = ReadEdgeList("edges.txt",
                           "# Directed graph: web-Google.txt\n"
                           "\n"
                           "   # indented comment\n"
                           "1\t2\n"
                           "  \t \n"
                           "2 3\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 1.0), IsEdge(1, 2, 1.0)));
}

TEST(EdgeListTest, CrlfLineEndsAreAccepted) {
  auto file = ReadEdgeList("edges.txt", "# comment\r\n1 2 0.5\r\n\r\n2 3\r\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(Tokens(*file), ElementsAre("1", "2", "3"));
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 0.5), IsEdge(1, 2, 1.0)));
}

TEST(EdgeListTest, LastLineWithoutNewlineIsRead) {
  auto file = ReadEdgeList("edges.txt", "1 2\n2 3 4");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 1.0), IsEdge(1, 2, 4.0)));
}

TEST(EdgeListTest, WeightsAreReadInAnyDecimalForm) {
  auto file = ReadEdgeList("edges.txt", "a b 3\nb c 0.25\nc d 1e-3\nd e +2.5\ne f 7.\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_TRUE(file->weighted);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 3.0), IsEdge(1, 2, 0.25), IsEdge(2, 3, 1e-3),
                                       IsEdge(3, 4, 2.5), IsEdge(4, 5, 7.0)));
}

TEST(EdgeListTest, MissingWeightIsOne) {
  auto file = ReadEdgeList("edges.txt", "a b 2\nb c\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_TRUE(file->weighted);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 2.0), IsEdge(1, 2, 1.0)));
}

TEST(EdgeListTest, WeightThatIsNotANumberNamesFileLineAndValue) {
  auto file = ReadEdgeList("edges.txt", "# header\n1 2 1\n\n2 3 abc\n");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(file.error().message, "edges.txt:4: weight \"abc\" is not a number");
}

TEST(EdgeListTest, WeightWithTrailingCharactersIsNotANumber) {
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2 1.5kg\n")),
            "edges.txt:1: weight \"1.5kg\" is not a number");
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2 1,5\n")),
            "edges.txt:1: weight \"1,5\" is not a number");
}

TEST(EdgeListTest, WeightMustBePositiveAndFinite) {
  for (std::string weight : {"0", "-2", "-0", "inf", "nan", "1e999"}) {
    EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2 " + weight + "\n")),
              "edges.txt:1: weight \"" + weight + "\" is not a positive finite number");
  }
}

TEST(EdgeListTest, LineWithOneFieldIsAnError) {
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2\n2 3\n4\n")),
            "edges.txt:3: expected \"u v [weight]\", got 1 field");
}

TEST(EdgeListTest, LineWithFourFieldsIsAnError) {
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2 1.0 1700000000\n")),
            "edges.txt:1: expected \"u v [weight]\", got 4 fields");
}

TEST(EdgeListTest, CommentAfterTheFieldsIsSkipped) {
  auto file = ReadEdgeList("edges.txt", "1 2 # since 2019\n2 3 0.5 #strong\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 1.0), IsEdge(1, 2, 0.5)));
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 #2\n")),
            "edges.txt:1: expected \"u v [weight]\", got 1 field");
}

TEST(EdgeListTest, EmptyEdgeListWithoutNodesFileIsAnError) {
  for (std::string text : {"", "\n\n", "# only a comment\n"}) {
    auto file = ReadEdgeList("edges.txt", text);
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(file.error().message,
              "edges.txt: no edges (expected lines \"u v [weight]\"; \"#\" starts a comment)");
  }
}

TEST(EdgeListTest, SelfLoopsAndRepeatedPairsArePassedThrough) {
  auto file = ReadEdgeList("edges.txt", "1 1\n1 2 2\n2 1 3\n1 2 4\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 0, 1.0), IsEdge(0, 1, 2.0), IsEdge(1, 0, 3.0),
                                       IsEdge(0, 1, 4.0)));
}

TEST(EdgeListTest, NodesFileGivesIdsLabelsGroupsAndIsolates) {
  auto file = ReadWithNodes("b a 2\nc a\n",
                            "# id\tlabel\tgroup\n"
                            "a\tAnna Ávila\tSales\n"
                            "b\tBen\tR&D\n"
                            "c\tCleo\n"
                            "d\tDmitri\tSales\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  ASSERT_EQ(file->nodes.size(), 4u);
  EXPECT_THAT(Tokens(*file), ElementsAre("a", "b", "c", "d"));
  EXPECT_EQ(file->nodes[0].label, "Anna Ávila");
  EXPECT_EQ(file->nodes[0].group, "Sales");
  EXPECT_EQ(file->nodes[2].group, "");
  EXPECT_EQ(file->nodes[3].label, "Dmitri");  // no edge: an isolated node
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(1, 0, 2.0), IsEdge(2, 0, 1.0)));
}

TEST(EdgeListTest, NodesFileAcceptsCrlfAndEmptyLabels) {
  auto nodes = ReadNodes("nodes.tsv", "1\tOne\r\n2\t\tG\r\n");
  ASSERT_TRUE(nodes) << ErrorOf(nodes);
  ASSERT_EQ(nodes->nodes.size(), 2u);
  EXPECT_EQ(nodes->nodes[0].label, "One");
  EXPECT_EQ(nodes->nodes[1].label, "2");  // empty label: the id
  EXPECT_EQ(nodes->nodes[1].group, "G");
}

TEST(EdgeListTest, EdgeListWithoutEdgesAndANodesFileIsAGraphOfIsolates) {
  auto file = ReadWithNodes("# nothing yet\n", "1\tOne\n2\tTwo\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_EQ(file->nodes.size(), 2u);
  EXPECT_TRUE(file->edges.empty());
}

TEST(EdgeListTest, EndpointMissingFromNodesFileIsAnError) {
  auto file = ReadWithNodes("1 2\n2 42\n", "1\tOne\n2\tTwo\n");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(file.error().message, "edges.txt:2: node \"42\" is not in nodes.tsv");
}

TEST(EdgeListTest, IdListedTwiceInNodesFileIsAnError) {
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "1\tOne\n# x\n2\tTwo\n1\tUno\n")),
            "nodes.tsv:4: id \"1\" is listed twice (first on line 1)");
}

TEST(EdgeListTest, NodesFileLineWithoutTabIsAnError) {
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "1 One\n")),
            "nodes.tsv:1: expected \"id<TAB>label[<TAB>group]\", got 1 field (fields are "
            "separated by tabs)");
}

TEST(EdgeListTest, NodesFileLineWithFourFieldsIsAnError) {
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "1\tOne\tG\textra\n")),
            "nodes.tsv:1: expected \"id<TAB>label[<TAB>group]\", got 4 fields");
}

TEST(EdgeListTest, NodesFileIdMustBeOneNonEmptyToken) {
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "\tNobody\n")), "nodes.tsv:1: the id is empty");
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "a b\tAnna\n")),
            "nodes.tsv:1: id \"a b\" contains blanks (an edge list could not name it)");
}

TEST(EdgeListTest, NodesFileWithoutNodesIsAnError) {
  EXPECT_EQ(ErrorOf(ReadNodes("nodes.tsv", "# id\tlabel\n")),
            "nodes.tsv: no nodes (expected lines \"id<TAB>label[<TAB>group]\"; \"#\" starts a "
            "comment)");
}

TEST(EdgeListTest, NonUtf8BytesAreKeptAsTheyAre) {
  std::string latin1_label = "Ren\xe9 M\xfcller";  // Latin-1, not UTF-8
  std::string token = "n\xff";
  auto file = ReadWithNodes(token + " 2\n", token + "\t" + latin1_label + "\t\xe9quipe\n2\tTwo\n");
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_EQ(file->nodes[0].token, token);
  EXPECT_EQ(file->nodes[0].label, latin1_label);
  EXPECT_EQ(file->nodes[0].group, "\xe9quipe");
  auto plain = ReadEdgeList("edges.txt", token + " x\n");
  ASSERT_TRUE(plain) << ErrorOf(plain);
  EXPECT_EQ(plain->nodes[0].label, token);
}

TEST(EdgeListTest, LongBadValuesAreCutInMessages) {
  std::string weight(1000, 'x');
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", "1 2 " + weight + "\n")),
            "edges.txt:1: weight \"" + std::string(60, 'x') + "...\" is not a number");
}

TEST(EdgeListTest, ManyLinesParse) {
  std::string text;
  for (int i = 0; i < 200000; ++i) {
    text += std::to_string(i % 5000) + ' ' + std::to_string((i * 7919) % 5000) + " 0.5\n";
  }
  auto file = ReadEdgeList("edges.txt", text);
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_EQ(file->edges.size(), 200000u);
  EXPECT_EQ(file->nodes.size(), 5000u);
}

TEST(EdgeListTest, LongTokensWithACommonPrefixStayDistinct) {
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text +=
        "person-0000" + std::to_string(i) + " person-0000" + std::to_string((i + 1) % 3000) + "\n";
  }
  auto file = ReadEdgeList("edges.txt", text);
  ASSERT_TRUE(file) << ErrorOf(file);
  ASSERT_EQ(file->nodes.size(), 3000u);
  EXPECT_EQ(file->nodes[2999].token, "person-00002999");
  EXPECT_THAT(file->edges.back(), IsEdge(2999, 0, 1.0));
}

TEST(EdgeListTest, TheFirstBadLineIsReportedWhateverFollows) {
  // Lines are looked up a few lines after they are read; errors must still come in line order.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    if (i == 4) {
      text += "1 2 heavy\n";
    } else if (i == 30) {
      text += "lonely\n";
    } else {
      text += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
    }
  }
  EXPECT_EQ(ErrorOf(ReadEdgeList("edges.txt", text)),
            "edges.txt:5: weight \"heavy\" is not a number");
  EXPECT_EQ(ErrorOf(ReadWithNodes("1 2\n2 9\n1\n", "1\tOne\n2\tTwo\n")),
            "edges.txt:2: node \"9\" is not in nodes.tsv");
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("allies_edge_list_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path Write(const std::string& name, const std::string& content) const {
    std::filesystem::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

TEST(EdgeListTest, ReadNetworkReadsBothFilesFromDisk) {
  TempDir dir;
  auto edges = dir.Write("edges.txt", "1 2 3\n");
  auto nodes = dir.Write("nodes.tsv", "1\tOne\tA\n2\tTwo\tB\n3\tThree\tA\n");
  auto file = ReadNetwork(edges, nodes);
  ASSERT_TRUE(file) << ErrorOf(file);
  EXPECT_EQ(file->nodes.size(), 3u);
  EXPECT_THAT(file->edges, ElementsAre(IsEdge(0, 1, 3.0)));
  auto without_nodes = ReadNetwork(edges);
  ASSERT_TRUE(without_nodes) << ErrorOf(without_nodes);
  EXPECT_EQ(without_nodes->nodes.size(), 2u);
}

TEST(EdgeListTest, ReadNetworkNamesThePathsInMessages) {
  TempDir dir;
  auto edges = dir.Write("edges.txt", "1 2\n1 9\n");
  auto nodes = dir.Write("nodes.tsv", "1\tOne\n2\tTwo\n");
  EXPECT_EQ(ErrorOf(ReadNetwork(edges, nodes)),
            edges.string() + ":2: node \"9\" is not in " + nodes.string());
}

TEST(EdgeListTest, ReadNetworkOfAMissingFileIsAnIoError) {
  auto file = ReadNetwork("/nonexistent/edges.txt");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, core::ErrorCode::kIo);
  EXPECT_EQ(file.error().message,
            "cannot read \"/nonexistent/edges.txt\": No such file or directory");
}

// The reference networks that the graph tests compare against NetworkX (tests/data/networks,
// written by make_references.py). CTest sets ALLIES_TEST_DATA; run by hand, the test finds the
// data next to this source file.
std::filesystem::path NetworksDir() {
  const char* data = std::getenv("ALLIES_TEST_DATA");
  std::filesystem::path root =
      data ? std::filesystem::path(data)
           : std::filesystem::path(__FILE__).parent_path() / "../../tests/data";
  return root / "networks";
}

// Node count and directedness as reference.tsv states them.
struct ReferenceFacts {
  std::size_t rows = 0;
  bool weighted = false;
};

ReferenceFacts ReadReferenceFacts(const std::filesystem::path& path) {
  std::ifstream in(path);
  ReferenceFacts facts;
  bool header_seen = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# weighted: ")) facts.weighted = line == "# weighted: true";
    if (line.empty() || line[0] == '#') continue;
    if (header_seen) ++facts.rows;
    header_seen = true;
  }
  return facts;
}

TEST(EdgeListTest, EveryReferenceNetworkParses) {
  std::set<std::string> variants;
  for (const auto& entry : std::filesystem::directory_iterator(NetworksDir())) {
    if (!std::filesystem::exists(entry.path() / "edges.txt")) continue;
    std::string variant = entry.path().filename().string();
    variants.insert(variant);
    auto file = ReadNetwork(entry.path() / "edges.txt", entry.path() / "nodes.tsv");
    ASSERT_TRUE(file) << variant << ": " << ErrorOf(file);
    ReferenceFacts facts = ReadReferenceFacts(entry.path() / "reference.tsv");
    EXPECT_EQ(file->nodes.size(), facts.rows) << variant;
    EXPECT_EQ(file->weighted, facts.weighted) << variant;
    EXPECT_FALSE(file->edges.empty()) << variant;
    for (std::size_t i = 0; i < file->nodes.size(); ++i) {
      ASSERT_EQ(file->nodes[i].token, std::to_string(i)) << variant;  // ids are 0..n-1
    }
  }
  EXPECT_THAT(variants, ElementsAre("florentine", "karate", "krackhardt_advice",
                                    "krackhardt_friendship", "krackhardt_reports_to", "ukfaculty"));
}

TEST(EdgeListTest, ReferenceNetworksHaveTheirPublishedSizes) {
  auto florentine =
      ReadNetwork(NetworksDir() / "florentine/edges.txt", NetworksDir() / "florentine/nodes.tsv");
  ASSERT_TRUE(florentine) << ErrorOf(florentine);
  EXPECT_EQ(florentine->nodes.size(), 16u);  // Pucci included, without ties
  EXPECT_EQ(florentine->edges.size(), 20u);
  EXPECT_EQ(florentine->nodes[8].label, "Medici");
  EXPECT_EQ(florentine->nodes[11].label, "Pucci");

  auto karate = ReadNetwork(NetworksDir() / "karate/edges.txt", NetworksDir() / "karate/nodes.tsv");
  ASSERT_TRUE(karate) << ErrorOf(karate);
  EXPECT_EQ(karate->nodes.size(), 34u);
  EXPECT_EQ(karate->edges.size(), 78u);
  EXPECT_EQ(karate->nodes[33].label, "John A");
  EXPECT_EQ(karate->nodes[33].group, "2");

  auto advice = ReadNetwork(NetworksDir() / "krackhardt_advice/edges.txt",
                            NetworksDir() / "krackhardt_advice/nodes.tsv");
  ASSERT_TRUE(advice) << ErrorOf(advice);
  EXPECT_EQ(advice->nodes.size(), 21u);
  EXPECT_EQ(advice->edges.size(), 190u);
  EXPECT_EQ(advice->nodes[6].label, "7");  // the CEO, department 0
  EXPECT_EQ(advice->nodes[6].group, "0");

  auto faculty =
      ReadNetwork(NetworksDir() / "ukfaculty/edges.txt", NetworksDir() / "ukfaculty/nodes.tsv");
  ASSERT_TRUE(faculty) << ErrorOf(faculty);
  EXPECT_EQ(faculty->nodes.size(), 81u);
  EXPECT_EQ(faculty->edges.size(), 817u);
}

}  // namespace
}  // namespace allies::formats
