#pragma once
// SNAP-style edge lists and their node files: bytes -> plain records. No graph types here; the
// app turns the records into a graph::Graph.
//
// Edge list: one edge per line, `u v [weight]`, fields separated by spaces or tabs. A `#` at the
// start of a field starts a comment that runs to the end of the line (so whole-line comments and
// `1 2 # since 2019` both work); blank lines are skipped; CRLF line ends are accepted. A node
// token is any run of non-blank bytes not starting with `#` (SNAP uses integers; "007" and "7"
// are different nodes). The weight is optional (default 1) and must be a positive finite number.
// Self-loops and repeated pairs are passed through as written.
//
// Nodes file: one node per line, `id<TAB>label[<TAB>group]`, fields trimmed of blanks; lines
// whose first non-blank character is `#` are comments (a `#` later in a line is part of the
// label: "C# guild"), blank lines are skipped, CRLF is accepted. The id is a node token as above;
// the label may hold spaces and any bytes (not checked for UTF-8); an empty label means "use the
// id". A node listed here without an edge is an isolated node.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace allies::formats {

struct NodeRecord {
  std::string token;  // the id as written in the files
  std::string label;  // the nodes file's label; the token when there is none
  std::string group;  // the nodes file's group; empty when there is none
};

// One edge; `from` and `to` index EdgeListFile::nodes.
struct EdgeRecord {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  double weight = 1.0;
};

struct NodesFile {
  std::string path;  // as given, for messages
  std::vector<NodeRecord> nodes;
};

struct EdgeListFile {
  std::vector<NodeRecord> nodes;  // dense ids 0..n-1
  std::vector<EdgeRecord> edges;  // in file order
  bool weighted = false;          // true when at least one line gave a weight
};

// Parses an edge list. Node ids are dense, in order of first appearance. `path_for_messages`
// names the file in errors, e.g. `edges.txt:12: weight "abc" is not a number`.
// InvalidArgument on a line with fewer than 2 or more than 3 fields, a weight that is not a
// positive finite number, more than 2^32 - 1 nodes, or no edge at all ("no edges").
// O(bytes) time; O(nodes + edges) memory beyond the text.
[[nodiscard]] core::Result<EdgeListFile> ReadEdgeList(std::string_view path_for_messages,
                                                      std::string_view text);

// The same with the nodes of `nodes_file`: node i is nodes_file.nodes[i], with its label and
// group, whether or not it has edges. An endpoint missing from the nodes file is an error
// (`edges.txt:7: node "42" is not in nodes.tsv`). An edge list without edges is fine here: the
// graph is the nodes alone.
[[nodiscard]] core::Result<EdgeListFile> ReadEdgeList(std::string_view path_for_messages,
                                                      std::string_view text, NodesFile nodes_file);

// Parses a nodes file. InvalidArgument on a line with fewer than 2 or more than 3 fields, an
// empty id or one with blanks inside, an id listed twice (naming both lines), or no node at all.
// O(bytes).
[[nodiscard]] core::Result<NodesFile> ReadNodes(std::string_view path_for_messages,
                                                std::string_view text);

// Reads the edge list at `edges_path` and, when given, the nodes file at `nodes_path`, and parses
// them as above; messages name the paths as given. Io when a file cannot be read.
[[nodiscard]] core::Result<EdgeListFile> ReadNetwork(
    const std::filesystem::path& edges_path,
    const std::optional<std::filesystem::path>& nodes_path = std::nullopt);

}  // namespace allies::formats
