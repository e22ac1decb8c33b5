// Use cases that read scores: balances, ties and the person page.

#include <algorithm>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/team.h"
#include "app/transaction.h"
#include "scoring/balance.h"
#include "scoring/decay.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

Result<std::vector<BalanceView>> App::Balances(const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<std::vector<BalanceView>> {
    ALLIES_TRY(auto viewer, internal::ResolveActor(store_, as));
    const core::PersonId me = viewer.id;
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto balances, internal::ComputeBalances(store_, me, now_, params));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    std::vector<BalanceView> views;
    for (const auto& [id, balance] : balances) {
      if (directory.Active(id)) views.push_back(BalanceView{directory.Ref(id), balance});
    }
    std::sort(views.begin(), views.end(), [](const BalanceView& a, const BalanceView& b) {
      if (a.balance.value != b.balance.value) return a.balance.value < b.balance.value;
      return a.person.id < b.person.id;
    });
    return views;
  });
}

static Result<BalanceDetail> Detail(store::Store& store, core::PersonId me,
                                    const core::Person& person, const PersonRef& ref,
                                    core::TimePoint now, const scoring::Params& params) {
  store::LedgerFilter filter;
  filter.person = person.id;
  filter.owner = me;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  BalanceDetail detail;
  detail.person = ref;
  detail.balance = scoring::ComputeBalance(entries, now, params);
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    double age = core::DaysBetween(it->at, now);
    double decayed = age < 0 ? 0 : it->value * scoring::Decay(age, params.ledger_half_life_days);
    detail.entries.push_back(LedgerLine{*it, core::IsDeposit(it->kind) ? decayed : -decayed});
  }
  return detail;
}

Result<BalanceDetail> App::BalanceOf(const std::string& ref, const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<BalanceDetail> {
    ALLIES_TRY(auto viewer, internal::ResolveActor(store_, as));
    const core::PersonId me = viewer.id;
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return Detail(store_, me, person, directory.Ref(person.id), now_, params);
  });
}

Result<std::vector<TieView>> App::Ties(std::optional<int> top,
                                       const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<std::vector<TieView>> {
    if (top && *top < 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--top {} is out of range (expected 1 or more)", *top));
    }
    ALLIES_TRY(auto viewer, internal::ResolveActor(store_, as));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    ALLIES_TRY(auto set, internal::ComputeTies(store_, directory, viewer.id, now_, params));
    if (top && set.ties.size() > static_cast<std::size_t>(*top)) set.ties.resize(*top);
    return std::move(set.ties);
  });
}

Result<PersonPage> App::ShowPerson(const std::string& ref, const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<PersonPage> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    // The viewer: me, or the team member of --as. What they see follows the privacy rule
    // (team.h): their own ledger, interaction notes and follow-ups only; personal notes, which
    // are mine, only when the viewer is me.
    std::optional<core::PersonId> viewer;
    bool viewer_is_me = true;
    if (as) {
      ALLIES_TRY(auto actor, internal::ResolveActor(store_, as));
      viewer = actor.id;
      viewer_is_me = actor.is_me;
    } else {
      ALLIES_TRY(viewer, store_.FindMe());
    }
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    PersonPage page;
    page.row = PersonRow{person, directory.OrgName(person.org), std::nullopt};
    if (person.reports_to) page.row.reports_to = directory.Ref(*person.reports_to);
    for (const auto& [id, other] : directory.people) {
      if (other.reports_to == person.id && !other.stamps.deleted_at) {
        page.reports.push_back(directory.Ref(id));
      }
    }
    std::sort(page.reports.begin(), page.reports.end(),
              [](const PersonRef& a, const PersonRef& b) { return a.name < b.name; });
    PersonRef ref_self = directory.Ref(person.id);
    page.dates = internal::UpcomingDates(person, ref_self, internal::DayOf(now_));
    if (!viewer_is_me) page.row.person.notes.clear();
    if (viewer && *viewer != person.id) {
      ALLIES_TRY(auto ties, internal::ComputeTies(store_, directory, *viewer, now_, params));
      if (const TieView* tie = ties.Find(person.id)) page.tie = *tie;
      ALLIES_TRY(page.balance, Detail(store_, *viewer, person, ref_self, now_, params));
      store::InteractionFilter filter;
      filter.attendee = person.id;
      ALLIES_TRY(auto interactions, store_.ListInteractions(filter));
      std::erase_if(interactions, [&](const core::Interaction& i) {
        return std::find(i.attendees.begin(), i.attendees.end(), *viewer) == i.attendees.end();
      });
      page.interactions_total = static_cast<int>(interactions.size());
      for (auto it = interactions.rbegin(); it != interactions.rend() && page.recent.size() < 5;
           ++it) {
        InteractionView view{internal::AsSeenBy(*it, *viewer), {}, std::nullopt, {}};
        for (auto id : it->attendees) view.attendees.push_back(directory.Ref(id));
        if (it->initiator) view.initiator = directory.Ref(*it->initiator);
        page.recent.push_back(std::move(view));
      }
    } else {
      page.balance.person = ref_self;
    }
    store::FollowUpFilter followups;
    followups.person = person.id;
    ALLIES_TRY(auto open, store_.ListFollowUps(followups));
    for (const auto& followup : open) {
      if (viewer && !internal::MayRead(followup, *viewer, viewer_is_me)) continue;
      page.followups.push_back(internal::MakeFollowUpView(followup, directory, now_));
    }
    ALLIES_TRY(auto intros, store_.ListIntroductions(person.id));
    for (const auto& intro : intros) {
      page.introductions.push_back(IntroView{intro, directory.Ref(intro.introducer),
                                             directory.Ref(intro.first),
                                             directory.Ref(intro.second)});
    }
    return page;
  });
}

}  // namespace allies::app
