#include "cli/print_network.h"

#include <fmt/format.h>

#include "cli/parse.h"
#include "cli/table.h"
#include "core/text.h"

namespace allies::cli {

namespace {

std::string Fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

std::string Optional(const std::optional<double>& value, int decimals) {
  return value ? Fixed(*value, decimals) : "-";
}

std::string Where(const app::PersonRef& ref) {
  return ref.department.empty() ? ref.org : ref.department;
}

void MethodNote(std::ostream& out, const app::BetweennessMethod& method) {
  if (method.approximate) {
    out << fmt::format(
        "betweenness is approximate: each value within ±{} of the exact one with probability "
        "{}\n",
        method.epsilon.value_or(0), 1 - method.delta.value_or(0));
  }
}

void InfluenceTable(std::ostream& out, const app::InfluenceReport& report) {
  Table table({{"ID", Align::kRight},
               {"PERSON"},
               {"TITLE", Align::kLeft, 28},
               {"WHERE", Align::kLeft, 22},
               {"INFLUENCE", Align::kRight},
               {"PAGERANK %", Align::kRight},
               {"BETWEENNESS %", Align::kRight},
               {"OFFER", Align::kRight},
               {"LEVEL", Align::kRight},
               {"GAP", Align::kRight}});
  for (const auto& view : report.people) {
    table.AddRow({std::to_string(view.person.id.value), view.person.name, view.title,
                  Where(view.person), Fixed(view.influence, 3),
                  Fixed(100 * view.pagerank_percentile, 0),
                  Fixed(100 * view.betweenness_percentile, 0), Fixed(view.offer, 1),
                  std::to_string(view.formal_level), fmt::format("{:+.2f}", view.gap)});
  }
  table.Print(out);
}

}  // namespace

void PrintInfluencers(std::ostream& out, const app::InfluenceReport& report) {
  out << fmt::format("Influence over {} people and {} ties (never from titles)\n",
                     report.network_people, report.network_ties);
  MethodNote(out, report.method);
  out << '\n';
  InfluenceTable(out, report);
}

void PrintInfluenceStatus(std::ostream& out, const app::InfluenceStatus& status) {
  if (status.stored) {
    out << fmt::format(
        "influence snapshot: as of {}, over {} people and {} ties; {} change{} "
        "since; {} people now\n",
        FormatLocal(status.as_of), status.people, status.ties, status.changes_since,
        status.changes_since == 1 ? "" : "s", status.people_now);
  } else {
    out << fmt::format("influence snapshot: none yet; {} people now\n", status.people_now);
  }
  if (status.stale_because.empty()) {
    out << "current: plan and ask-for reuse it\n";
  } else {
    out << fmt::format("outdated: {}\n", status.stale_because);
    out << (status.advice_commands == "reuse while refreshed"
                ? "plan and ask-for use it while it is recomputed in the background\n"
                : "the next plan or ask-for recomputes it first\n");
  }
  if (status.refreshing) out << "another process is recomputing it now\n";
  if (!status.background_error.empty()) {
    out << fmt::format("the last refresh in the background failed: {}\n", status.background_error);
  }
}

void PrintInfluenceRefresh(std::ostream& out, const app::InfluenceRefresh& refresh) {
  if (!refresh.computed) {
    out << fmt::format("influence not recomputed: {}\n", refresh.because);
    return;
  }
  out << fmt::format("influence recomputed over {} people and {} ties in {:.1f} s ({})\n",
                     refresh.people, refresh.ties, refresh.seconds, refresh.because);
}

void PrintHidden(std::ostream& out, const app::InfluenceReport& report) {
  if (report.people.empty()) {
    out << "no hidden influencers: nobody's influence runs far ahead of their formal rank\n";
    return;
  }
  out << "Hidden influencers: influence far above formal rank (GAP = influence percentile - "
         "formal percentile)\n";
  MethodNote(out, report.method);
  out << '\n';
  InfluenceTable(out, report);
}

void PrintBrokers(std::ostream& out, const app::BrokerReport& report) {
  MethodNote(out, report.method);
  Table table({{"ID", Align::kRight},
               {"PERSON"},
               {"WHERE", Align::kLeft, 22},
               {"BETWEENNESS", Align::kRight},
               {"CONSTRAINT", Align::kRight},
               {"EFF. SIZE", Align::kRight},
               {"COORD", Align::kRight},
               {"ITIN", Align::kRight},
               {"REPR", Align::kRight},
               {"GATE", Align::kRight},
               {"LIAISON", Align::kRight}});
  for (const auto& view : report.people) {
    table.AddRow({std::to_string(view.person.id.value), view.person.name, Where(view.person),
                  Fixed(view.betweenness, 4), Optional(view.constraint, 3),
                  Optional(view.effective_size, 1), std::to_string(view.roles.coordinator),
                  std::to_string(view.roles.itinerant), std::to_string(view.roles.representative),
                  std::to_string(view.roles.gatekeeper), std::to_string(view.roles.liaison)});
  }
  table.Print(out);
  out << "\nLow constraint and high effective size mark people who bridge separate groups. Roles "
         "count the open two-paths each one brokers, by department (Gould & Fernandez).\n";
}

void PrintCommunities(std::ostream& out, const app::CommunityReport& report) {
  out << fmt::format("{} communities, modularity {:.3f}\n", report.communities.size(),
                     report.modularity);
  for (const auto& community : report.communities) {
    std::vector<std::string> departments;
    for (std::size_t i = 0; i < community.departments.size() && i < 3; ++i) {
      departments.push_back(
          fmt::format("{} {}", community.departments[i].first, community.departments[i].second));
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < community.members.size() && i < 5; ++i) {
      names.push_back(community.members[i].name);
    }
    out << fmt::format("\n#{}: {} people ({})\n  central: {}\n", community.id,
                       community.members.size(), core::Join(departments, ", "),
                       core::Join(names, ", "));
  }
}

void PrintAnalysis(std::ostream& out, const app::AnalysisReport& report) {
  out << fmt::format("{} network of {} nodes and {} edges; modularity {:.4f}\n",
                     report.directed ? "directed" : "undirected", report.nodes.size(), report.edges,
                     report.modularity);
  MethodNote(out, report.method);
  Table table({{"ID"},
               {"LABEL", Align::kLeft, 30},
               {"GROUP", Align::kLeft, 16},
               {"PAGERANK", Align::kRight},
               {"BETWEENNESS", Align::kRight},
               {"CONSTRAINT", Align::kRight},
               {"EFF. SIZE", Align::kRight},
               {"COMMUNITY", Align::kRight}});
  for (const auto& node : report.nodes) {
    table.AddRow({node.id, node.label, node.group, Fixed(node.pagerank, 6),
                  Fixed(node.betweenness, 6), Optional(node.constraint, 6),
                  Optional(node.effective_size, 4), std::to_string(node.community)});
  }
  table.Print(out);
}

void PrintPaths(std::ostream& out, const app::PathReport& report) {
  if (report.paths.empty()) {
    out << fmt::format(
        "no warm path to {} within 3 links; start with a direct introduction or an event\n",
        report.target.name);
    return;
  }
  out << fmt::format("Warm paths to {} ({}), strongest first\n", report.target.name,
                     Where(report.target));
  for (std::size_t p = 0; p < report.paths.size(); ++p) {
    const auto& path = report.paths[p];
    std::string chain = path.people.front().name;
    for (std::size_t i = 0; i < path.strengths.size(); ++i) {
      chain += fmt::format(" —{:.2f}→ {}", path.strengths[i], path.people[i + 1].name);
    }
    out << fmt::format("  {}. {:.3f}  {}\n", p + 1, path.strength, chain);
  }
}

void PrintReach(std::ostream& out, const app::ReachReport& report) {
  out << fmt::format("Me and my team reach {} of {} people directly (tie strength >= {})\n",
                     report.reached, report.people, report.min_strength);
  out << "\nBy member\n";
  Table members({{"MEMBER"},
                 {"REACHES", Align::kRight},
                 {"ONLY THEM", Align::kRight},
                 {"SHARE", Align::kRight}});
  for (const auto& member : report.members) {
    members.AddRow({member.member.name, std::to_string(member.reached), std::to_string(member.only),
                    fmt::format("{:.0f}%", 100 * member.share)});
  }
  members.Print(out, 2);
  auto coverage = [&](const std::string& title, const std::vector<app::CoverageRow>& rows) {
    if (rows.empty()) return;
    out << '\n' << title << '\n';
    Table table({{"NAME"},
                 {"REACHED", Align::kRight},
                 {"OF", Align::kRight},
                 {"THROUGH", Align::kLeft, 60}});
    for (const auto& row : rows) {
      table.AddRow({row.name, std::to_string(row.reached), std::to_string(row.people),
                    core::Join(row.by, ", ")});
    }
    table.Print(out, 2);
  };
  coverage("Departments, least covered first", report.departments);
  coverage("Vendors", report.vendors);
  out << "\nGaps nobody covers: " << (report.gaps.empty() ? "none" : core::Join(report.gaps, ", "))
      << '\n';
}

}  // namespace allies::cli
