// The weekly plan (issue 5): allies plan.

#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/print_plan.h"

namespace allies::cli {

namespace {

using core::Result;

struct PlanOptions {
  std::optional<std::string> week, hours, energy, ics;
  std::vector<std::string> busy;
  bool fresh_influence = false;
};

Result<void> WriteIcs(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return core::Fail(core::ErrorCode::kIo, fmt::format("cannot write \"{}\"", path));
  return {};
}

}  // namespace

void RegisterPlanCommands(CLI::App& app, Registry& registry) {
  auto options = std::make_shared<PlanOptions>();
  auto* plan = app.add_subcommand(
      "plan", "Whom to meet this week, where and when, with invitations (time and energy budgets)");
  plan->add_option("--week", options->week, "ISO week YYYY-Www (default: this week, or the next)");
  plan->add_option("--hours", options->hours, "Hours for networking (default plan.hours)");
  plan->add_option("--energy", options->energy, "Energy points (default plan.energy)");
  plan->add_option("--busy", options->busy, "An iCalendar file of busy time (repeatable)");
  plan->add_option("--ics", options->ics, "Write the invitations to this .ics file");
  plan->add_flag("--fresh-influence", options->fresh_influence,
                 "Recompute influence over the whole network now, even if the stored snapshot "
                 "is current");
  plan->callback([&registry, options] {
    registry.selected = [options](Context& c) -> Result<void> {
      app::PlanInput input;
      input.week = options->week;
      if (options->hours) {
        ALLIES_TRY(input.hours, ParseNumber(*options->hours, "--hours"));
      }
      if (options->energy) {
        ALLIES_TRY(input.energy, ParseNumber(*options->energy, "--energy"));
      }
      input.busy_files = options->busy;
      input.zone = UserZoneName();
      input.ics = options->ics.has_value();
      input.fresh_influence = options->fresh_influence;
      ALLIES_TRY(auto view, c.app.Plan(input));
      if (options->ics) {
        ALLIES_TRY_VOID(WriteIcs(*options->ics, view.ics));
      }
      if (c.json) {
        c.out << Json(view) << '\n';
        return {};
      }
      PrintPlan(c.out, view);
      if (options->ics) {
        c.out << fmt::format("\nwrote {} invitation{} to {}\n", view.plan.items.size(),
                             view.plan.items.size() == 1 ? "" : "s", *options->ics);
      }
      return {};
    };
  });
}

}  // namespace allies::cli
