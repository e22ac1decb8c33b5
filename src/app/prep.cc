// Meeting prep (issue 5): what to bring to a meeting with someone.

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "app/app.h"
#include "app/ask_internal.h"
#include "app/team.h"
#include "app/transaction.h"
#include "core/text.h"
#include "scoring/balance.h"

namespace allies::app {

namespace {

constexpr int kTeamWorkDays = 90;
constexpr std::size_t kLastInteractions = 3;

// "finance" from "Finance"; the title when there is no department.
std::string FieldOf(const core::Person& person) {
  if (!person.department.empty()) return core::FoldCase(person.department);
  if (!person.title.empty()) return core::FoldCase(person.title);
  return "your field";
}

}  // namespace

namespace internal {

std::vector<TeamOffer> TeamOffersFor(const Directory& directory, std::string_view need) {
  std::vector<TeamOffer> offers;
  for (const auto& [id, person] : directory.people) {
    if (person.stamps.deleted_at || !(person.is_me || person.is_team)) continue;
    for (const auto& offer : person.offers) {
      if (OfferFitsNeed(offer.key, need))
        offers.push_back({directory.Ref(id), offer.key, offer.rating});
    }
  }
  std::sort(offers.begin(), offers.end(), [](const TeamOffer& a, const TeamOffer& b) {
    if (a.rating != b.rating) return a.rating > b.rating;
    if (a.member.name != b.member.name) return a.member.name < b.member.name;
    return a.offer < b.offer;
  });
  return offers;
}

}  // namespace internal

Result<PrepView> App::Prep(const std::string& ref) {
  return InTransaction([&]() -> Result<PrepView> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    if (person.is_me) {
      return Fail(core::ErrorCode::kInvalidArgument,
                  "prep is for a meeting with someone else, not with me");
    }
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    PrepView view;
    view.row = PersonRow{person, directory.OrgName(person.org), std::nullopt};
    if (person.reports_to) view.row.reports_to = directory.Ref(*person.reports_to);

    // Attention.
    for (const auto& note : person.notes) {
      switch (internal::ClassifyNote(note.text)) {
        case internal::NoteKind::kOrigin:
          view.origin.push_back(note);
          break;
        case internal::NoteKind::kFamily:
          view.family.push_back(note);
          break;
        case internal::NoteKind::kInterest:
          view.interests.push_back(note);
          break;
      }
      if (!view.last_detail || note.at >= view.last_detail->at) view.last_detail = note;
    }
    if (view.origin.empty()) {
      view.questions.push_back(fmt::format("How did you get into {}?", FieldOf(person)));
    }
    if (view.family.empty()) view.questions.push_back("How is the family?");
    if (view.last_detail) {
      view.questions.push_back(
          fmt::format("Follow up on the last thing noted: \"{}\"", view.last_detail->text));
    }

    // Their needs against what my team offers.
    for (const auto& need : person.needs) {
      view.needs.push_back({need, internal::TeamOffersFor(directory, need)});
    }

    // Is my team getting in their way? Team members who met people of their department lately.
    if (!person.department.empty()) {
      const std::string department = core::FoldCase(core::Trim(person.department));
      for (const auto& [id, member] : directory.people) {
        if (member.stamps.deleted_at || !member.is_team || member.is_me) continue;
        const core::PersonId member_id = id;  // lambdas cannot capture bindings before C++20
        store::InteractionFilter filter;
        filter.attendee = member_id;
        filter.since = now_ - std::chrono::days(kTeamWorkDays);
        filter.until = now_ + std::chrono::seconds(1);
        int count = 0;
        ALLIES_TRY_VOID(store_.ForEachInteraction(
            filter, [&](const core::Interaction& interaction) -> Result<void> {
              for (auto other : interaction.attendees) {
                if (other == member_id || !directory.Active(other)) continue;
                const auto& attendee = directory.people.at(other);
                if (core::FoldCase(core::Trim(attendee.department)) == department) {
                  ++count;
                  break;
                }
              }
              return {};
            }));
        if (count > 0) view.team_touches.push_back({directory.Ref(member_id), count});
      }
      std::sort(view.team_touches.begin(), view.team_touches.end(),
                [](const TeamTouch& a, const TeamTouch& b) {
                  if (a.interactions != b.interactions) return a.interactions > b.interactions;
                  return a.member.name < b.member.name;
                });
      if (!view.team_touches.empty()) {
        std::vector<std::string> names;
        for (const auto& touch : view.team_touches) {
          names.push_back(fmt::format("{} ({})", touch.member.name, touch.interactions));
        }
        view.in_the_way = fmt::format(
            "Is my team getting in your way? In the last {} days {} met people of {} "
            "(meetings each).",
            kTeamWorkDays, core::Join(names, ", "), person.department);
      }
    }

    // Open follow-ups.
    store::FollowUpFilter followups;
    followups.person = person.id;
    ALLIES_TRY(auto open, store_.ListFollowUps(followups));
    for (const auto& followup : open) {
      if (!internal::MayRead(followup, me, true)) continue;  // a team member's promise
      view.followups.push_back(internal::MakeFollowUpView(followup, directory, now_));
    }

    // The balance, the last interactions and the asks.
    store::LedgerFilter ledger;
    ledger.person = person.id;
    ledger.owner = me;
    ALLIES_TRY(auto entries, store_.ListLedger(ledger));
    view.balance = scoring::ComputeBalance(entries, now_, params);
    store::InteractionFilter with;
    with.attendee = person.id;
    ALLIES_TRY(auto interactions, store_.ListInteractions(with));
    for (auto it = interactions.rbegin();
         it != interactions.rend() && view.last_interactions.size() < kLastInteractions; ++it) {
      if (it->at > now_) continue;
      if (std::find(it->attendees.begin(), it->attendees.end(), me) == it->attendees.end()) {
        continue;
      }
      InteractionView shown{*it, {}, std::nullopt, {}};
      for (auto id : it->attendees) shown.attendees.push_back(directory.Ref(id));
      if (it->initiator) shown.initiator = directory.Ref(*it->initiator);
      view.last_interactions.push_back(std::move(shown));
    }
    ALLIES_TRY(auto asks, internal::OpenOrRecentAsks(store_, me, person.id, now_));
    for (const auto& ask : asks) {
      ALLIES_TRY(auto shown, internal::MakeAskView(store_, directory, ask, now_, params));
      view.asks.push_back(std::move(shown));
    }
    return view;
  });
}

}  // namespace allies::app
