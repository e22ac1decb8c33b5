#include "app/demo.h"

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/model.h"
#include "core/text.h"
#include "store/sqlite/sqlite_store.h"

namespace allies::app {
namespace {

using core::TimePoint;

// A Friday afternoon, so that "today" is a working day with meetings before and after now.
constexpr TimePoint kNow = TimePoint(std::chrono::sys_days(std::chrono::year(2025) / 3 / 14)) +
                           std::chrono::hours(15) + std::chrono::minutes(30);

struct Demo {
  std::unique_ptr<store::Store> store;
  DemoSummary summary;
};

Demo WriteDemoAt(const DemoOptions& options, TimePoint now) {
  auto store = store::OpenSqliteStore(":memory:");
  EXPECT_TRUE(store.has_value()) << store.error().message;
  Demo demo{std::move(*store), {}};
  EXPECT_TRUE(demo.store->Begin(now).has_value());
  auto summary = WriteDemo(*demo.store, options, now);
  EXPECT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_TRUE(demo.store->Commit().has_value());
  if (summary) demo.summary = *summary;
  return demo;
}

std::vector<core::Person> People(store::Store& store) {
  auto people = store.ListPeople({});
  EXPECT_TRUE(people.has_value());
  return people ? *people : std::vector<core::Person>{};
}

std::vector<core::Interaction> Interactions(store::Store& store, store::InteractionFilter filter) {
  auto interactions = store.ListInteractions(filter);
  EXPECT_TRUE(interactions.has_value());
  return interactions ? *interactions : std::vector<core::Interaction>{};
}

// The default demo, written once for the tests that only read it.
class DefaultDemoTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_demo = std::make_unique<Demo>(WriteDemoAt(DemoOptions{}, kNow));
  }
  static void TearDownTestSuite() { shared_demo.reset(); }
  static store::Store& Store() { return *shared_demo->store; }
  static const DemoSummary& Summary() { return shared_demo->summary; }

  static std::map<std::int64_t, core::Person> PeopleById() {
    std::map<std::int64_t, core::Person> by_id;
    for (core::Person& person : People(Store())) by_id[person.id.value] = std::move(person);
    return by_id;
  }

  static core::OrgId Company() {
    auto orgs = Store().ListOrgs(false);
    EXPECT_TRUE(orgs.has_value());
    for (const core::Organization& org : *orgs) {
      if (org.kind == core::OrgKind::kInternal) return org.id;
    }
    ADD_FAILURE() << "no internal organization";
    return {};
  }

  static std::unique_ptr<Demo> shared_demo;
};

std::unique_ptr<Demo> DefaultDemoTest::shared_demo;

TEST_F(DefaultDemoTest, ExactlyOnePersonIsMeAndMyTitleIsCio) {
  int mes = 0;
  for (const core::Person& person : People(Store())) {
    if (!person.is_me) continue;
    ++mes;
    EXPECT_EQ(person.title, "CIO");
    EXPECT_EQ(person.department, "IT");
  }
  EXPECT_EQ(mes, 1);
}

TEST_F(DefaultDemoTest, SixTeamMembersReportToMe) {
  auto me = Store().FindMe();
  ASSERT_TRUE(me.has_value() && me->has_value());
  int team = 0;
  for (const core::Person& person : People(Store())) {
    if (!person.is_team) continue;
    ++team;
    EXPECT_EQ(person.reports_to, **me) << person.name;
  }
  EXPECT_EQ(team, 6);
  EXPECT_EQ(Summary().team, 6);
}

TEST_F(DefaultDemoTest, FiveVendorsEachHaveServicesAndAtLeastTwoKeyContacts) {
  auto orgs = Store().ListOrgs(false);
  ASSERT_TRUE(orgs.has_value());
  int vendors = 0;
  int renewing_soon = 0;
  const auto today = std::chrono::floor<std::chrono::days>(kNow);
  for (const core::Organization& org : *orgs) {
    if (org.kind != core::OrgKind::kVendor) continue;
    ++vendors;
    EXPECT_FALSE(org.services.empty()) << org.name;
    ASSERT_TRUE(org.renewal.has_value()) << org.name;
    EXPECT_TRUE(org.cadence_days.has_value()) << org.name;
    if (std::chrono::sys_days(*org.renewal) - today <= std::chrono::days(90)) ++renewing_soon;
    store::PersonFilter filter;
    filter.org = org.id;
    auto contacts = Store().ListPeople(filter);
    ASSERT_TRUE(contacts.has_value());
    EXPECT_GE(contacts->size(), 2u) << org.name;
  }
  EXPECT_EQ(vendors, 5);
  EXPECT_EQ(renewing_soon, 1);
}

TEST_F(DefaultDemoTest, HasAbout400PeopleInAtLeastTwelveDepartments) {
  const std::vector<core::Person> people = People(Store());
  EXPECT_GE(people.size(), 380u);
  EXPECT_LE(people.size(), 420u);
  EXPECT_EQ(Summary().people, static_cast<int>(people.size()));
  std::set<std::string> departments;
  const core::OrgId company = Company();
  for (const core::Person& person : people) {
    if (person.org == company) departments.insert(person.department);
  }
  EXPECT_GE(departments.size(), 12u);
}

TEST_F(DefaultDemoTest, FullNamesAndEmailsAreUniqueAndEmailsAreLowerCaseAscii) {
  std::set<std::string> names;
  std::set<std::string> emails;
  for (const core::Person& person : People(Store())) {
    EXPECT_TRUE(names.insert(person.name).second) << person.name;
    ASSERT_FALSE(person.emails.empty()) << person.name;
    const std::string& email = person.emails.front().address;
    EXPECT_TRUE(emails.insert(email).second) << email;
    for (char c : email) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '@';
      EXPECT_TRUE(ok) << email;
    }
  }
}

TEST_F(DefaultDemoTest, EveryInteractionLiesInTheYearBeforeNow) {
  const std::vector<core::Interaction> interactions = Interactions(Store(), {});
  ASSERT_FALSE(interactions.empty());
  EXPECT_EQ(Summary().interactions, static_cast<int>(interactions.size()));
  for (const core::Interaction& interaction : interactions) {
    EXPECT_LE(interaction.at, kNow) << core::FormatUtc(interaction.at);
    EXPECT_GE(interaction.at, kNow - std::chrono::days(365)) << core::FormatUtc(interaction.at);
  }
}

TEST_F(DefaultDemoTest, EveryInteractionHasAtLeastTwoAttendeesAndEnergyOneToFive) {
  for (const core::Interaction& interaction : Interactions(Store(), {})) {
    EXPECT_GE(interaction.attendees.size(), 2u) << interaction.id.value;
    EXPECT_GE(interaction.energy, 1);
    EXPECT_LE(interaction.energy, 5);
  }
}

TEST_F(DefaultDemoTest, ReportsToTreeHasNoCyclesAndEveryEmployeeButTheCeoHasAManager) {
  const auto by_id = PeopleById();
  const core::OrgId company = Company();
  int roots = 0;
  for (const auto& [id, person] : by_id) {
    if (person.org != company) continue;
    if (!person.reports_to) {
      ++roots;
      EXPECT_EQ(person.title, "Chief Executive Officer") << person.name;
      continue;
    }
    // Walking up must reach the root in fewer steps than there are people.
    std::int64_t current = id;
    std::size_t steps = 0;
    while (by_id.at(current).reports_to && steps <= by_id.size()) {
      current = by_id.at(current).reports_to->value;
      ++steps;
    }
    EXPECT_LE(steps, by_id.size()) << person.name << " is on a reports-to cycle";
  }
  EXPECT_EQ(roots, 1);
}

TEST_F(DefaultDemoTest, EachHiddenInfluencerMeetsPeopleInAtLeastSixDepartments) {
  ASSERT_GE(Summary().hidden_influencers.size(), 3u);
  const auto by_id = PeopleById();
  for (const std::string& name : Summary().hidden_influencers) {
    auto found = Store().FindPeopleByName(core::NameKey(name), false);
    ASSERT_TRUE(found.has_value());
    ASSERT_EQ(found->size(), 1u) << name;
    const core::PersonId hub = found->front();
    store::InteractionFilter filter;
    filter.attendee = hub;
    std::set<std::string> departments;
    for (const core::Interaction& interaction : Interactions(Store(), filter)) {
      for (core::PersonId other : interaction.attendees) {
        if (other != hub) departments.insert(by_id.at(other.value).department);
      }
    }
    EXPECT_GE(departments.size(), 6u) << name;
  }
}

TEST_F(DefaultDemoTest, HiddenInfluencersHaveNoReportsButMoreContactsThanAnyoneElseButMe) {
  const auto by_id = PeopleById();
  std::map<std::int64_t, std::set<std::int64_t>> partners;
  for (const core::Interaction& interaction : Interactions(Store(), {})) {
    for (core::PersonId a : interaction.attendees) {
      for (core::PersonId b : interaction.attendees) {
        if (a != b) partners[a.value].insert(b.value);
      }
    }
  }
  std::set<std::int64_t> hidden;
  for (const std::string& name : Summary().hidden_influencers) {
    auto found = Store().FindPeopleByName(core::NameKey(name), false);
    ASSERT_TRUE(found.has_value());
    ASSERT_EQ(found->size(), 1u) << name;
    hidden.insert(found->front().value);
  }
  std::size_t most_of_the_rest = 0;
  for (const auto& [id, person] : by_id) {
    if (person.is_me || hidden.count(id)) continue;
    most_of_the_rest = std::max(most_of_the_rest, partners[id].size());
    if (person.reports_to) {
      EXPECT_EQ(hidden.count(person.reports_to->value), 0u) << person.name << " reports to one";
    }
  }
  for (std::int64_t id : hidden) {
    EXPECT_GT(partners[id].size(), most_of_the_rest) << by_id.at(id).name;
  }
}

TEST_F(DefaultDemoTest, SomeLedgerAccountIsOverdrawn) {
  auto entries = Store().ListLedger({});
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ(Summary().ledger_entries, static_cast<int>(entries->size()));
  std::map<std::int64_t, double> balance;
  for (const core::LedgerEntry& entry : *entries) {
    balance[entry.person.value] += core::IsDeposit(entry.kind) ? entry.value : -entry.value;
  }
  int overdrawn = 0;
  int in_credit = 0;
  for (const auto& [person, sum] : balance) {
    if (sum <= -1) ++overdrawn;
    if (sum >= 2) ++in_credit;
  }
  EXPECT_GE(overdrawn, 1);
  EXPECT_GE(in_credit, 5);
}

TEST_F(DefaultDemoTest, FollowUpsAreOverdueDueThisWeekAndDone) {
  store::FollowUpFilter filter;
  filter.include_done = true;
  auto followups = Store().ListFollowUps(filter);
  ASSERT_TRUE(followups.has_value());
  EXPECT_EQ(Summary().followups, static_cast<int>(followups->size()));
  const core::Date today(std::chrono::floor<std::chrono::days>(kNow));
  int overdue = 0;
  int done = 0;
  int members = 0;  // owned by a team member, not me
  const core::PersonId me = *Store().FindMe().value();
  for (const core::FollowUp& followup : *followups) {
    ASSERT_TRUE(followup.owner.has_value());
    if (*followup.owner != me) {
      ++members;
      EXPECT_TRUE(Store().GetPerson(*followup.owner).value().is_team);
    }
    if (followup.done_at) {
      ++done;
    } else if (followup.due < today) {
      ++overdue;
    }
  }
  EXPECT_GE(overdue, 1);
  EXPECT_GE(done, 1);
  EXPECT_EQ(members, 2);
  auto notices = Store().ListNotices(std::nullopt);
  ASSERT_TRUE(notices.has_value());
  EXPECT_EQ(Summary().notices, static_cast<int>(notices->size()));
  for (const core::VendorNotice& notice : *notices) EXPECT_TRUE(notice.reported_by.has_value());
}

TEST(DemoTest, TheSameSeedWritesTheSamePeopleAndInteractions) {
  Demo first = WriteDemoAt(DemoOptions{}, kNow);
  Demo second = WriteDemoAt(DemoOptions{}, kNow);
  const std::vector<core::Person> people_a = People(*first.store);
  const std::vector<core::Person> people_b = People(*second.store);
  ASSERT_EQ(people_a.size(), people_b.size());
  for (std::size_t i = 0; i < people_a.size(); ++i) {
    EXPECT_EQ(people_a[i].name, people_b[i].name);
    EXPECT_EQ(people_a[i].title, people_b[i].title);
    EXPECT_EQ(people_a[i].reports_to, people_b[i].reports_to);
    EXPECT_EQ(people_a[i].emails, people_b[i].emails);
    EXPECT_EQ(people_a[i].offers, people_b[i].offers);
  }
  const auto interactions_a = Interactions(*first.store, {});
  const auto interactions_b = Interactions(*second.store, {});
  ASSERT_EQ(interactions_a.size(), interactions_b.size());
  for (std::size_t i = 0; i < interactions_a.size(); ++i) {
    EXPECT_EQ(interactions_a[i].at, interactions_b[i].at);
    EXPECT_EQ(interactions_a[i].attendees, interactions_b[i].attendees);
    EXPECT_EQ(interactions_a[i].kind, interactions_b[i].kind);
    EXPECT_EQ(interactions_a[i].note, interactions_b[i].note);
  }
  EXPECT_EQ(first.summary.hidden_influencers, second.summary.hidden_influencers);
}

TEST(DemoTest, ADifferentSeedWritesADifferentOrganization) {
  DemoOptions other;
  other.seed = 2;
  Demo first = WriteDemoAt(DemoOptions{}, kNow);
  Demo second = WriteDemoAt(other, kNow);
  std::vector<std::string> names_a;
  std::vector<std::string> names_b;
  for (const core::Person& person : People(*first.store)) names_a.push_back(person.name);
  for (const core::Person& person : People(*second.store)) names_b.push_back(person.name);
  EXPECT_NE(names_a, names_b);
}

TEST(DemoTest, EverySeedAndWeekdayKeepsTheYearBeforeNow) {
  const std::chrono::sys_days sunday = std::chrono::sys_days(std::chrono::year(2025) / 3 / 16);
  const TimePoint nows[] = {TimePoint(sunday), TimePoint(sunday) + std::chrono::hours(30),
                            kNow + std::chrono::days(1)};
  for (std::uint64_t seed = 3; seed < 6; ++seed) {
    for (TimePoint now : nows) {
      DemoOptions options;
      options.seed = seed;
      options.people = 120;
      Demo demo = WriteDemoAt(options, now);
      EXPECT_EQ(demo.summary.people, 120);
      for (const core::Interaction& interaction : Interactions(*demo.store, {})) {
        ASSERT_LE(interaction.at, now) << seed << " " << core::FormatUtc(now);
        ASSERT_GE(interaction.at, now - std::chrono::days(365)) << seed;
        ASSERT_GE(interaction.attendees.size(), 2u) << seed;
      }
    }
  }
}

TEST(DemoTest, SmallestOrganizationStillHasEveryRole) {
  DemoOptions options;
  options.people = 50;
  Demo demo = WriteDemoAt(options, kNow);
  EXPECT_EQ(demo.summary.people, 50);
  EXPECT_EQ(demo.summary.team, 6);
  EXPECT_EQ(demo.summary.vendors, 5);
  EXPECT_EQ(demo.summary.hidden_influencers.size(), 4u);
}

TEST(DemoTest, NonEmptyDatabaseIsRefused) {
  Demo demo = WriteDemoAt(DemoOptions{}, kNow);
  ASSERT_TRUE(demo.store->Begin(kNow).has_value());
  auto again = WriteDemo(*demo.store, DemoOptions{}, kNow);
  demo.store->Rollback();
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().message,
            "the database already has " + std::to_string(demo.summary.people) +
                " people; allies demo writes only into an empty database (pick another with "
                "--db)");
}

TEST(DemoTest, PeopleOutOfRangeIsRefused) {
  auto store = store::OpenSqliteStore(":memory:");
  ASSERT_TRUE(store.has_value());
  ASSERT_TRUE((*store)->Begin(kNow).has_value());
  DemoOptions options;
  options.people = 10;
  auto result = WriteDemo(**store, options, kNow);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message, "--people 10 is out of range (expected 50 to 1000000)");
  options.people = 1000001;
  EXPECT_FALSE(WriteDemo(**store, options, kNow).has_value());
  (*store)->Rollback();
}

}  // namespace
}  // namespace allies::app
