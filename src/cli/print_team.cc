#include "cli/print_team.h"

#include <fmt/format.h>

#include "cli/parse.h"
#include "cli/table.h"
#include "core/text.h"

namespace allies::cli {

namespace {

std::string List(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : core::Join(items, ", ");
}

std::string Renewal(const app::VendorView& view) {
  if (!view.org.renewal) return "no renewal date";
  const int days = view.renewal_days.value_or(0);
  std::string when = days == 0  ? std::string("today")
                     : days > 0 ? fmt::format("in {} day{}", days, days == 1 ? "" : "s")
                                : fmt::format("{} day{} ago", -days, days == -1 ? "" : "s");
  return fmt::format("renews {} ({})", core::FormatDate(*view.org.renewal), when);
}

std::string CheckIn(const app::VendorView& view) {
  std::string last = view.check_in.last
                         ? fmt::format("last check-in {} ({:.0f} days ago{})",
                                       FormatLocal(*view.check_in.last).substr(0, 10),
                                       view.check_in.days_since.value_or(0),
                                       view.checked_in_by ? ", " + view.checked_in_by->name : "")
                         : std::string("never checked in");
  if (!view.org.cadence_days) return last + "; no check-in cadence set";
  return fmt::format("{}; every {} days{}", last, *view.org.cadence_days,
                     view.check_in.overdue ? " (OVERDUE)" : "");
}

}  // namespace

void PrintTeamReport(std::ostream& out, const app::TeamReport& report) {
  out << fmt::format("Team report for {} (ties of strength {} or more cover a place)\n\n",
                     report.viewer.name, report.min_strength);
  Table table({{"MEMBER"},
               {"TIES", Align::kRight},
               {"NEW 30D", Align::kRight},
               {"NEW 90D", Align::kRight},
               {"DEPTS", Align::kRight},
               {"VENDORS", Align::kRight},
               {"AT RISK", Align::kRight},
               {"OVERDRAWN", Align::kRight}});
  for (const auto& row : report.members) {
    table.AddRow({row.member.name + (row.is_me ? " (me)" : ""), std::to_string(row.ties),
                  std::to_string(row.new_ties_30), std::to_string(row.new_ties_90),
                  std::to_string(row.departments.size()), std::to_string(row.vendors.size()),
                  std::to_string(row.at_risk),
                  row.overdrawn ? std::to_string(*row.overdrawn) : "-"});
  }
  table.Print(out);
  out << "\nCoaching\n";
  for (const auto& row : report.members) {
    out << fmt::format("  {}: {}\n", row.member.name, row.suggestion);
    out << fmt::format("    covers {}; vendors {}\n", List(row.departments), List(row.vendors));
  }
  out << "\nNobody on the team covers: " << List(report.uncovered_departments) << '\n';
  out << "Vendors nobody covers: " << List(report.uncovered_vendors) << '\n';
  out << "(\"-\": a member's accounts show only in their own report, `team report --as MEMBER`)\n";
}

void PrintVendors(std::ostream& out, const std::vector<app::VendorView>& vendors) {
  if (vendors.empty()) {
    out << "no vendors yet (add one: allies org add NAME --kind vendor --service S)\n";
    return;
  }
  bool first = true;
  for (const auto& view : vendors) {
    if (!first) out << '\n';
    first = false;
    out << fmt::format("{} (#{})  {}\n", view.org.name, view.org.id.value,
                       view.org.services.empty() ? std::string("no services recorded")
                                                 : core::Join(view.org.services, ", "));
    out << "  " << Renewal(view) << "; " << CheckIn(view) << '\n';
    if (view.contacts.empty()) {
      out << "  nobody known there\n";
    } else {
      Table table({{"CONTACT"},
                   {"TITLE", Align::kLeft, 28},
                   {"STRENGTH", Align::kRight},
                   {"HELD BY", Align::kLeft, 50}});
      for (const auto& contact : view.contacts) {
        std::vector<std::string> by;
        for (const auto& [member, strength] : contact.ties) {
          by.push_back(fmt::format("{} {:.2f}", member.name, strength));
        }
        table.AddRow({contact.person.name, contact.title, fmt::format("{:.2f}", contact.strength),
                      by.empty() ? std::string("-") : core::Join(by, ", ")});
      }
      table.Print(out, 2);
    }
    for (const auto& notice : view.notices) {
      out << fmt::format("  notice {}: {}{}\n", FormatLocal(notice.notice.at).substr(0, 10),
                         notice.notice.text,
                         notice.reported_by ? " (from " + notice.reported_by->name + ")" : "");
    }
    if (view.alert) {
      out << "  ! " << core::Join(view.alert->reasons, "; ") << "\n    → " << view.alert->action
          << '\n';
    }
  }
}

}  // namespace allies::cli
