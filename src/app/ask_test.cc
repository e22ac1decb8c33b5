// Meeting prep, the ask advisor and the record of asks (issue 5), on a hand-made network in a
// real (in-memory) SQLite store.

#include <gtest/gtest.h>

#include <algorithm>

#include "app/app.h"
#include "app/ask_internal.h"
#include "store/sqlite/sqlite_store.h"

namespace allies::app {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr core::TimePoint kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 26} + hours{9};

class AskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    app_ = std::make_unique<App>(*store_, kNow);
    ASSERT_TRUE(app_->Init("Dana Whitfield", {"dana@example.com"}));
  }

  core::PersonId Add(const PersonInput& input) {
    auto person = app_->AddPerson(input);
    EXPECT_TRUE(person) << person.error().message;
    return person ? person->id : core::PersonId{};
  }

  void Meet(const std::string& name, int times,
            core::InteractionKind kind = core::InteractionKind::kCoffee) {
    for (int k = 0; k < times; ++k) {
      LogInput log;
      log.kind = kind;
      log.with = {name};
      log.at = kNow - days{3 + 9 * k};
      log.initiated_by_me = k % 2 == 0;
      auto logged = app_->Log(log);
      ASSERT_TRUE(logged) << logged.error().message;
    }
  }

  // Me; Tara on my team (offers budget); four people who know Kubernetes in different ways:
  // Ana offers it and is my tie; Ben only has a note about it and is Tara's tie; Cy offers it
  // but my account with him is overdrawn; Dee offers it and nobody knows her.
  void BuildNetwork() {
    PersonInput tara;
    tara.name = "Tara Team";
    tara.department = "IT";
    tara.offers = {{"budget", 4}, {"security", 5}};
    Add(tara);
    ASSERT_TRUE(app_->TeamAdd("Tara Team"));
    PersonInput ana;
    ana.name = "Ana Offers";
    ana.department = "Operations";
    ana.offers = {{"Kubernetes", 4}};
    Add(ana);
    PersonInput ben;
    ben.name = "Ben Notes";
    ben.department = "R&D";
    ben.tags = {"k8s"};
    ben.note = "Ran the kubernetes platform at a bank";
    Add(ben);
    PersonInput cy;
    cy.name = "Cy Overdrawn";
    cy.department = "Finance";
    cy.offers = {{"kubernetes", 3}};
    cy.needs = {"Needs help with the budget round"};
    Add(cy);
    PersonInput dee;
    dee.name = "Dee Cold";
    dee.offers = {{"kubernetes", 5}};
    Add(dee);
    PersonInput other;
    other.name = "Olga Other";
    other.offers = {{"payroll", 5}};
    Add(other);
    Meet("Ana Offers", 4);
    Meet("Cy Overdrawn", 3);
    Meet("Olga Other", 2);
    Meet("Tara Team", 6, core::InteractionKind::kMeeting);
    ASSERT_TRUE(app_->Know("Tara Team", "Ben Notes", 0.8));
    for (int k = 0; k < 2; ++k) {
      LedgerInput escalation;
      escalation.person = "Cy Overdrawn";
      escalation.kind = core::LedgerKind::kEscalation;
      ASSERT_TRUE(app_->Withdraw(escalation));
    }
  }

  static const AskCandidate* Find(const AskForReport& report, const std::string& name) {
    for (const auto& candidate : report.candidates) {
      if (candidate.person.name == name) return &candidate;
    }
    return nullptr;
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
};

// --- the ask advisor ----------------------------------------------------------------------------

TEST_F(AskTest, AskForScoresMatchTimesInfluenceTimesPathBestFirst) {
  BuildNetwork();
  AskForInput input;
  input.text = "Who can help with Kubernetes?";
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->words, (std::vector<std::string>{"who", "kubernetes"}));
  ASSERT_EQ(report->candidates.size(), 4u);  // Olga's payroll and my team do not match
  EXPECT_EQ(report->matched, 4);
  double previous = 2;
  for (const auto& candidate : report->candidates) {
    double path = candidate.path ? candidate.path->strength : 0;
    EXPECT_NEAR(candidate.score, candidate.match * candidate.influence * path, 1e-12)
        << candidate.person.name;
    EXPECT_LE(candidate.score, previous);
    previous = candidate.score;
    EXPECT_GT(candidate.match, 0);
    EXPECT_LE(candidate.match, 1);
  }
  // Offers weigh more than notes: the best match (1) is an offer, Ben's note matches less.
  double best = 0;
  for (const auto& candidate : report->candidates) best = std::max(best, candidate.match);
  EXPECT_DOUBLE_EQ(best, 1);
  const AskCandidate* ben = Find(*report, "Ben Notes");
  const AskCandidate* ana = Find(*report, "Ana Offers");
  ASSERT_TRUE(ben && ana);
  EXPECT_LT(ben->match, ana->match);
  EXPECT_EQ(ben->evidence, std::vector<std::string>{"note: Ran the kubernetes platform at a bank"});
  EXPECT_EQ(ana->evidence, std::vector<std::string>{"offers: Kubernetes (4)"});
  // Dee has no warm path: score 0, last.
  EXPECT_EQ(report->candidates.back().person.name, "Dee Cold");
  EXPECT_EQ(report->candidates.back().score, 0);
}

TEST_F(AskTest, AskForSaysHowToAskEachCandidate) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report) << report.error().message;

  const AskCandidate* ana = Find(*report, "Ana Offers");
  ASSERT_TRUE(ana && ana->path);
  EXPECT_EQ(ana->approach, AskApproach::kDirect);
  EXPECT_EQ(ana->path->people.front().name, "Dana Whitfield");
  EXPECT_EQ(ana->advice,
            "Ask Ana Offers directly. People agree to direct requests far more often than askers "
            "expect (Flynn & Lake 2008).");

  const AskCandidate* ben = Find(*report, "Ben Notes");
  ASSERT_TRUE(ben && ben->path);
  EXPECT_EQ(ben->approach, AskApproach::kIntroduction);
  ASSERT_EQ(ben->path->people.size(), 2u);
  EXPECT_EQ(ben->path->people[0].name, "Tara Team");
  EXPECT_NEAR(ben->path->strength, 0.8, 1e-6);
  ASSERT_TRUE(ben->introducer);
  EXPECT_EQ(ben->introducer->name, "Tara Team");
  EXPECT_NE(ben->advice.find("Flynn & Lake 2008"), std::string::npos);

  // Overdrawn: a deposit first, drawn from his need and naming who on my team can help.
  const AskCandidate* cy = Find(*report, "Cy Overdrawn");
  ASSERT_TRUE(cy);
  EXPECT_EQ(cy->balance.status, scoring::BalanceStatus::kOverdrawn);
  EXPECT_EQ(cy->approach, AskApproach::kDepositFirst);
  ASSERT_TRUE(cy->deposit);
  EXPECT_EQ(*cy->deposit,
            "help with \"Needs help with the budget round\": Tara Team offers budget");
  EXPECT_EQ(cy->advice.find("Flynn"), std::string::npos);

  const AskCandidate* dee = Find(*report, "Dee Cold");
  ASSERT_TRUE(dee);
  EXPECT_FALSE(dee->path);
  EXPECT_EQ(dee->approach, AskApproach::kCold);
}

TEST_F(AskTest, AskForFindsTheSamePathsAsPathOnTheWholeNetwork) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report) << report.error().message;
  for (const auto& candidate : report->candidates) {
    auto whole = app_->Path(candidate.person.name, 1);
    ASSERT_TRUE(whole) << whole.error().message;
    ASSERT_EQ(whole->paths.empty(), !candidate.path) << candidate.person.name;
    if (!candidate.path) continue;
    EXPECT_NEAR(candidate.path->strength, whole->paths[0].strength, 1e-6);
    EXPECT_EQ(candidate.path->people.front().id, whole->paths[0].people.front().id);
  }
}

TEST_F(AskTest, AskForKeepsOnlyCandidatesWithEveryTag) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  input.tags = {"K8S"};
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->candidates.size(), 1u);
  EXPECT_EQ(report->candidates[0].person.name, "Ben Notes");
  input.tags = {"k8s", "vendor"};
  report = app_->AskFor(input);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->candidates.empty());
}

// --- the influence snapshot (README.md, "Influence") ----------------------------------------

TEST_F(AskTest, AskForComputesTheSnapshotOnceThenReusesItWithTheInfluenceOfInfluencers) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  auto first = app_->AskFor(input);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->influence.reused);
  EXPECT_EQ(first->influence.recomputed_because, "no snapshot yet");
  EXPECT_EQ(first->influence.as_of, kNow);
  EXPECT_EQ(first->influence.people, 7u);  // me, Tara, Ana, Ben, Cy, Dee, Olga
  auto second = app_->AskFor(input);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->influence.reused);
  EXPECT_EQ(second->influence.as_of, kNow);
  EXPECT_EQ(second->influence.changes_since, 0);
  EXPECT_TRUE(second->influence.estimated.empty());
  auto influencers = app_->Influencers(std::nullopt, 100);
  ASSERT_TRUE(influencers);
  EXPECT_EQ(second->influence.people, influencers->network_people);
  EXPECT_EQ(second->influence.ties, influencers->network_ties);
  ASSERT_EQ(second->candidates.size(), 4u);
  for (const auto& candidate : second->candidates) {
    auto it =
        std::find_if(influencers->people.begin(), influencers->people.end(),
                     [&](const InfluenceView& v) { return v.person.id == candidate.person.id; });
    ASSERT_NE(it, influencers->people.end());
    EXPECT_DOUBLE_EQ(candidate.influence, it->influence) << candidate.person.name;
    EXPECT_FALSE(candidate.influence_estimated);
  }
}

TEST_F(AskTest, AWriteKeepsTheSnapshotWhileTheChangesStayUnderTheirShare) {
  BuildNetwork();
  // 7 people: with a share of 0.3, up to 2.1 changes keep the snapshot.
  ASSERT_TRUE(app_->ConfigSet("influence.snapshot_max_change", "0.3"));
  AskForInput input;
  input.text = "kubernetes";
  ASSERT_TRUE(app_->AskFor(input));
  Meet("Dee Cold", 1);  // one interaction written
  auto after_one = app_->AskFor(input);
  ASSERT_TRUE(after_one);
  EXPECT_TRUE(after_one->influence.reused);
  EXPECT_EQ(after_one->influence.changes_since, 1);
  EXPECT_EQ(after_one->influence.as_of, kNow);
  // The ledger is not an input of influence: a deposit changes nothing.
  LedgerInput deposit;
  deposit.person = "Ana Offers";
  deposit.kind = core::LedgerKind::kAttention;
  ASSERT_TRUE(app_->Deposit(deposit));
  Meet("Dee Cold", 1);
  auto after_two = app_->AskFor(input);
  ASSERT_TRUE(after_two);
  EXPECT_TRUE(after_two->influence.reused);
  EXPECT_EQ(after_two->influence.changes_since, 2);
  Meet("Dee Cold", 1);  // 3 > 2.1
  auto after_three = app_->AskFor(input);
  ASSERT_TRUE(after_three);
  EXPECT_FALSE(after_three->influence.reused);
  EXPECT_EQ(after_three->influence.recomputed_because,
            "3 changes since, more than 30% of its 7 people (influence.snapshot_max_change 0.3)");
  auto again = app_->AskFor(input);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->influence.reused);
  EXPECT_EQ(again->influence.changes_since, 0);
}

TEST_F(AskTest, AnOldSnapshotOrOneOfOtherParametersIsRecomputed) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  ASSERT_TRUE(app_->AskFor(input));
  // Six days later (default influence.snapshot_days: 7), it still serves.
  App later(*store_, kNow + days{6});
  auto six = later.AskFor(input);
  ASSERT_TRUE(six);
  EXPECT_TRUE(six->influence.reused);
  EXPECT_EQ(six->influence.as_of, kNow);
  // Seven days later it is too old; so is it seven days earlier (a --now in the past).
  App week_later(*store_, kNow + days{7});
  auto seven = week_later.AskFor(input);
  ASSERT_TRUE(seven);
  EXPECT_FALSE(seven->influence.reused);
  EXPECT_EQ(seven->influence.recomputed_because, "7 days old (influence.snapshot_days 7)");
  EXPECT_EQ(seven->influence.as_of, kNow + days{7});
  App week_earlier(*store_, kNow);
  auto back = week_earlier.AskFor(input);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->influence.reused);
  EXPECT_EQ(back->influence.recomputed_because,
            "computed for 7 days after now (influence.snapshot_days 7)");
  // A parameter influence reads changes every score: recomputed at once.
  ASSERT_TRUE(app_->ConfigSet("tie.half_life_days", "60"));
  auto other = app_->AskFor(input);
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->influence.reused);
  EXPECT_EQ(other->influence.recomputed_because, "computed with other parameters");
  // One it does not read (the plan's budget) keeps it.
  ASSERT_TRUE(app_->ConfigSet("plan.hours", "4"));
  auto same = app_->AskFor(input);
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->influence.reused);
  // snapshot_days 0: never reused.
  ASSERT_TRUE(app_->ConfigSet("influence.snapshot_days", "0"));
  auto never = app_->AskFor(input);
  ASSERT_TRUE(never);
  EXPECT_FALSE(never->influence.reused);
}

TEST_F(AskTest, InALargeNetworkAnOutdatedSnapshotServesWhileItIsRefreshed) {
  BuildNetwork();
  // 7 people: "large" from 5 on.
  ASSERT_TRUE(app_->ConfigSet("influence.background_people", "5"));
  AskForInput input;
  input.text = "kubernetes";
  // No snapshot at all: computed by the command, as in a small network.
  auto first = app_->AskFor(input);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->influence.reused);
  EXPECT_EQ(first->influence.recomputed_because, "no snapshot yet");
  EXPECT_FALSE(*app_->InfluenceRefreshDue());
  // Eight days on it is outdated: it still serves, says why, and a refresh is due.
  App later(*store_, kNow + days{8});
  auto stale = later.AskFor(input);
  ASSERT_TRUE(stale) << stale.error().message;
  EXPECT_TRUE(stale->influence.reused);
  EXPECT_EQ(stale->influence.as_of, kNow);
  EXPECT_EQ(stale->influence.stale_because, "8 days old (influence.snapshot_days 7)");
  ASSERT_EQ(stale->candidates.size(), first->candidates.size());
  for (const auto& candidate : stale->candidates) {
    const AskCandidate* before = Find(*first, candidate.person.name);
    ASSERT_NE(before, nullptr) << candidate.person.name;
    EXPECT_DOUBLE_EQ(candidate.influence, before->influence) << candidate.person.name;
  }
  EXPECT_TRUE(*later.InfluenceRefreshDue());
  auto status = later.InfluenceSnapshotStatus();
  ASSERT_TRUE(status);
  EXPECT_TRUE(status->stored);
  EXPECT_EQ(status->as_of, kNow);
  EXPECT_EQ(status->stale_because, "8 days old (influence.snapshot_days 7)");
  EXPECT_EQ(status->advice_commands, "reuse while refreshed");
  EXPECT_FALSE(status->refreshing);
  // The refresh (what the background process runs) recomputes it, and then it is current.
  auto refreshed = later.RefreshInfluence(true, false);
  ASSERT_TRUE(refreshed) << refreshed.error().message;
  EXPECT_TRUE(refreshed->computed);
  EXPECT_EQ(refreshed->because, "8 days old (influence.snapshot_days 7)");
  EXPECT_EQ(refreshed->people, first->influence.people);
  EXPECT_FALSE(*later.InfluenceRefreshDue());
  auto current = later.AskFor(input);
  ASSERT_TRUE(current);
  EXPECT_TRUE(current->influence.reused);
  EXPECT_EQ(current->influence.as_of, kNow + days{8});
  EXPECT_EQ(current->influence.stale_because, "");
  // --if-due does nothing now; without it, it recomputes anyway.
  auto again = later.RefreshInfluence(true, false);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->computed);
  EXPECT_EQ(again->because, "current");
  auto forced = later.RefreshInfluence(false, false);
  ASSERT_TRUE(forced);
  EXPECT_TRUE(forced->computed);
  EXPECT_EQ(forced->because, "asked for");
  // Too many changes: outdated too, and still serving.
  ASSERT_TRUE(app_->ConfigSet("influence.snapshot_max_change", "0.1"));
  App changed(*store_, kNow + days{8});
  Meet("Dee Cold", 1);
  auto many = changed.AskFor(input);
  ASSERT_TRUE(many);
  EXPECT_TRUE(many->influence.reused);
  EXPECT_EQ(many->influence.stale_because,
            "1 change since, more than 10% of its 7 people (influence.snapshot_max_change 0.1)");
  // Other parameters change every score: never served, computed at once.
  ASSERT_TRUE(app_->ConfigSet("tie.half_life_days", "60"));
  auto other = changed.AskFor(input);
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->influence.reused);
  EXPECT_EQ(other->influence.recomputed_because, "computed with other parameters");
}

TEST_F(AskTest, ASmallNetworkOrBackgroundOffRecomputesAtOnceAndNeverAsksForARefresh) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  ASSERT_TRUE(app_->AskFor(input));
  App later(*store_, kNow + days{8});
  // 7 people, under the default influence.background_people (2000).
  EXPECT_FALSE(*later.InfluenceRefreshDue());
  auto status = later.InfluenceSnapshotStatus();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->advice_commands, "compute");
  auto small = later.AskFor(input);
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->influence.reused);
  // 0 turns the background off, whatever the size.
  ASSERT_TRUE(app_->ConfigSet("influence.background_people", "0"));
  App after(*store_, kNow + days{16});
  EXPECT_FALSE(*after.InfluenceRefreshDue());
  auto off = after.AskFor(input);
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->influence.reused);
  // So does snapshot_days 0 (never reused): nothing would ever be served.
  ASSERT_TRUE(app_->ConfigSet("influence.background_people", "5"));
  ASSERT_TRUE(app_->ConfigSet("influence.snapshot_days", "0"));
  EXPECT_FALSE(*after.InfluenceRefreshDue());
  auto never = after.AskFor(input);
  ASSERT_TRUE(never);
  EXPECT_FALSE(never->influence.reused);
}

TEST_F(AskTest, FreshInfluenceRecomputesACurrentSnapshot) {
  BuildNetwork();
  AskForInput input;
  input.text = "kubernetes";
  ASSERT_TRUE(app_->AskFor(input));
  input.fresh_influence = true;
  auto fresh = app_->AskFor(input);
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(fresh->influence.reused);
  EXPECT_EQ(fresh->influence.recomputed_because, "asked for (--fresh-influence)");
}

TEST_F(AskTest, InfluencersRefreshTheSnapshot) {
  BuildNetwork();
  ASSERT_TRUE(app_->Influencers(std::nullopt, 5));
  AskForInput input;
  input.text = "kubernetes";
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->influence.reused);
  EXPECT_EQ(report->influence.as_of, kNow);
}

TEST_F(AskTest, SomeoneAddedSinceTheSnapshotGetsInfluenceFromTheirOffersAlone) {
  BuildNetwork();
  ASSERT_TRUE(app_->ConfigSet("influence.snapshot_max_change", "0.5"));
  AskForInput input;
  input.text = "kubernetes";
  ASSERT_TRUE(app_->AskFor(input));
  PersonInput eve;
  eve.name = "Eve New";
  eve.offers = {{"kubernetes", 4}};
  core::PersonId id = Add(eve);
  auto report = app_->AskFor(input);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->influence.reused);
  EXPECT_EQ(report->influence.estimated, std::vector<core::PersonId>{id});
  const AskCandidate* found = Find(*report, "Eve New");
  ASSERT_NE(found, nullptr);
  EXPECT_TRUE(found->influence_estimated);
  // 0.4 × 0 (PageRank percentile) + 0.3 × 0 (betweenness percentile) + 0.3 × 4/5.
  EXPECT_DOUBLE_EQ(found->influence, 0.3 * 0.8);
  EXPECT_FALSE(Find(*report, "Ana Offers")->influence_estimated);
}

TEST_F(AskTest, AskForRefusesTextWithoutWordsAndTopOutOfRange) {
  AskForInput input;
  input.text = "help with the";
  auto empty = app_->AskFor(input);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.error().message,
            "\"help with the\" has no words to search for (expected what you need help with, "
            "e.g. \"ERP testers\")");
  input.text = "budget";
  input.top = 0;
  auto top = app_->AskFor(input);
  ASSERT_FALSE(top);
  EXPECT_EQ(top.error().message, "--top 0 is out of range (expected 1 to 100)");
}

// --- asks ---------------------------------------------------------------------------------------

TEST_F(AskTest, AnAskIsAWithdrawalWithAnOutcomeThatCanBeSetLater) {
  BuildNetwork();
  AskInput input;
  input.person = "Ana Offers";
  input.text = "  Two days of Kubernetes help  ";
  auto asked = app_->RecordAsk(input);
  ASSERT_TRUE(asked) << asked.error().message;
  EXPECT_EQ(asked->ask.text, "Two days of Kubernetes help");
  EXPECT_EQ(asked->ask.outcome, core::AskOutcome::kPending);
  EXPECT_EQ(asked->withdrawal.kind, core::LedgerKind::kSmallAsk);
  EXPECT_DOUBLE_EQ(asked->withdrawal.value, 1);
  EXPECT_EQ(asked->withdrawal.note, "Two days of Kubernetes help");
  EXPECT_NEAR(asked->balance.value, -1, 1e-9);

  input.person = "Ben Notes";
  input.kind = core::LedgerKind::kFavorAsked;
  input.outcome = core::AskOutcome::kYes;
  auto favor = app_->RecordAsk(input);
  ASSERT_TRUE(favor);
  EXPECT_EQ(favor->ask.answered_at, kNow);
  EXPECT_NEAR(favor->balance.value, -3, 1e-9);

  auto open = app_->ListAsks(true);
  ASSERT_TRUE(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].person.name, "Ana Offers");
  auto answered = app_->AnswerAsk(asked->ask.id.value, core::AskOutcome::kNo);
  ASSERT_TRUE(answered);
  EXPECT_EQ(answered->ask.outcome, core::AskOutcome::kNo);
  EXPECT_TRUE(app_->ListAsks(true)->empty());
  EXPECT_EQ(app_->ListAsks(false)->size(), 2u);

  auto missing = app_->AnswerAsk(99, core::AskOutcome::kYes);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "no ask #99 (see `allies ask list`)");
}

TEST_F(AskTest, BadAsksAreRefusedAndLeaveNothingBehind) {
  BuildNetwork();
  auto before = app_->Balances();
  ASSERT_TRUE(before);
  AskInput input;
  input.person = "Ana Offers";
  input.text = "   ";
  auto blank = app_->RecordAsk(input);
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().message,
            "the ask needs a TEXT saying what you asked for (e.g. \"two ERP testers\")");
  input.text = "testers";
  input.person = "Nobody Here";
  auto nobody = app_->RecordAsk(input);
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, core::ErrorCode::kNotFound);
  input.person = "me";
  EXPECT_FALSE(app_->RecordAsk(input));
  input.person = "Ana Offers";
  input.kind = core::LedgerKind::kAttention;
  auto deposit = app_->RecordAsk(input);
  ASSERT_FALSE(deposit);
  EXPECT_EQ(deposit.error().message,
            "--kind \"attention\" is not a kind of ask (expected small-ask, favor-asked or "
            "escalation)");
  EXPECT_TRUE(app_->ListAsks(false)->empty());
  EXPECT_EQ(app_->Balances()->size(), before->size());
}

TEST_F(AskTest, OpenOrRecentAsksKeepsPendingOnesAndThoseOfTheLast30Days) {
  BuildNetwork();
  auto ask = [&](int days_ago, core::AskOutcome outcome, const std::string& text) {
    AskInput input;
    input.person = "Ana Offers";
    input.text = text;
    input.at = kNow - days{days_ago};
    input.outcome = outcome;
    ASSERT_TRUE(app_->RecordAsk(input));
  };
  ask(90, core::AskOutcome::kPending, "old but open");
  ask(60, core::AskOutcome::kYes, "old and answered");
  ask(10, core::AskOutcome::kNo, "recent and answered");
  auto me = store_->FindMe();
  auto ana = store_->FindPeopleByName("ana offers", false);
  ASSERT_TRUE(me && *me && ana && ana->size() == 1);
  auto asks = internal::OpenOrRecentAsks(*store_, **me, ana->front(), kNow);
  ASSERT_TRUE(asks);
  std::vector<std::string> texts;
  for (const auto& a : *asks) texts.push_back(a.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"old but open", "recent and answered"}));
}

// --- log --offered ------------------------------------------------------------------------------

TEST_F(AskTest, AnOfferIsAnExpertiseDepositEvenWhenDeclined) {
  BuildNetwork();
  LogInput log;
  log.kind = core::InteractionKind::kLunch;
  log.with = {"Ana Offers", "Ben Notes"};
  log.offered = "our DR runbook";
  log.declined = true;
  auto logged = app_->Log(log);
  ASSERT_TRUE(logged) << logged.error().message;
  ASSERT_EQ(logged->offered.size(), 2u);
  for (const auto& entry : logged->offered) {
    EXPECT_EQ(entry.kind, core::LedgerKind::kExpertise);
    EXPECT_DOUBLE_EQ(entry.value, 2);
    EXPECT_EQ(entry.note, "our DR runbook (declined)");
    EXPECT_EQ(entry.interaction, logged->interaction.id);
  }
  auto detail = app_->BalanceOf("Ben Notes");
  ASSERT_TRUE(detail);
  EXPECT_NEAR(detail->balance.value, 2, 1e-9);

  log.offered = " ";
  auto blank = app_->Log(log);
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().code, core::ErrorCode::kInvalidArgument);
}

// --- meeting prep -------------------------------------------------------------------------------

TEST_F(AskTest, PrepGathersAttentionNeedsTeamFollowUpsBalanceAndRecentContact) {
  BuildNetwork();
  PersonInput cy;
  cy.note = "Two kids; the eldest has just started university.";
  ASSERT_TRUE(app_->EditPerson("Cy Overdrawn", cy));
  cy.note = "Runs marathons; did Berlin last autumn.";
  ASSERT_TRUE(app_->EditPerson("Cy Overdrawn", cy));
  ASSERT_TRUE(app_->AddFollowUp("Cy Overdrawn", "send the budget template",
                                core::Date{std::chrono::year{2026} / 12 / 1}));
  // Tara worked with Finance (Cy's department) in the last 90 days: a Finance person at a meeting.
  auto tara = store_->FindPeopleByName("tara team", false);
  auto cy_id = store_->FindPeopleByName("cy overdrawn", false);
  ASSERT_TRUE(tara && cy_id && tara->size() == 1 && cy_id->size() == 1);
  ASSERT_TRUE(store_->Begin(kNow));
  core::Interaction meeting;
  meeting.at = kNow - days{20};
  meeting.attendees = {tara->front(), cy_id->front()};
  meeting.owner = tara->front();
  ASSERT_TRUE(store_->InsertInteraction(meeting));
  ASSERT_TRUE(store_->Commit());
  Meet("Cy Overdrawn", 1, core::InteractionKind::kLunch);  // a fourth, 3 days ago

  auto prep = app_->Prep("Cy Overdrawn");
  ASSERT_TRUE(prep) << prep.error().message;
  ASSERT_EQ(prep->family.size(), 1u);
  EXPECT_EQ(prep->family[0].text, "Two kids; the eldest has just started university.");
  ASSERT_EQ(prep->interests.size(), 1u);
  EXPECT_TRUE(prep->origin.empty());
  ASSERT_TRUE(prep->last_detail);
  EXPECT_EQ(prep->last_detail->text, "Runs marathons; did Berlin last autumn.");
  ASSERT_FALSE(prep->questions.empty());
  EXPECT_EQ(prep->questions[0], "How did you get into finance?");

  ASSERT_EQ(prep->needs.size(), 1u);
  ASSERT_EQ(prep->needs[0].offers.size(), 1u);
  EXPECT_EQ(prep->needs[0].offers[0].member.name, "Tara Team");
  EXPECT_EQ(prep->needs[0].offers[0].offer, "budget");

  ASSERT_EQ(prep->team_touches.size(), 1u);
  EXPECT_EQ(prep->team_touches[0].member.name, "Tara Team");
  EXPECT_EQ(prep->team_touches[0].interactions, 1);
  ASSERT_TRUE(prep->in_the_way);
  EXPECT_EQ(prep->in_the_way->rfind("Is my team getting in your way?", 0), 0u);

  ASSERT_EQ(prep->followups.size(), 1u);
  EXPECT_EQ(prep->followups[0].followup.text, "send the budget template");
  EXPECT_EQ(prep->balance.status, scoring::BalanceStatus::kOverdrawn);
  ASSERT_EQ(prep->last_interactions.size(), 3u);  // of my four, newest first; not Tara's
  EXPECT_EQ(prep->last_interactions[0].interaction.kind, core::InteractionKind::kLunch);
  EXPECT_GE(prep->last_interactions[0].interaction.at, prep->last_interactions[1].interaction.at);
  EXPECT_GE(prep->last_interactions[1].interaction.at, prep->last_interactions[2].interaction.at);
}

TEST_F(AskTest, PrepOfSomeoneWithAnOriginNoteDoesNotAskHowTheyGotIntoTheirField) {
  PersonInput ana;
  ana.name = "Ana Lima";
  ana.department = "Legal";
  ana.note = "Was a professional musician before retraining in law.";
  Add(ana);
  auto prep = app_->Prep("Ana Lima");
  ASSERT_TRUE(prep) << prep.error().message;
  ASSERT_EQ(prep->origin.size(), 1u);
  for (const auto& question : prep->questions) {
    EXPECT_EQ(question.find("How did you get into"), std::string::npos) << question;
  }
  EXPECT_FALSE(prep->in_the_way);  // no team member worked with Legal
  auto nobody = app_->Prep("Nobody Here");
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, core::ErrorCode::kNotFound);
}

// --- the pure rules -----------------------------------------------------------------------------

TEST(AskRulesTest, SearchWordsDropsCommonWordsAndRepeats) {
  EXPECT_EQ(internal::SearchWords("I need help with the ERP upgrade, the ERP!"),
            (std::vector<std::string>{"erp", "upgrade"}));
  EXPECT_EQ(internal::SearchWords("Data-centre migrations in Zürich"),
            (std::vector<std::string>{"data", "centre", "migrations", "zürich"}));
  EXPECT_TRUE(internal::SearchWords("  with the a ").empty());
}

TEST(AskRulesTest, AnOfferFitsANeedThatMentionsAllItsWords) {
  EXPECT_TRUE(internal::OfferFitsNeed(
      "budget", "Needs the cloud bill broken down by department before the budget round."));
  EXPECT_TRUE(internal::OfferFitsNeed(
      "ERP upgrade", "Worried the ERP upgrade will slip into the year-end close."));
  EXPECT_TRUE(internal::OfferFitsNeed("cloud contracts", "Wants a cloud contract review"));
  EXPECT_FALSE(internal::OfferFitsNeed("disaster recovery", "Needs a recovery plan"));
  EXPECT_FALSE(internal::OfferFitsNeed("ServiceNow", "Needs the CRM to work offline"));
}

TEST(AskRulesTest, NotesAreSortedIntoOriginFamilyAndInterests) {
  using internal::ClassifyNote;
  using internal::NoteKind;
  // Notes of the demo's word lists (src/app/demo_names.cc).
  EXPECT_EQ(ClassifyNote("Got into finance through a summer job that turned into a career."),
            NoteKind::kOrigin);
  EXPECT_EQ(ClassifyNote("Family business background; HR felt like the natural next step."),
            NoteKind::kOrigin);
  EXPECT_EQ(ClassifyNote("Came to procurement after ten years in the army."), NoteKind::kOrigin);
  EXPECT_EQ(ClassifyNote("Twins in primary school; does the school run on Fridays."),
            NoteKind::kFamily);
  EXPECT_EQ(ClassifyNote("Partner is a nurse on night shifts, so mornings are precious."),
            NoteKind::kFamily);
  EXPECT_EQ(ClassifyNote("Just adopted a rescue greyhound."), NoteKind::kFamily);
  EXPECT_EQ(ClassifyNote("Plays cello in a community orchestra."), NoteKind::kInterest);
  EXPECT_EQ(ClassifyNote("Person of few words; loves chess."), NoteKind::kInterest);
}

}  // namespace
}  // namespace allies::app
