#include "graph/reference_networks.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <utility>

#include "formats/edge_list.h"

namespace allies::graph::testing {
namespace {

using core::ErrorCode;
using core::Fail;

struct NamedColumn {
  std::string_view name;
  std::optional<double> ReferenceRow::*member;
};

// Every value column of reference.tsv; all must be present, in any order.
constexpr NamedColumn kColumns[] = {
    {"pagerank", &ReferenceRow::pagerank},
    {"pagerank_unweighted", &ReferenceRow::pagerank_unweighted},
    {"betweenness", &ReferenceRow::betweenness},
    {"betweenness_weighted_inverse", &ReferenceRow::betweenness_weighted_inverse},
    {"betweenness_weighted_inverse_exact", &ReferenceRow::betweenness_weighted_inverse_exact},
    {"betweenness_weighted_neglog", &ReferenceRow::betweenness_weighted_neglog},
    {"betweenness_weighted_neglog_exact", &ReferenceRow::betweenness_weighted_neglog_exact},
    {"constraint", &ReferenceRow::constraint},
    {"effective_size", &ReferenceRow::effective_size},
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

core::Result<std::string> ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kIo, "cannot read \"" + path.string() + "\"");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A cell: empty -> nullopt, "nan" -> NaN, else a number (Python's repr round-trips exactly
// through from_chars).
core::Result<std::optional<double>> ParseCell(std::string_view cell, const std::string& where) {
  if (cell.empty()) return std::optional<double>();
  double value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size()) {
    return Fail(ErrorCode::kInvalidArgument,
                where + ": \"" + std::string(cell) + "\" is not a number");
  }
  return std::optional<double>(value);
}

struct ReferenceFile {
  bool directed = false;
  bool weighted = false;
  double strength_denominator = 0;
  std::vector<ReferenceRow> rows;
};

core::Result<ReferenceFile> ParseReference(const std::filesystem::path& path,
                                           std::string_view text) {
  ReferenceFile file;
  std::optional<bool> directed;
  std::optional<bool> weighted;
  std::vector<std::optional<double> ReferenceRow::*> members;  // by field, from the header
  bool header_seen = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    std::string where = path.string() + ":" + std::to_string(line_number);
    if (line.empty()) continue;
    if (line.starts_with("# directed: ")) directed = line == "# directed: true";
    if (line.starts_with("# weighted: ")) weighted = line == "# weighted: true";
    if (line.starts_with("# strength_denominator: ")) {
      ALLIES_TRY(auto value, ParseCell(line.substr(line.find(':') + 2), where));
      file.strength_denominator = value.value_or(0);
    }
    if (line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    if (!header_seen) {
      header_seen = true;
      if (fields.size() < 2 || fields[0] != "id" || fields[1] != "label") {
        return Fail(ErrorCode::kInvalidArgument, where + ": expected a header \"id\tlabel\t...\"");
      }
      for (std::size_t i = 2; i < fields.size(); ++i) {
        const NamedColumn* found = nullptr;
        for (const NamedColumn& column : kColumns) {
          if (column.name == fields[i]) found = &column;
        }
        if (!found) {
          return Fail(ErrorCode::kInvalidArgument,
                      where + ": unknown column \"" + std::string(fields[i]) + "\"");
        }
        members.push_back(found->member);
      }
      if (members.size() != std::size(kColumns)) {
        return Fail(ErrorCode::kInvalidArgument, where + ": expected the " +
                                                     std::to_string(std::size(kColumns)) +
                                                     " value columns of make_references.py, got " +
                                                     std::to_string(members.size()));
      }
      continue;
    }
    if (fields.size() != members.size() + 2) {
      return Fail(ErrorCode::kInvalidArgument, where + ": expected " +
                                                   std::to_string(members.size() + 2) +
                                                   " fields, got " + std::to_string(fields.size()));
    }
    ReferenceRow row;
    if (fields[0] != std::to_string(file.rows.size())) {
      return Fail(ErrorCode::kInvalidArgument, where + ": expected id " +
                                                   std::to_string(file.rows.size()) + ", got \"" +
                                                   std::string(fields[0]) + "\"");
    }
    row.id = static_cast<NodeId>(file.rows.size());
    row.label = std::string(fields[1]);
    for (std::size_t i = 0; i < members.size(); ++i) {
      ALLIES_TRY(row.*members[i], ParseCell(fields[i + 2], where));
    }
    file.rows.push_back(std::move(row));
  }
  if (!directed || !weighted || !header_seen) {
    return Fail(
        ErrorCode::kInvalidArgument,
        path.string() + ": expected \"# directed:\" and \"# weighted:\" lines and a header");
  }
  file.directed = *directed;
  file.weighted = *weighted;
  return file;
}

}  // namespace

std::vector<std::string> ReferenceVariants() {
  return {
      "florentine", "karate", "krackhardt_advice", "krackhardt_friendship", "krackhardt_reports_to",
      "ukfaculty"};
}

std::filesystem::path TestDataDir() {
  if (const char* data = std::getenv("ALLIES_TEST_DATA"); data && *data) return data;
  // __FILE__ is absolute under CMake: src/graph/reference_networks.cc -> tests/data.
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "tests" /
         "data";
}

core::Result<ReferenceNetwork> LoadReferenceNetwork(std::string_view variant) {
  std::filesystem::path directory = TestDataDir() / "networks" / variant;
  ALLIES_TRY(formats::EdgeListFile file,
             formats::ReadNetwork(directory / "edges.txt", directory / "nodes.tsv"));
  std::filesystem::path reference_path = directory / "reference.tsv";
  ALLIES_TRY(std::string reference_text, ReadText(reference_path));
  ALLIES_TRY(ReferenceFile reference, ParseReference(reference_path, reference_text));

  ReferenceNetwork network;
  network.variant = std::string(variant);
  network.directed = reference.directed;
  network.weighted = reference.weighted;
  network.strength_denominator = reference.strength_denominator;
  if (reference.rows.size() != file.nodes.size()) {
    return Fail(ErrorCode::kInvalidArgument,
                reference_path.string() + ": " + std::to_string(reference.rows.size()) +
                    " rows for " + std::to_string(file.nodes.size()) + " nodes in nodes.tsv");
  }
  if (file.weighted != reference.weighted) {
    return Fail(ErrorCode::kInvalidArgument,
                reference_path.string() + ": \"# weighted:\" disagrees with edges.txt");
  }
  for (std::size_t i = 0; i < file.nodes.size(); ++i) {
    if (reference.rows[i].label != file.nodes[i].label) {
      return Fail(ErrorCode::kInvalidArgument,
                  reference_path.string() + ": row " + std::to_string(i) + " is labelled \"" +
                      reference.rows[i].label + "\", nodes.tsv says \"" + file.nodes[i].label +
                      "\"");
    }
    network.labels.push_back(std::move(file.nodes[i].label));
    network.groups.push_back(std::move(file.nodes[i].group));
  }
  network.rows = std::move(reference.rows);
  network.edges.reserve(file.edges.size());
  for (const formats::EdgeRecord& edge : file.edges) {
    network.edges.push_back(Edge{edge.from, edge.to, static_cast<float>(edge.weight)});
  }
  ALLIES_TRY(network.graph,
             Graph::Build(static_cast<NodeId>(file.nodes.size()), network.edges,
                          BuildOptions{.directed = network.directed, .merge = Merge::kLast}));
  return network;
}

core::Result<Graph> StrengthGraph(const ReferenceNetwork& network) {
  if (!network.weighted || network.strength_denominator <= 0) {
    return Fail(ErrorCode::kInvalidArgument,
                network.variant + " is unweighted: it has no strengths (use its graph)");
  }
  std::vector<Edge> edges = network.edges;
  for (Edge& edge : edges) {
    // Divided in double, as make_references.py does, then rounded once to float.
    edge.weight =
        static_cast<float>(static_cast<double>(edge.weight) / network.strength_denominator);
  }
  return Graph::Build(network.graph.NodeCount(), edges,
                      BuildOptions{.directed = network.directed, .merge = Merge::kLast});
}

std::optional<NodeId> FindLabel(const ReferenceNetwork& network, std::string_view label) {
  for (std::size_t i = 0; i < network.labels.size(); ++i) {
    if (network.labels[i] == label) return static_cast<NodeId>(i);
  }
  return std::nullopt;
}

std::vector<double> Column(const ReferenceNetwork& network,
                           std::optional<double> ReferenceRow::*column) {
  std::vector<double> values;
  values.reserve(network.rows.size());
  for (const ReferenceRow& row : network.rows) {
    values.push_back((row.*column).value_or(std::numeric_limits<double>::quiet_NaN()));
  }
  return values;
}

}  // namespace allies::graph::testing
