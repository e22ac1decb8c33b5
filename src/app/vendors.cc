// Vendor watch (issue 5): each vendor's services, renewal, key contacts with the ties me and my
// team hold, the last check-in against its cadence, recent change notices, and the alert that
// `allies today` shows. The three rules, each on its own (README "Vendor watch"):
//  1. no_warm_tie: nobody (me or a team member) holds a tie of strength 0.4 or more with anyone
//     there;
//  2. check_in_overdue: the vendor has a check-in cadence and the last interaction of me or a
//     team member with anyone there is older than it, or there never was one;
//  3. renewal_soon: the contract renews between today and 90 days from today, both included.

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "app/app.h"
#include "app/team.h"
#include "app/transaction.h"
#include "core/text.h"

namespace allies::app {

namespace internal {

namespace {

struct Holder {
  PersonRef member;
  TieSet ties;
};

// What to call the person to see at a vendor: the strongest contact, else "a key contact".
std::string ContactName(const VendorView& view) {
  return view.contacts.empty() ? std::string("a key contact there")
                               : view.contacts.front().person.name;
}

std::optional<VendorAlert> AlertFor(const VendorView& view) {
  const core::Organization& org = view.org;
  VendorAlert alert;
  alert.org = org;
  const VendorContact* best = view.contacts.empty() ? nullptr : &view.contacts.front();
  if (!best || best->strength < kVendorWarmTie) {
    alert.rules.emplace_back("no_warm_tie");
    if (!best) {
      alert.reasons.emplace_back("nobody there is known");
      alert.actions.push_back(fmt::format(
          "add a key contact at {} (the account or service manager) and meet them", org.name));
    } else if (best->strength <= 0) {
      alert.reasons.emplace_back(
          fmt::format("no tie of strength {} or more (no tie with anyone there)", kVendorWarmTie));
      alert.actions.push_back(
          fmt::format("meet {} in a relaxed setting and ask to be told about changes early",
                      best->person.name));
    } else {
      alert.reasons.push_back(fmt::format(
          "no tie of strength {} or more (best: {} {:.2f}, held by {})", kVendorWarmTie,
          best->person.name, best->strength, best->held_by ? best->held_by->name : "nobody"));
      alert.actions.push_back(
          fmt::format("meet {} in a relaxed setting and ask to be told about changes early",
                      best->person.name));
    }
  }
  if (org.cadence_days && view.check_in.overdue) {
    alert.rules.emplace_back("check_in_overdue");
    if (!view.check_in.days_since) {
      alert.reasons.push_back(fmt::format("never checked in (cadence {} days)", *org.cadence_days));
    } else {
      alert.reasons.push_back(fmt::format("last check-in {:.0f} days ago (cadence {} days)",
                                          *view.check_in.days_since, *org.cadence_days));
    }
    alert.actions.push_back(fmt::format("schedule a check-in with {}", ContactName(view)));
  }
  if (org.renewal && view.renewal_days && *view.renewal_days >= 0 &&
      *view.renewal_days <= kRenewalHorizonDays) {
    alert.rules.emplace_back("renewal_soon");
    alert.reasons.push_back(fmt::format("contract renews on {} (in {} day{})",
                                        core::FormatDate(*org.renewal), *view.renewal_days,
                                        *view.renewal_days == 1 ? "" : "s"));
    alert.actions.push_back(fmt::format("review the contract before {} and ask {} what is changing",
                                        core::FormatDate(*org.renewal), ContactName(view)));
  }
  if (alert.rules.empty()) return std::nullopt;
  alert.action = core::Join(alert.actions, "; ");
  return alert;
}

}  // namespace

Result<std::vector<VendorView>> WatchVendors(store::Store& store, const Directory& directory,
                                             core::TimePoint now, const scoring::Params& params) {
  std::vector<const core::Organization*> orgs;
  for (const auto& [id, org] : directory.orgs) {
    if (org.kind == core::OrgKind::kVendor && !org.stamps.deleted_at) orgs.push_back(&org);
  }
  std::sort(orgs.begin(), orgs.end(), [](const auto* a, const auto* b) {
    if (a->name != b->name) return a->name < b->name;
    return a->id < b->id;
  });
  std::vector<VendorView> views;
  if (orgs.empty()) return views;

  // Me first, then the team by id: the people whose ties a vendor relationship can rest on.
  std::vector<Holder> holders;
  std::vector<core::PersonId> members;
  for (const auto& [id, person] : directory.people) {
    if ((person.is_me || person.is_team) && !person.stamps.deleted_at) members.push_back(id);
  }
  std::sort(members.begin(), members.end(), [&](core::PersonId a, core::PersonId b) {
    bool me_a = directory.people.at(a).is_me;
    bool me_b = directory.people.at(b).is_me;
    if (me_a != me_b) return me_a;
    return a < b;
  });
  for (auto id : members) {
    ALLIES_TRY(auto ties, ComputeTies(store, directory, id, now, params));
    holders.push_back(Holder{directory.Ref(id), std::move(ties)});
  }

  std::unordered_map<core::OrgId, std::vector<core::PersonId>> people_at;
  for (const auto& [id, person] : directory.people) {
    if (!person.org || person.stamps.deleted_at || person.is_me || person.is_team) continue;
    people_at[*person.org].push_back(id);
  }
  const auto today = std::chrono::floor<std::chrono::days>(now);
  for (const auto* org : orgs) {
    VendorView view;
    view.org = *org;
    if (org->renewal) {
      view.renewal_days = static_cast<int>((std::chrono::sys_days{*org->renewal} - today).count());
    }
    for (auto id : people_at[org->id]) {
      VendorContact contact;
      contact.person = directory.Ref(id);
      contact.title = directory.people.at(id).title;
      for (const auto& holder : holders) {
        const TieView* tie = holder.ties.Find(id);
        if (!tie) continue;
        const auto& last = tie->tie.components.last_contact;
        if (last && (!view.check_in.last || *last > *view.check_in.last)) {
          view.check_in.last = last;
          view.checked_in_by = holder.member;
        }
        if (tie->tie.strength <= 0) continue;
        contact.ties.emplace_back(holder.member, tie->tie.strength);
        if (tie->tie.strength > contact.strength) {
          contact.strength = tie->tie.strength;
          contact.held_by = holder.member;
        }
      }
      std::stable_sort(contact.ties.begin(), contact.ties.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      view.contacts.push_back(std::move(contact));
    }
    std::sort(view.contacts.begin(), view.contacts.end(),
              [](const VendorContact& a, const VendorContact& b) {
                if (a.strength != b.strength) return a.strength > b.strength;
                if (a.person.name != b.person.name) return a.person.name < b.person.name;
                return a.person.id < b.person.id;
              });
    if (view.check_in.last) view.check_in.days_since = core::DaysBetween(*view.check_in.last, now);
    if (org->cadence_days) {
      view.check_in.overdue =
          !view.check_in.days_since || *view.check_in.days_since > *org->cadence_days;
    }
    ALLIES_TRY(auto notices, store.ListNotices(org->id));
    for (const auto& notice : notices) {
      if (notice.at > now || core::DaysBetween(notice.at, now) > kVendorNoticeDays) continue;
      NoticeView notice_view{notice, org->name, std::nullopt};
      if (notice.reported_by) notice_view.reported_by = directory.Ref(*notice.reported_by);
      view.notices.push_back(std::move(notice_view));
    }
    view.alert = AlertFor(view);
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace internal

Result<std::vector<VendorView>> App::Vendors() {
  return InTransaction([&]() -> Result<std::vector<VendorView>> {
    ALLIES_TRY_VOID(internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return internal::WatchVendors(store_, directory, now_, params);
  });
}

}  // namespace allies::app
