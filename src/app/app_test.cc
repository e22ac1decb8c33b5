// The use cases on a real (in-memory) SQLite store.

#include "app/app.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"

namespace allies::app {
namespace {

using std::chrono::days;
using std::chrono::hours;

const core::TimePoint kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 26} + hours{9};

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    app_ = std::make_unique<App>(*store_, kNow);
    ASSERT_TRUE(app_->Init("Dana Whitfield", {"dana@example.com"}));
  }

  core::PersonId Add(const std::string& name, const std::string& dept = "") {
    PersonInput input;
    input.name = name;
    if (!dept.empty()) input.department = dept;
    auto person = app_->AddPerson(input);
    EXPECT_TRUE(person) << person.error().message;
    return person ? person->id : core::PersonId{};
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
};

TEST_F(AppTest, FailedCommandLeavesNothingBehind) {
  PersonInput input;
  input.name = "Sam Okafor";
  input.org = "Brand New Org";         // would be created...
  input.reports_to = "Nobody At All";  // ...but this reference fails
  auto added = app_->AddPerson(input);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, core::ErrorCode::kNotFound);
  auto orgs = app_->ListOrgs();
  ASSERT_TRUE(orgs);
  EXPECT_TRUE(orgs->empty());  // the org insert was rolled back with the rest
  auto people = app_->ListPeople({});
  ASSERT_TRUE(people);
  EXPECT_EQ(people->size(), 1u);
}

TEST_F(AppTest, UnknownOrgIsCreatedAsCompany) {
  PersonInput input;
  input.name = "Priya Nair";
  input.org = "Skyline Cloud";
  ASSERT_TRUE(app_->AddPerson(input));
  auto orgs = app_->ListOrgs();
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ((*orgs)[0].org.kind, core::OrgKind::kCompany);
  EXPECT_EQ((*orgs)[0].people, 1);
}

TEST_F(AppTest, TiesRankIntoLayersByStrength) {
  // Six people, each seen a different number of times this week: the five most seen are layer 5.
  for (int i = 0; i < 6; ++i) {
    std::string name = "Person " + std::to_string(i);
    Add(name);
    for (int k = 0; k <= i; ++k) {
      LogInput log;
      log.kind = core::InteractionKind::kCoffee;
      log.with = {name};
      log.at = kNow - days{k + 1};
      ASSERT_TRUE(app_->Log(log));
    }
  }
  auto ties = app_->Ties(std::nullopt);
  ASSERT_TRUE(ties);
  ASSERT_EQ(ties->size(), 6u);
  EXPECT_EQ((*ties)[0].person.name, "Person 5");
  EXPECT_EQ((*ties)[4].layer, 5);
  EXPECT_EQ((*ties)[5].layer, 15);
  EXPECT_EQ((*ties)[5].person.name, "Person 0");
  auto top = app_->Ties(2);
  ASSERT_EQ(top->size(), 2u);
}

TEST_F(AppTest, AtRiskTieAppearsInTheBriefing) {
  Add("Sam Okafor", "Operations");
  // Weekly for two months, then silent for 60 days: the median gap is 7, so the tie is at risk
  // after min(cadence, 8 × 7 = 56) days.
  for (int week = 0; week < 9; ++week) {
    LogInput log;
    log.kind = core::InteractionKind::kMeeting;
    log.with = {"Sam Okafor"};
    log.at = kNow - days{60 + 7 * week};
    ASSERT_TRUE(app_->Log(log));
  }
  auto briefing = app_->Today();
  ASSERT_TRUE(briefing) << briefing.error().message;
  EXPECT_EQ(briefing->ties, 1);
  EXPECT_EQ(briefing->ties_at_risk, 1);
  ASSERT_EQ(briefing->reconnect.size(), 1u);
  EXPECT_EQ(briefing->reconnect[0].person.name, "Sam Okafor");
  EXPECT_NEAR(*briefing->reconnect[0].risk.days_since, 60.0, 1e-9);
}

TEST_F(AppTest, RemovedPersonLeavesTiesAndBalances) {
  Add("Sam Okafor");
  LogInput log;
  log.kind = core::InteractionKind::kLunch;
  log.with = {"Sam Okafor"};
  ASSERT_TRUE(app_->Log(log));
  LedgerInput deposit;
  deposit.person = "Sam Okafor";
  deposit.kind = core::LedgerKind::kAttention;
  ASSERT_TRUE(app_->Deposit(deposit));
  ASSERT_TRUE(app_->RemovePerson("Sam Okafor"));
  EXPECT_TRUE(app_->Ties(std::nullopt)->empty());
  EXPECT_TRUE(app_->Balances()->empty());
  ASSERT_TRUE(app_->UndoPerson("Sam Okafor"));
  EXPECT_EQ(app_->Ties(std::nullopt)->size(), 1u);
}

TEST_F(AppTest, MeCannotBeRemovedOrJoinTheTeam) {
  auto removed = app_->RemovePerson("me");
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().message, "me cannot be removed (it is who this database is for)");
  EXPECT_FALSE(app_->TeamAdd("me"));
}

TEST_F(AppTest, TeamAddAndRemove) {
  Add("Lee Chen", "IT");
  ASSERT_TRUE(app_->TeamAdd("Lee Chen"));
  EXPECT_EQ(app_->TeamList()->size(), 1u);
  auto twice = app_->TeamAdd("lee chen");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "Lee Chen is already on the team");
  ASSERT_TRUE(app_->TeamRemove("Lee Chen"));
  EXPECT_TRUE(app_->TeamList()->empty());
}

TEST_F(AppTest, VendorOptionsAreRefusedForOtherKinds) {
  OrgInput input;
  input.name = "Acme";
  input.kind = core::OrgKind::kCompany;
  input.services = {"printing"};
  auto org = app_->AddOrg(input);
  ASSERT_FALSE(org);
  EXPECT_EQ(org.error().code, core::ErrorCode::kInvalidArgument);
}

TEST_F(AppTest, ConfigSetRejectsShrinkingLayersAndKeepsOldValue) {
  auto set = app_->ConfigSet("layer.1.size", "20");
  ASSERT_FALSE(set);
  auto row = app_->ConfigGet("layer.1.size");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->value, "5");
  EXPECT_TRUE(row->is_default);
}

}  // namespace
}  // namespace allies::app
