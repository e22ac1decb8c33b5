#include "cli/print_plan.h"

#include <fmt/format.h>

#include "cli/parse.h"
#include "cli/print.h"
#include "cli/table.h"

namespace allies::cli {

namespace {

std::string SettingText(const advice::PlanItem& item) {
  if (item.setting == advice::Setting::kAfterConference) return "after " + item.conference;
  return std::string(advice::Name(item.setting));
}

std::string Number(double value) { return fmt::format("{:g}", value); }

}  // namespace

void PrintPlan(std::ostream& out, const app::PlanView& view) {
  const advice::Plan& plan = view.plan;
  out << fmt::format("Plan for {} ({} to {}, {})\n", plan.week, FormatLocal(view.week_start),
                     FormatLocal(view.week_end), view.zone);
  out << fmt::format(
      "budget: {} of {} minutes, {} of {} energy; {} candidates of the {} people two links from "
      "me and my team\n",
      plan.minutes_used, Number(plan.budget_minutes), Number(plan.energy_used),
      Number(plan.budget_energy), plan.candidates, view.neighbourhood);
  out << InfluenceText(view.influence) << '\n';
  if (view.busy_events > 0) {
    out << fmt::format("busy: {} events from the calendars", view.busy_events);
    if (!view.conferences.empty()) {
      out << fmt::format(" (conferences: {})", fmt::join(view.conferences, ", "));
    }
    out << '\n';
  }
  for (const auto& warning : view.warnings) out << "warning: " << warning << '\n';
  if (plan.items.empty()) {
    out << "\nnothing planned: no one fits the budgets and free time of this week\n";
    return;
  }
  out << '\n';
  Table table({{"WHEN"},
               {"MIN", Align::kRight},
               {"ENERGY", Align::kRight},
               {"SETTING", Align::kLeft, 30},
               {"PERSON"},
               {"DEPARTMENT", Align::kLeft, 24},
               {"PRIORITY", Align::kRight},
               {"NOTE", Align::kLeft, 30}});
  for (const auto& item : plan.items) {
    std::string where = item.department.empty() ? item.org : item.department;
    std::string note = item.open_ask ? "open ask: not no-agenda" : "";
    table.AddRow({FormatLocal(item.slot.start), std::to_string(item.minutes), Number(item.energy),
                  SettingText(item), item.name, where, fmt::format("{:.3f}", item.priority.value),
                  note});
  }
  table.Print(out);
  for (const auto& item : plan.items) {
    out << fmt::format("\n== {} — {} at {}\n", item.name, SettingText(item),
                       FormatLocal(item.slot.start));
    out << "why: " << fmt::format("{}", fmt::join(item.reasons, "; ")) << '\n';
    for (const auto& warning : item.warnings) out << "warning: " << warning << '\n';
    out << "invitation:\n";
    std::size_t start = 0;
    while (start <= item.invitation.size()) {
      std::size_t end = item.invitation.find('\n', start);
      if (end == std::string::npos) end = item.invitation.size();
      out << "  | " << item.invitation.substr(start, end - start) << '\n';
      start = end + 1;
    }
    if (!item.talking_points.empty()) {
      out << "talking points:\n";
      for (const auto& point : item.talking_points) out << "  - " << point << '\n';
    }
  }
  if (!plan.passed_over.empty()) {
    out << "\npassed over:\n";
    for (const auto& passed : plan.passed_over) {
      out << fmt::format("  - {} (priority {:.3f}): {}\n", passed.name, passed.priority,
                         passed.why);
    }
  }
}

}  // namespace allies::cli
