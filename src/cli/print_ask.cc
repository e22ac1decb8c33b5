#include "cli/print_ask.h"

#include <fmt/format.h>

#include "cli/parse.h"
#include "cli/print.h"
#include "cli/table.h"
#include "core/names.h"
#include "core/text.h"

namespace allies::cli {

namespace {

std::string Day(core::TimePoint at) { return FormatLocal(at).substr(0, 10); }

std::string Account(const scoring::Balance& balance) {
  return fmt::format("{:.1f} ({})", balance.value, scoring::Name(balance.status));
}

std::string Chain(const app::PathView& path) {
  std::string chain = path.people.front().name;
  for (std::size_t i = 0; i < path.strengths.size(); ++i) {
    chain += fmt::format(" —{:.2f}→ {}", path.strengths[i], path.people[i + 1].name);
  }
  return chain;
}

void Notes(std::ostream& out, std::string_view label, const std::vector<core::Note>& notes) {
  for (const auto& note : notes) {
    out << fmt::format("  {:<10} {} ({})\n", label, note.text, Day(note.at));
  }
}

}  // namespace

void PrintPrep(std::ostream& out, const app::PrepView& view) {
  const core::Person& person = view.row.person;
  std::string where = person.department.empty() ? view.row.org_name : person.department;
  out << fmt::format("Prep for {}{}{}\n", person.name,
                     person.title.empty() ? "" : ", " + person.title,
                     where.empty() ? "" : " (" + where + ")");
  out << "\nAttention\n";
  Notes(out, "family", view.family);
  Notes(out, "interest", view.interests);
  Notes(out, "origin", view.origin);
  if (view.family.empty() && view.interests.empty() && view.origin.empty()) {
    out << "  nothing personal noted yet\n";
  }
  for (const auto& question : view.questions) out << "  ask: " << question << '\n';

  out << "\nTheir needs, and what my team can offer\n";
  if (view.needs.empty()) out << "  no needs noted: ask what is hard for them right now\n";
  for (const auto& need : view.needs) {
    out << "  " << need.need << '\n';
    if (need.offers.empty()) {
      out << "    nobody on my team offers a fit; listening counts too\n";
    }
    for (const auto& offer : need.offers) {
      out << fmt::format("    offer it: {} ({}, {}/5)\n", offer.member.name, offer.offer,
                         offer.rating);
    }
  }
  if (view.in_the_way) out << "\n" << *view.in_the_way << '\n';

  out << "\nOpen follow-ups\n";
  if (view.followups.empty()) out << "  none\n";
  for (const auto& followup : view.followups) {
    out << fmt::format("  #{} {} (due {}{})\n", followup.followup.id.value, followup.followup.text,
                       core::FormatDate(followup.followup.due),
                       followup.overdue ? ", overdue" : "");
  }
  out << fmt::format("\nBalance: {}\n", Account(view.balance));
  if (!view.asks.empty()) {
    out << "Asks (open or of the last 30 days):\n";
    for (const auto& ask : view.asks) {
      out << fmt::format("  #{} {} — {} ({})\n", ask.ask.id.value, Day(ask.ask.at), ask.ask.text,
                         core::Name(ask.ask.outcome));
    }
  }
  out << "\nLast interactions\n";
  if (view.last_interactions.empty()) out << "  none yet\n";
  for (const auto& shown : view.last_interactions) {
    const auto& i = shown.interaction;
    out << fmt::format("  {} {} ({} min){}\n", Day(i.at), core::Name(i.kind), i.duration_min,
                       i.note.empty() ? "" : ": " + i.note);
  }
}

void PrintAskFor(std::ostream& out, const app::AskForReport& report) {
  if (report.candidates.empty()) {
    out << fmt::format(
        "nobody's offers, needs or notes mention {}{}\n", core::Join(report.words, " or "),
        report.tags.empty() ? "" : " (with tag " + core::Join(report.tags, ", ") + ")");
    return;
  }
  out << fmt::format("Who can help with \"{}\" ({} matched; score = match × influence × path)\n",
                     report.text, report.matched);
  out << InfluenceText(report.influence) << '\n';
  for (std::size_t k = 0; k < report.candidates.size(); ++k) {
    const auto& c = report.candidates[k];
    std::string where = c.person.department.empty() ? c.person.org : c.person.department;
    out << fmt::format("\n{}. {}{}{}  score {:.3f} (match {:.2f}, influence {:.2f}{}, path {})\n",
                       k + 1, c.person.name, c.title.empty() ? "" : ", " + c.title,
                       where.empty() ? "" : " (" + where + ")", c.score, c.match, c.influence,
                       c.influence_estimated ? " estimated: new since the snapshot" : "",
                       c.path ? fmt::format("{:.2f}", c.path->strength) : "none");
    for (const auto& line : c.evidence) out << "   " << line << '\n';
    if (c.path) out << "   path: " << Chain(*c.path) << '\n';
    out << fmt::format("   balance: {}\n", Account(c.balance));
    out << "   " << c.advice << '\n';
  }
}

void PrintAsk(std::ostream& out, const app::AskView& view) {
  out << fmt::format("ask #{} of {}: \"{}\" ({}), withdrew {} {:.1f}: balance now {}\n",
                     view.ask.id.value, view.person.name, view.ask.text,
                     core::Name(view.ask.outcome), core::Name(view.withdrawal.kind),
                     view.withdrawal.value, Account(view.balance));
}

void PrintAsks(std::ostream& out, const std::vector<app::AskView>& views) {
  if (views.empty()) {
    out << "no asks\n";
    return;
  }
  Table table(
      {{"ID", Align::kRight}, {"DATE"}, {"PERSON"}, {"ASK"}, {"KIND"}, {"OUTCOME"}, {"BALANCE"}});
  for (const auto& v : views) {
    table.AddRow({std::to_string(v.ask.id.value), Day(v.ask.at), v.person.name, v.ask.text,
                  std::string(core::Name(v.withdrawal.kind)),
                  std::string(core::Name(v.ask.outcome)), Account(v.balance)});
  }
  table.Print(out);
}

}  // namespace allies::cli
