#pragma once
// Internal to the graph layer: how many threads an algorithm uses, and running one function on
// each of them. Header-only and tiny on purpose.

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace allies::graph::internal {

// The number of threads to use: `requested` (0 = the hardware's count), but never more than
// one per `min_work_per_thread` units of `work`, and at least one.
inline int ResolveThreads(int requested, std::size_t work, std::size_t min_work_per_thread) {
  std::size_t threads = requested > 0 ? static_cast<std::size_t>(requested)
                                      : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t useful =
      std::max<std::size_t>(1, work / std::max<std::size_t>(1, min_work_per_thread));
  return static_cast<int>(std::max<std::size_t>(1, std::min(threads, useful)));
}

// Calls body(t) for t = 0..threads-1, body(0) on the calling thread, and returns when all are
// done.
template <class Body>
void RunOnThreads(int threads, Body&& body) {
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(std::max(0, threads - 1)));
  for (int t = 1; t < threads; ++t) workers.emplace_back([&body, t] { body(t); });
  body(0);
  for (std::thread& worker : workers) worker.join();
}

}  // namespace allies::graph::internal
