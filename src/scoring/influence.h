#pragma once
// Influence from the network, not from titles (DESIGN.md §3): percentiles of PageRank and
// betweenness plus what a person offers; formal level from the reports-to tree; and hidden
// influencers, whose influence far exceeds their formal rank.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "scoring/params.h"

namespace allies::scoring {

// Percentile rank of each value in [0, 1]: (number below + half the number of equal others) /
// (n - 1). The lowest value gets 0, the highest 1, equal values the same. A single value gets
// 0.5. O(n log n).
std::vector<double> Percentiles(std::span<const double> values);

struct InfluenceParts {
  double pagerank_percentile = 0;
  double betweenness_percentile = 0;
  double offer = 0;  // the highest offer rating / 5, in [0, 1]
};

// influence = w_pr · pagerank percentile + w_bc · betweenness percentile + w_offer · offer.
// Title and seniority are never inputs. O(1).
double Influence(const InfluenceParts& parts, const Params& params);

// Formal level of each person: 0 at the top. From the reports-to tree when the person is in one
// (depth below a root; a root is someone with no manager who manages someone); otherwise from
// title keywords (`TitleLevel`); people with neither get the lowest level seen plus one.
// `reports_to[i]` is the index of person i's manager. Cycles are cut where they close. O(n).
std::vector<int> FormalLevels(std::span<const std::optional<std::size_t>> reports_to,
                              std::span<const std::string_view> titles);

// Level from a title alone: chief/CEO/CIO/CFO/COO/CTO/president 0, VP/head/director 1,
// manager/lead 2, anything else 3. Case-insensitive whole words.
int TitleLevel(std::string_view title);

// A hidden influencer's influence percentile exceeds their formal-level percentile (higher
// rank, higher percentile) by at least hidden_gap.
bool IsHidden(double influence_percentile, double formal_percentile, const Params& params);

}  // namespace allies::scoring
