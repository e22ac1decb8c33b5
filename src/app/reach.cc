// Use cases that follow ties: warm paths, the team's reach by proxy, and the graph export.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/network.h"
#include "app/transaction.h"
#include "formats/graph_export.h"
#include "graph/pagerank.h"
#include "graph/paths.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace {

// Me and the team members in the network: the starts of every warm path.
std::vector<graph::NodeId> Sources(const internal::Directory& directory,
                                   const internal::Network& network) {
  std::vector<graph::NodeId> sources;
  for (std::size_t i = 0; i < network.person_of.size(); ++i) {
    const auto& person = directory.people.at(network.person_of[i]);
    if (person.is_me || person.is_team) sources.push_back(static_cast<graph::NodeId>(i));
  }
  return sources;
}

}  // namespace

Result<PathReport> App::Path(const std::string& target, int k) {
  return InTransaction([&]() -> Result<PathReport> {
    if (k < 1 || k > 100) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--k {} is out of range (expected 1 to 100)", k));
    }
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, target));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto known, internal::LoadNetwork(store_, now_, params));
    const auto& directory = known.directory;
    const auto& network = known.network;
    auto sources = Sources(directory, network);
    if (sources.empty()) ALLIES_TRY_VOID(internal::RequireMe(store_));
    graph::StrongPathOptions options;
    options.k = static_cast<std::size_t>(k);
    ALLIES_TRY(auto paths, graph::KStrongestPaths(network.graph, sources,
                                                  network.node_of.at(person.id), options));
    PathReport report;
    report.target = directory.Ref(person.id);
    for (const auto& path : paths) {
      PathView view;
      for (auto node : path.nodes) view.people.push_back(directory.Ref(network.person_of[node]));
      view.strengths = path.strengths;
      view.strength = path.strength;
      report.paths.push_back(std::move(view));
    }
    return report;
  });
}

Result<ReachReport> App::Reach() {
  return InTransaction([&]() -> Result<ReachReport> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto known, internal::LoadNetwork(store_, now_, params));
    const auto& directory = known.directory;
    const auto& network = known.network;
    ReachReport report;
    auto sources = Sources(directory, network);
    std::set<graph::NodeId> source_set(sources.begin(), sources.end());
    // reached_by[node]: the sources that reach it directly with a strong enough tie.
    std::map<graph::NodeId, std::vector<graph::NodeId>> reached_by;
    for (auto source : sources) {
      auto neighbors = network.graph.OutNeighbors(source);
      auto weights = network.graph.OutWeights(source);
      for (std::size_t i = 0; i < neighbors.size(); ++i) {
        if (weights[i] >= report.min_strength && !source_set.contains(neighbors[i])) {
          reached_by[neighbors[i]].push_back(source);
        }
      }
    }
    std::map<std::string, CoverageRow> departments;
    std::map<std::string, CoverageRow> vendors;
    std::map<graph::NodeId, MemberReach> members;
    for (auto source : sources) {
      members[source].member = directory.Ref(network.person_of[source]);
    }
    for (std::size_t i = 0; i < network.person_of.size(); ++i) {
      auto node = static_cast<graph::NodeId>(i);
      if (source_set.contains(node)) continue;
      const auto& person = directory.people.at(network.person_of[i]);
      ++report.people;
      auto it = reached_by.find(node);
      bool reached = it != reached_by.end();
      auto count = [&](CoverageRow& row, const std::string& name) {
        row.name = name;
        ++row.people;
        if (!reached) return;
        ++row.reached;
        for (auto source : it->second) {
          const std::string& by = directory.people.at(network.person_of[source]).name;
          if (std::find(row.by.begin(), row.by.end(), by) == row.by.end()) row.by.push_back(by);
        }
      };
      if (!person.department.empty()) count(departments[person.department], person.department);
      if (person.org) {
        auto org = directory.orgs.find(*person.org);
        if (org != directory.orgs.end() && org->second.kind == core::OrgKind::kVendor) {
          count(vendors[org->second.name], org->second.name);
        }
      }
      if (!reached) continue;
      ++report.reached;
      for (auto source : it->second) {
        ++members[source].reached;
        if (it->second.size() == 1) ++members[source].only;
      }
    }
    auto by_coverage = [](const CoverageRow& a, const CoverageRow& b) {
      double share_a = a.people ? static_cast<double>(a.reached) / a.people : 0;
      double share_b = b.people ? static_cast<double>(b.reached) / b.people : 0;
      if (share_a != share_b) return share_a < share_b;
      return a.name < b.name;
    };
    for (auto& [name, row] : departments) report.departments.push_back(row);
    for (auto& [name, row] : vendors) report.vendors.push_back(row);
    std::sort(report.departments.begin(), report.departments.end(), by_coverage);
    std::sort(report.vendors.begin(), report.vendors.end(), by_coverage);
    for (const auto& row : report.departments) {
      if (row.reached == 0) report.gaps.push_back(row.name);
    }
    for (const auto& row : report.vendors) {
      if (row.reached == 0) report.gaps.push_back(row.name + " (vendor)");
    }
    for (auto& [node, member] : members) {
      member.share = report.reached ? static_cast<double>(member.reached) / report.reached : 0;
      report.members.push_back(member);
    }
    std::sort(report.members.begin(), report.members.end(),
              [&](const MemberReach& a, const MemberReach& b) {
                if ((a.member.id == me) != (b.member.id == me)) return a.member.id == me;
                if (a.reached != b.reached) return a.reached > b.reached;
                return a.member.name < b.member.name;
              });
    return report;
  });
}

Result<std::string> App::ExportGraph(const std::string& format) {
  return InTransaction([&]() -> Result<std::string> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto known, internal::LoadNetwork(store_, now_, params));
    const auto& directory = known.directory;
    const auto& network = known.network;
    ALLIES_TRY(auto pagerank, graph::PageRank(network.graph, {}));
    formats::ExportGraph out;
    out.directed = false;
    for (std::size_t i = 0; i < network.person_of.size(); ++i) {
      PersonRef ref = directory.Ref(network.person_of[i]);
      out.nodes.push_back(formats::ExportNode{std::to_string(ref.id.value), ref.name,
                                              ref.department, ref.org, pagerank[i]});
    }
    for (graph::NodeId node = 0; node < network.graph.NodeCount(); ++node) {
      auto neighbors = network.graph.OutNeighbors(node);
      auto weights = network.graph.OutWeights(node);
      for (std::size_t i = 0; i < neighbors.size(); ++i) {
        if (node < neighbors[i]) out.edges.push_back({node, neighbors[i], weights[i]});
      }
    }
    return formats::WriteGraph(out, format);
  });
}

}  // namespace allies::app
