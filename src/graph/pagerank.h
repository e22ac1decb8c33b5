#pragma once
// PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual Web search engine"),
// computed exactly as NetworkX's nx.pagerank does it, so that the numbers agree to the digit.

#include <vector>

#include "core/result.h"
#include "graph/graph.h"

namespace allies::graph {

struct PageRankOptions {
  double damping = 0.85;  // NetworkX's alpha, in [0, 1]
  // Convergence: stop when the L1 change of the vector, summed over the n nodes, is below
  // n * tolerance (NetworkX's rule). Reference tests use 1e-10.
  double tolerance = 1e-6;
  int max_iterations = 100;
  bool weighted = true;  // false: every edge counts 1
  int threads = 0;       // 0: the hardware's count
};

// The PageRank of every node, indexed by node id, summing to 1 (an empty graph gives an empty
// vector). Power iteration x' = damping * (x P + dangling(x) / n) + (1 - damping) / n from the
// uniform vector, where P is the out-weight-normalized adjacency (NetworkX's stochastic_graph)
// and the mass of dangling nodes (no out-edges) is spread uniformly, as nx.pagerank does with
// its default personalization and dangling arguments. An undirected graph counts each edge in
// both directions. Each node pulls from its in-neighbours in their stored order and partial sums
// are added in a fixed order, so the result does not depend on `threads`.
// InvalidArgument when damping is outside [0, 1], tolerance is not positive or max_iterations is
// below 1, or when the iteration has not converged after max_iterations (NetworkX's
// PowerIterationFailedConvergence). O(iterations * (n + m)) time, O(n) extra memory.
[[nodiscard]] core::Result<std::vector<double>> PageRank(const Graph& graph,
                                                         const PageRankOptions& options = {});

}  // namespace allies::graph
