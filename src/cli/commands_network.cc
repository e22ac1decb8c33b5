// Commands of the network analytics: know, influencers, hidden, brokers, communities, path,
// reach, analyze (`export graph` is in commands_io.cc).

#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/analyze.h"
#include "cli/background.h"
#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/print_network.h"

namespace allies::cli {

namespace {

using core::Result;

Result<std::optional<int>> Top(const std::optional<std::string>& text) {
  if (!text) return std::optional<int>{};
  ALLIES_TRY(int top, ParseInt(*text, "--top", 1, 1000000000));
  return std::optional<int>{top};
}

}  // namespace

void RegisterNetworkCommands(CLI::App& app, Registry& registry) {
  struct KnowOptions {
    std::string first, second;
    std::optional<std::string> strength;
  };
  auto know_options = std::make_shared<KnowOptions>();
  auto* know = app.add_subcommand("know", "Record that two people know each other");
  know->add_option("PERSON", know_options->first, "One person")->required();
  know->add_option("OTHER", know_options->second, "The other")->required();
  know->add_option("--strength", know_options->strength, "How strong the tie is, 0..1 (0.5)");
  know->callback([&registry, know_options] {
    registry.selected = [know_options](Context& c) -> Result<void> {
      std::optional<double> strength;
      if (know_options->strength) {
        ALLIES_TRY(strength, ParseNumber(*know_options->strength, "--strength"));
      }
      return Emit(c, c.app.Know(know_options->first, know_options->second, strength),
                  [&](std::ostream& out, const core::Knows& knows) {
                    out << fmt::format("recorded: {} and {} know each other (strength {})\n",
                                       know_options->first, know_options->second, knows.strength);
                  });
    };
  });

  struct InfluenceOptions {
    std::optional<std::string> dept, top;
  };
  auto influence_options = std::make_shared<InfluenceOptions>();
  auto* influencers =
      app.add_subcommand("influencers", "Who holds influence in the network (not by title)");
  influencers->add_option("--dept", influence_options->dept, "Only this department");
  influencers->add_option("--top", influence_options->top, "How many (default 20)");
  influencers->callback([&registry, influence_options] {
    registry.selected = [influence_options](Context& c) -> Result<void> {
      ALLIES_TRY(auto top, Top(influence_options->top));
      return Emit(c, c.app.Influencers(influence_options->dept, top), PrintInfluencers);
    };
  });

  // The influence snapshot plan and ask-for share (README.md, "The influence snapshot").
  auto* snapshot = app.add_subcommand(
      "influence", "The stored influence snapshot of plan and ask-for: status, refresh");
  snapshot->require_subcommand(1);
  auto* status = snapshot->add_subcommand(
      "status", "How old the snapshot is, how much changed since, whether it is being refreshed");
  status->callback([&registry] {
    registry.after_command = AfterCommand::kNothing;
    registry.selected = [](Context& c) -> Result<void> {
      auto found = c.app.InfluenceSnapshotStatus();
      if (found) found->background_error = LastRefreshError(c.database);
      return Emit(c, found, PrintInfluenceStatus);
    };
  });
  struct RefreshOptions {
    bool if_due = false;
    bool no_wait = false;
  };
  auto refresh_options = std::make_shared<RefreshOptions>();
  auto* refresh = snapshot->add_subcommand(
      "refresh",
      "Recompute influence over the whole network now and store it (others may keep "
      "working meanwhile)");
  refresh->add_flag("--if-due", refresh_options->if_due,
                    "Only when the snapshot is outdated (too old, too changed, other parameters)");
  refresh->add_flag("--no-wait", refresh_options->no_wait,
                    "When another process is already recomputing it, leave it to that process "
                    "instead of waiting for it");
  refresh->callback([&registry, refresh_options] {
    registry.after_command = AfterCommand::kNothing;
    registry.selected = [refresh_options](Context& c) -> Result<void> {
      return Emit(c, c.app.RefreshInfluence(refresh_options->if_due, !refresh_options->no_wait),
                  PrintInfluenceRefresh);
    };
  });

  auto hidden_top = std::make_shared<std::optional<std::string>>();
  auto* hidden =
      app.add_subcommand("hidden", "Hidden influencers: influence far above formal rank");
  hidden->add_option("--top", *hidden_top, "How many (default 20)");
  hidden->callback([&registry, hidden_top] {
    registry.selected = [hidden_top](Context& c) -> Result<void> {
      ALLIES_TRY(auto top, Top(*hidden_top));
      return Emit(c, c.app.Hidden(top), PrintHidden);
    };
  });

  auto brokers_top = std::make_shared<std::optional<std::string>>();
  auto* brokers = app.add_subcommand(
      "brokers", "Who bridges groups: betweenness, constraint, effective size, brokerage roles");
  brokers->add_option("--top", *brokers_top, "How many (default 20)");
  brokers->callback([&registry, brokers_top] {
    registry.selected = [brokers_top](Context& c) -> Result<void> {
      ALLIES_TRY(auto top, Top(*brokers_top));
      return Emit(c, c.app.Brokers(top), PrintBrokers);
    };
  });

  auto* communities =
      app.add_subcommand("communities", "Groups that are more tied to each other (Louvain)");
  communities->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.Communities(), PrintCommunities); };
  });

  struct PathOptions {
    std::string target;
    std::string k = "3";
  };
  auto path_options = std::make_shared<PathOptions>();
  auto* path = app.add_subcommand(
      "path", "The strongest warm paths from me or my team to a person (at most 3 links)");
  path->add_option("PERSON", path_options->target, "Whom to reach")->required();
  path->add_option("--k", path_options->k, "How many alternatives (default 3)");
  path->callback([&registry, path_options] {
    registry.selected = [path_options](Context& c) -> Result<void> {
      ALLIES_TRY(int k, ParseInt(path_options->k, "--k", 1, 100));
      return Emit(c, c.app.Path(path_options->target, k), PrintPaths);
    };
  });

  auto* reach = app.add_subcommand(
      "reach", "My network by proxy: whom me and my team reach, coverage and gaps");
  reach->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.Reach(), PrintReach); };
  });

  auto analyze_input = std::make_shared<app::AnalyzeInput>();
  auto* analyze = app.add_subcommand(
      "analyze", "PageRank, betweenness, constraint and communities of a network from files");
  analyze->add_option("--edges", analyze_input->edges_path, "Edge list: u v [weight] per line")
      ->required();
  analyze->add_option("--nodes", analyze_input->nodes_path, "Nodes: id<TAB>label[<TAB>group]");
  analyze->add_flag("--directed", analyze_input->directed, "Edges have a direction");
  analyze->callback([&registry, analyze_input] {
    registry.standalone = [analyze_input](bool json, std::ostream& out) -> Result<void> {
      ALLIES_TRY(auto report, app::AnalyzeNetworkFiles(*analyze_input));
      if (json) {
        out << Json(report) << '\n';
      } else {
        PrintAnalysis(out, report);
      }
      return {};
    };
  });
}

}  // namespace allies::cli
