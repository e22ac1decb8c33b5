#include "graph/pagerank.h"

#include <barrier>
#include <cmath>
#include <sstream>
#include <string>

#include "graph/parallel.h"

namespace allies::graph {
namespace {

// Partial sums (dangling mass, L1 change) are taken per block of this many nodes and added in
// block order; a block is always summed by one thread, so the totals do not depend on the
// number of threads.
constexpr std::size_t kBlockNodes = 4096;

std::string Format(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

core::Result<void> Validate(const PageRankOptions& options) {
  if (!(options.damping >= 0.0 && options.damping <= 1.0)) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "PageRank damping " + Format(options.damping) +
                          " is outside [0, 1] (NetworkX's alpha; 0.85 is usual)");
  }
  if (!(options.tolerance > 0.0 && std::isfinite(options.tolerance))) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "PageRank tolerance " + Format(options.tolerance) +
                          " is not a positive number (1e-6 is NetworkX's default)");
  }
  if (options.max_iterations < 1) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "PageRank max_iterations " + std::to_string(options.max_iterations) +
                          " is below 1 (100 is NetworkX's default)");
  }
  return {};
}

}  // namespace

core::Result<std::vector<double>> PageRank(const Graph& graph, const PageRankOptions& options) {
  ALLIES_TRY_VOID(Validate(options));
  const std::size_t n = graph.NodeCount();
  if (n == 0) return std::vector<double>{};
  const double alpha = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);

  // inv_out[u] = 1 / (weighted) out-degree, 0 for dangling nodes: the row scaling of NetworkX's
  // stochastic_graph.
  std::vector<double> inv_out(n, 0.0);
  for (NodeId u = 0; u < n; ++u) {
    double out = 0.0;
    if (options.weighted) {
      for (float weight : graph.OutWeights(u)) out += weight;
    } else {
      out = static_cast<double>(graph.OutDegree(u));
    }
    if (out != 0.0) inv_out[u] = 1.0 / out;
  }

  const std::size_t block_count = (n + kBlockNodes - 1) / kBlockNodes;
  const std::size_t arcs = graph.Directed() ? graph.EdgeCount() : 2 * graph.EdgeCount();
  const int threads = std::min<int>(internal::ResolveThreads(options.threads, n + arcs, 200'000),
                                    static_cast<int>(block_count));

  // Contiguous block ranges per thread, balanced by nodes plus in-arcs.
  std::vector<std::size_t> first_block(static_cast<std::size_t>(threads) + 1, block_count);
  first_block[0] = 0;
  {
    const double share = static_cast<double>(n + arcs) / threads;
    std::size_t done = 0;
    int next = 1;
    for (std::size_t b = 0; b < block_count && next < threads; ++b) {
      const std::size_t end = std::min(n, (b + 1) * kBlockNodes);
      for (std::size_t v = b * kBlockNodes; v < end; ++v) {
        done += 1 + graph.InDegree(static_cast<NodeId>(v));
      }
      if (static_cast<double>(done) >= share * next) first_block[next++] = b + 1;
    }
    for (; next < threads; ++next) first_block[next] = block_count;
  }

  std::vector<double> x(n, uniform);
  std::vector<double> next_x(n, 0.0);
  std::vector<double> scaled(n, 0.0);  // x[u] / out(u)
  std::vector<double> block_dangling(block_count, 0.0);
  std::vector<double> block_change(block_count, 0.0);
  double dangling = 0.0;
  double change = 0.0;
  bool converged = false;
  bool stop = false;
  int iteration = 0;

  auto after_scale = [&]() noexcept {
    dangling = 0.0;
    for (double part : block_dangling) dangling += part;
  };
  auto after_pull = [&]() noexcept {
    change = 0.0;
    for (double part : block_change) change += part;
    x.swap(next_x);
    ++iteration;
    converged = change < static_cast<double>(n) * options.tolerance;
    stop = converged || iteration >= options.max_iterations;
  };
  std::barrier scale_done(threads, after_scale);
  std::barrier pull_done(threads, after_pull);

  internal::RunOnThreads(threads, [&](int t) {
    const std::size_t begin_block = first_block[static_cast<std::size_t>(t)];
    const std::size_t end_block = first_block[static_cast<std::size_t>(t) + 1];
    while (true) {
      for (std::size_t b = begin_block; b < end_block; ++b) {
        double part = 0.0;
        const std::size_t end = std::min(n, (b + 1) * kBlockNodes);
        for (std::size_t u = b * kBlockNodes; u < end; ++u) {
          scaled[u] = x[u] * inv_out[u];
          if (inv_out[u] == 0.0) part += x[u];
        }
        block_dangling[b] = part;
      }
      scale_done.arrive_and_wait();
      const double base = alpha * dangling * uniform + (1.0 - alpha) * uniform;
      for (std::size_t b = begin_block; b < end_block; ++b) {
        double part = 0.0;
        const std::size_t end = std::min(n, (b + 1) * kBlockNodes);
        for (std::size_t v = b * kBlockNodes; v < end; ++v) {
          const auto node = static_cast<NodeId>(v);
          double sum = 0.0;
          const std::span<const NodeId> sources = graph.InNeighbors(node);
          if (options.weighted) {
            const std::span<const float> weights = graph.InWeights(node);
            for (std::size_t i = 0; i < sources.size(); ++i) {
              sum += static_cast<double>(weights[i]) * scaled[sources[i]];
            }
          } else {
            for (NodeId source : sources) sum += scaled[source];
          }
          const double value = alpha * sum + base;
          part += std::abs(value - x[v]);
          next_x[v] = value;
        }
        block_change[b] = part;
      }
      pull_done.arrive_and_wait();
      if (stop) break;
    }
  });

  if (!converged) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "PageRank did not converge in " + std::to_string(options.max_iterations) +
                          " iterations (L1 change " + Format(change) + ", needed below " +
                          Format(static_cast<double>(n) * options.tolerance) +
                          "); raise max_iterations or tolerance");
  }
  return x;
}

}  // namespace allies::graph
