#include "graph/betweenness.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <sstream>
#include <string>

#include "graph/parallel.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace allies::graph {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kUnsettled = std::numeric_limits<std::uint32_t>::max();

// Weighted path lengths closer than this, relative to the smaller, are the same length. Lengths
// come from float weights, precise to about 6e-8 each, and sums of them depend on the order of
// the additions: NetworkX compares with == and so counts only one of two equally short paths
// when their sums round apart (1/3+1/3+1/3+1/2 = 1.5 but 1/3+1/3+1/2+1/3 = 1.4999999999999998),
// and strengths such as 2/17 · 6/17 = 3/17 · 4/17 stop being equal once rounded to float.
// igraph compares with a tolerance too (1e-10, on double weights). 1e-7 still joins such
// float-rounded ties (a few ulps of float apart); 1e-6 also joined genuinely different lengths
// and was off igraph by 5e-7 on a generated graph where 1e-7 agrees exactly.
constexpr double kLengthTolerance = 1e-7;

enum class Order { kShorter, kSame, kLonger };

// Compares a candidate path (length, strength-1 edges) with the best known one. The second
// component counts only for kLexicographic (kNegLogStrength).
template <bool kLexicographic>
Order ComparePaths(double length, std::uint32_t zero_edges, double best,
                   std::uint32_t best_zero_edges) {
  if (!(std::abs(length - best) <= kLengthTolerance * std::min(length, best))) {
    return length < best ? Order::kShorter : Order::kLonger;
  }
  if (!kLexicographic || zero_edges == best_zero_edges) return Order::kSame;
  return zero_edges < best_zero_edges ? Order::kShorter : Order::kLonger;
}

std::string Format(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::size_t ArcCount(const Graph& graph) {
  return graph.Directed() ? graph.EdgeCount() : 2 * graph.EdgeCount();
}

// The length of every arc, laid out like the graph's adjacency lists: out[out_offsets[v] + i] is
// the length of the i-th arc leaving v; in[] likewise for arriving arcs (directed graphs only;
// undirected ones read out[]).
struct Lengths {
  std::vector<std::uint64_t> out_offsets;
  std::vector<double> out;
  std::vector<std::uint64_t> in_offsets;
  std::vector<double> in;
  double min = kInfinity;
  double max = 0.0;
};

double LengthOf(Weighting weighting, float weight) {
  // Computed in double from the stored float, the way NetworkX computes 1/w or -ln(w) from its
  // (double) attribute: equal inputs give bit-identical lengths, so exact ties match.
  const auto w = static_cast<double>(weight);
  if (weighting == Weighting::kInverseWeight) return 1.0 / w;
  return -std::log(w);
}

core::Result<Lengths> ComputeLengths(const Graph& graph, Weighting weighting) {
  Lengths lengths;
  const NodeId n = graph.NodeCount();
  lengths.out_offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  lengths.out.reserve(ArcCount(graph));
  for (NodeId v = 0; v < n; ++v) {
    const std::span<const NodeId> targets = graph.OutNeighbors(v);
    const std::span<const float> weights = graph.OutWeights(v);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (weighting == Weighting::kNegLogStrength && weights[i] > 1.0f) {
        return core::Fail(core::ErrorCode::kInvalidArgument,
                          "kNegLogStrength needs tie strengths in (0, 1], but edge " +
                              std::to_string(v) + " -> " + std::to_string(targets[i]) +
                              " has weight " + Format(weights[i]) +
                              " (use kInverseWeight for counts and other weights above 1)");
      }
      const double length = LengthOf(weighting, weights[i]);
      lengths.out.push_back(length);
      lengths.min = std::min(lengths.min, length);
      lengths.max = std::max(lengths.max, length);
    }
    lengths.out_offsets[v + 1] = lengths.out.size();
  }
  if (graph.Directed()) {
    lengths.in_offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    lengths.in.reserve(ArcCount(graph));
    for (NodeId v = 0; v < n; ++v) {
      for (float weight : graph.InWeights(v)) lengths.in.push_back(LengthOf(weighting, weight));
      lengths.in_offsets[v + 1] = lengths.in.size();
    }
  }
  return lengths;
}

const double* OutLengths(const Lengths& lengths, NodeId v) {
  return lengths.out.data() + lengths.out_offsets[v];
}

const double* InLengths(const Graph& graph, const Lengths& lengths, NodeId v) {
  if (!graph.Directed()) return OutLengths(lengths, v);
  return lengths.in.data() + lengths.in_offsets[v];
}

// ---------------------------------------------------------------------------------------------
// Exact betweenness (Brandes 2001).

// A 4-ary min-heap of nodes keyed by (dist, hops), with decrease-key: each node is queued at
// most once, so Dijkstra pops n nodes instead of one entry per improvement (the heap was a
// third of the time with lazy deletion). `slot` maps a queued node to its place.
class NodeHeap {
 public:
  explicit NodeHeap(std::size_t n) : slot_(n, kNotQueued) {}
  bool Empty() const { return entries_.empty(); }
  std::size_t Size() const { return entries_.size(); }
  // The smallest key; (infinity, 0) when empty.
  double TopDist() const {
    if (entries_.empty()) return kInfinity;
    return entries_[0].dist;
  }
  std::uint32_t TopHops() const {
    if (entries_.empty()) return 0;
    return entries_[0].hops;
  }

  // Queues `node` with the key, or moves it to the new key when already queued.
  template <bool kLexicographic>
  void Queue(NodeId node, double dist, std::uint32_t hops) {
    std::uint32_t at = slot_[node];
    if (at == kNotQueued) {
      at = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back({dist, hops, node});
    } else {
      entries_[at] = {dist, hops, node};
    }
    // A tie within the length tolerance broken by fewer hops can raise the exact key.
    SiftDown<kLexicographic>(SiftUp<kLexicographic>(at));
  }

  template <bool kLexicographic>
  NodeId Pop() {
    const NodeId top = entries_[0].node;
    slot_[top] = kNotQueued;
    const Entry last = entries_.back();
    entries_.pop_back();
    if (!entries_.empty()) {
      entries_[0] = last;
      slot_[last.node] = 0;
      SiftDown<kLexicographic>(0);
    }
    return top;
  }

  // Empties the heap (after a search stopped early).
  void Clear() {
    for (const Entry& entry : entries_) slot_[entry.node] = kNotQueued;
    entries_.clear();
  }

 private:
  static constexpr std::uint32_t kNotQueued = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kArity = 4;
  struct Entry {
    double dist;
    std::uint32_t hops;
    NodeId node;
  };

  template <bool kLexicographic>
  static bool Before(const Entry& a, const Entry& b) {
    return a.dist < b.dist || (kLexicographic && a.dist == b.dist && a.hops < b.hops);
  }

  template <bool kLexicographic>
  std::uint32_t SiftUp(std::uint32_t at) {
    const Entry entry = entries_[at];
    while (at > 0) {
      const std::uint32_t parent = (at - 1) / kArity;
      if (!Before<kLexicographic>(entry, entries_[parent])) break;
      entries_[at] = entries_[parent];
      slot_[entries_[at].node] = at;
      at = parent;
    }
    entries_[at] = entry;
    slot_[entry.node] = at;
    return at;
  }

  template <bool kLexicographic>
  void SiftDown(std::uint32_t at) {
    const Entry entry = entries_[at];
    const auto size = static_cast<std::uint32_t>(entries_.size());
    while (true) {
      const std::uint32_t first = at * kArity + 1;
      if (first >= size) break;
      const std::uint32_t end = std::min(first + kArity, size);
      std::uint32_t best = first;
      for (std::uint32_t child = first + 1; child < end; ++child) {
        if (Before<kLexicographic>(entries_[child], entries_[best])) best = child;
      }
      if (!Before<kLexicographic>(entries_[best], entry)) break;
      entries_[at] = entries_[best];
      slot_[entries_[at].node] = at;
      at = best;
    }
    entries_[at] = entry;
    slot_[entry.node] = at;
  }

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slot_;
};

// Per-thread arrays, allocated once and reset after each source for the nodes it reached, so
// the per-source loop allocates nothing.
struct BrandesScratch {
  explicit BrandesScratch(std::size_t n)
      : hop_dist(n, -1),
        dist(n, kInfinity),
        hops(n, 0),
        position(n, kUnsettled),
        sigma(n, 0.0),
        coef(n, 0.0),
        order(n),
        heap(n) {}
  std::vector<std::int32_t> hop_dist;  // unweighted
  std::vector<double> dist;            // weighted
  // kNegLogStrength's tie-break: the number of zero-length edges on the path.
  std::vector<std::uint32_t> hops;
  // Weighted: the index of the node in `order`, kUnsettled until it is settled. A node is a
  // predecessor of another only if settled before it, which the tolerance of ComparePaths
  // alone does not guarantee.
  std::vector<std::uint32_t> position;
  std::vector<double> sigma;
  // coef[w] = (1 + delta[w]) / sigma[w]: the dependency of v on successor w is
  // sigma[v] * coef[w], so the accumulation needs one multiplication per node, not one division
  // per arc.
  std::vector<double> coef;
  std::vector<NodeId> order;  // nodes in the order they were reached (settled); n long
  NodeHeap heap;
};

void BrandesUnweighted(const Graph& graph, NodeId source, BrandesScratch& scratch,
                       double* betweenness) {
  std::int32_t* dist = scratch.hop_dist.data();
  double* sigma = scratch.sigma.data();
  double* coef = scratch.coef.data();
  NodeId* order = scratch.order.data();
  std::size_t reached = 1;
  dist[source] = 0;
  sigma[source] = 1.0;
  order[0] = source;
  // The inner loops are written without data-dependent branches except for the discovery of a
  // node (taken once per node): whether a neighbour is one level further is close to a coin
  // toss, and mispredicting it cost more than the arithmetic (adding 0 to a finished node).
  for (std::size_t head = 0; head < reached; ++head) {
    const NodeId v = order[head];
    const std::int32_t next = dist[v] + 1;
    const double sigma_v = sigma[v];
    for (NodeId w : graph.OutNeighbors(v)) {
      const std::int32_t dist_w = dist[w];
      if (dist_w < 0) {
        dist[w] = next;
        sigma[w] = sigma_v;
        order[reached++] = w;
      } else {
        sigma[w] += dist_w == next ? sigma_v : 0.0;
      }
    }
  }
  // Successors are pulled rather than predecessors pushed: no predecessor lists to store.
  for (std::size_t i = reached; i-- > 1;) {
    const NodeId v = order[i];
    const std::int32_t next = dist[v] + 1;
    double sum = 0.0;
    for (NodeId w : graph.OutNeighbors(v)) sum += dist[w] == next ? coef[w] : 0.0;
    betweenness[v] += sigma[v] * sum;
    coef[v] = 1.0 / sigma[v] + sum;
  }
  for (std::size_t i = 0; i < reached; ++i) dist[order[i]] = -1;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define ALLIES_GRAPH_LANES 1
#endif

#ifdef ALLIES_GRAPH_LANES
// Unweighted Brandes for kLanes sources at once, level by level, with AVX2: every arc is read
// once per distinct level its tail has among the sources instead of once per source, and the
// per-source work on an arc is one vector lane. Sources in a batch are close to each other
// (BatchOrder), so a node usually has only one or two distinct levels: about 3x faster than
// kLanes runs of BrandesUnweighted on organization-like graphs. Levels are kept as doubles so
// that the masks of the comparisons apply to sigma and coef directly.
constexpr int kLanes = 8;

struct alignas(64) LaneRow {
  double dist[kLanes];  // -1: not reached from that lane's source
  double sigma[kLanes];
};
struct alignas(64) LaneCoef {
  double coef[kLanes];
};
struct LaneEntry {
  NodeId node;
  std::int32_t level;
};

struct LaneScratch {
  explicit LaneScratch(std::size_t n) : rows(n), coefs(n), mark(n, -1) {
    for (LaneRow& row : rows) {
      std::fill(std::begin(row.dist), std::end(row.dist), -1.0);
      std::fill(std::begin(row.sigma), std::end(row.sigma), 0.0);
    }
    entries.reserve(n);
  }
  std::vector<LaneRow> rows;
  std::vector<LaneCoef> coefs;
  // (node, level) for every level a node has among the sources, level by level; the order of
  // the forward sweep and, reversed, of the accumulation.
  std::vector<LaneEntry> entries;
  std::vector<std::int32_t> mark;  // the last level a node was entered at
};

__attribute__((target("avx2"))) void BrandesLanes(const Graph& graph, const NodeId* sources,
                                                  int count, LaneScratch& scratch,
                                                  double* betweenness) {
  LaneRow* rows = scratch.rows.data();
  LaneCoef* coefs = scratch.coefs.data();
  std::vector<LaneEntry>& entries = scratch.entries;
  std::int32_t* mark = scratch.mark.data();
  const __m256d unreached = _mm256_set1_pd(-1.0);
  const __m256d zero = _mm256_setzero_pd();
  const __m256d one = _mm256_set1_pd(1.0);
  entries.clear();
  for (int k = 0; k < count; ++k) {
    rows[sources[k]].dist[k] = 0.0;
    rows[sources[k]].sigma[k] = 1.0;
    mark[sources[k]] = 0;
    entries.push_back({sources[k], 0});
  }

  for (std::size_t begin = 0, level = 0; begin < entries.size(); ++level) {
    const std::size_t end = entries.size();
    const auto next_level = static_cast<std::int32_t>(level + 1);
    const __m256d here = _mm256_set1_pd(static_cast<double>(level));
    const __m256d next = _mm256_set1_pd(static_cast<double>(level + 1));
    for (std::size_t e = begin; e < end; ++e) {
      const NodeId v = entries[e].node;
      const __m256d on0 = _mm256_cmp_pd(_mm256_load_pd(rows[v].dist), here, _CMP_EQ_OQ);
      const __m256d on1 = _mm256_cmp_pd(_mm256_load_pd(rows[v].dist + 4), here, _CMP_EQ_OQ);
      const __m256d add0 = _mm256_and_pd(on0, _mm256_load_pd(rows[v].sigma));
      const __m256d add1 = _mm256_and_pd(on1, _mm256_load_pd(rows[v].sigma + 4));
      for (NodeId w : graph.OutNeighbors(v)) {
        LaneRow& row = rows[w];
        __m256d dist0 = _mm256_load_pd(row.dist);
        __m256d dist1 = _mm256_load_pd(row.dist + 4);
        const __m256d new0 = _mm256_and_pd(_mm256_cmp_pd(dist0, unreached, _CMP_EQ_OQ), on0);
        const __m256d new1 = _mm256_and_pd(_mm256_cmp_pd(dist1, unreached, _CMP_EQ_OQ), on1);
        const __m256d found = _mm256_or_pd(new0, new1);
        if (!_mm256_testz_pd(found, found)) {
          dist0 = _mm256_blendv_pd(dist0, next, new0);
          dist1 = _mm256_blendv_pd(dist1, next, new1);
          _mm256_store_pd(row.dist, dist0);
          _mm256_store_pd(row.dist + 4, dist1);
          if (mark[w] != next_level) {
            mark[w] = next_level;
            entries.push_back({w, next_level});
          }
        }
        const __m256d step0 = _mm256_and_pd(_mm256_cmp_pd(dist0, next, _CMP_EQ_OQ), add0);
        const __m256d step1 = _mm256_and_pd(_mm256_cmp_pd(dist1, next, _CMP_EQ_OQ), add1);
        _mm256_store_pd(row.sigma, _mm256_add_pd(_mm256_load_pd(row.sigma), step0));
        _mm256_store_pd(row.sigma + 4, _mm256_add_pd(_mm256_load_pd(row.sigma + 4), step1));
      }
    }
    begin = end;
  }

  for (std::size_t e = entries.size(); e-- > 0;) {
    const NodeId v = entries[e].node;
    const std::int32_t level = entries[e].level;
    const __m256d here = _mm256_set1_pd(static_cast<double>(level));
    const __m256d next = _mm256_set1_pd(static_cast<double>(level + 1));
    __m256d sum0 = zero;
    __m256d sum1 = zero;
    for (NodeId w : graph.OutNeighbors(v)) {
      const __m256d succ0 = _mm256_cmp_pd(_mm256_load_pd(rows[w].dist), next, _CMP_EQ_OQ);
      const __m256d succ1 = _mm256_cmp_pd(_mm256_load_pd(rows[w].dist + 4), next, _CMP_EQ_OQ);
      sum0 = _mm256_add_pd(sum0, _mm256_and_pd(succ0, _mm256_load_pd(coefs[w].coef)));
      sum1 = _mm256_add_pd(sum1, _mm256_and_pd(succ1, _mm256_load_pd(coefs[w].coef + 4)));
    }
    const __m256d on0 = _mm256_cmp_pd(_mm256_load_pd(rows[v].dist), here, _CMP_EQ_OQ);
    const __m256d on1 = _mm256_cmp_pd(_mm256_load_pd(rows[v].dist + 4), here, _CMP_EQ_OQ);
    const __m256d sigma0 = _mm256_load_pd(rows[v].sigma);
    const __m256d sigma1 = _mm256_load_pd(rows[v].sigma + 4);
    _mm256_store_pd(coefs[v].coef,
                    _mm256_blendv_pd(_mm256_load_pd(coefs[v].coef),
                                     _mm256_add_pd(_mm256_div_pd(one, sigma0), sum0), on0));
    _mm256_store_pd(coefs[v].coef + 4,
                    _mm256_blendv_pd(_mm256_load_pd(coefs[v].coef + 4),
                                     _mm256_add_pd(_mm256_div_pd(one, sigma1), sum1), on1));
    if (level > 0) {
      const __m256d delta = _mm256_add_pd(_mm256_and_pd(on0, _mm256_mul_pd(sigma0, sum0)),
                                          _mm256_and_pd(on1, _mm256_mul_pd(sigma1, sum1)));
      alignas(32) double lane[4];
      _mm256_store_pd(lane, delta);
      betweenness[v] += ((lane[0] + lane[1]) + lane[2]) + lane[3];
    }
  }

  for (const LaneEntry& entry : entries) {
    LaneRow& row = rows[entry.node];
    _mm256_store_pd(row.dist, unreached);
    _mm256_store_pd(row.dist + 4, unreached);
    _mm256_store_pd(row.sigma, zero);
    _mm256_store_pd(row.sigma + 4, zero);
    mark[entry.node] = -1;
  }
}

bool HaveLanes() { return __builtin_cpu_supports("avx2"); }
#else
constexpr int kLanes = 1;
bool HaveLanes() { return false; }
#endif

// The order sources are taken in: each node followed by its neighbours not yet taken, so that
// consecutive sources (a batch of BrandesLanes) are within two hops of each other.
std::vector<NodeId> BatchOrder(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  std::vector<NodeId> order;
  order.reserve(n);
  std::vector<bool> taken(n, false);
  for (NodeId center = 0; center < n; ++center) {
    if (taken[center]) continue;
    taken[center] = true;
    order.push_back(center);
    for (NodeId w : graph.OutNeighbors(center)) {
      if (!taken[w]) {
        taken[w] = true;
        order.push_back(w);
      }
    }
  }
  return order;
}

// kLexicographic (kNegLogStrength): path lengths are (cost, edges of cost 0) pairs compared
// lexicographically, i.e. a zero-cost edge costs an infinitesimal. Every edge then adds a
// strictly positive amount, which Dijkstra and Brandes' predecessor order need; without
// zero-cost edges the second component is always 0 and the comparison is NetworkX's.
template <bool kLexicographic>
void BrandesWeighted(const Graph& graph, const Lengths& lengths, NodeId source,
                     BrandesScratch& scratch, double* betweenness) {
  double* dist = scratch.dist.data();
  std::uint32_t* hops = scratch.hops.data();
  std::uint32_t* position = scratch.position.data();
  double* sigma = scratch.sigma.data();
  double* coef = scratch.coef.data();
  std::vector<NodeId>& order = scratch.order;
  NodeHeap& heap = scratch.heap;
  order.clear();
  dist[source] = 0.0;
  hops[source] = 0;
  sigma[source] = 1.0;
  heap.Queue<kLexicographic>(source, 0.0, 0);
  while (!heap.Empty()) {
    const NodeId v = heap.Pop<kLexicographic>();
    const auto index = static_cast<std::uint32_t>(order.size());
    position[v] = index;
    order.push_back(v);
    const double dist_v = dist[v];
    const std::uint32_t hops_v = hops[v];
    const double sigma_v = sigma[v];
    const std::span<const NodeId> targets = graph.OutNeighbors(v);
    const double* length = OutLengths(lengths, v);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const NodeId w = targets[i];
      if (position[w] != kUnsettled) continue;
      const double candidate = dist_v + length[i];
      const std::uint32_t hops_next = hops_v + (length[i] == 0.0 ? 1u : 0u);
      const Order order_w = ComparePaths<kLexicographic>(candidate, hops_next, dist[w], hops[w]);
      if (order_w == Order::kShorter) {
        dist[w] = candidate;
        hops[w] = hops_next;
        sigma[w] = sigma_v;
        heap.Queue<kLexicographic>(w, candidate, hops_next);
      } else if (order_w == Order::kSame) {
        sigma[w] += sigma_v;
      }
    }
  }
  for (std::size_t i = order.size(); i-- > 1;) {
    const NodeId v = order[i];
    const double dist_v = dist[v];
    const std::uint32_t hops_v = hops[v];
    const std::span<const NodeId> targets = graph.OutNeighbors(v);
    const double* length = OutLengths(lengths, v);
    double sum = 0.0;
    for (std::size_t j = 0; j < targets.size(); ++j) {
      const NodeId w = targets[j];
      // The test that made v a predecessor of w in the relaxation above.
      if (position[w] != kUnsettled && position[w] > i &&
          ComparePaths<kLexicographic>(dist_v + length[j], hops_v + (length[j] == 0.0 ? 1u : 0u),
                                       dist[w], hops[w]) == Order::kSame) {
        sum += coef[w];
      }
    }
    betweenness[v] += sigma[v] * sum;
    coef[v] = 1.0 / sigma[v] + sum;
  }
  for (NodeId v : order) {
    dist[v] = kInfinity;
    position[v] = kUnsettled;
  }
}

// NetworkX's _rescale.
void Rescale(bool normalized, bool directed, std::vector<double>& values) {
  const auto n = static_cast<double>(values.size());
  double scale = 1.0;
  if (normalized) {
    if (values.size() <= 2) return;
    scale = 1.0 / ((n - 1.0) * (n - 2.0));
  } else if (!directed) {
    scale = 0.5;
  }
  for (double& value : values) value *= scale;
}

}  // namespace

core::Result<std::vector<double>> Betweenness(const Graph& graph,
                                              const BetweennessOptions& options) {
  const std::size_t n = graph.NodeCount();
  Lengths lengths;
  if (options.weighting != Weighting::kUnweighted) {
    ALLIES_TRY(lengths, ComputeLengths(graph, options.weighting));
  }
  std::vector<double> total(n, 0.0);
  if (n == 0) return total;

  const bool lanes = options.simd && options.weighting == Weighting::kUnweighted && HaveLanes();
  std::vector<NodeId> order;
  if (lanes) {
    order = BatchOrder(graph);
  } else {
    order.resize(n);
    for (std::size_t v = 0; v < n; ++v) order[v] = static_cast<NodeId>(v);
  }

  // Sources are cut into chunks whose bounds depend on n only. Each chunk's sums go to an array
  // of their own that is added to the total in chunk order, so the floating-point sums are the
  // same for every thread count. A chunk finished ahead of its turn is parked rather than waited
  // for: a thread never blocks on another (which, on a busy machine, may not be running).
  constexpr std::size_t kMaxChunks = 256;
  std::size_t chunk_size = (n + kMaxChunks - 1) / kMaxChunks;
  chunk_size = (chunk_size + kLanes - 1) / kLanes * kLanes;
  const std::size_t chunk_count = (n + chunk_size - 1) / chunk_size;
  const int threads =
      std::min<int>(internal::ResolveThreads(options.threads, n * (n + ArcCount(graph)), 2'000'000),
                    static_cast<int>(chunk_count));

  std::atomic<std::size_t> next_chunk{0};
  std::mutex merge_mutex;
  std::size_t merged_chunks = 0;
  std::vector<std::vector<double>> parked(chunk_count);  // finished, not yet added
  std::vector<std::vector<double>> spare;                // added and zeroed, for reuse

  internal::RunOnThreads(threads, [&](int) {
    BrandesScratch scratch(lanes ? 0 : n);
#ifdef ALLIES_GRAPH_LANES
    LaneScratch lane_scratch(lanes ? n : 0);
#endif
    std::vector<double> partial(n, 0.0);
    while (true) {
      const std::size_t chunk = next_chunk.fetch_add(1);
      if (chunk >= chunk_count) break;
      const std::size_t end = std::min(n, (chunk + 1) * chunk_size);
      for (std::size_t i = chunk * chunk_size; i < end;) {
#ifdef ALLIES_GRAPH_LANES
        if (lanes) {
          const int count = static_cast<int>(std::min<std::size_t>(kLanes, end - i));
          BrandesLanes(graph, order.data() + i, count, lane_scratch, partial.data());
          i += static_cast<std::size_t>(count);
          continue;
        }
#endif
        const NodeId source = order[i++];
        switch (options.weighting) {
          case Weighting::kUnweighted:
            BrandesUnweighted(graph, source, scratch, partial.data());
            break;
          case Weighting::kInverseWeight:
            BrandesWeighted<false>(graph, lengths, source, scratch, partial.data());
            break;
          case Weighting::kNegLogStrength:
            BrandesWeighted<true>(graph, lengths, source, scratch, partial.data());
            break;
        }
      }
      const std::lock_guard lock(merge_mutex);
      parked[chunk] = std::move(partial);
      for (; merged_chunks < chunk_count && !parked[merged_chunks].empty(); ++merged_chunks) {
        std::vector<double>& sums = parked[merged_chunks];
        for (std::size_t v = 0; v < n; ++v) {
          total[v] += sums[v];
          sums[v] = 0.0;
        }
        spare.push_back(std::move(sums));
        sums = {};
      }
      if (spare.empty()) {
        partial.assign(n, 0.0);
      } else {
        partial = std::move(spare.back());
        spare.pop_back();
      }
    }
  });

  Rescale(options.normalized, graph.Directed(), total);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Approximate betweenness (Riondato & Kornaropoulos 2016).

namespace {

// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough to pick pairs and paths.
// Defined here rather than taken from <random> so that a seed gives the same samples with every
// standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t state) : state_(state) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound), by Lemire's multiply-shift (bias below 2^-32 for our bounds).
  std::uint64_t Below(std::uint64_t bound) {
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::uint64_t>((static_cast<Wide>(Next()) * bound) >> 64);
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

std::uint64_t Mix(std::uint64_t value) { return Rng(value).Next(); }

// Picks one of `items` with probability proportional to weight(item); `total` is their sum.
template <class Items, class WeightOf>
auto PickWeighted(const Items& items, double total, Rng& rng, WeightOf weight_of) {
  const double target = rng.Unit() * total;
  double sum = 0.0;
  for (const auto& item : items) {
    sum += weight_of(item);
    if (target < sum) return item;
  }
  // Rounding can leave target just above the last partial sum: the last item then wins.
  return items.back();
}

struct Meet {
  NodeId from;  // reached from u
  NodeId to;    // reaches v
  double paths;
};

// One search of a bidirectional Dijkstra; keys are (length, strength-1 edges) as in
// ComparePaths.
struct DijkstraSide {
  explicit DijkstraSide(std::size_t n)
      : dist(n, kInfinity), zero(n, 0), sigma(n, 0.0), settled(n, 0), heap(n) {}
  void Reset() {
    for (NodeId node : touched) {
      dist[node] = kInfinity;
      settled[node] = 0;
    }
    touched.clear();
    order.clear();
    heap.Clear();
  }
  std::vector<double> dist;
  std::vector<std::uint32_t> zero;
  std::vector<double> sigma;
  std::vector<std::uint8_t> settled;
  std::vector<NodeId> touched;  // reached
  std::vector<NodeId> order;    // settled, in order
  NodeHeap heap;
};

struct SampleScratch {
  explicit SampleScratch(std::size_t n)
      : dist_f(n, -1),
        dist_b(n, -1),
        sigma_f(n, 0.0),
        sigma_b(n, 0.0),
        forward(n),
        backward(n),
        counts(n, 0) {}
  // Bidirectional BFS.
  std::vector<std::int32_t> dist_f, dist_b;
  std::vector<double> sigma_f, sigma_b;
  std::vector<NodeId> touched_f, touched_b, frontier_f, frontier_b, next;
  std::vector<Meet> meets;
  std::vector<NodeId> candidates;
  DijkstraSide forward;               // from u
  DijkstraSide backward;              // towards v, over arriving arcs
  std::vector<std::uint64_t> counts;  // samples whose path has the node inside
};

// Samples one shortest u-v path uniformly and counts its interior nodes. Balanced bidirectional
// BFS: the side whose frontier has fewer arcs grows one level; when a grown arc reaches the
// other side, every shortest path crosses exactly one arc between the two last levels, and it
// is chosen with probability sigma_u(x) * sigma_v(y) / sigma_uv.
void SampleUnweighted(const Graph& graph, NodeId u, NodeId v, Rng& rng, SampleScratch& s) {
  s.dist_f[u] = 0;
  s.sigma_f[u] = 1.0;
  s.touched_f.assign(1, u);
  s.frontier_f.assign(1, u);
  std::size_t cost_f = graph.OutDegree(u);
  s.dist_b[v] = 0;
  s.sigma_b[v] = 1.0;
  s.touched_b.assign(1, v);
  s.frontier_b.assign(1, v);
  std::size_t cost_b = graph.InDegree(v);
  s.meets.clear();
  std::int32_t level_f = 0;
  std::int32_t level_b = 0;
  while (!s.frontier_f.empty() && !s.frontier_b.empty()) {
    const bool forward = cost_f <= cost_b;
    s.next.clear();
    std::size_t cost = 0;
    if (forward) {
      for (NodeId x : s.frontier_f) {
        for (NodeId y : graph.OutNeighbors(x)) {
          if (s.dist_b[y] >= 0) {
            s.meets.push_back({x, y, s.sigma_f[x] * s.sigma_b[y]});
          } else if (s.meets.empty()) {
            if (s.dist_f[y] < 0) {
              s.dist_f[y] = level_f + 1;
              s.sigma_f[y] = s.sigma_f[x];
              s.touched_f.push_back(y);
              s.next.push_back(y);
              cost += graph.OutDegree(y);
            } else if (s.dist_f[y] == level_f + 1) {
              s.sigma_f[y] += s.sigma_f[x];
            }
          }
        }
      }
      if (!s.meets.empty()) break;
      s.frontier_f.swap(s.next);
      cost_f = cost;
      ++level_f;
    } else {
      for (NodeId y : s.frontier_b) {
        for (NodeId x : graph.InNeighbors(y)) {
          if (s.dist_f[x] >= 0) {
            s.meets.push_back({x, y, s.sigma_f[x] * s.sigma_b[y]});
          } else if (s.meets.empty()) {
            if (s.dist_b[x] < 0) {
              s.dist_b[x] = level_b + 1;
              s.sigma_b[x] = s.sigma_b[y];
              s.touched_b.push_back(x);
              s.next.push_back(x);
              cost += graph.InDegree(x);
            } else if (s.dist_b[x] == level_b + 1) {
              s.sigma_b[x] += s.sigma_b[y];
            }
          }
        }
      }
      if (!s.meets.empty()) break;
      s.frontier_b.swap(s.next);
      cost_b = cost;
      ++level_b;
    }
  }

  if (!s.meets.empty()) {
    double total = 0.0;
    for (const Meet& meet : s.meets) total += meet.paths;
    const Meet meet = PickWeighted(s.meets, total, rng, [](const Meet& m) { return m.paths; });
    // Back from the meeting arc to u, then on to v, each step choosing a neighbour one level
    // closer with probability proportional to its path count.
    for (NodeId z = meet.from; z != u;) {
      ++s.counts[z];
      s.candidates.clear();
      for (NodeId p : graph.InNeighbors(z)) {
        if (s.dist_f[p] == s.dist_f[z] - 1) s.candidates.push_back(p);
      }
      z = PickWeighted(s.candidates, s.sigma_f[z], rng, [&](NodeId p) { return s.sigma_f[p]; });
    }
    for (NodeId z = meet.to; z != v;) {
      ++s.counts[z];
      s.candidates.clear();
      for (NodeId q : graph.OutNeighbors(z)) {
        if (s.dist_b[q] == s.dist_b[z] - 1) s.candidates.push_back(q);
      }
      z = PickWeighted(s.candidates, s.sigma_b[z], rng, [&](NodeId q) { return s.sigma_b[q]; });
    }
  }
  for (NodeId z : s.touched_f) s.dist_f[z] = -1;
  for (NodeId z : s.touched_b) s.dist_b[z] = -1;
}

// Samples one shortest u-v path uniformly and counts its interior nodes, by bidirectional
// Dijkstra: a search from u and one towards v, each step growing the side with the smaller
// heap, until the two tops add up to the best u-v length D found (Pohl 1971). Every node of a
// shortest path is then settled by one side or the other. Each shortest path has exactly one
// arc (x, y) with d(u, x) < T <= d(u, y), for T = min(forward top, D): x is settled forward
// and, once the backward search has settled every node within D - T of v, y is settled
// backward; the arc is picked with probability sigma_u(x) sigma_v(y) / sigma_uv and the path
// completed by walking both searches back. On a social graph each search covers a small ball
// instead of half the graph.
template <bool kLexicographic>
void SampleWeighted(const Graph& graph, const Lengths& lengths, NodeId u, NodeId v, Rng& rng,
                    SampleScratch& s) {
  DijkstraSide& f = s.forward;
  DijkstraSide& b = s.backward;
  auto start = [](DijkstraSide& side, NodeId node) {
    side.dist[node] = 0.0;
    side.zero[node] = 0;
    side.sigma[node] = 1.0;
    side.touched.push_back(node);
    side.heap.Queue<kLexicographic>(node, 0.0, 0);
  };
  start(f, u);
  start(b, v);
  double best = kInfinity;
  std::uint32_t best_zero = 0;
  auto settle = [&](DijkstraSide& side, const DijkstraSide& other, bool forward) {
    const NodeId x = side.heap.Pop<kLexicographic>();
    side.settled[x] = 1;
    side.order.push_back(x);
    const std::span<const NodeId> targets = forward ? graph.OutNeighbors(x) : graph.InNeighbors(x);
    const double* length = forward ? OutLengths(lengths, x) : InLengths(graph, lengths, x);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const NodeId w = targets[i];
      const double candidate = side.dist[x] + length[i];
      const std::uint32_t zero = side.zero[x] + (length[i] == 0.0 ? 1u : 0u);
      if (other.settled[w] &&
          ComparePaths<kLexicographic>(candidate + other.dist[w], zero + other.zero[w], best,
                                       best_zero) == Order::kShorter) {
        best = candidate + other.dist[w];
        best_zero = zero + other.zero[w];
      }
      if (side.settled[w]) continue;
      if (side.dist[w] == kInfinity) side.touched.push_back(w);
      const Order order_w =
          ComparePaths<kLexicographic>(candidate, zero, side.dist[w], side.zero[w]);
      if (order_w == Order::kShorter) {
        side.dist[w] = candidate;
        side.zero[w] = zero;
        side.sigma[w] = side.sigma[x];
        side.heap.Queue<kLexicographic>(w, candidate, zero);
      } else if (order_w == Order::kSame) {
        side.sigma[w] += side.sigma[x];
      }
    }
  };
  while (ComparePaths<kLexicographic>(f.heap.TopDist() + b.heap.TopDist(),
                                      f.heap.TopHops() + b.heap.TopHops(), best,
                                      best_zero) == Order::kShorter) {
    if (!f.heap.Empty() && (b.heap.Empty() || f.heap.Size() <= b.heap.Size())) {
      settle(f, b, true);
    } else {
      settle(b, f, false);
    }
  }

  if (best != kInfinity) {
    double threshold = f.heap.TopDist();
    std::uint32_t threshold_zero = f.heap.TopHops();
    if (ComparePaths<kLexicographic>(best, best_zero, threshold, threshold_zero) ==
        Order::kShorter) {
      threshold = best;
      threshold_zero = best_zero;
    }
    while (!b.heap.Empty() && ComparePaths<kLexicographic>(b.heap.TopDist() + threshold,
                                                           b.heap.TopHops() + threshold_zero, best,
                                                           best_zero) != Order::kLonger) {
      settle(b, f, false);
    }
    s.meets.clear();
    double total = 0.0;
    for (NodeId x : f.order) {
      if (ComparePaths<kLexicographic>(f.dist[x], f.zero[x], threshold, threshold_zero) !=
          Order::kShorter) {
        continue;
      }
      const std::span<const NodeId> targets = graph.OutNeighbors(x);
      const double* length = OutLengths(lengths, x);
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const NodeId y = targets[i];
        if (!b.settled[y]) continue;
        const double to_y = f.dist[x] + length[i];
        const std::uint32_t zero_y = f.zero[x] + (length[i] == 0.0 ? 1u : 0u);
        if (ComparePaths<kLexicographic>(to_y, zero_y, threshold, threshold_zero) ==
                Order::kShorter ||
            ComparePaths<kLexicographic>(to_y + b.dist[y], zero_y + b.zero[y], best, best_zero) !=
                Order::kSame) {
          continue;
        }
        s.meets.push_back({x, y, f.sigma[x] * b.sigma[y]});
        total += s.meets.back().paths;
      }
    }
    if (!s.meets.empty()) {
      const Meet meet = PickWeighted(s.meets, total, rng, [](const Meet& m) { return m.paths; });
      // A predecessor on each side: settled by that side, and the arc keeps the path shortest.
      auto walk = [&](const DijkstraSide& side, NodeId z, NodeId end, bool towards_u) {
        while (z != end) {
          ++s.counts[z];
          const std::span<const NodeId> next =
              towards_u ? graph.InNeighbors(z) : graph.OutNeighbors(z);
          const double* length = towards_u ? InLengths(graph, lengths, z) : OutLengths(lengths, z);
          s.candidates.clear();
          for (std::size_t i = 0; i < next.size(); ++i) {
            const NodeId p = next[i];
            if (side.settled[p] &&
                ComparePaths<kLexicographic>(side.dist[p] + length[i],
                                             side.zero[p] + (length[i] == 0.0 ? 1u : 0u),
                                             side.dist[z], side.zero[z]) == Order::kSame) {
              s.candidates.push_back(p);
            }
          }
          if (s.candidates.empty()) break;  // only if rounding broke the invariant
          z = PickWeighted(s.candidates, side.sigma[z], rng,
                           [&](NodeId p) { return side.sigma[p]; });
        }
      };
      walk(f, meet.from, u, true);
      walk(b, meet.to, v, false);
    }
  }
  f.Reset();
  b.Reset();
}

struct HopBound {
  std::uint64_t hops = 0;               // bound on the hops of any shortest (fewest-hop) path
  std::uint64_t largest_component = 0;  // nodes in the largest (weakly) connected component
};

// Directed: a shortest path crosses the strongly connected components in topological order,
// and its part inside a component C is a shortest path of C, of at most
// min(|C| - 1, ecc_in_C(x) + ecc_out_C(x)) hops for any x in C (through x). The bound is the
// longest chain of the condensation weighted by those bounds plus the arcs between components.
// Tarjan's algorithm (iterative), then two BFS per component inside it: O(n + m).
std::uint64_t BoundDirectedHops(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> index(n, kNone);
  std::vector<std::uint32_t> low(n, 0);
  std::vector<std::uint32_t> component(n, kNone);
  std::vector<NodeId> stack;
  std::vector<std::pair<NodeId, std::uint32_t>> calls;  // node, next out-arc to look at
  std::vector<std::vector<NodeId>> members;             // by component, sinks first
  std::uint32_t next_index = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (index[root] != kNone) continue;
    calls.push_back({root, 0});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    while (!calls.empty()) {
      auto& [node, arc] = calls.back();
      const std::span<const NodeId> targets = graph.OutNeighbors(node);
      if (arc < targets.size()) {
        const NodeId w = targets[arc++];
        if (index[w] == kNone) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          calls.push_back({w, 0});
        } else if (component[w] == kNone) {
          low[node] = std::min(low[node], index[w]);
        }
        continue;
      }
      const NodeId done = node;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
      if (low[done] != index[done]) continue;
      const auto id = static_cast<std::uint32_t>(members.size());
      members.emplace_back();
      NodeId w = 0;
      do {
        w = stack.back();
        stack.pop_back();
        component[w] = id;
        members.back().push_back(w);
      } while (w != done);
    }
  }

  std::vector<std::int32_t> dist(n, -1);
  std::vector<NodeId> queue;
  auto eccentricity = [&](NodeId start, std::uint32_t id, bool forward) {
    queue.assign(1, start);
    dist[start] = 0;
    std::int32_t farthest = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const NodeId x = queue[head];
      farthest = dist[x];
      for (NodeId y : forward ? graph.OutNeighbors(x) : graph.InNeighbors(x)) {
        if (component[y] == id && dist[y] < 0) {
          dist[y] = dist[x] + 1;
          queue.push_back(y);
        }
      }
    }
    for (NodeId x : queue) dist[x] = -1;
    return static_cast<std::uint64_t>(farthest);
  };
  // chain[c]: the most nodes a shortest path starting in component c can have. Successors of a
  // component were completed before it, so they have smaller ids.
  std::vector<std::uint64_t> chain(members.size(), 0);
  std::uint64_t longest = 0;
  for (std::uint32_t id = 0; id < members.size(); ++id) {
    NodeId center = members[id][0];
    for (NodeId x : members[id]) {
      if (graph.OutDegree(x) + graph.InDegree(x) >
          graph.OutDegree(center) + graph.InDegree(center)) {
        center = x;
      }
    }
    const std::uint64_t inside = std::min<std::uint64_t>(
        members[id].size() - 1, eccentricity(center, id, true) + eccentricity(center, id, false));
    std::uint64_t after = 0;
    for (NodeId x : members[id]) {
      for (NodeId y : graph.OutNeighbors(x)) {
        if (component[y] != id) after = std::max(after, chain[component[y]]);
      }
    }
    chain[id] = inside + 1 + after;
    longest = std::max(longest, chain[id]);
  }
  return longest - 1;
}

// Undirected: for each connected component, 2 × the eccentricity of its highest-degree node (by
// the triangle inequality through that node), at most the component's size - 1. Directed:
// BoundDirectedHops, at most the largest weakly connected component's size - 1. O(n + m).
HopBound BoundHops(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  HopBound bound;
  std::vector<std::int32_t> component_dist(n, -1);
  std::vector<std::int32_t> center_dist(n, -1);
  std::vector<NodeId> queue;
  queue.reserve(n);
  for (NodeId start = 0; start < n; ++start) {
    if (component_dist[start] >= 0) continue;
    queue.assign(1, start);
    component_dist[start] = 0;
    NodeId center = start;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const NodeId x = queue[head];
      if (graph.OutDegree(x) + graph.InDegree(x) >
          graph.OutDegree(center) + graph.InDegree(center)) {
        center = x;
      }
      auto visit = [&](NodeId y) {
        if (component_dist[y] < 0) {
          component_dist[y] = component_dist[x] + 1;
          queue.push_back(y);
        }
      };
      for (NodeId y : graph.OutNeighbors(x)) visit(y);
      if (graph.Directed()) {
        for (NodeId y : graph.InNeighbors(x)) visit(y);
      }
    }
    const std::uint64_t size = queue.size();
    bound.largest_component = std::max(bound.largest_component, size);
    if (graph.Directed()) continue;
    std::int32_t eccentricity = 0;
    queue.assign(1, center);
    center_dist[center] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const NodeId x = queue[head];
      eccentricity = center_dist[x];
      for (NodeId y : graph.OutNeighbors(x)) {
        if (center_dist[y] < 0) {
          center_dist[y] = center_dist[x] + 1;
          queue.push_back(y);
        }
      }
    }
    bound.hops = std::max(bound.hops, std::min<std::uint64_t>(
                                          2 * static_cast<std::uint64_t>(eccentricity), size - 1));
  }
  if (graph.Directed()) {
    bound.hops = std::min(bound.largest_component - 1, BoundDirectedHops(graph));
  }
  return bound;
}

core::Result<void> ValidateApprox(double epsilon, double delta) {
  if (!(epsilon > 0.0 && epsilon < 1.0)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "approximate betweenness epsilon " + Format(epsilon) +
                          " is outside (0, 1) (0.01 is the default)");
  }
  if (!(delta > 0.0 && delta < 1.0)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "approximate betweenness delta " + Format(delta) +
                          " is outside (0, 1) (0.1 is the default)");
  }
  return {};
}

}  // namespace

core::Result<ApproxBetweenness> ApproximateBetweenness(const Graph& graph,
                                                       const ApproxBetweennessOptions& options) {
  ALLIES_TRY_VOID(ValidateApprox(options.epsilon, options.delta));
  Lengths lengths;
  if (options.weighting != Weighting::kUnweighted) {
    ALLIES_TRY(lengths, ComputeLengths(graph, options.weighting));
  }
  const std::size_t n = graph.NodeCount();
  ApproxBetweenness result;
  result.values.assign(n, 0.0);
  result.epsilon = options.epsilon;
  result.delta = options.delta;
  if (n <= 2) {
    result.vertex_diameter_bound = n;
    return result;
  }

  const HopBound hop_bound = BoundHops(graph);
  std::uint64_t hops = hop_bound.hops;
  if (options.weighting != Weighting::kUnweighted) {
    // A shortest weighted path of k hops costs at least k·min and at most the cost of a
    // fewest-hop path, hops·max (times 1 + kLengthTolerance, as near-ties count as shortest).
    const std::uint64_t cap = hop_bound.largest_component - 1;
    if (lengths.min > 0.0) {
      const double scaled = std::floor(static_cast<double>(hops) * (lengths.max / lengths.min) *
                                       (1.0 + 10 * kLengthTolerance));
      hops = scaled >= static_cast<double>(cap) ? cap : static_cast<std::uint64_t>(scaled);
    } else {
      hops = cap;
    }
  }
  result.vertex_diameter_bound = hops + 1;
  if (result.vertex_diameter_bound <= 2) return result;

  const double nodes = static_cast<double>(n);
  const double epsilon_rk = options.epsilon * (nodes - 2.0) / nodes;
  const double log_term =
      std::floor(std::log2(static_cast<double>(result.vertex_diameter_bound - 2))) + 1.0 +
      std::log(1.0 / options.delta);
  const auto samples =
      static_cast<std::uint64_t>(std::ceil(0.5 / (epsilon_rk * epsilon_rk) * log_term));
  result.samples = samples;

  constexpr std::uint64_t kSamplesPerChunk = 256;
  const std::uint64_t chunk_count = (samples + kSamplesPerChunk - 1) / kSamplesPerChunk;
  const int threads = std::min<int>(
      internal::ResolveThreads(options.threads, static_cast<std::size_t>(samples) * 64, 4096),
      static_cast<int>(std::min<std::uint64_t>(chunk_count, 1024)));
  std::atomic<std::uint64_t> next_chunk{0};
  std::vector<std::vector<std::uint64_t>> counts(static_cast<std::size_t>(threads));
  const std::uint64_t seed = Mix(options.seed);

  internal::RunOnThreads(threads, [&](int t) {
    SampleScratch scratch(n);
    while (true) {
      const std::uint64_t chunk = next_chunk.fetch_add(1);
      if (chunk >= chunk_count) break;
      const std::uint64_t end = std::min(samples, (chunk + 1) * kSamplesPerChunk);
      for (std::uint64_t i = chunk * kSamplesPerChunk; i < end; ++i) {
        Rng rng(seed ^ Mix(i));
        const auto u = static_cast<NodeId>(rng.Below(n));
        auto v = static_cast<NodeId>(rng.Below(n - 1));
        if (v >= u) ++v;
        switch (options.weighting) {
          case Weighting::kUnweighted:
            SampleUnweighted(graph, u, v, rng, scratch);
            break;
          case Weighting::kInverseWeight:
            SampleWeighted<false>(graph, lengths, u, v, rng, scratch);
            break;
          case Weighting::kNegLogStrength:
            SampleWeighted<true>(graph, lengths, u, v, rng, scratch);
            break;
        }
      }
    }
    counts[static_cast<std::size_t>(t)] = std::move(scratch.counts);
  });

  const double scale = nodes / ((nodes - 2.0) * static_cast<double>(samples));
  for (std::size_t v = 0; v < n; ++v) {
    std::uint64_t hits = 0;
    for (const auto& per_thread : counts) hits += per_thread[v];
    result.values[v] = static_cast<double>(hits) * scale;
  }
  return result;
}

core::Result<AutoBetweenness> BetweennessAuto(const Graph& graph, const AutoOptions& options) {
  const double weight_factor = options.weighting == Weighting::kUnweighted ? 1.0 : 10.0;
  const double work =
      static_cast<double>(graph.NodeCount()) * static_cast<double>(ArcCount(graph)) * weight_factor;
  AutoBetweenness result;
  if (work <= options.max_exact_work) {
    BetweennessOptions exact;
    exact.weighting = options.weighting;
    exact.threads = options.threads;
    ALLIES_TRY(result.values, Betweenness(graph, exact));
    return result;
  }
  ApproxBetweennessOptions approx;
  approx.epsilon = options.epsilon;
  approx.delta = options.delta;
  approx.seed = options.seed;
  approx.weighting = options.weighting;
  approx.threads = options.threads;
  ALLIES_TRY(ApproxBetweenness estimate, ApproximateBetweenness(graph, approx));
  result.values = std::move(estimate.values);
  result.approximate = true;
  result.epsilon = estimate.epsilon;
  return result;
}

}  // namespace allies::graph
