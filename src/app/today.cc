// The daily briefing: what needs me today.

#include <algorithm>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/transaction.h"
#include "core/text.h"

namespace allies::app {

namespace {

constexpr int kFollowUpHorizonDays = 7;  // due within a week shows up
constexpr int kDatesHorizonDays = 14;    // birthdays in the next two weeks
constexpr std::size_t kReconnectCount = 10;
constexpr int kNoticeDays = 30;
// A vendor relationship is warm when someone there holds a tie of at least this strength
// (issue 5: vendor watch).
constexpr double kVendorWarmTie = 0.4;
constexpr int kRenewalHorizonDays = 90;

std::optional<VendorAlert> CheckVendor(const core::Organization& org,
                                       const internal::Directory& directory,
                                       const internal::TieSet& ties, core::TimePoint now) {
  VendorAlert alert;
  alert.org = org;
  double best = 0;
  std::string best_name;
  std::optional<core::TimePoint> last;
  for (const auto& [id, person] : directory.people) {
    if (person.org != org.id || person.stamps.deleted_at) continue;
    const TieView* tie = ties.Find(id);
    if (!tie) continue;
    if (tie->tie.strength > best) {
      best = tie->tie.strength;
      best_name = person.name;
    }
    const auto& contact = tie->tie.components.last_contact;
    if (contact && (!last || *contact > *last)) last = contact;
  }
  std::vector<std::string> actions;
  if (best < kVendorWarmTie) {
    alert.reasons.push_back(best_name.empty()
                                ? fmt::format("no tie with anyone there")
                                : fmt::format("no tie of strength {} or more (best: {} {:.2f})",
                                              kVendorWarmTie, best_name, best));
    actions.push_back("build a relationship with a key contact");
  }
  if (org.cadence_days) {
    if (!last) {
      alert.reasons.push_back("never checked in");
      actions.push_back("schedule a check-in");
    } else {
      double days = core::DaysBetween(*last, now);
      if (days > *org.cadence_days) {
        alert.reasons.push_back(fmt::format("last check-in {:.0f} days ago (cadence {} days)", days,
                                            *org.cadence_days));
        actions.push_back("schedule a check-in");
      }
    }
  }
  if (org.renewal) {
    auto today = std::chrono::floor<std::chrono::days>(now);
    auto days = (std::chrono::sys_days{*org.renewal} - today).count();
    if (days >= 0 && days <= kRenewalHorizonDays) {
      alert.reasons.push_back(
          fmt::format("contract renews on {} (in {} days)", core::FormatDate(*org.renewal), days));
      actions.push_back("review the contract and ask what is changing");
    }
  }
  if (alert.reasons.empty()) return std::nullopt;
  std::sort(actions.begin(), actions.end());
  actions.erase(std::unique(actions.begin(), actions.end()), actions.end());
  alert.action = core::Join(actions, "; ");
  return alert;
}

}  // namespace

Result<Briefing> App::Today() {
  return InTransaction([&]() -> Result<Briefing> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    ALLIES_TRY(auto ties, internal::ComputeTies(store_, directory, me, now_, params));
    Briefing briefing;
    briefing.date = internal::DayOf(now_);
    briefing.me = directory.Ref(me);
    for (const auto& [id, person] : directory.people) {
      if (!person.stamps.deleted_at && !person.is_me) ++briefing.people;
    }
    briefing.ties = static_cast<int>(ties.ties.size());

    std::vector<const TieView*> at_risk;
    for (const auto& tie : ties.ties) {
      if (tie.risk.at_risk) at_risk.push_back(&tie);
    }
    briefing.ties_at_risk = static_cast<int>(at_risk.size());
    // Ties are sorted strongest first, so the first ones at risk are the ones that matter most.
    for (std::size_t i = 0; i < at_risk.size() && i < kReconnectCount; ++i) {
      briefing.reconnect.push_back(*at_risk[i]);
    }

    store::FollowUpFilter filter;
    ALLIES_TRY(auto followups, store_.ListFollowUps(filter));
    auto today = std::chrono::floor<std::chrono::days>(now_);
    for (const auto& followup : followups) {
      int left = static_cast<int>((std::chrono::sys_days{followup.due} - today).count());
      if (left > kFollowUpHorizonDays || !directory.Active(followup.person)) continue;
      briefing.followups.push_back(
          FollowUpView{followup, directory.Ref(followup.person), left < 0, left});
    }

    for (const auto& [id, person] : directory.people) {
      if (person.stamps.deleted_at || person.is_me) continue;
      if (!person.is_team && !ties.Find(id)) continue;
      for (auto& date : internal::UpcomingDates(person, directory.Ref(id), briefing.date)) {
        if (date.days_away <= kDatesHorizonDays) briefing.dates.push_back(std::move(date));
      }
    }
    std::sort(briefing.dates.begin(), briefing.dates.end(),
              [](const UpcomingDate& a, const UpcomingDate& b) {
                if (a.days_away != b.days_away) return a.days_away < b.days_away;
                return a.person.name < b.person.name;
              });

    std::vector<core::Organization> vendors;
    for (const auto& [id, org] : directory.orgs) {
      if (org.kind == core::OrgKind::kVendor && !org.stamps.deleted_at) vendors.push_back(org);
    }
    std::sort(vendors.begin(), vendors.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& org : vendors) {
      if (auto alert = CheckVendor(org, directory, ties, now_)) {
        briefing.vendors.push_back(std::move(*alert));
      }
    }

    ALLIES_TRY(auto balances, internal::ComputeBalances(store_, me, now_, params));
    for (const auto& [id, balance] : balances) {
      if (balance.status == scoring::BalanceStatus::kOverdrawn && directory.Active(id)) {
        briefing.overdrawn.push_back(BalanceView{directory.Ref(id), balance});
      }
    }
    std::sort(briefing.overdrawn.begin(), briefing.overdrawn.end(),
              [](const BalanceView& a, const BalanceView& b) {
                if (a.balance.value != b.balance.value) return a.balance.value < b.balance.value;
                return a.person.id < b.person.id;
              });

    ALLIES_TRY(auto notices, store_.ListNotices(std::nullopt));
    for (const auto& notice : notices) {
      if (core::DaysBetween(notice.at, now_) > kNoticeDays || notice.at > now_) continue;
      NoticeView view{notice, directory.OrgName(notice.org), std::nullopt};
      if (notice.reported_by) view.reported_by = directory.Ref(*notice.reported_by);
      briefing.notices.push_back(std::move(view));
    }
    return briefing;
  });
}

}  // namespace allies::app
