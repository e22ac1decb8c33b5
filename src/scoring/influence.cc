#include "scoring/influence.h"

#include <algorithm>
#include <numeric>

#include "core/text.h"

namespace allies::scoring {

std::vector<double> Percentiles(std::span<const double> values) {
  std::size_t n = values.size();
  std::vector<double> percentiles(n, 0.5);
  if (n < 2) return percentiles;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  // Walk runs of equal values: each member has `start` values below it and run - 1 equal others.
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    while (end < n && values[order[end]] == values[order[start]]) ++end;
    double rank = static_cast<double>(start) + 0.5 * static_cast<double>(end - start - 1);
    for (std::size_t k = start; k < end; ++k) {
      percentiles[order[k]] = rank / static_cast<double>(n - 1);
    }
    start = end;
  }
  return percentiles;
}

double Influence(const InfluenceParts& parts, const Params& params) {
  return params.influence_pagerank_weight * parts.pagerank_percentile +
         params.influence_betweenness_weight * parts.betweenness_percentile +
         params.influence_offer_weight * parts.offer;
}

int TitleLevel(std::string_view title) {
  std::string folded = core::FoldCase(title);
  // Whole words only: "director" must not match inside "directory".
  std::vector<std::string> words;
  std::string word;
  for (char c : folded + " ") {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  auto has = [&](std::initializer_list<std::string_view> keys) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::find(keys.begin(), keys.end(), w) != keys.end();
    });
  };
  if (has({"chief", "ceo", "cio", "cfo", "coo", "cto", "ciso", "president"})) {
    // "Vice President" is a VP, not a president.
    return has({"vice"}) ? 1 : 0;
  }
  if (has({"vp", "vice", "head", "director", "svp", "evp"})) return 1;
  if (has({"manager", "lead", "supervisor"})) return 2;
  return 3;
}

std::vector<int> FormalLevels(std::span<const std::optional<std::size_t>> reports_to,
                              std::span<const std::string_view> titles) {
  std::size_t n = reports_to.size();
  std::vector<bool> manages(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (reports_to[i] && *reports_to[i] < n && *reports_to[i] != i) manages[*reports_to[i]] = true;
  }
  constexpr int kUnknown = -1;
  std::vector<int> depth(n, kUnknown);
  std::vector<int> state(n, 0);  // 0 unvisited, 1 on the current chain, 2 done
  std::vector<std::size_t> chain;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] == 2) continue;
    // Climb to a known depth, a root, or a cycle, then assign depths on the way back down.
    chain.clear();
    std::size_t node = start;
    int base = kUnknown;
    while (true) {
      if (state[node] == 2) {
        base = depth[node];
        break;
      }
      if (state[node] == 1) {
        // A cycle closes at `node`: it becomes a root; the rest of the cycle hangs below it.
        auto at =
            static_cast<std::size_t>(std::find(chain.begin(), chain.end(), node) - chain.begin());
        depth[node] = 0;
        state[node] = 2;
        int below = 0;
        for (std::size_t k = chain.size(); k-- > at + 1;) {
          depth[chain[k]] = ++below;
          state[chain[k]] = 2;
        }
        chain.resize(at);
        base = 0;
        break;
      }
      state[node] = 1;
      chain.push_back(node);
      auto up = reports_to[node];
      if (!up || *up >= n || *up == node) {
        // The top of a chain: a root of the tree if it manages anyone, else not in a tree.
        chain.pop_back();
        depth[node] = manages[node] ? 0 : kUnknown;
        state[node] = 2;
        base = depth[node];
        break;
      }
      node = *up;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      depth[*it] = base == kUnknown ? kUnknown : base + 1;
      base = depth[*it];
      state[*it] = 2;
    }
  }
  int lowest = 0;
  std::vector<int> levels(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (depth[i] == kUnknown && i < titles.size()) depth[i] = TitleLevel(titles[i]);
    levels[i] = depth[i];
    lowest = std::max(lowest, levels[i]);
  }
  for (auto& level : levels) {
    if (level == kUnknown) level = lowest + 1;
  }
  return levels;
}

bool IsHidden(double influence_percentile, double formal_percentile, const Params& params) {
  return influence_percentile - formal_percentile >= params.hidden_gap;
}

}  // namespace allies::scoring
