// Commands of the team report and the vendor watch (issue 5).

#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/print_team.h"

namespace allies::cli {

void RegisterTeamCommands(CLI::App& app, Registry& registry) {
  // `team` itself is registered with the people commands; the report joins it.
  auto* team = app.get_subcommand("team");
  auto as = std::make_shared<std::optional<std::string>>();
  auto* report = team->add_subcommand(
      "report", "Per member: new ties, coverage, ties at risk and one coaching suggestion");
  report->add_option("--as", *as,
                     "Whose report (default me): their accounts show only in their own report");
  report->callback([&registry, as] {
    registry.selected = [as](Context& c) { return Emit(c, c.app.Coaching(*as), PrintTeamReport); };
  });

  auto* vendors = app.add_subcommand(
      "vendors", "Vendor watch: services, renewal, key contacts, check-ins and change notices");
  vendors->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.Vendors(), PrintVendors); };
  });
}

}  // namespace allies::cli
