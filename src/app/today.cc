// The daily briefing: what needs me today.

#include <algorithm>

#include "app/app.h"
#include "app/internal.h"
#include "app/team.h"
#include "app/transaction.h"

namespace allies::app {

namespace {

constexpr int kFollowUpHorizonDays = 7;  // due within a week shows up
constexpr int kDatesHorizonDays = 14;    // birthdays in the next two weeks
constexpr std::size_t kReconnectCount = 10;
constexpr int kNoticeDays = 30;

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
      if (!internal::MayRead(followup, me, true)) continue;  // a team member's promise
      briefing.followups.push_back(internal::MakeFollowUpView(followup, directory, now_));
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

    // The vendor rules live with `allies vendors` (vendors.cc), so that both say the same.
    ALLIES_TRY(auto vendors, internal::WatchVendors(store_, directory, now_, params));
    for (auto& vendor : vendors) {
      if (vendor.alert) briefing.vendors.push_back(std::move(*vendor.alert));
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
