#pragma once
// Betweenness centrality: how often a node lies on the shortest paths between other nodes, the
// classic measure of a broker. Exact (Brandes 2001), approximate by sampling with an (ε, δ)
// guarantee (Riondato & Kornaropoulos 2016), and a choice between the two by graph size.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace allies::graph {

// What the length of an edge of weight w is.
enum class Weighting {
  kUnweighted,     // every edge is one hop; weights are ignored
  kInverseWeight,  // 1 / w: heavy ties are short (NetworkX with a distance attribute 1/w)
  // -ln(w) for tie strengths w in (0, 1]: the shortest path is the strongest chain (largest
  // product of strengths). A strength of 1 costs 0, which leaves shortest paths ill defined
  // (a zero-cost cycle makes infinitely many); such an edge is taken to cost an infinitesimal
  // ε > 0, i.e. paths are compared by (Σ -ln w, edges of strength 1) lexicographically: the
  // limit of NetworkX as ε -> 0. Without strength-1 edges this is exactly NetworkX with a
  // weight attribute -ln(w), exact ties included.
  kNegLogStrength,
};

struct BetweennessOptions {
  // true: NetworkX's normalized scale, the raw sum over ordered pairs (s, t) times
  // 1/((n-1)(n-2)) (so undirected values are the unordered-pair sums times 2/((n-1)(n-2)));
  // false: NetworkX's raw values (undirected ones halved, counting each pair once).
  bool normalized = true;
  Weighting weighting = Weighting::kUnweighted;
  int threads = 0;  // 0: the hardware's count
  // Unweighted: run 8 sources at once in AVX2 lanes when the CPU has them; false forces one
  // source at a time (the portable path, the same values up to rounding).
  bool simd = true;
};

// Exact betweenness of every node, indexed by node id: nx.betweenness_centrality with the same
// normalization (weighted: with weight set to the edge length above), counting every shortest
// path. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001:
// one BFS (unweighted) or Dijkstra with a 4-ary heap (weighted) per source, then dependencies
// are accumulated in reverse order. Unweighted, 8 sources run at once in AVX2 lanes where the
// CPU has them. Weighted path lengths within a relative 1e-7 of each other are equal: lengths
// come from float weights, so ties closer than that are rounding (2/17 · 6/17 = 3/17 · 4/17),
// and NetworkX, comparing float sums with ==, can count only one of two equally short paths;
// igraph (tolerance 1e-10) and these values count both. Sources are split over threads; partial
// sums are added in a fixed order, so the result does not depend on `threads`.
// InvalidArgument for kNegLogStrength when a weight exceeds 1 (its cost would be negative).
// O(n m) time unweighted, O(n m + n^2 log n) weighted; O(threads * n + m) memory (unweighted
// with AVX2: 192 bytes per node and thread).
[[nodiscard]] core::Result<std::vector<double>> Betweenness(const Graph& graph,
                                                            const BetweennessOptions& options = {});

struct ApproxBetweennessOptions {
  double epsilon = 0.01;  // additive error bound on NetworkX's normalized scale, in (0, 1)
  double delta = 0.1;     // the bound fails with probability at most delta, in (0, 1)
  std::uint64_t seed = 1;
  Weighting weighting = Weighting::kUnweighted;
  int threads = 0;  // 0: the hardware's count; the result does not depend on it
};

struct ApproxBetweenness {
  std::vector<double> values;  // NetworkX's normalized scale, indexed by node id
  double epsilon = 0;          // with probability >= 1 - delta, |value - exact| <= epsilon for all
  double delta = 0;
  std::uint64_t samples = 0;                // r, the number of sampled paths
  std::uint64_t vertex_diameter_bound = 0;  // VD used in r (nodes on a shortest path)
};

// Approximate normalized betweenness by sampling shortest paths: Riondato & Kornaropoulos, "Fast
// approximation of betweenness centrality through sampling", Data Min. Knowl. Disc. 30, 2016.
// r = (c / ε'^2) (floor(log2(VD - 2)) + 1 + ln(1/δ)) with c = 0.5, where VD bounds the vertex
// diameter; each sample is a uniformly random ordered pair (u, v), u != v, and a uniformly random
// shortest u-v path (none when v is unreachable), whose interior nodes each get 1/r. RK estimate
// the sum over ordered pairs divided by n(n-1), NetworkX divides by (n-1)(n-2): values are scaled
// by n/(n-2), and ε' = ε (n-2)/n so that ε holds on NetworkX's scale.
// VD bound (nodes): unweighted undirected, per connected component 2·ecc(x) + 1 for its
// highest-degree node x (triangle inequality through x); unweighted directed, the longest chain
// of strongly connected components, each counting min(|C|, ecc_in(x) + ecc_out(x) + 1) nodes
// (directed distances are not bounded by undirected ones); weighted, the unweighted bound with
// its hops scaled by max length / min length, capped by the largest (weakly) connected
// component's size, which alone is used when some edge has length 0. Computing it costs
// O(n + m). No path has interior nodes when VD <= 2: then no samples are drawn, all values are 0.
// Paths are found by balanced bidirectional BFS (unweighted; as in Borassi & Natale's KADABRA,
// 2016) or bidirectional Dijkstra (weighted). Sample i draws from its own generator seeded by
// (seed, i), and nodes count hits as integers, so the result depends on the seed only.
// InvalidArgument when epsilon or delta is outside (0, 1), or for kNegLogStrength when a weight
// exceeds 1. O(r · (one bidirectional search)) time, O(threads · n + m) memory. Measured on the
// 2-core machine: 100,000 nodes / 1,000,000 edges unweighted, ε = 0.01: about 26,500 samples,
// under 1 s; weighted, VD falls back to the component size and each search settles more
// nodes, so r is about 96,000 and a run takes minutes: use a larger ε there.
[[nodiscard]] core::Result<ApproxBetweenness> ApproximateBetweenness(
    const Graph& graph, const ApproxBetweennessOptions& options = {});

struct AutoOptions {
  Weighting weighting = Weighting::kUnweighted;
  int threads = 0;
  // Exact when n · arcs (undirected edges count twice) <= this, counting weighted work 10 times
  // (Dijkstra against batched BFS, as measured). Measured on the project's 2-core machine: 2e9
  // (10,000 nodes, 100,000 edges) takes 3.8 s unweighted on one core, so the default of 4e9
  // keeps an exact run to a few seconds on two cores; above it the approximation takes about
  // 1 s even for 100,000 nodes and 1,000,000 edges.
  double max_exact_work = 4e9;
  // Used when approximate. Betweenness is read as a ranking (who are the brokers), and near the
  // top of a large network the exact values of neighbouring ranks lie far closer together than
  // ε: on the 100,000-node benchmark network (bench/README.md) ranks 16 to 25 are 2e-5 to 2e-4
  // apart. What decides the ranking there is the sampling error of a value b, about
  // sqrt(b / r) for r samples, and r grows as 1/ε². Measured against the exact values on that
  // network, the exact top 20 kept by the approximate top 20 over seeds 1 to 10: ε = 0.01
  // (31,515 samples) 17 at seed 1; ε = 0.007 (2x the samples) 18 to 20, 18 at seed 1;
  // ε = 0.005 (126,057 samples, 4x) 18 to 20, 20 at seed 1. Hence 0.005, at 4x the cost of
  // 0.01: about 1.2 s instead of 0.3 s there on the 2-core machine when it is quiet. The
  // guarantee itself stays the additive (ε, δ) one of ApproximateBetweenness; the ranking is
  // measured, not guaranteed. Weighted runs cost far more per sample (see
  // ApproximateBetweenness): pass a larger ε there.
  double epsilon = 0.005;
  double delta = 0.1;
  std::uint64_t seed = 1;
};

struct AutoBetweenness {
  std::vector<double> values;     // NetworkX's normalized scale
  bool approximate = false;       // true: values are estimates within `epsilon`
  std::optional<double> epsilon;  // set exactly when approximate
};

// Normalized betweenness, exact for small graphs and approximate above the size threshold of
// `options`. Errors as Betweenness and ApproximateBetweenness. Cost: the chosen algorithm's.
[[nodiscard]] core::Result<AutoBetweenness> BetweennessAuto(const Graph& graph,
                                                            const AutoOptions& options = {});

}  // namespace allies::graph
