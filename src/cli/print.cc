#include "cli/print.h"

#include <fmt/format.h>

#include "cli/parse.h"
#include "cli/table.h"
#include "core/names.h"
#include "core/text.h"

namespace allies::cli {

namespace {

std::string Number(double value, int decimals = 2) {
  return fmt::format("{:.{}f}", value, decimals);
}

std::string Layer(const std::optional<int>& layer) { return layer ? std::to_string(*layer) : "-"; }

std::string Days(const std::optional<double>& days) {
  return days ? fmt::format("{:.0f}", *days) : "-";
}

std::string When(const std::optional<core::TimePoint>& at) {
  return at ? FormatLocal(*at).substr(0, 10) : "never";
}

std::string Where(const app::PersonRef& ref) {
  if (!ref.department.empty()) return ref.department;
  return ref.org;
}

std::string Plural(int count, std::string_view unit) {
  return fmt::format("{} {}{}", count, unit, count == 1 ? "" : "s");
}

std::string InWhen(int days) {
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  return fmt::format("in {} days", days);
}

std::string DueText(const app::FollowUpView& view) {
  if (view.followup.done_at) return "done " + FormatLocal(*view.followup.done_at).substr(0, 10);
  if (view.days_left < 0) return Plural(-view.days_left, "day") + " overdue";
  if (view.days_left == 0) return "due today";
  return "due " + InWhen(view.days_left);
}

std::string DateText(const app::UpcomingDate& date) {
  std::string what = date.kind == core::DateKind::kBirthday          ? "birthday"
                     : date.kind == core::DateKind::kWorkAnniversary ? "work anniversary"
                                                                     : "anniversary";
  if (date.years) {
    what += date.kind == core::DateKind::kBirthday ? fmt::format(" (turns {})", *date.years)
                                                   : " (" + Plural(*date.years, "year") + ")";
  }
  return what;
}

void Heading(std::ostream& out, const std::string& title) { out << '\n' << title << '\n'; }

void TiesTable(std::ostream& out, const std::vector<app::TieView>& ties, int indent) {
  Table table({{"ID", Align::kRight},
               {"PERSON"},
               {"WHERE", Align::kLeft, 24},
               {"STRENGTH", Align::kRight},
               {"LAYER", Align::kRight},
               {"LAST CONTACT"},
               {"DAYS", Align::kRight},
               {"EVERY", Align::kRight},
               {"AT RISK"}});
  for (const auto& tie : ties) {
    table.AddRow({std::to_string(tie.person.id.value), tie.person.name, Where(tie.person),
                  Number(tie.tie.strength), Layer(tie.layer), When(tie.tie.components.last_contact),
                  Days(tie.risk.days_since), Days(tie.risk.threshold_days),
                  tie.risk.at_risk ? "yes" : ""});
  }
  table.Print(out, indent);
}

}  // namespace

void PrintPeople(std::ostream& out, const std::vector<app::PersonRow>& rows) {
  if (rows.empty()) {
    out << "no people\n";
    return;
  }
  Table table({{"ID", Align::kRight},
               {"NAME"},
               {"TITLE", Align::kLeft, 32},
               {"DEPARTMENT", Align::kLeft, 24},
               {"ORGANIZATION", Align::kLeft, 24},
               {"TAGS", Align::kLeft, 30}});
  for (const auto& row : rows) {
    const auto& p = row.person;
    std::string name = p.name + (p.is_me ? " (me)" : p.is_team ? " (team)" : "");
    if (p.stamps.deleted_at) name += " (removed)";
    table.AddRow({std::to_string(p.id.value), name, p.title, p.department, row.org_name,
                  core::Join(p.tags, ", ")});
  }
  table.Print(out);
}

void PrintPersonPage(std::ostream& out, const app::PersonPage& page) {
  const auto& p = page.row.person;
  out << fmt::format("{} (#{}){}{}\n", p.name, p.id.value, p.is_me ? " · me" : "",
                     p.is_team ? " · my team" : "");
  std::vector<std::string> role;
  if (!p.title.empty()) role.push_back(p.title);
  if (!p.department.empty()) role.push_back(p.department);
  if (!page.row.org_name.empty()) role.push_back(page.row.org_name);
  if (!role.empty()) out << "  " << core::Join(role, " · ") << '\n';
  if (page.row.reports_to) out << "  reports to " << page.row.reports_to->name << '\n';
  if (!page.reports.empty()) {
    std::vector<std::string> names;
    for (const auto& ref : page.reports) names.push_back(ref.name);
    out << "  direct reports: " << core::Join(names, ", ") << '\n';
  }
  for (const auto& email : p.emails) {
    out << "  email " << email.address << (email.type.empty() ? "" : " (" + email.type + ")")
        << '\n';
  }
  for (const auto& phone : p.phones) {
    out << "  phone " << phone.number << (phone.type.empty() ? "" : " (" + phone.type + ")")
        << '\n';
  }
  if (!p.tags.empty()) out << "  tags: " << core::Join(p.tags, ", ") << '\n';

  if (page.tie) {
    const auto& t = *page.tie;
    const auto& c = t.tie.components;
    Heading(out, "Tie");
    out << fmt::format("  strength {} · layer {} · {}\n", Number(t.tie.strength), Layer(t.layer),
                       t.risk.at_risk ? "AT RISK" : "not at risk");
    out << fmt::format("  contact {} over {} days (saturation {}), last {}, median gap {} days\n",
                       Number(c.contact), c.contact_days, Number(c.saturation),
                       When(c.last_contact), Days(c.median_gap_days));
    out << fmt::format("  initiated: me {}, them {} → reciprocity {} (factor {})\n", c.initiated_a,
                       c.initiated_b, Number(c.reciprocity), Number(c.reciprocity_factor));
    if (c.closeness) out << fmt::format("  closeness (decayed) {}\n", Number(*c.closeness));
    if (c.one_way) out << "  one-way contact only (capped)\n";
    if (t.risk.threshold_days) {
      out << fmt::format("  keep in touch every {} days; {} days since last contact\n",
                         Days(t.risk.threshold_days), Days(t.risk.days_since));
    }
  } else if (!p.is_me) {
    Heading(out, "Tie");
    out << "  no contact yet\n";
  }

  if (!p.is_me) {
    const auto& b = page.balance.balance;
    Heading(out, "Account");
    out << fmt::format("  balance {} ({}): deposits {}, withdrawals {}\n", Number(b.value),
                       scoring::Name(b.status), Number(b.deposits), Number(b.withdrawals));
    if (!page.balance.entries.empty()) {
      Table table({{"DATE"},
                   {"KIND"},
                   {"VALUE", Align::kRight},
                   {"NOW", Align::kRight},
                   {"NOTE", Align::kLeft, 50}});
      for (std::size_t i = 0; i < page.balance.entries.size() && i < 5; ++i) {
        const auto& line = page.balance.entries[i];
        table.AddRow({FormatLocal(line.entry.at).substr(0, 10),
                      std::string(core::Name(line.entry.kind)), Number(line.entry.value, 1),
                      Number(line.decayed), line.entry.note});
      }
      table.Print(out, 2);
    }
  }

  if (!p.offers.empty() || !p.needs.empty()) {
    Heading(out, "Offers and needs");
    for (const auto& offer : p.offers) {
      out << fmt::format("  offers {} ({}/5)\n", offer.key, offer.rating);
    }
    for (const auto& need : p.needs) out << "  needs: " << need << '\n';
  }
  if (!p.notes.empty()) {
    Heading(out, "Notes");
    for (const auto& note : p.notes) {
      out << "  " << FormatLocal(note.at).substr(0, 10) << "  " << note.text << '\n';
    }
  }
  if (!page.dates.empty()) {
    Heading(out, "Dates");
    for (const auto& date : page.dates) {
      out << fmt::format("  {}  {}, {}\n", core::FormatDate(date.on), DateText(date),
                         InWhen(date.days_away));
    }
  }
  if (p.closeness || p.cadence_days) {
    Heading(out, "Settings");
    if (p.closeness) out << fmt::format("  closeness {}/5\n", *p.closeness);
    if (p.cadence_days) out << fmt::format("  cadence every {} days\n", *p.cadence_days);
  }
  if (!page.recent.empty()) {
    Heading(out, fmt::format("Recent interactions ({} in all)", page.interactions_total));
    Table table({{"WHEN"},
                 {"KIND"},
                 {"SETTING"},
                 {"MIN", Align::kRight},
                 {"ALSO THERE", Align::kLeft, 40},
                 {"NOTE", Align::kLeft, 40}});
    for (const auto& view : page.recent) {
      std::vector<std::string> names;
      for (const auto& ref : view.attendees) {
        if (ref.id != p.id && ref.id != view.interaction.owner) names.push_back(ref.name);
      }
      const auto& i = view.interaction;
      table.AddRow({FormatLocal(i.at), std::string(core::Name(i.kind)),
                    std::string(core::Name(i.setting)), std::to_string(i.duration_min),
                    core::Join(names, ", "), i.note});
    }
    table.Print(out, 2);
  }
  if (!page.followups.empty()) {
    Heading(out, "Open follow-ups");
    for (const auto& view : page.followups) {
      out << fmt::format("  #{} {} — due {} ({})\n", view.followup.id.value, view.followup.text,
                         core::FormatDate(view.followup.due), DueText(view));
    }
  }
  if (!page.introductions.empty()) {
    Heading(out, "Introductions");
    for (const auto& view : page.introductions) {
      out << fmt::format("  {}  {} introduced {} to {}{}\n",
                         FormatLocal(view.intro.at).substr(0, 10), view.introducer.name,
                         view.first.name, view.second.name,
                         view.intro.outcome.empty() ? "" : " — " + view.intro.outcome);
    }
  }
}

void PrintOrgs(std::ostream& out, const std::vector<app::OrgRow>& rows) {
  if (rows.empty()) {
    out << "no organizations\n";
    return;
  }
  Table table({{"ID", Align::kRight},
               {"NAME"},
               {"KIND"},
               {"PEOPLE", Align::kRight},
               {"SERVICES", Align::kLeft, 40},
               {"RENEWAL"},
               {"EVERY", Align::kRight}});
  for (const auto& row : rows) {
    const auto& o = row.org;
    table.AddRow({std::to_string(o.id.value), o.name, std::string(core::Name(o.kind)),
                  std::to_string(row.people), core::Join(o.services, ", "),
                  o.renewal ? core::FormatDate(*o.renewal) : "",
                  o.cadence_days ? std::to_string(*o.cadence_days) : ""});
  }
  table.Print(out);
}

void PrintOrgPage(std::ostream& out, const app::OrgPage& page) {
  const auto& o = page.org;
  out << fmt::format("{} (#{}) · {}\n", o.name, o.id.value, core::Name(o.kind));
  if (!o.services.empty()) out << "  services: " << core::Join(o.services, ", ") << '\n';
  if (o.renewal) out << "  contract renewal: " << core::FormatDate(*o.renewal) << '\n';
  if (o.cadence_days) {
    out << fmt::format("  check in every {} days; last check-in {}{}\n", *o.cadence_days,
                       When(page.check_in.last), page.check_in.overdue ? " (OVERDUE)" : "");
  }
  Heading(out, "People");
  if (page.contacts.empty()) {
    out << "  nobody yet\n";
  } else {
    TiesTable(out, page.contacts, 2);
  }
  if (!page.notices.empty()) {
    Heading(out, "Change notices");
    for (const auto& notice : page.notices) {
      out << fmt::format("  {}  {}{}\n", FormatLocal(notice.notice.at).substr(0, 10),
                         notice.notice.text,
                         notice.reported_by ? " (from " + notice.reported_by->name + ")" : "");
    }
  }
}

void PrintInteraction(std::ostream& out, const app::InteractionView& view) {
  std::vector<std::string> names;
  for (std::size_t k = 1; k < view.attendees.size(); ++k) names.push_back(view.attendees[k].name);
  const auto& i = view.interaction;
  out << fmt::format("logged {} #{} with {} on {} ({} min, {}, {}, energy {})\n",
                     core::Name(i.kind), i.id.value, core::Join(names, ", "), FormatLocal(i.at),
                     i.duration_min, core::Name(i.setting), core::Name(i.purpose), i.energy);
  for (const auto& entry : view.offered) {
    std::string name = fmt::format("#{}", entry.person.value);
    for (const auto& ref : view.attendees) {
      if (ref.id == entry.person) name = ref.name;
    }
    out << fmt::format("deposited expertise {} with {}: {}\n", Number(entry.value, 1), name,
                       entry.note);
  }
}

void PrintLedger(std::ostream& out, const app::LedgerView& view) {
  bool deposit = core::IsDeposit(view.entry.kind);
  out << fmt::format("{} {} {} with {}: balance now {} ({})\n", deposit ? "deposited" : "withdrew",
                     core::Name(view.entry.kind), Number(view.entry.value, 1), view.person.name,
                     Number(view.balance.value), scoring::Name(view.balance.status));
}

void PrintIntros(std::ostream& out, const std::vector<app::IntroView>& views) {
  if (views.empty()) {
    out << "no introductions\n";
    return;
  }
  Table table({{"ID", Align::kRight}, {"DATE"}, {"BY"}, {"INTRODUCED"}, {"TO"}, {"OUTCOME"}});
  for (const auto& v : views) {
    table.AddRow({std::to_string(v.intro.id.value), FormatLocal(v.intro.at).substr(0, 10),
                  v.introducer.name, v.first.name, v.second.name, v.intro.outcome});
  }
  table.Print(out);
}

void PrintFollowUps(std::ostream& out, const std::vector<app::FollowUpView>& views) {
  if (views.empty()) {
    out << "no follow-ups\n";
    return;
  }
  Table table({{"ID", Align::kRight}, {"DUE"}, {"PERSON"}, {"WHAT", Align::kLeft, 50}, {"STATUS"}});
  for (const auto& v : views) {
    table.AddRow({std::to_string(v.followup.id.value), core::FormatDate(v.followup.due),
                  v.person.name, v.followup.text, DueText(v)});
  }
  table.Print(out);
}

void PrintBalances(std::ostream& out, const std::vector<app::BalanceView>& views) {
  if (views.empty()) {
    out << "no accounts yet (allies deposit PERSON KIND starts one)\n";
    return;
  }
  Table table({{"ID", Align::kRight},
               {"PERSON"},
               {"WHERE", Align::kLeft, 24},
               {"BALANCE", Align::kRight},
               {"STATUS"},
               {"DEPOSITS", Align::kRight},
               {"WITHDRAWALS", Align::kRight},
               {"ENTRIES", Align::kRight}});
  for (const auto& v : views) {
    table.AddRow({std::to_string(v.person.id.value), v.person.name, Where(v.person),
                  Number(v.balance.value), std::string(scoring::Name(v.balance.status)),
                  Number(v.balance.deposits), Number(v.balance.withdrawals),
                  std::to_string(v.balance.entries)});
  }
  table.Print(out);
}

void PrintBalanceDetail(std::ostream& out, const app::BalanceDetail& detail) {
  const auto& b = detail.balance;
  out << fmt::format("{}: balance {} ({})\n", detail.person.name, Number(b.value),
                     scoring::Name(b.status));
  out << fmt::format("  deposits {} − withdrawals {}, each halved every half-life\n",
                     Number(b.deposits), Number(b.withdrawals));
  if (detail.entries.empty()) return;
  Table table({{"DATE"},
               {"KIND"},
               {"VALUE", Align::kRight},
               {"COUNTS NOW", Align::kRight},
               {"NOTE", Align::kLeft, 50}});
  for (const auto& line : detail.entries) {
    table.AddRow({FormatLocal(line.entry.at).substr(0, 10),
                  std::string(core::Name(line.entry.kind)), Number(line.entry.value, 1),
                  Number(line.decayed), line.entry.note});
  }
  out << '\n';
  table.Print(out, 2);
}

void PrintTies(std::ostream& out, const std::vector<app::TieView>& ties) {
  if (ties.empty()) {
    out << "no ties yet (allies log KIND --with PERSON records a contact)\n";
    return;
  }
  TiesTable(out, ties, 0);
}

void PrintBriefing(std::ostream& out, const app::Briefing& briefing) {
  std::chrono::weekday weekday{std::chrono::sys_days{briefing.date}};
  static constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
  out << fmt::format("Today, {} {}{}\n", kDays[weekday.c_encoding()],
                     core::FormatDate(briefing.date), briefing.me ? " — " + briefing.me->name : "");
  out << fmt::format("{} people · {} ties · {} at risk\n", briefing.people, briefing.ties,
                     briefing.ties_at_risk);

  Heading(out, "Follow-ups due");
  if (briefing.followups.empty()) {
    out << "  nothing due this week\n";
  } else {
    Table table(
        {{"ID", Align::kRight}, {"DUE"}, {"PERSON"}, {"WHAT", Align::kLeft, 50}, {"STATUS"}});
    for (const auto& v : briefing.followups) {
      table.AddRow({std::to_string(v.followup.id.value), core::FormatDate(v.followup.due),
                    v.person.name, v.followup.text, DueText(v)});
    }
    table.Print(out, 2);
  }

  Heading(out, "Reconnect: strongest ties at risk");
  if (briefing.reconnect.empty()) {
    out << "  no tie at risk\n";
  } else {
    TiesTable(out, briefing.reconnect, 2);
  }

  Heading(out, "Dates in the next two weeks");
  if (briefing.dates.empty()) {
    out << "  none\n";
  } else {
    for (const auto& date : briefing.dates) {
      out << fmt::format("  {}  {}: {}, {}\n", core::FormatDate(date.on), date.person.name,
                         DateText(date), InWhen(date.days_away));
    }
  }

  Heading(out, "Vendors");
  if (briefing.vendors.empty()) {
    out << "  every vendor relationship is warm\n";
  } else {
    for (const auto& alert : briefing.vendors) {
      out << fmt::format("  {}: {}\n    → {}\n", alert.org.name, core::Join(alert.reasons, "; "),
                         alert.action);
    }
  }

  Heading(out, "Accounts overdrawn (make a deposit before the next ask)");
  if (briefing.overdrawn.empty()) {
    out << "  none\n";
  } else {
    for (const auto& view : briefing.overdrawn) {
      out << fmt::format("  {} ({}): {}\n", view.person.name, Where(view.person),
                         Number(view.balance.value));
    }
  }

  if (!briefing.notices.empty()) {
    Heading(out, "Vendor change notices (30 days)");
    for (const auto& notice : briefing.notices) {
      out << fmt::format("  {}  {}: {}\n", FormatLocal(notice.notice.at).substr(0, 10),
                         notice.org_name, notice.notice.text);
    }
  }
}

void PrintDemo(std::ostream& out, const app::DemoSummary& summary) {
  out << fmt::format(
      "demo organization written: {} people in {} departments, a team of {}, {} vendors, {} "
      "interactions, {} ledger entries, {} follow-ups, {} vendor notices\n",
      summary.people, summary.departments, summary.team, summary.vendors, summary.interactions,
      summary.ledger_entries, summary.followups, summary.notices);
  if (!summary.hidden_influencers.empty()) {
    out << "planted hidden influencers: " << core::Join(summary.hidden_influencers, ", ") << '\n';
  }
  if (!summary.planted_expert.empty()) {
    out << fmt::format("planted expert: {} knows e-discovery; reach them through {}\n",
                       summary.planted_expert, summary.expert_contact);
  }
}

void PrintConfig(std::ostream& out, const std::vector<app::ConfigRow>& rows) {
  Table table({{"KEY"},
               {"VALUE", Align::kRight},
               {"DEFAULT", Align::kRight},
               {"DESCRIPTION", Align::kLeft, 90}});
  for (const auto& row : rows) {
    table.AddRow(
        {row.key, row.value + (row.is_default ? "" : " *"), row.default_value, row.description});
  }
  table.Print(out);
}

std::string InfluenceText(const app::InfluenceSource& source) {
  std::string text = fmt::format("influence over the whole {} ({} people, {} ties)", source.scope,
                                 source.people, source.ties);
  if (source.reused) {
    text += fmt::format(" as of {}, {} change{} since", FormatLocal(source.as_of),
                        source.changes_since, source.changes_since == 1 ? "" : "s");
    if (!source.stale_because.empty()) {
      text +=
          fmt::format("; outdated, {}: being recomputed in the background", source.stale_because);
    }
  } else {
    text += fmt::format(" computed now ({})", source.recomputed_because);
  }
  if (source.waited_seconds > 0) {
    text +=
        fmt::format("; waited {:.1f} s for the recomputation in progress", source.waited_seconds);
  }
  if (!source.estimated.empty()) {
    text += fmt::format("; {} added since estimated from their offers", source.estimated.size());
  }
  return text;
}

}  // namespace allies::cli
