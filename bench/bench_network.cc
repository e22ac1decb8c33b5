// Issue 3's network benchmark: the graph layer on the generated organization networks
// (bench/gen_org_graph.cc), timed step by step. bench/compare_network.py does the same steps in
// igraph and NetworkX on the same files, and bench/run.sh prints both side by side.
//
//   bench_network --data DIR
//
// Reads from DIR: org-100k.edges, org-100k.nodes.tsv, org-100k.queries (100,000 people,
// 1,000,000 ties) and org-10k.edges, org-10k.nodes.tsv (10,000 people, 100,000 ties).
// Writes to DIR: allies-network.json (every figure), allies-10k-betweenness.txt,
// allies-10k-pagerank.txt and allies-10k-pagerank-tight.txt (one value per node id, for the
// agreement checks), allies-100k-paths.txt (the strengths of every path found), and the cache
// exact-betweenness-100k.bin: the exact betweenness of the 100k network, computed on the first
// run only (minutes), for the top-20 overlap of the approximation.
//
// Each timed step runs up to five times, stopping early once it has used 10 s; the best run is
// reported (the machine is shared, and the best run is the one least disturbed by other work).
// compare_network.py follows the same rule.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "formats/edge_list.h"
#include "graph/betweenness.h"
#include "graph/brokerage.h"
#include "graph/communities.h"
#include "graph/graph.h"
#include "graph/pagerank.h"
#include "graph/paths.h"

namespace {

using namespace allies;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  std::exit(1);
}

template <class T>
T Check(core::Result<T> result, const char* what) {
  if (!result) Die(fmt::format("{}: {}", what, result.error().message));
  return std::move(*result);
}

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timing {
  double best_s = 0;
  int runs = 0;
};

// Runs `body` up to `max_runs` times, stopping once `budget_s` has been spent; the best run.
template <class Body>
Timing Measure(Body&& body, int max_runs = 5, double budget_s = 10.0) {
  Timing timing;
  double spent = 0;
  while (timing.runs < max_runs && (timing.runs == 0 || spent < budget_s)) {
    const Clock::time_point start = Clock::now();
    body();
    const double seconds = Since(start);
    spent += seconds;
    timing.best_s = timing.runs == 0 ? seconds : std::min(timing.best_s, seconds);
    ++timing.runs;
  }
  return timing;
}

Json Figure(const Timing& timing) {
  return Json{{"seconds", timing.best_s}, {"runs", timing.runs}};
}

// What `allies analyze` does before any algorithm: parse both files, build the CSR graph
// (undirected, a repeated pair keeps its last weight).
graph::Graph Load(const std::filesystem::path& edges, const std::filesystem::path& nodes) {
  formats::EdgeListFile file = Check(formats::ReadNetwork(edges, nodes), "reading the network");
  std::vector<graph::Edge> list;
  list.reserve(file.edges.size());
  for (const formats::EdgeRecord& edge : file.edges) {
    list.push_back(graph::Edge{edge.from, edge.to, static_cast<float>(edge.weight)});
  }
  return Check(graph::Graph::Build(static_cast<graph::NodeId>(file.nodes.size()), list),
               "building the graph");
}

// The iterations PageRank needs at `tolerance`: the fewest max_iterations that converge, found
// by bisection (PageRank fails when max_iterations are not enough).
int Iterations(const graph::Graph& network, double tolerance) {
  graph::PageRankOptions options;
  options.tolerance = tolerance;
  int low = 0;  // not enough
  int high = options.max_iterations;
  while (high - low > 1) {
    options.max_iterations = (low + high) / 2;
    if (graph::PageRank(network, options)) {
      high = options.max_iterations;
    } else {
      low = options.max_iterations;
    }
  }
  return high;
}

void WriteValues(const std::filesystem::path& path, const std::vector<double>& values) {
  std::string text;
  for (double value : values) text += fmt::format("{:.17g}\n", value);
  std::ofstream(path, std::ios::binary) << text;
}

// The ids of the `count` largest values, ties broken by the smaller id.
std::vector<std::size_t> Top(const std::vector<double>& values, std::size_t count) {
  std::vector<std::size_t> ids(values.size());
  std::iota(ids.begin(), ids.end(), std::size_t{0});
  count = std::min(count, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(count), ids.end(),
                    [&](std::size_t a, std::size_t b) {
                      return values[a] != values[b] ? values[a] > values[b] : a < b;
                    });
  ids.resize(count);
  return ids;
}

std::size_t Overlap(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  std::size_t common = 0;
  for (std::size_t id : a) common += std::count(b.begin(), b.end(), id);
  return common;
}

// "1.23 0.98 0.75", the load averages over 1, 5 and 15 minutes: the machine is shared.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// The exact betweenness cache: "ABC1", n, m, the seconds it took, then n doubles.
struct ExactCache {
  std::vector<double> values;
  double seconds = 0;
  int threads = 0;
};

bool ReadCache(const std::filesystem::path& path, const graph::Graph& graph, ExactCache& cache) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  std::uint64_t n = 0;
  std::uint64_t m = 0;
  std::int64_t threads = 0;
  in.read(magic, 4);
  in.read(reinterpret_cast<char*>(&n), sizeof n);
  in.read(reinterpret_cast<char*>(&m), sizeof m);
  in.read(reinterpret_cast<char*>(&cache.seconds), sizeof cache.seconds);
  in.read(reinterpret_cast<char*>(&threads), sizeof threads);
  if (!in || std::string(magic, 4) != "ABC1" || n != graph.NodeCount() || m != graph.EdgeCount()) {
    return false;
  }
  cache.threads = static_cast<int>(threads);
  cache.values.resize(n);
  in.read(reinterpret_cast<char*>(cache.values.data()),
          static_cast<std::streamsize>(n * sizeof(double)));
  return static_cast<bool>(in);
}

void WriteCache(const std::filesystem::path& path, const graph::Graph& graph,
                const ExactCache& cache) {
  std::ofstream out(path, std::ios::binary);
  const std::uint64_t n = graph.NodeCount();
  const std::uint64_t m = graph.EdgeCount();
  const std::int64_t threads = cache.threads;
  out.write("ABC1", 4);
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(reinterpret_cast<const char*>(&m), sizeof m);
  out.write(reinterpret_cast<const char*>(&cache.seconds), sizeof cache.seconds);
  out.write(reinterpret_cast<const char*>(&threads), sizeof threads);
  out.write(reinterpret_cast<const char*>(cache.values.data()),
            static_cast<std::streamsize>(n * sizeof(double)));
}

struct Queries {
  std::vector<graph::NodeId> sources;
  std::vector<graph::NodeId> targets;
};

Queries ReadQueries(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) Die(fmt::format("cannot read {}", path.string()));
  Queries queries;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    std::vector<graph::NodeId>* list = kind == "sources"   ? &queries.sources
                                       : kind == "targets" ? &queries.targets
                                                           : nullptr;
    if (list == nullptr) continue;
    for (graph::NodeId id; fields >> id;) list->push_back(id);
  }
  if (queries.sources.empty() || queries.targets.empty()) {
    Die(fmt::format("{}: expected a \"sources\" and a \"targets\" line", path.string()));
  }
  return queries;
}

void Report(const char* step, const Timing& timing, const std::string& note = "") {
  std::printf("  %-44s %10.3f s  (best of %d)%s%s\n", step, timing.best_s, timing.runs,
              note.empty() ? "" : "  ", note.c_str());
  std::fflush(stdout);
}

Json BenchLarge(const std::filesystem::path& data) {
  Json out;
  const std::filesystem::path edges = data / "org-100k.edges";
  std::printf("100,000 people, 1,000,000 ties (%s)\n", edges.c_str());
  graph::Graph network;
  Timing load = Measure([&] { network = Load(edges, data / "org-100k.nodes.tsv"); });
  Report("load (parse both files + build CSR)", load,
         fmt::format("{} nodes, {} edges", network.NodeCount(), network.EdgeCount()));
  out["nodes"] = network.NodeCount();
  out["edges"] = network.EdgeCount();
  out["load"] = Figure(load);

  for (int threads : {0, 1}) {
    graph::PageRankOptions options;  // weighted, tolerance 1e-6 as nx.pagerank
    options.threads = threads;
    Timing timing = Measure([&] { Check(graph::PageRank(network, options), "PageRank"); });
    Report(threads == 0 ? "PageRank (weighted, tol 1e-6), all threads" : "PageRank, 1 thread",
           timing);
    out[threads == 0 ? "pagerank" : "pagerank_1t"] = Figure(timing);
  }

  {
    graph::PageRankOptions options;
    options.tolerance = 1e-10;  // about the precision of igraph's PRPACK solver
    Timing timing = Measure([&] { Check(graph::PageRank(network, options), "PageRank"); });
    Report("PageRank (weighted, tol 1e-10), all threads", timing);
    out["pagerank_tight"] = Figure(timing);
    out["pagerank"]["iterations"] = Iterations(network, 1e-6);
    out["pagerank_tight"]["iterations"] = Iterations(network, 1e-10);
    std::printf("  PageRank iterations: %d at tol 1e-6, %d at tol 1e-10\n",
                out["pagerank"]["iterations"].get<int>(),
                out["pagerank_tight"]["iterations"].get<int>());
  }

  graph::ApproxBetweenness approx;
  // What `allies analyze` and `allies influencers` run above the exact threshold: the epsilon
  // and delta of graph::AutoOptions, unweighted.
  graph::ApproxBetweennessOptions approx_options;
  approx_options.epsilon = graph::AutoOptions{}.epsilon;
  approx_options.delta = graph::AutoOptions{}.delta;
  Timing approx_timing = Measure(
      [&] { approx = Check(graph::ApproximateBetweenness(network, approx_options), "approx"); });
  Report(fmt::format("approximate betweenness (eps {}, delta {})", approx_options.epsilon,
                     approx_options.delta)
             .c_str(),
         approx_timing,
         fmt::format("{} samples, vertex-diameter bound {}", approx.samples,
                     approx.vertex_diameter_bound));
  out["approx_betweenness"] = Figure(approx_timing);
  out["approx_betweenness"]["samples"] = approx.samples;
  out["approx_betweenness"]["epsilon"] = approx.epsilon;
  out["approx_betweenness"]["delta"] = approx.delta;
  out["approx_betweenness"]["vertex_diameter_bound"] = approx.vertex_diameter_bound;

  const std::filesystem::path cache_path = data / "exact-betweenness-100k.bin";
  ExactCache exact;
  bool cached = ReadCache(cache_path, network, exact);
  if (!cached) {
    std::printf("  exact betweenness of the 100k network: not cached, computing it once...\n");
    std::fflush(stdout);
    const Clock::time_point start = Clock::now();
    exact.values = Check(graph::Betweenness(network, {}), "exact betweenness");
    exact.seconds = Since(start);
    exact.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    WriteCache(cache_path, network, exact);
  }
  Report("exact betweenness (computed once, cached)", Timing{exact.seconds, 1},
         cached ? "from " + cache_path.string() : "now cached in " + cache_path.string());
  double max_error = 0;
  for (std::size_t i = 0; i < exact.values.size(); ++i) {
    max_error = std::max(max_error, std::abs(approx.values[i] - exact.values[i]));
  }
  std::vector<std::size_t> top_exact = Top(exact.values, 20);
  const std::size_t overlap = Overlap(Top(approx.values, 20), top_exact);
  std::printf("  approximate vs exact: top-20 overlap %zu/20, max |error| %.2e (epsilon %.2g)\n",
              overlap, max_error, approx.epsilon);
  // Near rank 20 the exact values lie closer together than the sampling noise, so the overlap
  // depends on the seed: other seeds, and other epsilons, say how much.
  Json seeds = Json::array();
  for (std::uint64_t seed = 2; seed <= 5; ++seed) {
    graph::ApproxBetweennessOptions options = approx_options;
    options.seed = seed;
    const auto values = Check(graph::ApproximateBetweenness(network, options), "approx").values;
    seeds.push_back(Overlap(Top(values, 20), top_exact));
  }
  std::printf("  top-20 overlap with seeds 2..5 at the same epsilon: %s\n", seeds.dump().c_str());
  out["approx_betweenness"]["top20_overlap_other_seeds"] = seeds;
  Json others = Json::array();
  for (double epsilon : {0.01, 0.003}) {
    graph::ApproxBetweennessOptions options = approx_options;
    options.epsilon = epsilon;
    graph::ApproxBetweenness result;
    Timing timing = Measure(
        [&] { result = Check(graph::ApproximateBetweenness(network, options), "approx"); }, 1);
    const std::size_t other_overlap = Overlap(Top(result.values, 20), top_exact);
    Report(fmt::format("approximate betweenness (eps {})", epsilon).c_str(), timing,
           fmt::format("{} samples, top-20 overlap {}/20", result.samples, other_overlap));
    others.push_back({{"epsilon", epsilon},
                      {"seconds", timing.best_s},
                      {"samples", result.samples},
                      {"top20_overlap", other_overlap}});
  }
  out["approx_betweenness"]["other_epsilons"] = others;
  out["exact_betweenness"] = {
      {"seconds", exact.seconds}, {"runs", 1}, {"threads", exact.threads}, {"cached", cached}};
  out["approx_betweenness"]["top20_overlap"] = overlap;
  out["approx_betweenness"]["max_abs_error"] = max_error;

  graph::StructuralHoles structural_holes;
  Timing holes = Measure([&] { structural_holes = graph::ComputeStructuralHoles(network); });
  Report("constraint + effective size (weighted)", holes);
  out["constraint"] = Figure(holes);

  graph::Communities communities;
  Timing louvain = Measure([&] { communities = Check(graph::Louvain(network, {}), "Louvain"); });
  Report(
      "communities (Louvain, weighted)", louvain,
      fmt::format("{} communities, modularity {:.4f}", communities.count, communities.modularity));
  out["communities"] = Figure(louvain);
  out["communities"]["count"] = communities.count;
  out["communities"]["modularity"] = communities.modularity;

  const Queries queries = ReadQueries(data / "org-100k.queries");
  graph::StrongPathOptions path_options;  // k 3, at most 3 hops
  std::vector<std::vector<graph::StrongPath>> found(queries.targets.size());
  double slowest_s = 0;
  Timing paths = Measure([&] {
    for (std::size_t q = 0; q < queries.targets.size(); ++q) {
      const Clock::time_point start = Clock::now();
      found[q] =
          Check(graph::KStrongestPaths(network, queries.sources, queries.targets[q], path_options),
                "k strongest paths");
      slowest_s = std::max(slowest_s, Since(start));
    }
  });
  std::size_t path_count = 0;
  std::string paths_text;
  for (std::size_t q = 0; q < found.size(); ++q) {
    path_count += found[q].size();
    paths_text += fmt::format("{}", queries.targets[q]);
    for (const graph::StrongPath& path : found[q]) {
      paths_text += fmt::format(" {:.10g}:{}", path.strength, path.nodes.size() - 1);
    }
    paths_text += '\n';
  }
  std::ofstream(data / "allies-100k-paths.txt", std::ios::binary) << paths_text;
  const double per_query_ms = paths.best_s / static_cast<double>(queries.targets.size()) * 1e3;
  Report("k-best paths (k 3, <= 3 hops), 100 queries", paths,
         fmt::format("{:.2f} ms per query, slowest {:.1f} ms; {} paths", per_query_ms,
                     slowest_s * 1e3, path_count));
  out["paths"] = Figure(paths);
  out["paths"]["queries"] = queries.targets.size();
  out["paths"]["sources"] = queries.sources.size();
  out["paths"]["per_query_ms"] = per_query_ms;
  out["paths"]["slowest_query_ms"] = slowest_s * 1e3;
  out["paths"]["paths_found"] = path_count;
  return out;
}

Json BenchSmall(const std::filesystem::path& data) {
  Json out;
  const std::filesystem::path edges = data / "org-10k.edges";
  std::printf("10,000 people, 100,000 ties (%s)\n", edges.c_str());
  graph::Graph network;
  Timing load = Measure([&] { network = Load(edges, data / "org-10k.nodes.tsv"); });
  Report("load (parse both files + build CSR)", load,
         fmt::format("{} nodes, {} edges", network.NodeCount(), network.EdgeCount()));
  out["nodes"] = network.NodeCount();
  out["edges"] = network.EdgeCount();
  out["load"] = Figure(load);

  std::vector<double> betweenness;
  for (int threads : {0, 1}) {
    graph::BetweennessOptions options;  // unweighted, normalised as NetworkX
    options.threads = threads;
    Timing timing =
        Measure([&] { betweenness = Check(graph::Betweenness(network, options), "betweenness"); });
    Report(threads == 0 ? "exact betweenness (unweighted), all threads"
                        : "exact betweenness, 1 thread",
           timing);
    out[threads == 0 ? "exact_betweenness" : "exact_betweenness_1t"] = Figure(timing);
  }
  WriteValues(data / "allies-10k-betweenness.txt", betweenness);

  graph::PageRankOptions options;
  std::vector<double> pagerank;
  Timing timing = Measure([&] { pagerank = Check(graph::PageRank(network, options), "PageRank"); });
  Report("PageRank (weighted, tol 1e-6)", timing);
  out["pagerank"] = Figure(timing);
  WriteValues(data / "allies-10k-pagerank.txt", pagerank);
  options.tolerance = 1e-10;
  WriteValues(data / "allies-10k-pagerank-tight.txt",
              Check(graph::PageRank(network, options), "PageRank"));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "--data") {
    std::fprintf(stderr, "usage: bench_network --data DIR\n");
    return 2;
  }
  const std::filesystem::path data = argv[2];
  Json out;
  out["threads"] = std::max(1u, std::thread::hardware_concurrency());
  out["load_average_before"] = LoadAverage();
  out["small"] = BenchSmall(data);
  out["large"] = BenchLarge(data);
  out["load_average_after"] = LoadAverage();
  std::ofstream(data / "allies-network.json") << out.dump(2) << '\n';
  return 0;
}
