// Use cases of asking (issue 5): the ask advisor, and the record of asks with their outcomes.

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

#include "app/app.h"
#include "app/ask_internal.h"
#include "app/influence_snapshot.h"
#include "app/transaction.h"
#include "core/names.h"
#include "core/text.h"
#include "scoring/balance.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace {

constexpr int kDefaultTop = 10;
constexpr int kMaxTop = 100;
// Full-text matches read from the index, and candidates given a warm path search: the best
// matches of a query are the ones that can rank first, since the score is match × two factors
// of at most 1.
constexpr std::size_t kMatchLimit = 5000;
constexpr std::size_t kCandidatePool = 200;
constexpr int kRecentAskDays = 30;

constexpr std::string_view kFlynnLake =
    "People agree to direct requests far more often than askers expect (Flynn & Lake 2008).";

}  // namespace

namespace internal {

Result<AskView> MakeAskView(store::Store& store, const internal::Directory& directory,
                            const core::Ask& ask, core::TimePoint now,
                            const scoring::Params& params) {
  AskView view;
  view.ask = ask;
  view.person = directory.Ref(ask.person);
  view.owner = directory.Ref(ask.owner);
  store::LedgerFilter filter;
  filter.person = ask.person;
  filter.owner = ask.owner;
  filter.include_deleted = true;
  ALLIES_TRY(auto entries, store.ListLedger(filter));
  for (const auto& entry : entries) {
    if (entry.id == ask.ledger) view.withdrawal = entry;
  }
  std::erase_if(entries,
                [](const core::LedgerEntry& e) { return e.stamps.deleted_at.has_value(); });
  view.balance = scoring::ComputeBalance(entries, now, params);
  return view;
}

}  // namespace internal

namespace {

// "offers: budget (4)", "note: ...", "needs: ...": what of the person matched the words.
std::vector<std::string> Evidence(const core::Person& person,
                                  const std::vector<std::string>& words) {
  auto mentions = [&](std::string_view text) {
    auto found = internal::SearchWords(text);
    for (const auto& word : words) {
      for (const auto& other : found) {
        // The index stems words; a shared stem of four letters or the whole word counts here.
        std::size_t common = 0;
        while (common < word.size() && common < other.size() && word[common] == other[common]) {
          ++common;
        }
        if (common == word.size() || common == other.size() || common >= 4) return true;
      }
    }
    return false;
  };
  std::vector<std::string> evidence;
  for (const auto& offer : person.offers) {
    if (mentions(offer.key))
      evidence.push_back(fmt::format("offers: {} ({})", offer.key, offer.rating));
  }
  for (const auto& note : person.notes) {
    if (mentions(note.text)) evidence.push_back("note: " + note.text);
  }
  for (const auto& need : person.needs) {
    if (mentions(need)) evidence.push_back("needs: " + need);
  }
  return evidence;
}

// The deposit to make before asking someone whose account is overdrawn: help with one of their
// needs (naming who on my team offers something that fits), else attention.
std::string DepositFor(const internal::Directory& directory, const core::Person& person) {
  for (const auto& need : person.needs) {
    auto offers = internal::TeamOffersFor(directory, need);
    if (!offers.empty()) {
      return fmt::format("help with \"{}\": {} offers {}", need, offers.front().member.name,
                         offers.front().offer);
    }
  }
  if (!person.needs.empty()) return fmt::format("help with \"{}\"", person.needs.front());
  return "attention: ask what is getting in their way, and listen";
}

void Advise(AskCandidate& candidate, const internal::Directory& directory,
            const core::Person& person, core::PersonId me) {
  const std::string& name = candidate.person.name;
  if (candidate.balance.status == scoring::BalanceStatus::kOverdrawn) {
    candidate.approach = AskApproach::kDepositFirst;
    candidate.deposit = DepositFor(directory, person);
    candidate.advice = fmt::format(
        "My account with {} is overdrawn ({:.1f}): make a deposit first — {} — and ask later.",
        name, candidate.balance.value, *candidate.deposit);
    return;
  }
  if (!candidate.path) {
    candidate.approach = AskApproach::kCold;
    candidate.advice =
        fmt::format("No warm path within 3 links: ask {} directly anyway, or build a tie first. {}",
                    name, kFlynnLake);
    return;
  }
  const auto& people = candidate.path->people;
  if (people.size() == 2 && people.front().id == me) {
    candidate.approach = AskApproach::kDirect;
    candidate.advice = fmt::format("Ask {} directly. {}", name, kFlynnLake);
    return;
  }
  candidate.approach = AskApproach::kIntroduction;
  // Through a team member: they make the introduction; through my own contact: that contact.
  candidate.introducer = people.front().id == me ? people[1] : people.front();
  candidate.advice = fmt::format("Ask {} to introduce you to {}, then ask directly. {}",
                                 candidate.introducer->name, name, kFlynnLake);
}

}  // namespace

namespace internal {

Result<std::vector<core::Ask>> OpenOrRecentAsks(store::Store& store, core::PersonId owner,
                                                core::PersonId person, core::TimePoint now) {
  store::AskFilter filter;
  filter.person = person;
  filter.owner = owner;
  ALLIES_TRY(auto asks, store.ListAsks(filter));
  const auto since = now - std::chrono::days(kRecentAskDays);
  std::erase_if(asks, [&](const core::Ask& ask) {
    return ask.outcome != core::AskOutcome::kPending && ask.at < since;
  });
  return asks;
}

}  // namespace internal

Result<AskForReport> App::AskFor(const AskForInput& input) {
  ALLIES_TRY(double waited, internal::AwaitInfluenceRefresh(store_, now_, input.fresh_influence));
  return InTransaction([&]() -> Result<AskForReport> {
    const int top = input.top.value_or(kDefaultTop);
    if (top < 1 || top > kMaxTop) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--top {} is out of range (expected 1 to {})", top, kMaxTop));
    }
    AskForReport report;
    report.text = input.text;
    report.tags = input.tags;
    report.words = internal::SearchWords(input.text);
    if (report.words.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} has no words to search for (expected what you need help with, "
                              "e.g. \"ERP testers\")",
                              internal::Quote(input.text)));
    }
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto matches, store_.MatchPeople(report.words, kMatchLimit));
    ALLIES_TRY(auto directory, internal::LoadLightDirectory(store_));
    // The people with every tag asked for (the light directory has no tags).
    std::optional<std::unordered_set<core::PersonId>> tagged;
    for (const auto& tag : input.tags) {
      store::PersonFilter filter;
      filter.tag = tag;
      filter.without_children = true;
      ALLIES_TRY(auto people, store_.ListPeople(filter));
      std::unordered_set<core::PersonId> ids;
      for (const auto& person : people) {
        if (!tagged || tagged->contains(person.id)) ids.insert(person.id);
      }
      tagged = std::move(ids);
    }
    std::vector<store::TextMatch> pool;
    for (const auto& match : matches) {
      auto it = directory.people.find(match.person);
      if (it == directory.people.end()) continue;
      const core::Person& person = it->second;
      if (person.is_me || person.is_team || (tagged && !tagged->contains(person.id))) continue;
      pool.push_back(match);
      if (pool.size() == kCandidatePool) break;
    }
    report.matched = static_cast<int>(pool.size());
    if (pool.empty()) return report;
    const double best_relevance = pool.front().relevance;

    std::vector<core::PersonId> targets;
    targets.reserve(pool.size());
    for (const auto& match : pool) targets.push_back(match.person);
    ALLIES_TRY(auto influence,
               internal::CurrentInfluence(store_, now_, params, targets, input.fresh_influence));
    // People added since the snapshot: from their offers, which the light directory lacks.
    for (core::PersonId id : targets) {
      if (influence.rows.contains(id)) continue;
      ALLIES_TRY_VOID(internal::LoadFull(store_, directory, id));
      influence.rows.emplace(id, internal::EstimatedInfluence(directory.people.at(id), params));
      influence.source.estimated.push_back(id);
    }
    std::sort(influence.source.estimated.begin(), influence.source.estimated.end());
    report.influence = influence.source;
    report.influence.waited_seconds = waited;
    ALLIES_TRY(auto paths, internal::BestWarmPaths(store_, directory, now_, params, targets));
    ALLIES_TRY(auto balances, internal::ComputeBalances(store_, me, now_, params));

    for (const auto& match : pool) {
      const core::Person& person = directory.people.at(match.person);
      AskCandidate candidate;
      candidate.person = directory.Ref(person.id);
      candidate.title = person.title;
      candidate.match = match.relevance / best_relevance;
      candidate.influence = influence.rows.at(person.id).influence;
      candidate.influence_estimated = std::binary_search(
          influence.source.estimated.begin(), influence.source.estimated.end(), person.id);
      if (auto it = paths.find(person.id); it != paths.end()) candidate.path = it->second;
      if (auto it = balances.find(person.id); it != balances.end()) {
        candidate.balance = it->second;
      }
      candidate.score =
          candidate.match * candidate.influence * (candidate.path ? candidate.path->strength : 0);
      report.candidates.push_back(std::move(candidate));
    }
    std::stable_sort(report.candidates.begin(), report.candidates.end(),
                     [](const AskCandidate& a, const AskCandidate& b) {
                       if (a.score != b.score) return a.score > b.score;
                       if (a.match != b.match) return a.match > b.match;
                       return a.person.id < b.person.id;
                     });
    if (report.candidates.size() > static_cast<std::size_t>(top)) report.candidates.resize(top);
    for (auto& candidate : report.candidates) {
      ALLIES_TRY_VOID(internal::LoadFull(store_, directory, candidate.person.id));
      candidate.evidence = Evidence(directory.people.at(candidate.person.id), report.words);
      Advise(candidate, directory, directory.people.at(candidate.person.id), me);
    }
    return report;
  });
}

Result<AskView> App::RecordAsk(const AskInput& input) {
  return InTransaction([&]() -> Result<AskView> {
    if (core::IsDeposit(input.kind)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--kind {} is not a kind of ask (expected small-ask, favor-asked "
                              "or escalation)",
                              internal::Quote(std::string(core::Name(input.kind)))));
    }
    if (core::Trim(input.text).empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the ask needs a TEXT saying what you asked for (e.g. \"two ERP testers\")");
    }
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, input.person));
    if (person.is_me) {
      return Fail(ErrorCode::kInvalidArgument, "an ask is made of someone else, not of me");
    }
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    core::LedgerEntry entry;
    entry.person = person.id;
    entry.owner = me;
    entry.at = input.at.value_or(now_);
    entry.kind = input.kind;
    entry.value = scoring::DefaultValue(input.kind, params);
    entry.note = std::string(core::Trim(input.text));
    ALLIES_TRY(entry.id, store_.InsertLedgerEntry(entry));
    core::Ask ask;
    ask.ledger = entry.id;
    ask.person = person.id;
    ask.owner = me;
    ask.text = entry.note;
    ask.outcome = input.outcome;
    ask.at = entry.at;
    if (ask.outcome != core::AskOutcome::kPending) ask.answered_at = now_;
    ALLIES_TRY(ask.id, store_.InsertAsk(ask));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return internal::MakeAskView(store_, directory, ask, now_, params);
  });
}

Result<std::vector<AskView>> App::ListAsks(bool only_open) {
  return InTransaction([&]() -> Result<std::vector<AskView>> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    store::AskFilter filter;
    filter.owner = me;
    filter.only_pending = only_open;
    ALLIES_TRY(auto asks, store_.ListAsks(filter));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    std::vector<AskView> views;
    for (const auto& ask : asks) {
      ALLIES_TRY(auto view, internal::MakeAskView(store_, directory, ask, now_, params));
      views.push_back(std::move(view));
    }
    return views;
  });
}

Result<AskView> App::AnswerAsk(std::int64_t id, core::AskOutcome outcome) {
  return InTransaction([&]() -> Result<AskView> {
    auto found = store_.GetAsk(core::AskId{id});
    if (!found || found->stamps.deleted_at) {
      if (!found && found.error().code != ErrorCode::kNotFound) {
        return tl::unexpected(found.error());
      }
      return Fail(ErrorCode::kNotFound, fmt::format("no ask #{} (see `allies ask list`)", id));
    }
    core::Ask ask = *found;
    ask.outcome = outcome;
    ask.answered_at = outcome == core::AskOutcome::kPending ? std::nullopt : std::optional(now_);
    ALLIES_TRY_VOID(store_.UpdateAsk(ask));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return internal::MakeAskView(store_, directory, ask, now_, params);
  });
}

}  // namespace allies::app
