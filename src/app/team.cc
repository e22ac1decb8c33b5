// The team (issue 5): acting as a team member, the privacy rule, and the coaching report.
//
// `allies team report` gives one row per member (me first, then the team by name). Every number
// comes from the member's own ties, scored as `allies ties` scores mine (but without my
// closeness ratings and cadences, which are mine), with people outside the team only:
//  - new ties: people whose first interaction with the member falls in the last 30 / 90 days;
//  - coverage: departments and vendors where the member has a tie of strength >= 0.2 (the
//    threshold of `allies reach`);
//  - ties at risk: as `allies ties` decides it.
// The suggestion is the first of these rules that applies (README "The team report"):
//  1. overdrawn          (the viewer's own row only) an overdrawn account: make a deposit;
//  2. ties_at_risk       at least 3 ties at risk and at least a quarter of all ties: reconnect
//                        with the strongest of them;
//  3. no_new_ties        no new tie in 30 days: meet one person outside your department;
//  4. uncovered_department  a department nobody on the team covers: introduce yourself there;
//  5. keep_going         none of the above.
// Rules 3 and 4 name a department nobody covers, handed out in turn (largest first) so that two
// members are not sent to the same place.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "app/app.h"
#include "app/team.h"
#include "app/transaction.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace internal {

Result<core::Person> ResolveActor(store::Store& store, const std::optional<std::string>& as) {
  if (!as) {
    ALLIES_TRY(auto me, RequireMe(store));
    return store.GetPerson(me);
  }
  ALLIES_TRY(auto person, ResolvePerson(store, *as));
  if (!person.is_me && !person.is_team) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("--as {}: {} (#{}) is not on my team (add them with `allies team add`)",
                            Quote(*as), person.name, person.id.value));
  }
  return person;
}

core::Interaction AsSeenBy(core::Interaction interaction, core::PersonId viewer) {
  if (!MayRead(interaction.owner, viewer)) interaction.note.clear();
  return interaction;
}

}  // namespace internal

namespace {

constexpr int kShortWindowDays = 30;
constexpr int kLongWindowDays = 90;
constexpr std::size_t kAtRiskShown = 5;
constexpr int kManyAtRisk = 3;  // and at least a quarter of the member's ties

struct Gaps {
  std::vector<std::string> departments;  // largest first
  std::size_t next = 0;

  // The next uncovered department in turn, other than `own` when there is another.
  std::optional<std::string> Take(const std::string& own) {
    if (departments.empty()) return std::nullopt;
    for (std::size_t i = 0; i < departments.size(); ++i) {
      const std::string& name = departments[(next + i) % departments.size()];
      if (name != own || departments.size() == 1) {
        next = (next + i + 1) % departments.size();
        return name;
      }
    }
    return std::nullopt;
  }
};

struct Worst {
  PersonRef person;
  double balance = 0;
};

// `departments`: every department with its number of people, the largest first.
void Suggest(MemberCoaching& row, const std::optional<Worst>& overdrawn, Gaps& gaps,
             const std::vector<std::pair<std::string, int>>& departments, double min_strength) {
  if (overdrawn) {
    row.rule = "overdrawn";
    row.suggestion = fmt::format(
        "make a deposit with {} (balance {:.1f}): offer attention or expertise before "
        "asking for anything",
        overdrawn->person.name, overdrawn->balance);
    return;
  }
  if (row.at_risk >= kManyAtRisk && row.at_risk * 4 >= row.ties && !row.at_risk_ties.empty()) {
    const TieView& tie = row.at_risk_ties.front();
    row.rule = "ties_at_risk";
    std::string since =
        tie.risk.days_since ? fmt::format(", last seen {:.0f} days ago", *tie.risk.days_since) : "";
    row.suggestion = fmt::format("reconnect with {} ({} of {} ties at risk{})", tie.person.name,
                                 row.at_risk, row.ties, since);
    return;
  }
  const std::string& own = row.member.department;
  if (row.new_ties_30 == 0) {
    row.rule = "no_new_ties";
    std::string where = own.empty() ? "your department" : fmt::format("your department ({})", own);
    std::string hint;
    if (auto gap = gaps.Take(own)) {
      hint = fmt::format("; someone in {}, which nobody on the team covers, would help most", *gap);
    } else {
      // Else the largest department where the member has no tie strong enough yet.
      for (const auto& [name, size] : departments) {
        if (name == own || std::find(row.departments.begin(), row.departments.end(), name) !=
                               row.departments.end()) {
          continue;
        }
        hint = fmt::format("; for example in {}, where you have no tie of {} or more yet", name,
                           min_strength);
        break;
      }
    }
    row.suggestion = fmt::format("meet one person outside {}: no new ties in {} days{}", where,
                                 kShortWindowDays, hint);
    return;
  }
  if (auto gap = gaps.Take(own)) {
    row.rule = "uncovered_department";
    row.suggestion = fmt::format(
        "introduce yourself to someone in {}: nobody on the team has a tie of strength {} or "
        "more there",
        *gap, min_strength);
    return;
  }
  row.rule = "keep_going";
  row.suggestion =
      fmt::format("keep it up: {} new ties in {} days; see the ones at risk within their cadence",
                  row.new_ties_90, kLongWindowDays);
}

}  // namespace

Result<TeamReport> App::Coaching(const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<TeamReport> {
    ALLIES_TRY(auto viewer, internal::ResolveActor(store_, as));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    TeamReport report;
    report.viewer = directory.Ref(viewer.id);

    std::vector<core::PersonId> members;
    std::unordered_set<core::PersonId> team;
    for (const auto& [id, person] : directory.people) {
      if ((person.is_me || person.is_team) && !person.stamps.deleted_at) {
        members.push_back(id);
        team.insert(id);
      }
    }
    std::sort(members.begin(), members.end(), [&](core::PersonId a, core::PersonId b) {
      const auto& x = directory.people.at(a);
      const auto& y = directory.people.at(b);
      if (x.is_me != y.is_me) return x.is_me;
      if (x.name != y.name) return x.name < y.name;
      return a < b;
    });
    auto outside = [&](core::PersonId id) { return directory.Active(id) && !team.contains(id); };

    const auto short_start = now_ - std::chrono::days{kShortWindowDays};
    const auto long_start = now_ - std::chrono::days{kLongWindowDays};
    std::set<std::string> covered_departments;
    std::set<std::string> covered_vendors;
    std::vector<std::optional<Worst>> worst(members.size());
    for (std::size_t m = 0; m < members.size(); ++m) {
      const core::PersonId member = members[m];
      MemberCoaching row;
      row.member = directory.Ref(member);
      row.is_me = directory.people.at(member).is_me;

      ALLIES_TRY(auto ties, internal::ComputeTies(store_, directory, member, now_, params));
      std::set<std::string> departments;
      std::set<std::string> vendors;
      for (const auto& tie : ties.ties) {
        if (!outside(tie.person.id)) continue;
        if (tie.tie.strength > 0) ++row.ties;
        if (tie.risk.at_risk) {
          ++row.at_risk;
          if (row.at_risk_ties.size() < kAtRiskShown) row.at_risk_ties.push_back(tie);
        }
        if (tie.tie.strength < report.min_strength) continue;
        const auto& person = directory.people.at(tie.person.id);
        if (!person.department.empty()) departments.insert(person.department);
        if (person.org) {
          auto org = directory.orgs.find(*person.org);
          if (org != directory.orgs.end() && org->second.kind == core::OrgKind::kVendor &&
              !org->second.stamps.deleted_at) {
            vendors.insert(org->second.name);
          }
        }
      }
      row.departments.assign(departments.begin(), departments.end());
      row.vendors.assign(vendors.begin(), vendors.end());
      covered_departments.insert(departments.begin(), departments.end());
      covered_vendors.insert(vendors.begin(), vendors.end());

      // New ties: the first interaction the member had with each person, up to now.
      store::InteractionFilter filter;
      filter.attendee = member;
      filter.until = now_ + std::chrono::seconds{1};
      ALLIES_TRY(auto interactions, store_.ListInteractions(filter));
      std::unordered_map<core::PersonId, core::TimePoint> first;
      for (const auto& interaction : interactions) {  // in time order
        for (auto id : interaction.attendees) {
          if (outside(id)) first.try_emplace(id, interaction.at);
        }
      }
      for (const auto& [id, at] : first) {
        if (at >= long_start) ++row.new_ties_90;
        if (at >= short_start) ++row.new_ties_30;
      }

      // A member's ledger is theirs alone: it counts only in the viewer's own row.
      if (member == viewer.id) {
        ALLIES_TRY(auto balances, internal::ComputeBalances(store_, member, now_, params));
        int overdrawn = 0;
        for (const auto& [id, balance] : balances) {
          if (balance.status != scoring::BalanceStatus::kOverdrawn || !directory.Active(id)) {
            continue;
          }
          ++overdrawn;
          if (!worst[m] || balance.value < worst[m]->balance ||
              (balance.value == worst[m]->balance && id < worst[m]->person.id)) {
            worst[m] = Worst{directory.Ref(id), balance.value};
          }
        }
        row.overdrawn = overdrawn;
      }
      report.members.push_back(std::move(row));
    }

    // Departments and vendors nobody covers, the largest departments first.
    std::map<std::string, int> department_sizes;
    for (const auto& [id, person] : directory.people) {
      if (outside(id) && !person.department.empty()) ++department_sizes[person.department];
    }
    std::vector<std::pair<std::string, int>> largest(department_sizes.begin(),
                                                     department_sizes.end());
    std::stable_sort(largest.begin(), largest.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    Gaps handout;
    for (const auto& [name, size] : largest) {
      if (covered_departments.contains(name)) continue;
      report.uncovered_departments.push_back(name);
      handout.departments.push_back(name);
    }
    for (const auto& [id, org] : directory.orgs) {
      if (org.kind == core::OrgKind::kVendor && !org.stamps.deleted_at &&
          !covered_vendors.contains(org.name)) {
        report.uncovered_vendors.push_back(org.name);
      }
    }
    std::sort(report.uncovered_vendors.begin(), report.uncovered_vendors.end());
    for (std::size_t m = 0; m < report.members.size(); ++m) {
      Suggest(report.members[m], worst[m], handout, largest, report.min_strength);
    }
    return report;
  });
}

}  // namespace allies::app
