#include "graph/communities.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "graph/parallel.h"

namespace allies::graph {
namespace {

// Labels renumbered 0..k-1 in increasing order of label.
std::vector<std::uint32_t> DenseLabels(std::span<const std::uint32_t> labels,
                                       std::uint32_t* count) {
  std::vector<std::uint32_t> distinct(labels.begin(), labels.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint32_t> dense(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    dense[i] = static_cast<std::uint32_t>(
        std::lower_bound(distinct.begin(), distinct.end(), labels[i]) - distinct.begin());
  }
  *count = static_cast<std::uint32_t>(distinct.size());
  return dense;
}

// Shortest readable form of a number a person typed ("-1", "0.5", "inf").
std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// SplitMix64 (Steele, Lea & Flood 2014): small, fast and the same on every platform, which the
// standard distributions are not.
class Prng {
 public:
  explicit Prng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound), bound > 0, without modulo bias (rejection of the short last block).
  std::uint64_t Below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    for (;;) {
      const std::uint64_t x = Next();
      if (x < limit) return x % bound;
    }
  }

 private:
  std::uint64_t state_;
};

// One level of the Louvain hierarchy in the directed form that covers both cases: an undirected
// edge of weight w is the pair of arcs i -> j and j -> i of weight w each. Then with m the total
// arc weight, Q = Σ_c [ L_c / m - γ out_c in_c / m^2 ], which for undirected graphs is Newman's
// modularity with m the edge weight, L_c counting each inner edge once.
struct Level {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbors;  // never the node itself
  std::vector<double> mutual;            // a_ij + a_ji
  std::vector<double> out_weight;        // Σ_j a_ij, self-loop included
  std::vector<double> in_weight;         // Σ_j a_ji, self-loop included
  std::vector<double> self;              // a_ii: the arcs inside a merged community

  std::uint32_t Size() const { return static_cast<std::uint32_t>(out_weight.size()); }
};

Level FirstLevel(const Graph& graph) {
  const NodeId n = graph.NodeCount();
  Level level;
  level.offsets.assign(n + 1, 0);
  level.out_weight.assign(n, 0.0);
  level.in_weight.assign(n, 0.0);
  level.self.assign(n, 0.0);
  level.neighbors.reserve(2 * graph.EdgeCount());
  level.mutual.reserve(2 * graph.EdgeCount());
  for (NodeId i = 0; i < n; ++i) {
    const auto out = graph.OutNeighbors(i);
    const auto out_w = graph.OutWeights(i);
    for (const float w : out_w) level.out_weight[i] += w;
    if (!graph.Directed()) {
      level.in_weight[i] = level.out_weight[i];
      level.neighbors.insert(level.neighbors.end(), out.begin(), out.end());
      for (const float w : out_w) level.mutual.push_back(2.0 * w);
    } else {
      const auto in = graph.InNeighbors(i);
      const auto in_w = graph.InWeights(i);
      for (const float w : in_w) level.in_weight[i] += w;
      std::size_t o = 0;
      std::size_t k = 0;
      while (o < out.size() || k < in.size()) {
        if (k == in.size() || (o < out.size() && out[o] < in[k])) {
          level.neighbors.push_back(out[o]);
          level.mutual.push_back(out_w[o++]);
        } else if (o == out.size() || in[k] < out[o]) {
          level.neighbors.push_back(in[k]);
          level.mutual.push_back(in_w[k++]);
        } else {
          level.neighbors.push_back(out[o]);
          level.mutual.push_back(static_cast<double>(out_w[o++]) + in_w[k++]);
        }
      }
    }
    level.offsets[i + 1] = level.neighbors.size();
  }
  return level;
}

// Moves nodes of `level` between communities, starting from `community` (ids below Size()),
// until no move raises modularity. A node may also leave its community for an empty one, which
// only matters when the start is not all singletons. Returns whether any node moved;
// `community` holds the result (not renumbered).
//
// Rather than sweeping over all nodes until a sweep changes nothing, nodes wait in a queue, first
// all in shuffled order, then those whose neighbourhood changed: a neighbour of a node that moved
// is queued again unless it already sits in the node's new community (Ozaki, Tezuka & Inaba 2016,
// "A simple acceleration method for the Louvain algorithm"; Traag, Waltman & van Eck 2019).
// Later sweeps would visit mostly settled nodes; the queue skips them.
bool MoveNodes(const Level& level, double total, const LouvainOptions& options, Prng& prng,
               std::vector<std::uint32_t>& community) {
  const std::uint32_t n = level.Size();
  std::vector<double> tot_out(n, 0.0);
  std::vector<double> tot_in(n, 0.0);
  std::vector<std::uint32_t> members(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    tot_out[community[i]] += level.out_weight[i];
    tot_in[community[i]] += level.in_weight[i];
    ++members[community[i]];
  }
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = n; c-- > 0;) {
    if (members[c] == 0) empty.push_back(c);
  }
  // A ring of capacity n: a node is in the queue at most once.
  std::vector<std::uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  for (std::uint32_t i = n; i > 1; --i) std::swap(queue[i - 1], queue[prng.Below(i)]);
  std::vector<std::uint8_t> queued(n, 1);
  std::size_t head = 0;
  std::size_t size = n;

  // Gains are kept multiplied by m: gain(c) = w_ic - γ (out_i tot_in(c) + in_i tot_out(c)) / m,
  // the change of m·Q when i, alone, joins c; 0 for an empty community. A move must gain more
  // than a rounding error of the sums, so that no node moves back and forth forever.
  const double scale = options.resolution / total;
  std::vector<double> to_community(n, 0.0);
  std::vector<std::uint32_t> touched;
  bool moved = false;
  while (size > 0) {
    const std::uint32_t i = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --size;
    queued[i] = 0;
    const std::uint32_t old = community[i];
    for (std::uint64_t e = level.offsets[i]; e < level.offsets[i + 1]; ++e) {
      const std::uint32_t c = community[level.neighbors[e]];
      if (to_community[c] == 0.0) touched.push_back(c);
      to_community[c] += level.mutual[e];
    }
    const double k_out = level.out_weight[i];
    const double k_in = level.in_weight[i];
    tot_out[old] -= k_out;
    tot_in[old] -= k_in;
    --members[old];
    auto gain = [&](std::uint32_t c) {
      return to_community[c] - scale * (k_out * tot_in[c] + k_in * tot_out[c]);
    };
    const double stay = gain(old);
    const double min_gain = 1e-10 * (k_out + k_in);
    std::uint32_t best = old;
    double best_gain = stay + min_gain;
    for (const std::uint32_t c : touched) {
      const double g = gain(c);
      if (g > best_gain) {
        best_gain = g;
        best = c;
      }
    }
    if (best == old && stay < -min_gain && members[old] > 0 && !empty.empty()) {
      best = empty.back();
      empty.pop_back();
    }
    tot_out[best] += k_out;
    tot_in[best] += k_in;
    ++members[best];
    for (const std::uint32_t c : touched) to_community[c] = 0.0;
    touched.clear();
    if (best == old) continue;
    if (members[old] == 0) empty.push_back(old);
    community[i] = best;
    moved = true;
    for (std::uint64_t e = level.offsets[i]; e < level.offsets[i + 1]; ++e) {
      const std::uint32_t j = level.neighbors[e];
      if (queued[j] || community[j] == best) continue;
      queued[j] = 1;
      queue[(head + size) % n] = j;
      ++size;
    }
  }
  return moved;
}

// Renumbers `community` to 0..k-1 in order of first appearance; returns k.
std::uint32_t Compact(std::vector<std::uint32_t>& community) {
  std::vector<std::uint32_t> index(community.size(), UINT32_MAX);
  std::uint32_t count = 0;
  for (auto& c : community) {
    if (index[c] == UINT32_MAX) index[c] = count++;
    c = index[c];
  }
  return count;
}

// The graph of the communities: one node per community, arcs summed.
Level Aggregate(const Level& level, const std::vector<std::uint32_t>& community,
                std::uint32_t count) {
  const std::uint32_t n = level.Size();
  std::vector<std::uint32_t> start(count + 1, 0);
  for (const std::uint32_t c : community) ++start[c + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> members(n);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) members[fill[community[i]]++] = i;

  Level next;
  next.offsets.assign(count + 1, 0);
  next.out_weight.assign(count, 0.0);
  next.in_weight.assign(count, 0.0);
  next.self.assign(count, 0.0);
  std::vector<double> to_community(count, 0.0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t c = 0; c < count; ++c) {
    double inside = 0;
    for (std::uint32_t m = start[c]; m < start[c + 1]; ++m) {
      const std::uint32_t i = members[m];
      next.out_weight[c] += level.out_weight[i];
      next.in_weight[c] += level.in_weight[i];
      next.self[c] += level.self[i];
      for (std::uint64_t e = level.offsets[i]; e < level.offsets[i + 1]; ++e) {
        const std::uint32_t d = community[level.neighbors[e]];
        if (d == c) {
          inside += level.mutual[e];
        } else {
          if (to_community[d] == 0.0) touched.push_back(d);
          to_community[d] += level.mutual[e];
        }
      }
    }
    // Each inner pair was seen from both ends.
    next.self[c] += inside / 2;
    for (const std::uint32_t d : touched) {
      next.neighbors.push_back(d);
      next.mutual.push_back(to_community[d]);
      to_community[d] = 0.0;
    }
    touched.clear();
    next.offsets[c + 1] = next.neighbors.size();
  }
  return next;
}

// Modularity of a level in which every node is its own community.
double LevelModularity(const Level& level, double total, double resolution) {
  double q = 0;
  for (std::uint32_t c = 0; c < level.Size(); ++c) {
    q += level.self[c] / total -
         resolution * level.out_weight[c] * level.in_weight[c] / (total * total);
  }
  return q;
}

// Modularity of `partition` (ids below Size()) on `level`. The runs are compared by it.
double PartitionModularity(const Level& level, double total, double resolution,
                           const std::vector<std::uint32_t>& partition) {
  const std::uint32_t n = level.Size();
  std::vector<double> inside(n, 0.0);
  std::vector<double> tot_out(n, 0.0);
  std::vector<double> tot_in(n, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t c = partition[i];
    tot_out[c] += level.out_weight[i];
    tot_in[c] += level.in_weight[i];
    inside[c] += level.self[i];
    for (std::uint64_t e = level.offsets[i]; e < level.offsets[i + 1]; ++e) {
      // Each inner pair is seen from both ends.
      if (partition[level.neighbors[e]] == c) inside[c] += level.mutual[e] / 2;
    }
  }
  double q = 0;
  for (std::uint32_t c = 0; c < n; ++c) {
    q += inside[c] / total - resolution * tot_out[c] * tot_in[c] / (total * total);
  }
  return q;
}

// One run of Louvain on the level-0 graph `first`: the community of each of its nodes.
std::vector<std::uint32_t> RunOnce(const Level& first, double total, const LouvainOptions& options,
                                   Prng& prng) {
  // Coarsening as Blondel et al.: level t + 1 is level t with each community of merged[t]
  // made one node.
  std::vector<Level> upper;
  auto level_at = [&](std::size_t t) -> const Level& { return t == 0 ? first : upper[t - 1]; };
  std::vector<std::vector<std::uint32_t>> merged;
  double modularity = LevelModularity(first, total, options.resolution);
  for (;;) {
    const Level& level = level_at(merged.size());
    std::vector<std::uint32_t> community(level.Size());
    std::iota(community.begin(), community.end(), 0u);
    if (!MoveNodes(level, total, options, prng, community)) break;
    const std::uint32_t count = Compact(community);
    upper.push_back(Aggregate(level, community, count));
    merged.push_back(std::move(community));
    const double next = LevelModularity(upper.back(), total, options.resolution);
    const bool gained = next - modularity > options.threshold;
    modularity = next;
    if (!gained) break;
  }
  // Refinement (Rotta & Noack 2011, "Multilevel local search algorithms for modularity
  // clustering", ACM J. Exp. Algorithmics 16): going back down the levels, nodes of each level
  // (whole sub-communities) move again between the final communities, or out to form their own.
  // This repairs merges that looked right before the communities around them had formed.
  std::vector<std::uint32_t> partition(level_at(merged.size()).Size());
  std::iota(partition.begin(), partition.end(), 0u);
  for (std::size_t t = merged.size(); t-- > 0;) {
    std::vector<std::uint32_t> below(level_at(t).Size());
    for (std::uint32_t i = 0; i < below.size(); ++i) below[i] = partition[merged[t][i]];
    MoveNodes(level_at(t), total, options, prng, below);
    partition = std::move(below);
  }
  return partition;
}

// Louvain's result depends on the visiting order, and on karate 7 orders in 100 end in a
// local optimum 0.02 below the best. Small graphs get ten runs, which cost little; on large
// ones the runs differ by little and one is kept fast. A function of the graph only, so that the
// result does not depend on the machine.
int AutomaticRuns(const Graph& graph) {
  const std::size_t runs = 1'000'000 / std::max<std::size_t>(1, graph.EdgeCount());
  return static_cast<int>(std::clamp<std::size_t>(runs, 1, 10));
}

// Renumbers communities by decreasing size, ties by smallest member (scanning nodes in order,
// the first appearance of a community is its smallest member).
std::uint32_t RenumberBySize(std::vector<std::uint32_t>& community) {
  const std::uint32_t count = Compact(community);
  std::vector<std::uint32_t> size(count, 0);
  for (const std::uint32_t c : community) ++size[c];
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return size[a] > size[b]; });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t r = 0; r < count; ++r) rank[order[r]] = r;
  for (auto& c : community) c = rank[c];
  return count;
}

}  // namespace

core::Result<double> Modularity(const Graph& graph, std::span<const std::uint32_t> communities,
                                double resolution) {
  const NodeId n = graph.NodeCount();
  if (communities.size() != n) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "modularity needs one community per node: got " +
                          std::to_string(communities.size()) + " communities for " +
                          std::to_string(n) + " nodes");
  }
  if (!std::isfinite(resolution)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "resolution " + FormatNumber(resolution) + " is not a finite number");
  }
  if (graph.EdgeCount() == 0) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "modularity is undefined for a graph without edges");
  }
  std::uint32_t count = 0;
  const std::vector<std::uint32_t> community = DenseLabels(communities, &count);
  std::vector<double> inside(count, 0.0);
  std::vector<double> out_degree(count, 0.0);
  std::vector<double> in_degree(count, 0.0);
  double total = 0;
  for (NodeId i = 0; i < n; ++i) {
    const auto nbrs = graph.OutNeighbors(i);
    const auto weights = graph.OutWeights(i);
    for (std::size_t e = 0; e < nbrs.size(); ++e) {
      const NodeId j = nbrs[e];
      const double w = weights[e];
      out_degree[community[i]] += w;
      in_degree[community[j]] += w;
      total += w;
      // An undirected edge appears in both lists; L_c counts it once.
      if (community[i] == community[j] && (graph.Directed() || i < j)) inside[community[i]] += w;
    }
  }
  // Undirected: total is 2m and out = in = the weighted degree, so d_c^2 / (2m)^2 below.
  const double m = graph.Directed() ? total : total / 2;
  double q = 0;
  for (std::uint32_t c = 0; c < count; ++c) {
    q += inside[c] / m - resolution * out_degree[c] * in_degree[c] / (total * total);
  }
  return q;
}

core::Result<Communities> Louvain(const Graph& graph, const LouvainOptions& options) {
  if (!std::isfinite(options.resolution) || options.resolution < 0) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "resolution " + FormatNumber(options.resolution) +
                          " is not accepted (expected a finite number >= 0)");
  }
  if (!(options.threshold >= 0)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "threshold " + FormatNumber(options.threshold) +
                          " is not accepted (expected a number >= 0)");
  }
  const NodeId n = graph.NodeCount();
  Communities result;
  result.community.resize(n);
  std::iota(result.community.begin(), result.community.end(), 0u);
  if (graph.EdgeCount() == 0) {
    result.count = n;
    return result;
  }

  const Level first = FirstLevel(graph);
  double total = 0;
  for (const double w : first.out_weight) total += w;
  const int runs = options.runs > 0 ? options.runs : AutomaticRuns(graph);
  const int threads = internal::ResolveThreads(options.threads, static_cast<std::size_t>(runs), 1);
  std::vector<std::vector<std::uint32_t>> partitions(static_cast<std::size_t>(runs));
  std::vector<double> modularity(static_cast<std::size_t>(runs), 0.0);
  std::atomic<int> next{0};
  internal::RunOnThreads(threads, [&](int) {
    for (int run; (run = next.fetch_add(1)) < runs;) {
      // Each run's shuffles come from its own stream, so the result does not depend on which
      // thread ran it.
      Prng prng(Prng(options.seed + static_cast<std::uint64_t>(run)).Next());
      partitions[run] = RunOnce(first, total, options, prng);
      modularity[run] = PartitionModularity(first, total, options.resolution, partitions[run]);
    }
  });
  // The best run; the first of equals.
  const auto best = std::max_element(modularity.begin(), modularity.end()) - modularity.begin();
  result.community = std::move(partitions[best]);
  result.count = RenumberBySize(result.community);
  ALLIES_TRY(result.modularity, Modularity(graph, result.community, options.resolution));
  return result;
}

}  // namespace allies::graph
