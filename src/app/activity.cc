// Use cases that record what happened: interactions, ledger entries, introductions, follow-ups.

#include <algorithm>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/team.h"
#include "app/transaction.h"
#include "core/names.h"
#include "core/text.h"
#include "scoring/balance.h"
#include "scoring/tie_strength.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;
using core::InteractionKind;
using internal::Quote;

namespace {

struct KindDefaults {
  int minutes;
  int energy;
  core::Purpose purpose;
};

// What an interaction costs when the user does not say: a lunch takes an hour and some energy,
// a message almost none. Relaxed kinds default to getting to know someone, the rest to work.
KindDefaults DefaultsFor(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kLunch:
      return {60, 3, core::Purpose::kGetToKnow};
    case InteractionKind::kCoffee:
    case InteractionKind::kWalk:
      return {30, 2, core::Purpose::kGetToKnow};
    case InteractionKind::kMeeting:
      return {60, 2, core::Purpose::kWork};
    case InteractionKind::kCall:
      return {30, 1, core::Purpose::kWork};
    case InteractionKind::kVideo:
      return {30, 2, core::Purpose::kWork};
    case InteractionKind::kMessage:
      return {0, 1, core::Purpose::kWork};
    case InteractionKind::kEvent:
      return {180, 4, core::Purpose::kGetToKnow};
    case InteractionKind::kOffsite:
      return {240, 4, core::Purpose::kGetToKnow};
  }
  return {60, 2, core::Purpose::kWork};
}

}  // namespace

Result<InteractionView> App::Log(const LogInput& input) {
  return InTransaction([&]() -> Result<InteractionView> {
    // The owner: me, or the team member of --as (their tie, their note; issue 5).
    ALLIES_TRY(auto actor, internal::ResolveActor(store_, input.as_member));
    const core::PersonId me = actor.id;
    if (input.with.empty()) {
      return Fail(ErrorCode::kInvalidArgument, "log needs at least one --with PERSON");
    }
    KindDefaults defaults = DefaultsFor(input.kind);
    core::Interaction interaction;
    interaction.kind = input.kind;
    interaction.at = input.at.value_or(now_);
    interaction.duration_min = input.minutes.value_or(defaults.minutes);
    if (interaction.duration_min < 0 || interaction.duration_min > 24 * 60 * 7) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--minutes {} is out of range (expected 0 to 10080)",
                              interaction.duration_min));
    }
    interaction.energy = input.energy.value_or(defaults.energy);
    if (interaction.energy < 1 || interaction.energy > 5) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--energy {} is out of range (expected 1 to 5)", interaction.energy));
    }
    interaction.setting = input.setting.value_or(scoring::DefaultSetting(input.kind));
    interaction.purpose = input.purpose.value_or(defaults.purpose);
    interaction.note = input.note;
    interaction.owner = me;
    interaction.attendees.push_back(me);
    std::optional<core::PersonId> first_other;
    for (const auto& ref : input.with) {
      ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
      if (std::find(interaction.attendees.begin(), interaction.attendees.end(), person.id) ==
          interaction.attendees.end()) {
        interaction.attendees.push_back(person.id);
        if (!first_other) first_other = person.id;
      }
    }
    if (!first_other) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("log needs at least one --with PERSON other than {}",
                              actor.is_me ? std::string("me") : actor.name));
    }
    if (input.initiated_by_me) {
      interaction.initiator = *input.initiated_by_me ? me : *first_other;
    }
    if (input.offered && core::Trim(*input.offered).empty()) {
      return Fail(
          ErrorCode::kInvalidArgument,
          "--offered needs a text saying what was offered (e.g. --offered \"our DR runbook\")");
    }
    if (input.declined && !input.offered) {
      return Fail(ErrorCode::kInvalidArgument, "--declined goes with --offered TEXT");
    }
    ALLIES_TRY(interaction.id, store_.InsertInteraction(interaction));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    InteractionView view{interaction, {}, std::nullopt, {}};
    // An offer counts as a deposit of expertise with everyone it was made to, even when it was
    // declined (DESIGN.md §1: you get points for caring even when you can't help).
    if (input.offered) {
      ALLIES_TRY(auto params, internal::LoadParams(store_));
      for (auto id : interaction.attendees) {
        if (id == me) continue;
        core::LedgerEntry entry;
        entry.person = id;
        entry.owner = me;
        entry.at = interaction.at;
        entry.kind = core::LedgerKind::kExpertise;
        entry.value = scoring::DefaultValue(entry.kind, params);
        entry.note =
            std::string(core::Trim(*input.offered)) + (input.declined ? " (declined)" : "");
        entry.interaction = interaction.id;
        ALLIES_TRY(entry.id, store_.InsertLedgerEntry(entry));
        view.offered.push_back(std::move(entry));
      }
    }
    for (auto id : interaction.attendees) view.attendees.push_back(directory.Ref(id));
    if (interaction.initiator) view.initiator = directory.Ref(*interaction.initiator);
    return view;
  });
}

static Result<LedgerView> Record(store::Store& store, const LedgerInput& input,
                                 core::TimePoint now) {
  // The account's owner: me, or the team member of --as (issue 5).
  ALLIES_TRY(auto actor, internal::ResolveActor(store, input.as_member));
  const core::PersonId me = actor.id;
  ALLIES_TRY(auto person, internal::ResolvePerson(store, input.person));
  if (person.id == me) {
    return Fail(ErrorCode::kInvalidArgument,
                actor.is_me ? std::string("an account is kept with someone else, not with me")
                            : fmt::format("an account is kept with someone else, not with {} "
                                          "(the owner of --as)",
                                          actor.name));
  }
  ALLIES_TRY(auto params, internal::LoadParams(store));
  core::LedgerEntry entry;
  entry.person = person.id;
  entry.owner = me;
  entry.kind = input.kind;
  entry.at = input.at.value_or(now);
  entry.value = input.value.value_or(scoring::DefaultValue(input.kind, params));
  if (!(entry.value > 0) || entry.value > 100) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("--value {} is out of range (expected more than 0, at most 100)",
                            input.value.value_or(entry.value)));
  }
  entry.note = input.note;
  ALLIES_TRY(entry.id, store.InsertLedgerEntry(entry));
  store::LedgerFilter filter;
  filter.person = person.id;
  filter.owner = me;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  LedgerView view;
  view.entry = entry;
  ALLIES_TRY(auto directory, internal::LoadDirectory(store));
  view.person = directory.Ref(person.id);
  view.balance = scoring::ComputeBalance(entries, now, params);
  return view;
}

Result<LedgerView> App::Deposit(const LedgerInput& input) {
  return InTransaction([&]() -> Result<LedgerView> {
    if (!core::IsDeposit(input.kind)) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("{} is not a deposit (expected one of: {})",
                      Quote(std::string(core::ShortName(input.kind))), core::DepositKindNames()));
    }
    return Record(store_, input, now_);
  });
}

Result<LedgerView> App::Withdraw(const LedgerInput& input) {
  return InTransaction([&]() -> Result<LedgerView> {
    if (core::IsDeposit(input.kind)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} is not a withdrawal (expected one of: {})",
                              Quote(std::string(core::ShortName(input.kind))),
                              core::WithdrawalKindNames()));
    }
    return Record(store_, input, now_);
  });
}

Result<IntroView> App::Introduce(const IntroInput& input) {
  return InTransaction([&]() -> Result<IntroView> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto first, internal::ResolvePerson(store_, input.first));
    ALLIES_TRY(auto second, internal::ResolvePerson(store_, input.second));
    if (first.id == second.id) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("cannot introduce {} to themselves", first.name));
    }
    core::PersonId by = me;
    bool by_my_team = true;  // me or a team member: then the introduction is their deposit
    if (input.by) {
      ALLIES_TRY(auto introducer, internal::ResolvePerson(store_, *input.by));
      by = introducer.id;
      by_my_team = introducer.is_me || introducer.is_team;
    }
    if (by == first.id || by == second.id) {
      return Fail(ErrorCode::kInvalidArgument, "the introducer must be a third person");
    }
    core::Introduction intro;
    intro.introducer = by;
    intro.first = first.id;
    intro.second = second.id;
    intro.at = input.at.value_or(now_);
    intro.outcome = input.outcome;
    ALLIES_TRY(intro.id, store_.InsertIntroduction(intro));
    // An introduction I or a team member make is a deposit with both people, in the introducer's
    // account (DESIGN.md §1: introduction made; the team's ledgers, README "Team").
    if (by_my_team) {
      ALLIES_TRY(auto params, internal::LoadParams(store_));
      for (const auto& person : {first, second}) {
        const auto& other = person.id == first.id ? second : first;
        if (person.is_me || person.id == by) continue;
        core::LedgerEntry entry;
        entry.person = person.id;
        entry.owner = by;
        entry.kind = core::LedgerKind::kIntroduction;
        entry.at = intro.at;
        entry.value = scoring::DefaultValue(entry.kind, params);
        entry.note = fmt::format("introduced to {}", other.name);
        ALLIES_TRY(entry.id, store_.InsertLedgerEntry(entry));
      }
    }
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return IntroView{intro, directory.Ref(by), directory.Ref(first.id), directory.Ref(second.id)};
  });
}

Result<std::vector<IntroView>> App::ListIntroductions() {
  return InTransaction([&]() -> Result<std::vector<IntroView>> {
    ALLIES_TRY(auto intros, store_.ListIntroductions(std::nullopt));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    std::vector<IntroView> views;
    for (auto& intro : intros) {
      views.push_back(IntroView{intro, directory.Ref(intro.introducer), directory.Ref(intro.first),
                                directory.Ref(intro.second)});
    }
    return views;
  });
}

FollowUpView internal::MakeFollowUpView(const core::FollowUp& followup, const Directory& directory,
                                        core::TimePoint now) {
  FollowUpView view{followup, directory.Ref(followup.person), false, 0, std::nullopt};
  if (followup.owner) view.owner = directory.Ref(*followup.owner);
  auto today = std::chrono::floor<std::chrono::days>(now);
  view.days_left = static_cast<int>((std::chrono::sys_days{followup.due} - today).count());
  view.overdue = !followup.done_at && view.days_left < 0;
  return view;
}

namespace {

// Whose follow-ups a command reads or writes: the team member of `as`, else me; with neither
// (no "me" yet, no --as) nobody in particular, and every follow-up is visible.
struct FollowUpActor {
  std::optional<core::PersonId> id;
  bool is_me = true;
};

Result<FollowUpActor> FollowUpActorOf(store::Store& store, const std::optional<std::string>& as) {
  if (as) {
    ALLIES_TRY(auto actor, internal::ResolveActor(store, as));
    return FollowUpActor{actor.id, actor.is_me};
  }
  ALLIES_TRY(auto me, store.FindMe());
  return FollowUpActor{me, true};
}

bool Visible(const core::FollowUp& followup, const FollowUpActor& actor) {
  return !actor.id || internal::MayRead(followup, *actor.id, actor.is_me);
}

}  // namespace

Result<FollowUpView> App::AddFollowUp(const std::string& ref, const std::string& text,
                                      core::Date due, const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<FollowUpView> {
    ALLIES_TRY(auto actor, FollowUpActorOf(store_, as));
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    if (core::Trim(text).empty()) {
      return Fail(ErrorCode::kInvalidArgument, "a follow-up needs a text saying what to do");
    }
    core::FollowUp followup;
    followup.person = person.id;
    followup.owner = actor.id;
    followup.text = text;
    followup.due = due;
    ALLIES_TRY(followup.id, store_.InsertFollowUp(followup));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return internal::MakeFollowUpView(followup, directory, now_);
  });
}

Result<FollowUpView> App::CompleteFollowUp(std::int64_t id, const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<FollowUpView> {
    ALLIES_TRY(auto actor, FollowUpActorOf(store_, as));
    auto followup = store_.GetFollowUp(core::FollowUpId{id});
    // Another member's follow-up is as unknown as a missing one: its text is theirs.
    if (!followup || followup->stamps.deleted_at || !Visible(*followup, actor)) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("no follow-up with id {}{} (see `allies followup list{}`)", id,
                              as ? " of " + internal::Quote(*as) : "",
                              as ? " --as " + internal::Quote(*as) : ""));
    }
    if (followup->done_at) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("follow-up {} was already done on {}", id,
                              core::FormatDate(internal::DayOf(*followup->done_at))));
    }
    followup->done_at = now_;
    ALLIES_TRY_VOID(store_.UpdateFollowUp(*followup));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return internal::MakeFollowUpView(*followup, directory, now_);
  });
}

Result<std::vector<FollowUpView>> App::ListFollowUps(bool include_done,
                                                     const std::optional<std::string>& as) {
  return InTransaction([&]() -> Result<std::vector<FollowUpView>> {
    ALLIES_TRY(auto actor, FollowUpActorOf(store_, as));
    store::FollowUpFilter filter;
    filter.include_done = include_done;
    ALLIES_TRY(auto followups, store_.ListFollowUps(filter));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    std::vector<FollowUpView> views;
    for (const auto& followup : followups) {
      if (Visible(followup, actor))
        views.push_back(internal::MakeFollowUpView(followup, directory, now_));
    }
    return views;
  });
}

}  // namespace allies::app
