// Use cases of the network analytics: influence, hidden influencers, brokers, communities and
// explicit "knows" ties.

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "app/app.h"
#include "app/influence_snapshot.h"
#include "app/internal.h"
#include "app/network.h"
#include "app/transaction.h"
#include "core/text.h"
#include "graph/brokerage.h"
#include "graph/communities.h"
#include "graph/pagerank.h"
#include "scoring/influence.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace {

constexpr int kDefaultTop = 20;

Result<std::size_t> TopOf(std::optional<int> top) {
  if (top && *top < 1) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("--top {} is out of range (expected 1 or more)", *top));
  }
  return static_cast<std::size_t>(top.value_or(kDefaultTop));
}

}  // namespace

namespace internal {

// Influence of everyone in the network, in node order (declared in network.h).
Result<InfluenceReport> ComputeInfluence(store::Store& store, core::TimePoint now,
                                         const scoring::Params& params) {
  // Influence reads names, departments, titles, reports-to links and offers: a light directory.
  ALLIES_TRY(auto known, internal::LoadNetwork(store, now, params, true));
  ALLIES_TRY(auto centrality, internal::ComputeCentrality(known.network.graph));
  return internal::InfluenceOf(known, centrality, params);
}

}  // namespace internal

Result<core::Knows> App::Know(const std::string& first, const std::string& second,
                              std::optional<double> strength) {
  return InTransaction([&]() -> Result<core::Knows> {
    ALLIES_TRY(auto a, internal::ResolvePerson(store_, first));
    ALLIES_TRY(auto b, internal::ResolvePerson(store_, second));
    if (a.id == b.id) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} and {} are the same person", internal::Quote(first),
                              internal::Quote(second)));
    }
    double value = strength.value_or(0.5);
    if (!(value > 0 && value <= 1)) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("--strength {} is out of range (expected more than 0, at most 1)", value));
    }
    core::Knows knows{std::min(a.id, b.id), std::max(a.id, b.id), value, {}};
    ALLIES_TRY_VOID(store_.UpsertKnows(knows));
    return knows;
  });
}

Result<InfluenceReport> App::Influencers(std::optional<std::string> department,
                                         std::optional<int> top) {
  ALLIES_TRY(std::size_t limit, TopOf(top));
  // Fresh, so it refreshes the snapshot the advice commands reuse.
  ALLIES_TRY(auto report, ComputeAndStoreInfluence());
  if (department) {
    std::string key = core::FoldCase(core::Trim(*department));
    std::erase_if(report.people, [&](const InfluenceView& view) {
      return core::FoldCase(view.person.department) != key;
    });
    if (report.people.empty()) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("nobody in department {} (see `allies person list`)",
                              internal::Quote(*department)));
    }
  }
  std::stable_sort(
      report.people.begin(), report.people.end(),
      [](const InfluenceView& a, const InfluenceView& b) { return a.influence > b.influence; });
  if (report.people.size() > limit) report.people.resize(limit);
  return report;
}

Result<InfluenceReport> App::Hidden(std::optional<int> top) {
  ALLIES_TRY(std::size_t limit, TopOf(top));
  // Fresh, so it refreshes the snapshot the advice commands reuse.
  ALLIES_TRY(auto report, ComputeAndStoreInfluence());
  std::erase_if(report.people, [](const InfluenceView& view) { return !view.hidden; });
  // The most influential of them first: they are the ones worth meeting.
  std::stable_sort(
      report.people.begin(), report.people.end(),
      [](const InfluenceView& a, const InfluenceView& b) { return a.influence > b.influence; });
  if (report.people.size() > limit) report.people.resize(limit);
  return report;
}

Result<BrokerReport> App::Brokers(std::optional<int> top) {
  return InTransaction([&]() -> Result<BrokerReport> {
    ALLIES_TRY(std::size_t limit, TopOf(top));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto known, internal::LoadNetwork(store_, now_, params));
    const auto& directory = known.directory;
    const auto& network = known.network;
    ALLIES_TRY(auto centrality, internal::ComputeCentrality(network.graph));
    auto holes = graph::ComputeStructuralHoles(network.graph);
    // Department is the group; people without one share the group of their organization.
    std::map<std::string, std::uint32_t> group_ids;
    std::vector<std::uint32_t> groups(network.person_of.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
      PersonRef ref = directory.Ref(network.person_of[i]);
      std::string key = core::FoldCase(ref.department.empty() ? "org:" + ref.org : ref.department);
      groups[i] =
          group_ids.emplace(key, static_cast<std::uint32_t>(group_ids.size())).first->second;
    }
    ALLIES_TRY(auto roles, graph::ComputeBrokerageRoles(network.graph, groups));
    BrokerReport report;
    report.method = centrality.method;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const auto& person = directory.people.at(network.person_of[i]);
      if (person.is_me) continue;
      BrokerView view;
      view.person = directory.Ref(person.id);
      view.betweenness = centrality.betweenness[i];
      if (!std::isnan(holes.constraint[i])) view.constraint = holes.constraint[i];
      if (!std::isnan(holes.effective_size[i])) view.effective_size = holes.effective_size[i];
      view.roles = roles[i];
      report.people.push_back(std::move(view));
    }
    std::stable_sort(
        report.people.begin(), report.people.end(),
        [](const BrokerView& a, const BrokerView& b) { return a.betweenness > b.betweenness; });
    if (report.people.size() > limit) report.people.resize(limit);
    return report;
  });
}

Result<CommunityReport> App::Communities() {
  return InTransaction([&]() -> Result<CommunityReport> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto known, internal::LoadNetwork(store_, now_, params));
    const auto& directory = known.directory;
    const auto& network = known.network;
    if (network.graph.EdgeCount() == 0) {
      return Fail(ErrorCode::kNotFound,
                  "there are no ties yet, so no communities (allies log records contact)");
    }
    ALLIES_TRY(auto found, graph::Louvain(network.graph, {}));
    ALLIES_TRY(auto pagerank, graph::PageRank(network.graph, {}));
    CommunityReport report;
    report.modularity = found.modularity;
    report.communities.resize(found.count);
    for (std::uint32_t c = 0; c < found.count; ++c) report.communities[c].id = static_cast<int>(c);
    std::vector<std::vector<graph::NodeId>> members(found.count);
    for (graph::NodeId node = 0; node < found.community.size(); ++node) {
      members[found.community[node]].push_back(node);
    }
    for (std::uint32_t c = 0; c < found.count; ++c) {
      auto& nodes = members[c];
      std::stable_sort(nodes.begin(), nodes.end(),
                       [&](graph::NodeId a, graph::NodeId b) { return pagerank[a] > pagerank[b]; });
      std::map<std::string, int> departments;
      for (auto node : nodes) {
        PersonRef ref = directory.Ref(network.person_of[node]);
        ++departments[ref.department.empty() ? ref.org : ref.department];
        report.communities[c].members.push_back(std::move(ref));
      }
      auto& counted = report.communities[c].departments;
      counted.assign(departments.begin(), departments.end());
      std::stable_sort(counted.begin(), counted.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    // People with no tie at all form communities of one; they say nothing, so leave them out.
    std::erase_if(report.communities,
                  [](const CommunityView& view) { return view.members.size() < 2; });
    return report;
  });
}

}  // namespace allies::app
