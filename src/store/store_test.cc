// Storage tests, written once against the Store interface and run on every back end (StoreTest),
// plus the tests of what only the SQLite back end has: its file and its schema (SqliteStoreTest).

#include "store/store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <source_location>

#include <fmt/format.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/text.h"
#include "store/sqlite/sqlite_store.h"

namespace allies::store {
namespace {

using namespace std::chrono_literals;
using core::Date;
using core::DateKind;
using core::ErrorCode;
using core::FollowUp;
using core::Interaction;
using core::InteractionId;
using core::Introduction;
using core::LedgerEntry;
using core::LedgerKind;
using core::Organization;
using core::OrgId;
using core::OrgKind;
using core::Person;
using core::PersonId;
using core::TimePoint;
using core::VendorNotice;

constexpr TimePoint kNow = std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + 9h;
constexpr TimePoint kLater = kNow + 24h * 7;

// Returns the value of `result`, or records a failure (at the caller's line) and returns T{}.
template <class T>
T Must(Result<T> result, std::source_location where = std::source_location::current()) {
  if (!result) {
    ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
        << "unexpected error: " << result.error().message;
    return T{};
  }
  return std::move(*result);
}

void Must(Result<void> result, std::source_location where = std::source_location::current()) {
  if (!result) {
    ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line()))
        << "unexpected error: " << result.error().message;
  }
}

// The error of a result that must have failed, or a kInternal placeholder after recording that
// it did not fail.
template <class T>
core::Error ErrorOf(const Result<T>& result,
                    std::source_location where = std::source_location::current()) {
  if (result) {
    ADD_FAILURE_AT(where.file_name(), static_cast<int>(where.line())) << "expected an error";
    return core::Error{ErrorCode::kInternal, "(no error)"};
  }
  return result.error();
}

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "allies-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// --- the back ends
// --------------------------------------------------------------------------------

struct Backend {
  std::string name;
  // Opens a new, empty store keeping its files (if any) under `dir`.
  std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open;
};

std::vector<Backend> Backends() {
  return {{"Sqlite", [](const std::filesystem::path& dir) {
             return OpenSqliteStore((dir / "allies.db").string());
           }}};
}

// --- records with every field set
// ------------------------------------------------------------------

Organization FullOrg() {
  Organization org;
  org.name = "Contoso Managed Services";
  org.kind = OrgKind::kVendor;
  org.services = {"service desk", "backup", "network operations"};
  org.renewal = Date{std::chrono::year{2025} / 6 / 30};
  org.cadence_days = 45;
  return org;
}

Person FullPerson(OrgId org, PersonId boss) {
  Person person;
  person.name = "Élodie Martin";
  person.title = "VP Finance";
  person.department = "Finance";
  person.org = org;
  person.reports_to = boss;
  person.emails = {{"Elodie.Martin@Example.com", "work"}, {"elodie@home.example", "home"}};
  person.phones = {{"+33 6 00 00 00 00", "mobile"}, {"+33 1 23 45 67 89", "work"}};
  person.tags = {"zeta", "Budget Holder", "alpha"};
  person.offers = {{"vendor contacts", 3}, {"budget", 5}, {"security", 0}};
  person.needs = {"faster month-end close", "cut cloud costs"};
  person.notes = {{kNow - 48h, "Two kids; plays the cello"}, {kNow - 24h, "Started as an auditor"}};
  person.dates = {{DateKind::kWorkAnniversary, {9, 1, std::nullopt}},
                  {DateKind::kBirthday, {2, 29, 1980}}};
  person.closeness = 4;
  person.closeness_at = kNow - 72h;
  person.cadence_days = 30;
  person.is_team = true;
  return person;
}

Introduction MakeIntroduction(PersonId introducer, PersonId first, PersonId second, TimePoint at,
                              std::string outcome = "") {
  Introduction intro;
  intro.introducer = introducer;
  intro.first = first;
  intro.second = second;
  intro.at = at;
  intro.outcome = std::move(outcome);
  return intro;
}

FollowUp MakeFollowUp(PersonId person, std::string text, Date due,
                      std::optional<TimePoint> done_at = std::nullopt) {
  FollowUp followup;
  followup.person = person;
  followup.text = std::move(text);
  followup.due = due;
  followup.done_at = done_at;
  return followup;
}

VendorNotice MakeNotice(OrgId org, TimePoint at, std::string text,
                        std::optional<PersonId> reported_by = std::nullopt) {
  VendorNotice notice;
  notice.org = org;
  notice.at = at;
  notice.text = std::move(text);
  notice.reported_by = reported_by;
  return notice;
}

void ExpectSamePerson(const Person& actual, const Person& expected) {
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.title, expected.title);
  EXPECT_EQ(actual.department, expected.department);
  EXPECT_EQ(actual.org, expected.org);
  EXPECT_EQ(actual.reports_to, expected.reports_to);
  EXPECT_EQ(actual.emails, expected.emails);
  EXPECT_EQ(actual.phones, expected.phones);
  EXPECT_EQ(actual.tags, expected.tags);
  EXPECT_EQ(actual.offers, expected.offers);
  EXPECT_EQ(actual.needs, expected.needs);
  EXPECT_EQ(actual.notes, expected.notes);
  EXPECT_EQ(actual.dates, expected.dates);
  EXPECT_EQ(actual.closeness, expected.closeness);
  EXPECT_EQ(actual.closeness_at, expected.closeness_at);
  EXPECT_EQ(actual.cadence_days, expected.cadence_days);
  EXPECT_EQ(actual.is_me, expected.is_me);
  EXPECT_EQ(actual.is_team, expected.is_team);
}

void ExpectSameInteraction(const Interaction& actual, const Interaction& expected) {
  EXPECT_EQ(actual.at, expected.at);
  EXPECT_EQ(actual.duration_min, expected.duration_min);
  EXPECT_EQ(actual.kind, expected.kind);
  EXPECT_EQ(actual.setting, expected.setting);
  EXPECT_EQ(actual.purpose, expected.purpose);
  EXPECT_EQ(actual.attendees, expected.attendees);
  EXPECT_EQ(actual.initiator, expected.initiator);
  EXPECT_EQ(actual.energy, expected.energy);
  EXPECT_EQ(actual.note, expected.note);
  EXPECT_EQ(actual.source, expected.source);
  EXPECT_EQ(actual.owner, expected.owner);
}

template <class Record>
std::vector<std::int64_t> IdsOf(const std::vector<Record>& records) {
  std::vector<std::int64_t> ids;
  for (const Record& record : records) ids.push_back(record.id.value);
  return ids;
}

template <class Tag>
std::vector<std::int64_t> Values(const std::vector<core::Id<Tag>>& ids) {
  std::vector<std::int64_t> values;
  for (auto id : ids) values.push_back(id.value);
  return values;
}

// --- the fixture
// -----------------------------------------------------------------------------------

class StoreTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto opened = GetParam().open(dir_.path());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->Begin(kNow));
  }

  void TearDown() override {
    if (store_) store_->Rollback();
  }

  // Commits the open transaction and starts the next one at `now`.
  void CommitAndBegin(TimePoint now) {
    Must(store_->Commit());
    Must(store_->Begin(now));
  }

  PersonId AddPerson(std::string name) {
    Person person;
    person.name = std::move(name);
    return Must(store_->InsertPerson(person));
  }

  InteractionId AddInteraction(TimePoint at, std::vector<PersonId> attendees, PersonId owner,
                               std::string source = "") {
    Interaction interaction;
    interaction.at = at;
    interaction.attendees = std::move(attendees);
    interaction.owner = owner;
    interaction.source = std::move(source);
    return Must(store_->InsertInteraction(interaction));
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, testing::ValuesIn(Backends()),
                         [](const testing::TestParamInfo<Backend>& backend) {
                           return backend.param.name;
                         });

// --- people
// ------------------------------------------------------------------------------------------

TEST_P(StoreTest, PersonRoundTripsWithEveryFieldAndEveryListInOrder) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  Person person = FullPerson(org, boss);
  PersonId id = Must(store_->InsertPerson(person));
  CommitAndBegin(kLater);

  Person loaded = Must(store_->GetPerson(id));
  EXPECT_EQ(loaded.id, id);
  ExpectSamePerson(loaded, person);
}

TEST_P(StoreTest, PersonWithOnlyANameRoundTripsWithEveryOptionalUnset) {
  PersonId id = AddPerson("Solo");
  Person loaded = Must(store_->GetPerson(id));
  Person expected;
  expected.name = "Solo";
  ExpectSamePerson(loaded, expected);
  EXPECT_FALSE(loaded.stamps.deleted_at);
}

TEST_P(StoreTest, InsertIgnoresTheGivenIdAndStampsAndStampsWithBeginTime) {
  Person person;
  person.name = "Stamped";
  person.id = PersonId{999};
  person.stamps = {kNow - 1000h, kNow - 1000h, kNow - 1h};
  PersonId id = Must(store_->InsertPerson(person));
  EXPECT_NE(id, PersonId{999});

  Person loaded = Must(store_->GetPerson(id));
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kNow);
  EXPECT_FALSE(loaded.stamps.deleted_at);
}

TEST_P(StoreTest, UpdatePersonReplacesEveryFieldAndKeepsCreatedAt) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  PersonId id = Must(store_->InsertPerson(FullPerson(org, boss)));
  CommitAndBegin(kLater);

  Person changed;
  changed.id = id;
  changed.name = "Elodie Martin-Durand";
  changed.title = "CFO";
  changed.emails = {{"emd@example.com", ""}};
  changed.tags = {"exec"};
  changed.offers = {{"approval", 2}};
  changed.dates = {{DateKind::kBirthday, {4, 2, std::nullopt}}};
  changed.is_me = true;
  Must(store_->UpdatePerson(changed));

  Person loaded = Must(store_->GetPerson(id));
  ExpectSamePerson(loaded, changed);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kLater);
}

TEST_P(StoreTest, UpdatePersonOfAnUnknownIdIsNotFoundNamingTheId) {
  Person person;
  person.id = PersonId{42};
  person.name = "Ghost";
  core::Error error = ErrorOf(store_->UpdatePerson(person));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no person with id 42");
}

TEST_P(StoreTest, GetPersonOfAnUnknownIdIsNotFoundNamingTheId) {
  core::Error error = ErrorOf(store_->GetPerson(PersonId{42}));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no person with id 42");
}

TEST_P(StoreTest, SoftDeletedPersonIsHiddenFromListAndFindButReturnedByGet) {
  PersonId kept = AddPerson("Kept");
  Person gone;
  gone.name = "Gone Person";
  gone.emails = {{"gone@example.com", ""}};
  gone.id = Must(store_->InsertPerson(gone));
  gone.stamps.deleted_at = kNow;
  Must(store_->UpdatePerson(gone));

  EXPECT_EQ(IdsOf(Must(store_->ListPeople({}))), std::vector<std::int64_t>{kept.value});
  EXPECT_TRUE(Must(store_->FindPeopleByName("gone person", false)).empty());
  EXPECT_TRUE(Must(store_->FindPeopleByEmail("gone@example.com", false)).empty());
  EXPECT_TRUE(Must(store_->SearchPeople("gone")).empty());
  EXPECT_EQ(Must(store_->CountPeople()), 1u);

  Person loaded = Must(store_->GetPerson(gone.id));
  EXPECT_EQ(loaded.stamps.deleted_at, kNow);
  PersonFilter with_deleted;
  with_deleted.include_deleted = true;
  EXPECT_EQ(Must(store_->ListPeople(with_deleted)).size(), 2u);
  EXPECT_EQ(Values(Must(store_->FindPeopleByName("gone person", true))),
            std::vector<std::int64_t>{gone.id.value});
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("gone@example.com", true))),
            std::vector<std::int64_t>{gone.id.value});
}

TEST_P(StoreTest, UndeletingAPersonShowsItAgain) {
  Person person;
  person.name = "Back";
  person.id = Must(store_->InsertPerson(person));
  person.stamps.deleted_at = kNow;
  Must(store_->UpdatePerson(person));
  person.stamps.deleted_at.reset();
  Must(store_->UpdatePerson(person));
  EXPECT_EQ(Must(store_->ListPeople({})).size(), 1u);
}

TEST_P(StoreTest, ListPeopleIsSortedByNameKeyThenId) {
  PersonId zoe = AddPerson("zoë");
  PersonId adam2 = AddPerson("Adam");
  PersonId bea = AddPerson("Béa");
  PersonId adam1 = AddPerson("adam");
  auto people = Must(store_->ListPeople({}));
  EXPECT_EQ(IdsOf(people),
            (std::vector<std::int64_t>{adam2.value, adam1.value, bea.value, zoe.value}));
}

TEST_P(StoreTest, ListPeopleGivesEachPersonTheirOwnChildRows) {
  std::vector<PersonId> ids;
  for (int i = 0; i < 50; ++i) {
    Person person;
    person.name = fmt::format("Person {:02}", 49 - i);  // name order is the reverse of id order
    for (int j = 0; j < i % 4; ++j) person.tags.push_back(fmt::format("tag-{}-{}", i, j));
    if (i % 3 == 0) person.emails.push_back({fmt::format("p{}@example.com", i), ""});
    ids.push_back(Must(store_->InsertPerson(person)));
  }
  auto people = Must(store_->ListPeople({}));
  ASSERT_EQ(people.size(), 50u);
  for (const Person& person : people) {
    int i = static_cast<int>(std::find(ids.begin(), ids.end(), person.id) - ids.begin());
    EXPECT_EQ(person.name, fmt::format("Person {:02}", 49 - i));
    ASSERT_EQ(person.tags.size(), static_cast<std::size_t>(i % 4));
    for (int j = 0; j < i % 4; ++j) EXPECT_EQ(person.tags[j], fmt::format("tag-{}-{}", i, j));
    EXPECT_EQ(person.emails.size(), i % 3 == 0 ? 1u : 0u);
  }
}

TEST_P(StoreTest, FindPeopleByNameIgnoresCaseAndSpacing) {
  PersonId id = AddPerson("Élodie  Martin");
  AddPerson("Elodie Marti");
  EXPECT_EQ(Values(Must(store_->FindPeopleByName(core::NameKey("ÉLODIE MARTIN"), false))),
            std::vector<std::int64_t>{id.value});
  EXPECT_TRUE(Must(store_->FindPeopleByName("nobody", false)).empty());
}

TEST_P(StoreTest, FindPeopleByEmailIgnoresCase) {
  Person person;
  person.name = "Mail";
  person.emails = {{"Mail.Person@Example.COM", "work"}};
  PersonId id = Must(store_->InsertPerson(person));
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("mail.person@example.com", false))),
            std::vector<std::int64_t>{id.value});
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("MAIL.PERSON@EXAMPLE.COM", false))),
            std::vector<std::int64_t>{id.value});
  EXPECT_TRUE(Must(store_->FindPeopleByEmail("mail.person@example", false)).empty());
}

TEST_P(StoreTest, SearchPeopleMatchesEveryTextFieldIgnoringCase) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  PersonId elodie = Must(store_->InsertPerson(FullPerson(org, boss)));
  AddPerson("Unrelated");

  const std::vector<std::int64_t> only_elodie{elodie.value};
  for (std::string_view text : {"élodie", "ÉLODIE", "vp fin", "FINANCE", "contoso", "example.com",
                                "budget holder", "VENDOR CONT", "month-end", "CELLO"}) {
    EXPECT_EQ(Values(Must(store_->SearchPeople(text))), only_elodie) << "searching " << text;
  }
  EXPECT_TRUE(Must(store_->SearchPeople("no such text")).empty());
}

TEST_P(StoreTest, SearchPeopleIsSortedByName) {
  PersonId b = AddPerson("B Smith");
  PersonId a = AddPerson("A Smith");
  AddPerson("Jones");
  EXPECT_EQ(Values(Must(store_->SearchPeople("smith"))),
            (std::vector<std::int64_t>{a.value, b.value}));
}

TEST_P(StoreTest, ListPeopleFiltersByDepartmentTagOrgAndTeam) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  Person me;
  me.name = "Me";
  me.is_me = true;
  me.is_team = true;
  me.department = "IT";
  PersonId me_id = Must(store_->InsertPerson(me));
  Person teammate;
  teammate.name = "Teammate";
  teammate.is_team = true;
  teammate.department = "it";
  teammate.tags = {"Mentor"};
  PersonId teammate_id = Must(store_->InsertPerson(teammate));
  Person vendor;
  vendor.name = "Vendor Rep";
  vendor.org = org;
  vendor.department = "Sales";
  vendor.tags = {"mentor"};
  PersonId vendor_id = Must(store_->InsertPerson(vendor));

  PersonFilter filter;
  filter.department = "It";
  EXPECT_EQ(IdsOf(Must(store_->ListPeople(filter))),
            (std::vector<std::int64_t>{me_id.value, teammate_id.value}));
  filter = {};
  filter.tag = "MENTOR";
  EXPECT_EQ(IdsOf(Must(store_->ListPeople(filter))),
            (std::vector<std::int64_t>{teammate_id.value, vendor_id.value}));
  filter = {};
  filter.org = org;
  EXPECT_EQ(IdsOf(Must(store_->ListPeople(filter))), std::vector<std::int64_t>{vendor_id.value});
  filter = {};
  filter.only_team = true;
  EXPECT_EQ(IdsOf(Must(store_->ListPeople(filter))), std::vector<std::int64_t>{teammate_id.value});
  filter.department = "sales";
  EXPECT_TRUE(Must(store_->ListPeople(filter)).empty());
}

TEST_P(StoreTest, AtMostOnePersonIsMe) {
  EXPECT_EQ(Must(store_->FindMe()), std::nullopt);
  Person me;
  me.name = "Me";
  me.is_me = true;
  PersonId me_id = Must(store_->InsertPerson(me));
  EXPECT_EQ(Must(store_->FindMe()), me_id);

  Person other;
  other.name = "Other";
  other.is_me = true;
  core::Error error = ErrorOf(store_->InsertPerson(other));
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(error.message, fmt::format("cannot insert person \"Other\": person {} (\"Me\") is "
                                       "already flagged as me",
                                       me_id.value));
  EXPECT_EQ(Must(store_->CountPeople()), 1u);
}

TEST_P(StoreTest, CountPeopleCountsThoseNotDeleted) {
  AddPerson("One");
  AddPerson("Two");
  EXPECT_EQ(Must(store_->CountPeople()), 2u);
}

TEST_P(StoreTest, PersonReferringToAMissingOrganizationIsNotFoundNamingIt) {
  Person person;
  person.name = "Orphan";
  person.org = OrgId{77};
  core::Error error = ErrorOf(store_->InsertPerson(person));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message,
            "cannot insert person \"Orphan\": no organization with id 77 (the organization)");
  EXPECT_EQ(Must(store_->CountPeople()), 0u);
}

TEST_P(StoreTest, FailedUpdateLeavesThePersonAsItWas) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  Person person = FullPerson(org, boss);
  PersonId id = Must(store_->InsertPerson(person));

  Person changed = person;
  changed.id = id;
  changed.name = "Renamed";
  changed.tags = {"new"};
  changed.reports_to = PersonId{4040};
  core::Error error = ErrorOf(store_->UpdatePerson(changed));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, fmt::format("cannot update person {}: no person with id 4040 (the "
                                       "person reported to)",
                                       id.value));
  ExpectSamePerson(Must(store_->GetPerson(id)), person);
}

TEST_P(StoreTest, ClosenessOutOfRangeIsRefusedQuotingIt) {
  Person person;
  person.name = "Close";
  person.closeness = 7;
  core::Error error = ErrorOf(store_->InsertPerson(person));
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "person \"Close\": closeness 7 is out of range (expected 0 to 5)");
}

// --- organizations
// ----------------------------------------------------------------------------------

TEST_P(StoreTest, OrganizationRoundTripsAndUpdateReplacesIt) {
  Organization org = FullOrg();
  OrgId id = Must(store_->InsertOrg(org));
  CommitAndBegin(kLater);

  Organization loaded = Must(store_->GetOrg(id));
  EXPECT_EQ(loaded.name, org.name);
  EXPECT_EQ(loaded.kind, org.kind);
  EXPECT_EQ(loaded.services, org.services);
  EXPECT_EQ(loaded.renewal, org.renewal);
  EXPECT_EQ(loaded.cadence_days, org.cadence_days);
  EXPECT_EQ(loaded.stamps.created_at, kNow);

  Organization changed;
  changed.id = id;
  changed.name = "Contoso";
  changed.kind = OrgKind::kPartner;
  changed.services = {"audit"};
  Must(store_->UpdateOrg(changed));
  loaded = Must(store_->GetOrg(id));
  EXPECT_EQ(loaded.name, "Contoso");
  EXPECT_EQ(loaded.kind, OrgKind::kPartner);
  EXPECT_EQ(loaded.services, std::vector<std::string>{"audit"});
  EXPECT_EQ(loaded.renewal, std::nullopt);
  EXPECT_EQ(loaded.cadence_days, std::nullopt);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kLater);
}

TEST_P(StoreTest, OrganizationsAreFoundByNameAndHiddenWhenDeleted) {
  OrgId kept = Must(store_->InsertOrg(FullOrg()));
  Organization gone;
  gone.name = "Fabrikam";
  gone.id = Must(store_->InsertOrg(gone));
  EXPECT_EQ(Values(Must(store_->FindOrgsByName("fabrikam", false))),
            std::vector<std::int64_t>{gone.id.value});
  gone.stamps.deleted_at = kNow;
  Must(store_->UpdateOrg(gone));

  EXPECT_EQ(IdsOf(Must(store_->ListOrgs(false))), std::vector<std::int64_t>{kept.value});
  EXPECT_EQ(IdsOf(Must(store_->ListOrgs(true))),
            (std::vector<std::int64_t>{kept.value, gone.id.value}));
  EXPECT_TRUE(Must(store_->FindOrgsByName("fabrikam", false)).empty());
  EXPECT_EQ(Values(Must(store_->FindOrgsByName("fabrikam", true))),
            std::vector<std::int64_t>{gone.id.value});
  EXPECT_EQ(Must(store_->GetOrg(gone.id)).stamps.deleted_at, kNow);
}

TEST_P(StoreTest, UnknownOrganizationIsNotFoundNamingTheId) {
  core::Error error = ErrorOf(store_->GetOrg(OrgId{5}));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no organization with id 5");
}

// --- interactions
// -----------------------------------------------------------------------------------

TEST_P(StoreTest, InteractionRoundTripsWithEveryFieldAndAttendeesInOrder) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  Interaction interaction;
  interaction.at = kNow - 2h;
  interaction.duration_min = 75;
  interaction.kind = core::InteractionKind::kLunch;
  interaction.setting = core::Setting::kRelaxed;
  interaction.purpose = core::Purpose::kGetToKnow;
  interaction.attendees = {bob, me, ann};
  interaction.initiator = ann;
  interaction.energy = 4;
  interaction.note = "Talked about her daughter's robotics team";
  interaction.source = "uid-123@calendar.example";
  interaction.owner = me;
  InteractionId id = Must(store_->InsertInteraction(interaction));
  CommitAndBegin(kLater);

  Interaction loaded = Must(store_->GetInteraction(id));
  EXPECT_EQ(loaded.id, id);
  ExpectSameInteraction(loaded, interaction);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kNow);
}

TEST_P(StoreTest, InteractionWithoutInitiatorOrAttendeesRoundTrips) {
  PersonId me = AddPerson("Me");
  Interaction interaction;
  interaction.at = kNow;
  interaction.owner = me;
  InteractionId id = Must(store_->InsertInteraction(interaction));
  Interaction loaded = Must(store_->GetInteraction(id));
  ExpectSameInteraction(loaded, interaction);
  EXPECT_EQ(loaded.initiator, std::nullopt);
  EXPECT_TRUE(loaded.attendees.empty());
}

TEST_P(StoreTest, UpdateInteractionReplacesAttendeesAndFields) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  InteractionId id = AddInteraction(kNow, {me, ann}, me);
  CommitAndBegin(kLater);

  Interaction changed;
  changed.id = id;
  changed.at = kNow + 1h;
  changed.kind = core::InteractionKind::kCoffee;
  changed.attendees = {bob};
  changed.owner = me;
  changed.energy = 1;
  Must(store_->UpdateInteraction(changed));
  Interaction loaded = Must(store_->GetInteraction(id));
  ExpectSameInteraction(loaded, changed);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kLater);

  InteractionFilter filter;
  filter.attendee = ann;
  EXPECT_TRUE(Must(store_->ListInteractions(filter)).empty());
}

TEST_P(StoreTest, UpdateInteractionOfAnUnknownIdIsNotFound) {
  PersonId me = AddPerson("Me");
  Interaction interaction;
  interaction.id = InteractionId{9};
  interaction.owner = me;
  core::Error error = ErrorOf(store_->UpdateInteraction(interaction));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no interaction with id 9");
}

TEST_P(StoreTest, DuplicateSourceIsAlreadyExistsAndTheTransactionCarriesOn) {
  PersonId me = AddPerson("Me");
  InteractionId first = AddInteraction(kNow, {me}, me, "uid-1");
  Interaction again;
  again.at = kNow;
  again.owner = me;
  again.attendees = {me};
  again.source = "uid-1";
  core::Error error = ErrorOf(store_->InsertInteraction(again));
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(error.message,
            fmt::format("cannot insert an interaction: an interaction from source \"uid-1\" "
                        "already exists (id {})",
                        first.value));

  AddInteraction(kNow, {me}, me, "uid-2");
  Must(store_->Commit());
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), 2u);
  Must(store_->Begin(kNow));
}

TEST_P(StoreTest, EmptySourceMayRepeat) {
  PersonId me = AddPerson("Me");
  AddInteraction(kNow, {me}, me);
  AddInteraction(kNow, {me}, me);
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), 2u);
}

TEST_P(StoreTest, AttendeeThatDoesNotExistIsNotFoundAndNothingIsWritten) {
  PersonId me = AddPerson("Me");
  Interaction interaction;
  interaction.at = kNow;
  interaction.owner = me;
  interaction.attendees = {me, PersonId{999}};
  core::Error error = ErrorOf(store_->InsertInteraction(interaction));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "cannot insert an interaction: no person with id 999 (the attendee)");
  EXPECT_TRUE(Must(store_->ListInteractions({})).empty());
}

TEST_P(StoreTest, OwnerThatDoesNotExistIsNotFound) {
  Interaction interaction;
  interaction.at = kNow;
  interaction.owner = PersonId{5};
  core::Error error = ErrorOf(store_->InsertInteraction(interaction));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "cannot insert an interaction: no person with id 5 (the owner)");
}

TEST_P(StoreTest, AttendeeListedTwiceIsInvalid) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  Interaction interaction;
  interaction.owner = me;
  interaction.attendees = {me, ann, me};
  core::Error error = ErrorOf(store_->InsertInteraction(interaction));
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, fmt::format("person {} is listed twice among the attendees", me.value));
}

TEST_P(StoreTest, ListInteractionsIsSortedByTimeThenIdAndFiltersByAttendeeAndTime) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  InteractionId late = AddInteraction(kNow + 3h, {me, ann}, me);
  InteractionId early = AddInteraction(kNow + 1h, {me}, me);
  InteractionId middle_b = AddInteraction(kNow + 2h, {ann}, me);
  InteractionId middle_a = AddInteraction(kNow + 2h, {me, ann}, me);

  EXPECT_EQ(IdsOf(Must(store_->ListInteractions({}))),
            (std::vector<std::int64_t>{early.value, middle_b.value, middle_a.value, late.value}));

  InteractionFilter filter;
  filter.attendee = ann;
  EXPECT_EQ(IdsOf(Must(store_->ListInteractions(filter))),
            (std::vector<std::int64_t>{middle_b.value, middle_a.value, late.value}));
  filter.since = kNow + 2h;
  filter.until = kNow + 3h;
  auto window = Must(store_->ListInteractions(filter));
  EXPECT_EQ(IdsOf(window), (std::vector<std::int64_t>{middle_b.value, middle_a.value}));
  ASSERT_EQ(window.size(), 2u);
  EXPECT_EQ(window[1].attendees, (std::vector<PersonId>{me, ann}));
}

TEST_P(StoreTest, SoftDeletedInteractionIsHiddenFromListButReturnedByGet) {
  PersonId me = AddPerson("Me");
  InteractionId kept = AddInteraction(kNow, {me}, me);
  InteractionId gone = AddInteraction(kNow, {me}, me);
  Interaction interaction = Must(store_->GetInteraction(gone));
  interaction.stamps.deleted_at = kNow;
  Must(store_->UpdateInteraction(interaction));

  EXPECT_EQ(IdsOf(Must(store_->ListInteractions({}))), std::vector<std::int64_t>{kept.value});
  InteractionFilter filter;
  filter.include_deleted = true;
  EXPECT_EQ(Must(store_->ListInteractions(filter)).size(), 2u);
  EXPECT_EQ(Must(store_->GetInteraction(gone)).stamps.deleted_at, kNow);
}

TEST_P(StoreTest, ListInteractionsGivesEachInteractionItsOwnAttendees) {
  std::vector<PersonId> people;
  for (int i = 0; i < 20; ++i) people.push_back(AddPerson(fmt::format("P{}", i)));
  std::map<std::int64_t, std::vector<PersonId>> expected;
  for (int i = 0; i < 300; ++i) {
    std::vector<PersonId> attendees;
    for (int j = 0; j < i % 5; ++j) attendees.push_back(people[(i * 7 + j * 3) % 20]);
    // Times run backwards so time order differs from id order.
    InteractionId id = AddInteraction(kNow - std::chrono::minutes(i), attendees, people[0]);
    expected[id.value] = attendees;
  }
  auto interactions = Must(store_->ListInteractions({}));
  ASSERT_EQ(interactions.size(), 300u);
  for (std::size_t k = 1; k < interactions.size(); ++k) {
    EXPECT_LT(interactions[k - 1].at, interactions[k].at);
  }
  for (const Interaction& interaction : interactions) {
    EXPECT_EQ(interaction.attendees, expected[interaction.id.value]);
  }
}

TEST_P(StoreTest, ForEachInteractionVisitsWhatListInteractionsReturnsInIdOrder) {
  std::vector<PersonId> people;
  for (int i = 0; i < 20; ++i) people.push_back(AddPerson(fmt::format("P{}", i)));
  std::vector<InteractionId> ids;
  for (int i = 0; i < 300; ++i) {
    std::vector<PersonId> attendees;
    for (int j = 0; j < i % 5; ++j) attendees.push_back(people[(i * 7 + j * 3) % 20]);
    // Times run backwards so time order differs from id order.
    ids.push_back(AddInteraction(kNow - std::chrono::minutes(i), attendees, people[0]));
  }
  Interaction gone = Must(store_->GetInteraction(ids[10]));
  gone.stamps.deleted_at = kNow;
  Must(store_->UpdateInteraction(gone));

  // Everything ListInteractions returns, each once, with the same fields and attendees.
  std::map<std::int64_t, Interaction> listed;
  for (Interaction& interaction : Must(store_->ListInteractions({}))) {
    listed.emplace(interaction.id.value, std::move(interaction));
  }
  ASSERT_EQ(listed.size(), 299u);
  std::vector<std::int64_t> visited;
  Must(store_->ForEachInteraction({}, [&](const Interaction& interaction) -> Result<void> {
    visited.push_back(interaction.id.value);
    auto it = listed.find(interaction.id.value);
    EXPECT_NE(it, listed.end()) << interaction.id.value;
    if (it != listed.end()) {
      EXPECT_EQ(interaction.attendees, it->second.attendees) << interaction.id.value;
      EXPECT_EQ(interaction.at, it->second.at) << interaction.id.value;
      EXPECT_EQ(interaction.owner, it->second.owner) << interaction.id.value;
    }
    return {};
  }));
  std::vector<std::int64_t> expected;
  for (const auto& [id, interaction] : listed) expected.push_back(id);  // ascending ids
  EXPECT_EQ(visited, expected);

  // A filter selects as ListInteractions' does; deleted ones only when asked.
  InteractionFilter filter;
  filter.attendee = people[3];
  filter.until = kNow - 100min;
  std::vector<std::int64_t> selected;
  Must(store_->ForEachInteraction(filter, [&](const Interaction& interaction) -> Result<void> {
    selected.push_back(interaction.id.value);
    return {};
  }));
  std::vector<std::int64_t> listed_selected = IdsOf(Must(store_->ListInteractions(filter)));
  std::sort(listed_selected.begin(), listed_selected.end());
  EXPECT_FALSE(selected.empty());
  EXPECT_EQ(selected, listed_selected);
  filter = {};
  filter.include_deleted = true;
  std::size_t with_deleted = 0;
  Must(store_->ForEachInteraction(filter, [&](const Interaction&) -> Result<void> {
    ++with_deleted;
    return {};
  }));
  EXPECT_EQ(with_deleted, 300u);
}

TEST_P(StoreTest, ForEachInteractionStopsAtTheVisitorsErrorAndAllowsReads) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  for (int i = 0; i < 5; ++i) AddInteraction(kNow + std::chrono::hours(i), {me, ann}, me);
  int calls = 0;
  core::Error error =
      ErrorOf(store_->ForEachInteraction({}, [&](const Interaction& interaction) -> Result<void> {
        // Reads inside the visit do not disturb the scan.
        EXPECT_EQ(Must(store_->GetInteraction(interaction.id)).attendees, interaction.attendees);
        EXPECT_EQ(Must(store_->ListInteractions({})).size(), 5u);
        if (++calls == 3) return core::Fail(ErrorCode::kInvalidArgument, "enough");
        return {};
      }));
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "enough");
}

// --- ledger
// -----------------------------------------------------------------------------------------

TEST_P(StoreTest, LedgerEntryRoundTripsAndListFiltersByPersonAndOwner) {
  PersonId me = AddPerson("Me");
  PersonId mate = AddPerson("Mate");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  InteractionId lunch = AddInteraction(kNow, {me, ann}, me);

  LedgerEntry entry;
  entry.person = ann;
  entry.owner = me;
  entry.at = kNow - 1h;
  entry.kind = LedgerKind::kFavorDone;
  entry.value = 2.5;
  entry.note = "Reviewed her DR plan";
  entry.interaction = lunch;
  core::LedgerId first = Must(store_->InsertLedgerEntry(entry));
  LedgerEntry ask;
  ask.person = ann;
  ask.owner = mate;
  ask.at = kNow - 2h;
  ask.kind = LedgerKind::kSmallAsk;
  ask.value = 1;
  core::LedgerId second = Must(store_->InsertLedgerEntry(ask));
  LedgerEntry other = ask;
  other.person = bob;
  core::LedgerId third = Must(store_->InsertLedgerEntry(other));

  auto all = Must(store_->ListLedger({}));
  EXPECT_EQ(IdsOf(all), (std::vector<std::int64_t>{second.value, third.value, first.value}));
  const LedgerEntry& loaded = all.back();
  EXPECT_EQ(loaded.person, ann);
  EXPECT_EQ(loaded.owner, me);
  EXPECT_EQ(loaded.at, kNow - 1h);
  EXPECT_EQ(loaded.kind, LedgerKind::kFavorDone);
  EXPECT_EQ(loaded.value, 2.5);
  EXPECT_EQ(loaded.note, "Reviewed her DR plan");
  EXPECT_EQ(loaded.interaction, lunch);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(all.front().interaction, std::nullopt);

  LedgerFilter filter;
  filter.person = ann;
  EXPECT_EQ(IdsOf(Must(store_->ListLedger(filter))),
            (std::vector<std::int64_t>{second.value, first.value}));
  filter.owner = mate;
  EXPECT_EQ(IdsOf(Must(store_->ListLedger(filter))), std::vector<std::int64_t>{second.value});
}

TEST_P(StoreTest, UpdateLedgerEntryReplacesItAndSoftDeleteHidesIt) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  LedgerEntry entry;
  entry.person = ann;
  entry.owner = me;
  entry.at = kNow;
  entry.value = 1;
  entry.id = Must(store_->InsertLedgerEntry(entry));
  CommitAndBegin(kLater);

  entry.kind = LedgerKind::kEscalation;
  entry.value = 3;
  entry.note = "escalated the outage";
  Must(store_->UpdateLedgerEntry(entry));
  auto all = Must(store_->ListLedger({}));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, LedgerKind::kEscalation);
  EXPECT_EQ(all[0].value, 3);
  EXPECT_EQ(all[0].note, "escalated the outage");
  EXPECT_EQ(all[0].stamps.created_at, kNow);
  EXPECT_EQ(all[0].stamps.updated_at, kLater);

  entry.stamps.deleted_at = kLater;
  Must(store_->UpdateLedgerEntry(entry));
  EXPECT_TRUE(Must(store_->ListLedger({})).empty());
  LedgerFilter filter;
  filter.include_deleted = true;
  EXPECT_EQ(Must(store_->ListLedger(filter)).size(), 1u);

  entry.id = core::LedgerId{404};
  core::Error error = ErrorOf(store_->UpdateLedgerEntry(entry));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no ledger entry with id 404");
}

// --- introductions
// ----------------------------------------------------------------------------------

TEST_P(StoreTest, IntroductionRoundTripsAndIsListedForEachPersonInIt) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  PersonId cid = AddPerson("Cid");
  core::IntroductionId first = Must(
      store_->InsertIntroduction(MakeIntroduction(me, ann, bob, kNow - 3h, "Ann now mentors Bob")));
  core::IntroductionId second =
      Must(store_->InsertIntroduction(MakeIntroduction(ann, cid, me, kNow - 4h)));

  auto all = Must(store_->ListIntroductions(std::nullopt));
  EXPECT_EQ(IdsOf(all), (std::vector<std::int64_t>{second.value, first.value}));
  EXPECT_EQ(all[1].introducer, me);
  EXPECT_EQ(all[1].first, ann);
  EXPECT_EQ(all[1].second, bob);
  EXPECT_EQ(all[1].at, kNow - 3h);
  EXPECT_EQ(all[1].outcome, "Ann now mentors Bob");
  EXPECT_EQ(all[1].stamps.created_at, kNow);

  EXPECT_EQ(IdsOf(Must(store_->ListIntroductions(bob))), std::vector<std::int64_t>{first.value});
  EXPECT_EQ(IdsOf(Must(store_->ListIntroductions(ann))),
            (std::vector<std::int64_t>{second.value, first.value}));
  EXPECT_EQ(IdsOf(Must(store_->ListIntroductions(cid))), std::vector<std::int64_t>{second.value});
}

// --- follow-ups
// -------------------------------------------------------------------------------------

TEST_P(StoreTest, FollowUpRoundTripsAndListIsByDueDateSkippingDoneUnlessAsked) {
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  FollowUp runbook =
      MakeFollowUp(ann, "Send Ann the DR runbook", Date{std::chrono::year{2024} / 3 / 8});
  FollowUp done =
      MakeFollowUp(bob, "Intro Bob to the architect", Date{std::chrono::year{2024} / 3 / 2}, kNow);
  done.owner = ann;  // Ann's promise about Bob
  FollowUp later = MakeFollowUp(ann, "Ask about the audit", Date{std::chrono::year{2024} / 4 / 1});
  core::FollowUpId runbook_id = Must(store_->InsertFollowUp(runbook));
  core::FollowUpId done_id = Must(store_->InsertFollowUp(done));
  core::FollowUpId later_id = Must(store_->InsertFollowUp(later));

  FollowUp loaded = Must(store_->GetFollowUp(done_id));
  EXPECT_EQ(loaded.person, bob);
  EXPECT_EQ(loaded.text, "Intro Bob to the architect");
  EXPECT_EQ(loaded.due, done.due);
  EXPECT_EQ(loaded.done_at, kNow);
  EXPECT_EQ(loaded.owner, ann);
  EXPECT_EQ(Must(store_->GetFollowUp(runbook_id)).done_at, std::nullopt);
  EXPECT_EQ(Must(store_->GetFollowUp(runbook_id)).owner, std::nullopt);

  EXPECT_EQ(IdsOf(Must(store_->ListFollowUps({}))),
            (std::vector<std::int64_t>{runbook_id.value, later_id.value}));
  FollowUpFilter filter;
  filter.include_done = true;
  EXPECT_EQ(IdsOf(Must(store_->ListFollowUps(filter))),
            (std::vector<std::int64_t>{done_id.value, runbook_id.value, later_id.value}));
  filter.person = bob;
  EXPECT_EQ(IdsOf(Must(store_->ListFollowUps(filter))), std::vector<std::int64_t>{done_id.value});
}

TEST_P(StoreTest, UpdateFollowUpReplacesItAndUnknownIdIsNotFound) {
  PersonId ann = AddPerson("Ann");
  FollowUp followup = MakeFollowUp(ann, "Call", Date{std::chrono::year{2024} / 3 / 8});
  followup.id = Must(store_->InsertFollowUp(followup));
  CommitAndBegin(kLater);
  followup.done_at = kLater;
  followup.text = "Call back";
  Must(store_->UpdateFollowUp(followup));
  FollowUp loaded = Must(store_->GetFollowUp(followup.id));
  EXPECT_EQ(loaded.text, "Call back");
  EXPECT_EQ(loaded.done_at, kLater);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kLater);
  EXPECT_TRUE(Must(store_->ListFollowUps({})).empty());

  core::Error error = ErrorOf(store_->GetFollowUp(core::FollowUpId{31}));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, "no follow-up with id 31");
}

// --- vendor notices
// ---------------------------------------------------------------------------------

TEST_P(StoreTest, NoticesRoundTripNewestFirstAndFilterByOrganization) {
  OrgId contoso = Must(store_->InsertOrg(FullOrg()));
  Organization fabrikam_org;
  fabrikam_org.name = "Fabrikam";
  OrgId fabrikam = Must(store_->InsertOrg(fabrikam_org));
  PersonId rep = AddPerson("Rep");
  VendorNotice old_notice = MakeNotice(contoso, kNow - 48h, "New ticket portal");
  VendorNotice new_notice = MakeNotice(contoso, kNow - 1h, "Backup window moves to 02:00", rep);
  VendorNotice other = MakeNotice(fabrikam, kNow, "Price change");
  core::NoticeId old_id = Must(store_->InsertNotice(old_notice));
  core::NoticeId new_id = Must(store_->InsertNotice(new_notice));
  core::NoticeId other_id = Must(store_->InsertNotice(other));

  auto all = Must(store_->ListNotices(std::nullopt));
  EXPECT_EQ(IdsOf(all), (std::vector<std::int64_t>{other_id.value, new_id.value, old_id.value}));
  auto contoso_notices = Must(store_->ListNotices(contoso));
  ASSERT_EQ(IdsOf(contoso_notices), (std::vector<std::int64_t>{new_id.value, old_id.value}));
  EXPECT_EQ(contoso_notices[0].org, contoso);
  EXPECT_EQ(contoso_notices[0].at, kNow - 1h);
  EXPECT_EQ(contoso_notices[0].text, "Backup window moves to 02:00");
  EXPECT_EQ(contoso_notices[0].reported_by, rep);
  EXPECT_EQ(contoso_notices[1].reported_by, std::nullopt);
  EXPECT_EQ(contoso_notices[0].stamps.created_at, kNow);
}

// --- configuration
// ----------------------------------------------------------------------------------

TEST_P(StoreTest, ConfigKeepsTheLastValueSetAndForgetsUnsetKeys) {
  EXPECT_TRUE(Must(store_->LoadConfig()).empty());
  Must(store_->SetConfig("balance.half_life_days", "90"));
  Must(store_->SetConfig("plan.hours_per_week", "3"));
  Must(store_->SetConfig("balance.half_life_days", "120"));
  Must(store_->UnsetConfig("plan.hours_per_week"));
  Must(store_->UnsetConfig("never.set"));
  EXPECT_EQ(Must(store_->LoadConfig()),
            (std::map<std::string, std::string>{{"balance.half_life_days", "120"}}));
}

// --- transactions
// -----------------------------------------------------------------------------------

TEST_P(StoreTest, RollbackLeavesNothingBehind) {
  Must(store_->Commit());
  Must(store_->Begin(kNow));
  PersonId me = AddPerson("Me");
  AddInteraction(kNow, {me}, me, "uid-rolled-back");
  Must(store_->InsertOrg(FullOrg()));
  Must(store_->SetConfig("k", "v"));
  store_->Rollback();

  EXPECT_EQ(Must(store_->CountPeople()), 0u);
  EXPECT_TRUE(Must(store_->ListInteractions({})).empty());
  EXPECT_TRUE(Must(store_->ListOrgs(true)).empty());
  EXPECT_TRUE(Must(store_->LoadConfig()).empty());
  // The source is free again.
  Must(store_->Begin(kNow));
  me = AddPerson("Me");
  AddInteraction(kNow, {me}, me, "uid-rolled-back");
}

TEST_P(StoreTest, RollbackWithoutATransactionIsHarmless) {
  store_->Rollback();
  store_->Rollback();
  Must(store_->Begin(kNow));
}

TEST_P(StoreTest, WriteOutsideATransactionIsAnInternalError) {
  Must(store_->Commit());
  Person person;
  person.name = "Loose";
  core::Error error = ErrorOf(store_->InsertPerson(person));
  EXPECT_EQ(error.code, ErrorCode::kInternal);
  EXPECT_EQ(error.message,
            "cannot insert person \"Loose\" outside a transaction (Begin was not called)");
  EXPECT_EQ(ErrorOf(store_->SetConfig("k", "v")).code, ErrorCode::kInternal);
  EXPECT_EQ(ErrorOf(store_->Commit()).code, ErrorCode::kInternal);
  Must(store_->Begin(kNow));
}

TEST_P(StoreTest, BeginWhileATransactionIsOpenIsAnInternalError) {
  core::Error error = ErrorOf(store_->Begin(kNow));
  EXPECT_EQ(error.code, ErrorCode::kInternal);
}

// --- SQLite only
// -----------------------------------------------------------------------------------

TEST_P(StoreTest, KnowsPairsAreStoredOnceInOrderAndUpsertChangesStrength) {
  PersonId ana = AddPerson("Ana");
  PersonId ben = AddPerson("Ben");
  PersonId cy = AddPerson("Cy");
  Must(store_->UpsertKnows(core::Knows{cy, ana, 0.3, {}}));
  Must(store_->UpsertKnows(core::Knows{ben, ana, 0.5, {}}));
  Must(store_->UpsertKnows(core::Knows{ana, ben, 0.9, {}}));  // the same pair, new strength
  auto pairs = Must(store_->ListKnows());
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].first, ana);
  EXPECT_EQ(pairs[0].second, ben);
  EXPECT_DOUBLE_EQ(pairs[0].strength, 0.9);
  EXPECT_EQ(pairs[1].first, ana);
  EXPECT_EQ(pairs[1].second, cy);
  EXPECT_EQ(pairs[1].stamps.created_at, kNow);
}

TEST_P(StoreTest, ReassignPersonMovesEveryReferenceAndKeepsOneAttendance) {
  PersonId me = AddPerson("Me");
  PersonId keep = AddPerson("Ana Keep");
  PersonId dup = AddPerson("Ana Dup");
  PersonId cy = AddPerson("Cy");
  Person report = Must(store_->GetPerson(cy));
  report.reports_to = dup;
  Must(store_->UpdatePerson(report));
  InteractionId both = AddInteraction(kNow - std::chrono::hours(48), {me, keep, dup}, me);
  InteractionId only_dup = AddInteraction(kNow - std::chrono::hours(24), {me, dup}, me);
  core::LedgerEntry entry;
  entry.person = dup;
  entry.owner = me;
  entry.at = kNow;
  entry.value = 1;
  Must(store_->InsertLedgerEntry(entry));
  core::FollowUp followup;
  followup.person = dup;
  followup.text = "send the deck";
  followup.due = core::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{1}};
  Must(store_->InsertFollowUp(followup));
  followup.person = cy;
  followup.owner = dup;  // a promise Ana (as her duplicate) made about Cy
  Must(store_->InsertFollowUp(followup));
  Must(store_->UpsertKnows(core::Knows{dup, cy, 0.8, {}}));
  Must(store_->UpsertKnows(core::Knows{keep, cy, 0.4, {}}));
  Must(store_->UpsertKnows(core::Knows{keep, dup, 0.9, {}}));
  CommitAndBegin(kLater);

  Must(store_->ReassignPerson(dup, keep));

  EXPECT_EQ(Must(store_->GetInteraction(both)).attendees, (std::vector<PersonId>{me, keep}));
  EXPECT_EQ(Must(store_->GetInteraction(only_dup)).attendees, (std::vector<PersonId>{me, keep}));
  EXPECT_EQ(Must(store_->GetInteraction(only_dup)).stamps.updated_at, kLater);
  auto ledger = Must(store_->ListLedger(LedgerFilter{}));
  ASSERT_EQ(ledger.size(), 1u);
  EXPECT_EQ(ledger[0].person, keep);
  auto followups = Must(store_->ListFollowUps(FollowUpFilter{}));
  ASSERT_EQ(followups.size(), 2u);
  EXPECT_EQ(followups[0].person, keep);
  EXPECT_EQ(followups[1].person, cy);
  EXPECT_EQ(followups[1].owner, keep);
  EXPECT_EQ(Must(store_->GetPerson(cy)).reports_to, keep);
  auto pairs = Must(store_->ListKnows());
  ASSERT_EQ(pairs.size(), 1u);  // the keep-dup tie is gone; keep-cy keeps the stronger 0.8
  EXPECT_EQ(pairs[0].first, keep);
  EXPECT_EQ(pairs[0].second, cy);
  EXPECT_DOUBLE_EQ(pairs[0].strength, 0.8);
  InteractionFilter of_dup;
  of_dup.attendee = dup;
  EXPECT_TRUE(Must(store_->ListInteractions(of_dup)).empty());
}

TEST_P(StoreTest, ReassignPersonRefusesTheSamePersonAndUnknownOnes) {
  PersonId ana = AddPerson("Ana");
  auto same = store_->ReassignPerson(ana, ana);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::kInvalidArgument);
  auto unknown = store_->ReassignPerson(PersonId{999}, ana);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().message.find("999"), std::string::npos);
}

TEST_P(StoreTest, KnowsRefusesSelfPairsBadStrengthAndUnknownPeople) {
  PersonId ana = AddPerson("Ana");
  auto self = store_->UpsertKnows(core::Knows{ana, ana, 0.5, {}});
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::kInvalidArgument);
  auto strength = store_->UpsertKnows(core::Knows{ana, PersonId{ana.value + 1}, 1.5, {}});
  ASSERT_FALSE(strength);
  EXPECT_NE(strength.error().message.find("strength 1.5 is out of range"), std::string::npos);
  auto unknown = store_->UpsertKnows(core::Knows{ana, PersonId{999}, 0.5, {}});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("no person with id 999"), std::string::npos)
      << unknown.error().message;
  EXPECT_TRUE(Must(store_->ListKnows()).empty());
}

// --- the whole database
// ---------------------------------------------------------------------------

void ExpectSameStamps(const core::Stamps& actual, const core::Stamps& expected) {
  EXPECT_EQ(actual.created_at, expected.created_at);
  EXPECT_EQ(actual.updated_at, expected.updated_at);
  EXPECT_EQ(actual.deleted_at, expected.deleted_at);
}

// A dataset with ids out of order, a reference to a later id, removed records and stamps
// unlike any transaction's time.
core::Dataset HandMadeDataset() {
  const core::Stamps old_stamps{kNow - 24h * 300, kNow - 24h * 200, std::nullopt};
  const core::Stamps removed{kNow - 24h * 100, kNow - 24h * 50, kNow - 24h * 50};
  core::Dataset data;
  Organization org = FullOrg();
  org.id = OrgId{40};
  org.stamps = old_stamps;
  data.orgs.push_back(org);
  Person boss;
  boss.id = PersonId{3};
  boss.name = "Boss";
  boss.is_me = true;
  boss.stamps = old_stamps;
  Person person = FullPerson(OrgId{40}, PersonId{12});  // reports to a later id
  person.id = PersonId{7};
  person.dates.push_back({DateKind::kAnniversary, {6, 1, 2001}});
  person.stamps = removed;
  Person manager;
  manager.id = PersonId{12};
  manager.name = "Manager";
  manager.stamps = old_stamps;
  data.people = {boss, person, manager};
  Interaction interaction;
  interaction.id = InteractionId{9};
  interaction.at = kNow - 24h;
  interaction.kind = core::InteractionKind::kCoffee;
  interaction.attendees = {PersonId{3}, PersonId{12}};
  interaction.initiator = PersonId{12};
  interaction.owner = PersonId{3};
  interaction.source = "uid-1@calendar";
  interaction.stamps = old_stamps;
  data.interactions.push_back(interaction);
  LedgerEntry entry;
  entry.id = core::LedgerId{5};
  entry.person = PersonId{12};
  entry.owner = PersonId{3};
  entry.at = kNow - 48h;
  entry.kind = LedgerKind::kFavorAsked;
  entry.value = 2.5;
  entry.interaction = InteractionId{9};
  entry.stamps = removed;
  data.ledger.push_back(entry);
  Introduction intro =
      MakeIntroduction(PersonId{3}, PersonId{7}, PersonId{12}, kNow - 72h, "hired");
  intro.id = core::IntroductionId{2};
  intro.stamps = removed;
  data.introductions.push_back(intro);
  FollowUp followup =
      MakeFollowUp(PersonId{12}, "send the deck", Date{std::chrono::year{2024} / 4 / 1}, kNow - 1h);
  followup.id = core::FollowUpId{8};
  followup.owner = PersonId{7};
  followup.stamps = old_stamps;
  data.followups.push_back(followup);
  core::Ask ask;
  ask.id = core::AskId{6};
  ask.ledger = core::LedgerId{5};
  ask.person = PersonId{12};
  ask.owner = PersonId{3};
  ask.text = "the budget figures";
  ask.outcome = core::AskOutcome::kNo;
  ask.at = kNow - 48h;
  ask.answered_at = kNow - 24h;
  ask.stamps = old_stamps;
  data.asks.push_back(ask);
  VendorNotice notice = MakeNotice(OrgId{40}, kNow - 96h, "price rise", PersonId{7});
  notice.id = core::NoticeId{4};
  notice.stamps = removed;
  data.notices.push_back(notice);
  data.knows.push_back(core::Knows{PersonId{7}, PersonId{12}, 0.25, removed});
  data.knows.push_back(core::Knows{PersonId{3}, PersonId{12}, 1.0, old_stamps});
  data.config.push_back(core::ConfigEntry{"tie.half_life_days", "120", old_stamps});
  return data;
}

void ExpectSameDataset(const core::Dataset& actual, const core::Dataset& expected) {
  ASSERT_EQ(actual.people.size(), expected.people.size());
  for (std::size_t i = 0; i < actual.people.size(); ++i) {
    EXPECT_EQ(actual.people[i].id, expected.people[i].id);
    ExpectSamePerson(actual.people[i], expected.people[i]);
    ExpectSameStamps(actual.people[i].stamps, expected.people[i].stamps);
  }
  ASSERT_EQ(actual.orgs.size(), expected.orgs.size());
  for (std::size_t i = 0; i < actual.orgs.size(); ++i) {
    EXPECT_EQ(actual.orgs[i].id, expected.orgs[i].id);
    EXPECT_EQ(actual.orgs[i].name, expected.orgs[i].name);
    EXPECT_EQ(actual.orgs[i].kind, expected.orgs[i].kind);
    EXPECT_EQ(actual.orgs[i].services, expected.orgs[i].services);
    EXPECT_EQ(actual.orgs[i].renewal, expected.orgs[i].renewal);
    EXPECT_EQ(actual.orgs[i].cadence_days, expected.orgs[i].cadence_days);
    ExpectSameStamps(actual.orgs[i].stamps, expected.orgs[i].stamps);
  }
  ASSERT_EQ(actual.interactions.size(), expected.interactions.size());
  for (std::size_t i = 0; i < actual.interactions.size(); ++i) {
    EXPECT_EQ(actual.interactions[i].id, expected.interactions[i].id);
    ExpectSameInteraction(actual.interactions[i], expected.interactions[i]);
    ExpectSameStamps(actual.interactions[i].stamps, expected.interactions[i].stamps);
  }
  ASSERT_EQ(actual.ledger.size(), expected.ledger.size());
  for (std::size_t i = 0; i < actual.ledger.size(); ++i) {
    const LedgerEntry& a = actual.ledger[i];
    const LedgerEntry& e = expected.ledger[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.person, e.person);
    EXPECT_EQ(a.owner, e.owner);
    EXPECT_EQ(a.at, e.at);
    EXPECT_EQ(a.kind, e.kind);
    EXPECT_EQ(a.value, e.value);
    EXPECT_EQ(a.note, e.note);
    EXPECT_EQ(a.interaction, e.interaction);
    ExpectSameStamps(a.stamps, e.stamps);
  }
  ASSERT_EQ(actual.introductions.size(), expected.introductions.size());
  for (std::size_t i = 0; i < actual.introductions.size(); ++i) {
    const Introduction& a = actual.introductions[i];
    const Introduction& e = expected.introductions[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.introducer, e.introducer);
    EXPECT_EQ(a.first, e.first);
    EXPECT_EQ(a.second, e.second);
    EXPECT_EQ(a.at, e.at);
    EXPECT_EQ(a.outcome, e.outcome);
    ExpectSameStamps(a.stamps, e.stamps);
  }
  ASSERT_EQ(actual.followups.size(), expected.followups.size());
  for (std::size_t i = 0; i < actual.followups.size(); ++i) {
    const FollowUp& a = actual.followups[i];
    const FollowUp& e = expected.followups[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.person, e.person);
    EXPECT_EQ(a.text, e.text);
    EXPECT_EQ(a.due, e.due);
    EXPECT_EQ(a.done_at, e.done_at);
    EXPECT_EQ(a.owner, e.owner);
    ExpectSameStamps(a.stamps, e.stamps);
  }
  ASSERT_EQ(actual.asks.size(), expected.asks.size());
  for (std::size_t i = 0; i < actual.asks.size(); ++i) {
    const core::Ask& a = actual.asks[i];
    const core::Ask& e = expected.asks[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.ledger, e.ledger);
    EXPECT_EQ(a.person, e.person);
    EXPECT_EQ(a.owner, e.owner);
    EXPECT_EQ(a.text, e.text);
    EXPECT_EQ(a.outcome, e.outcome);
    EXPECT_EQ(a.at, e.at);
    EXPECT_EQ(a.answered_at, e.answered_at);
    ExpectSameStamps(a.stamps, e.stamps);
  }
  ASSERT_EQ(actual.notices.size(), expected.notices.size());
  for (std::size_t i = 0; i < actual.notices.size(); ++i) {
    const VendorNotice& a = actual.notices[i];
    const VendorNotice& e = expected.notices[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.org, e.org);
    EXPECT_EQ(a.at, e.at);
    EXPECT_EQ(a.text, e.text);
    EXPECT_EQ(a.reported_by, e.reported_by);
    ExpectSameStamps(a.stamps, e.stamps);
  }
  ASSERT_EQ(actual.knows.size(), expected.knows.size());
  for (std::size_t i = 0; i < actual.knows.size(); ++i) {
    EXPECT_EQ(actual.knows[i].first, expected.knows[i].first);
    EXPECT_EQ(actual.knows[i].second, expected.knows[i].second);
    EXPECT_EQ(actual.knows[i].strength, expected.knows[i].strength);
    ExpectSameStamps(actual.knows[i].stamps, expected.knows[i].stamps);
  }
  ASSERT_EQ(actual.config.size(), expected.config.size());
  for (std::size_t i = 0; i < actual.config.size(); ++i) {
    EXPECT_EQ(actual.config[i].key, expected.config[i].key);
    EXPECT_EQ(actual.config[i].value, expected.config[i].value);
    ExpectSameStamps(actual.config[i].stamps, expected.config[i].stamps);
  }
}

TEST_P(StoreTest, RestoreAllKeepsEveryIdAndStampAndReadAllGivesItBackInIdOrder) {
  core::Dataset data = HandMadeDataset();
  Must(store_->RestoreAll(data));
  CommitAndBegin(kLater);
  core::Dataset read = Must(store_->ReadAll());
  // ReadAll lists knows pairs by (first, second).
  std::swap(data.knows[0], data.knows[1]);
  ExpectSameDataset(read, data);
  // The restored records behave like any other: the removed person is hidden, the rest found.
  EXPECT_EQ(Must(store_->CountPeople()), 2u);
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("ELODIE@home.example", true))),
            (std::vector<std::int64_t>{7}));
  EXPECT_EQ(Must(store_->ListKnows()).size(), 1u);
  EXPECT_EQ(Must(store_->FindMe()), PersonId{3});
}

TEST_P(StoreTest, NewRecordsAfterARestoreGetIdsAboveTheRestoredOnes) {
  Must(store_->RestoreAll(HandMadeDataset()));
  EXPECT_EQ(AddPerson("Next").value, 13);
}

TEST_P(StoreTest, ReadAllIncludesRemovedRecordsThatListsSkip) {
  PersonId kept = AddPerson("Kept");
  Person removed;
  removed.name = "Removed";
  removed.id = Must(store_->InsertPerson(removed));
  CommitAndBegin(kLater);
  removed.stamps.deleted_at = kLater;
  Must(store_->UpdatePerson(removed));
  core::Knows knows{kept, removed.id, 0.5, {}};
  Must(store_->UpsertKnows(knows));
  Must(store_->SetConfig("tie.half_life_days", "90"));
  core::Dataset data = Must(store_->ReadAll());
  ASSERT_EQ(data.people.size(), 2u);
  EXPECT_EQ(data.people[0].id, kept);
  EXPECT_EQ(data.people[1].stamps.deleted_at, kLater);
  EXPECT_EQ(data.people[1].stamps.created_at, kNow);
  EXPECT_EQ(data.people[1].stamps.updated_at, kLater);
  ASSERT_EQ(data.config.size(), 1u);
  EXPECT_EQ(data.config[0].stamps.created_at, kLater);
  EXPECT_EQ(data.knows.size(), 1u);
  EXPECT_EQ(data.Size(), 4u);
}

TEST_P(StoreTest, RestoreAllIntoADatabaseWithRecordsIsAConflict) {
  AddPerson("Already here");
  core::Error error = ErrorOf(store_->RestoreAll(HandMadeDataset()));
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.message, "cannot restore a full export: the database already holds 1 records");
}

TEST_P(StoreTest, RestoreAllWithADanglingReferenceNamesItAndWritesNothing) {
  core::Dataset data = HandMadeDataset();
  data.people[1].reports_to = PersonId{99};  // person 7's manager, later in no list
  core::Error error = ErrorOf(store_->RestoreAll(data));
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message,
            "cannot restore a full export: person 7 refers to person 99 (reports_to), which it "
            "does not hold");
  EXPECT_EQ(Must(store_->ReadAll()).Size(), 0u);
}

TEST_P(StoreTest, RestoreAllWithARepeatedIdIsAlreadyExists) {
  core::Dataset data = HandMadeDataset();
  data.orgs.push_back(data.orgs.front());
  core::Error error = ErrorOf(store_->RestoreAll(data));
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(
      error.message.rfind("cannot restore organization 40 (\"Contoso Managed Services\"): ", 0), 0u)
      << error.message;
}

TEST_P(StoreTest, RestoreAllRefusesAValueInsertWouldRefuse) {
  core::Dataset data = HandMadeDataset();
  data.interactions.front().energy = 9;
  core::Error error = ErrorOf(store_->RestoreAll(data));
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message,
            "cannot restore interaction 9: energy 9 is out of range (expected 1 to 5)");
}

// --- asks, full-text matching, the influence snapshot (issue 5)
// ---------------------------------------------------------------

core::LedgerId AddWithdrawal(Store& store, PersonId person, PersonId owner, TimePoint at) {
  LedgerEntry entry;
  entry.person = person;
  entry.owner = owner;
  entry.at = at;
  entry.kind = LedgerKind::kSmallAsk;
  entry.value = 1;
  return Must(store.InsertLedgerEntry(entry));
}

core::Ask MakeAsk(core::LedgerId ledger, PersonId person, PersonId owner, TimePoint at,
                  std::string text, core::AskOutcome outcome = core::AskOutcome::kPending) {
  core::Ask ask;
  ask.ledger = ledger;
  ask.person = person;
  ask.owner = owner;
  ask.at = at;
  ask.text = std::move(text);
  ask.outcome = outcome;
  return ask;
}

TEST_P(StoreTest, AskRoundTripsAndListFiltersByPersonOwnerPendingAndTime) {
  PersonId me = AddPerson("Me");
  PersonId mate = AddPerson("Mate");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  auto first = Must(store_->InsertAsk(MakeAsk(AddWithdrawal(*store_, ann, me, kNow - 48h), ann, me,
                                              kNow - 48h, "Lend two testers for the ERP")));
  auto second =
      Must(store_->InsertAsk(MakeAsk(AddWithdrawal(*store_, bob, me, kNow - 72h), bob, me,
                                     kNow - 72h, "Sponsor the DR test", core::AskOutcome::kYes)));
  auto third = Must(store_->InsertAsk(MakeAsk(AddWithdrawal(*store_, ann, mate, kNow - 1h), ann,
                                              mate, kNow - 1h, "Review the tender")));

  core::Ask loaded = Must(store_->GetAsk(first));
  EXPECT_EQ(loaded.person, ann);
  EXPECT_EQ(loaded.owner, me);
  EXPECT_EQ(loaded.text, "Lend two testers for the ERP");
  EXPECT_EQ(loaded.outcome, core::AskOutcome::kPending);
  EXPECT_EQ(loaded.at, kNow - 48h);
  EXPECT_EQ(loaded.answered_at, std::nullopt);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(Must(store_->ListLedger({})).size(), 3u);

  EXPECT_EQ(IdsOf(Must(store_->ListAsks({}))),
            (std::vector<std::int64_t>{second.value, first.value, third.value}));
  AskFilter filter;
  filter.person = ann;
  EXPECT_EQ(IdsOf(Must(store_->ListAsks(filter))),
            (std::vector<std::int64_t>{first.value, third.value}));
  filter.owner = me;
  EXPECT_EQ(IdsOf(Must(store_->ListAsks(filter))), std::vector<std::int64_t>{first.value});
  AskFilter pending;
  pending.only_pending = true;
  EXPECT_EQ(IdsOf(Must(store_->ListAsks(pending))),
            (std::vector<std::int64_t>{first.value, third.value}));
  AskFilter recent;
  recent.since = kNow - 50h;
  EXPECT_EQ(IdsOf(Must(store_->ListAsks(recent))),
            (std::vector<std::int64_t>{first.value, third.value}));
}

TEST_P(StoreTest, UpdateAskSetsTheOutcomeAndSoftDeleteHidesIt) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  auto id = Must(store_->InsertAsk(
      MakeAsk(AddWithdrawal(*store_, ann, me, kNow), ann, me, kNow, "Intro to the CFO")));
  CommitAndBegin(kLater);
  core::Ask ask = Must(store_->GetAsk(id));
  ask.outcome = core::AskOutcome::kNo;
  ask.answered_at = kLater;
  Must(store_->UpdateAsk(ask));
  core::Ask loaded = Must(store_->GetAsk(id));
  EXPECT_EQ(loaded.outcome, core::AskOutcome::kNo);
  EXPECT_EQ(loaded.answered_at, kLater);
  EXPECT_EQ(loaded.stamps.created_at, kNow);
  EXPECT_EQ(loaded.stamps.updated_at, kLater);

  loaded.stamps.deleted_at = kLater;
  Must(store_->UpdateAsk(loaded));
  EXPECT_TRUE(Must(store_->ListAsks({})).empty());
  AskFilter all;
  all.include_deleted = true;
  EXPECT_EQ(Must(store_->ListAsks(all)).size(), 1u);

  ask.id = core::AskId{999};
  auto missing = ErrorOf(store_->UpdateAsk(ask));
  EXPECT_EQ(missing.code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.message, "no ask with id 999");
  EXPECT_EQ(ErrorOf(store_->GetAsk(core::AskId{999})).message, "no ask with id 999");
}

TEST_P(StoreTest, AskWithoutTextOrWithAMissingWithdrawalIsRefusedAndNothingIsWritten) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  auto blank = ErrorOf(
      store_->InsertAsk(MakeAsk(AddWithdrawal(*store_, ann, me, kNow), ann, me, kNow, "  ")));
  EXPECT_EQ(blank.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(blank.message, "an ask needs a text saying what was asked");
  auto orphan =
      ErrorOf(store_->InsertAsk(MakeAsk(core::LedgerId{4242}, ann, me, kNow, "Budget line")));
  EXPECT_EQ(orphan.code, ErrorCode::kNotFound);
  EXPECT_EQ(orphan.message, "cannot insert an ask: no ledger entry with id 4242 (the withdrawal)");
  EXPECT_TRUE(Must(store_->ListAsks({})).empty());
}

TEST_P(StoreTest, MatchPeopleWeighsOffersAboveNotesAboveNeeds) {
  Person offers;
  offers.name = "Offers";
  offers.offers = {{"Kubernetes", 4}};
  Person notes;
  notes.name = "Notes";
  notes.notes = {{kNow, "Ran the kubernetes platform at a bank"}};
  Person needs;
  needs.name = "Needs";
  needs.needs = {"Needs someone who knows Kubernetes"};
  Person other;
  other.name = "Other";
  other.offers = {{"budget", 5}};
  PersonId by_need = Must(store_->InsertPerson(needs));
  PersonId by_note = Must(store_->InsertPerson(notes));
  PersonId by_offer = Must(store_->InsertPerson(offers));
  Must(store_->InsertPerson(other));

  auto matches = Must(store_->MatchPeople({"kubernetes"}, 10));
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].person, by_offer);
  EXPECT_EQ(matches[1].person, by_note);
  EXPECT_EQ(matches[2].person, by_need);
  EXPECT_GT(matches[0].relevance, matches[1].relevance);
  EXPECT_GT(matches[1].relevance, matches[2].relevance);
  EXPECT_GT(matches[2].relevance, 0);
  EXPECT_EQ(Must(store_->MatchPeople({"kubernetes"}, 1)).size(), 1u);
}

TEST_P(StoreTest, MatchPeopleIgnoresCaseAccentsAndEndingsAndTakesWordsLiterally) {
  Person person;
  person.name = "Zoë";
  person.offers = {{"Data-centre migrations", 3}};
  person.notes = {{kNow, "Grew up in Zürich"}};
  PersonId zoe = Must(store_->InsertPerson(person));
  auto ids = [&](std::vector<std::string> words) {
    std::vector<PersonId> found;
    for (const auto& match : Must(store_->MatchPeople(words, 10))) found.push_back(match.person);
    return found;
  };
  EXPECT_EQ(ids({"MIGRATION"}), std::vector<PersonId>{zoe});
  EXPECT_EQ(ids({"zurich"}), std::vector<PersonId>{zoe});
  EXPECT_EQ(ids({"nothing", "centre"}), std::vector<PersonId>{zoe});
  EXPECT_TRUE(ids({"payroll"}).empty());
  // FTS5 syntax in a word is only text: no error, no match.
  EXPECT_TRUE(ids({"NEAR(\"a\""}).empty());
  EXPECT_TRUE(ids({"migr*"}).empty());
  auto none = ErrorOf(store_->MatchPeople({}, 10));
  EXPECT_EQ(none.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorOf(store_->MatchPeople({""}, 10)).code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreTest, MatchPeopleFollowsUpdatesAndSkipsRemovedPeople) {
  Person person;
  person.name = "Ann";
  person.offers = {{"payroll", 3}};
  PersonId ann = Must(store_->InsertPerson(person));
  ASSERT_EQ(Must(store_->MatchPeople({"payroll"}, 10)).size(), 1u);
  person = Must(store_->GetPerson(ann));
  person.offers = {{"treasury", 4}};
  Must(store_->UpdatePerson(person));
  EXPECT_TRUE(Must(store_->MatchPeople({"payroll"}, 10)).empty());
  EXPECT_EQ(Must(store_->MatchPeople({"treasury"}, 10)).size(), 1u);
  person.stamps.deleted_at = kNow;
  Must(store_->UpdatePerson(person));
  EXPECT_TRUE(Must(store_->MatchPeople({"treasury"}, 10)).empty());
  CommitAndBegin(kLater);
  EXPECT_TRUE(Must(store_->MatchPeople({"treasury"}, 10)).empty());
}

TEST_P(StoreTest, InfluenceSnapshotRoundTripsAndGivesTheRowsAskedFor) {
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  PersonId cy = AddPerson("Cy");
  CommitAndBegin(kNow);
  EXPECT_EQ(Must(store_->LoadInfluenceSnapshotInfo()), std::nullopt);
  EXPECT_TRUE(Must(store_->LoadInfluenceRows({ann, bob})).empty());
  InfluenceSnapshot snapshot;
  snapshot.info.computed_at = kNow - 2h;
  snapshot.info.people = 3;
  snapshot.info.ties = 2;
  snapshot.info.basis = "method/1;w=0.4";
  snapshot.info.changes = 99;  // ignored: changes are counted from as_of_change
  snapshot.as_of_change = Must(store_->NetworkChangeCount());
  EXPECT_EQ(snapshot.as_of_change, 3);  // the three people
  snapshot.rows = {{ann, 0.7, 0.9, 0.5, 0.6}, {bob, 0.2, 0.1, 0.3, 0}};
  Must(store_->SaveInfluenceSnapshot(snapshot));
  CommitAndBegin(kNow);
  auto info = Must(store_->LoadInfluenceSnapshotInfo());
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->computed_at, kNow - 2h);
  EXPECT_EQ(info->people, 3);
  EXPECT_EQ(info->ties, 2);
  EXPECT_EQ(info->basis, "method/1;w=0.4");
  EXPECT_EQ(info->changes, 0);
  // Asked in any order, with someone it does not hold and a repeat: by id, each once.
  auto rows = Must(store_->LoadInfluenceRows({cy, bob, ann, bob}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].person, ann);
  EXPECT_DOUBLE_EQ(rows[0].influence, 0.7);
  EXPECT_DOUBLE_EQ(rows[0].pagerank_percentile, 0.9);
  EXPECT_DOUBLE_EQ(rows[0].betweenness_percentile, 0.5);
  EXPECT_DOUBLE_EQ(rows[0].offer, 0.6);
  EXPECT_EQ(rows[1].person, bob);
  EXPECT_DOUBLE_EQ(rows[1].influence, 0.2);
  // Saving again replaces every row and the description.
  snapshot.info.computed_at = kLater;
  snapshot.info.basis = "method/1;w=0.5";
  snapshot.rows = {{cy, 0.4, 0.4, 0.4, 0.4}};
  Must(store_->SaveInfluenceSnapshot(snapshot));
  CommitAndBegin(kLater);
  EXPECT_EQ(Must(store_->LoadInfluenceSnapshotInfo())->computed_at, kLater);
  EXPECT_EQ(Must(store_->LoadInfluenceSnapshotInfo())->basis, "method/1;w=0.5");
  rows = Must(store_->LoadInfluenceRows({ann, bob, cy}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].person, cy);
}

TEST_P(StoreTest, InfluenceSnapshotCountsChangesOfPeopleInteractionsAndKnowsTies) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  PersonId bob = AddPerson("Bob");
  InfluenceSnapshot snapshot;
  snapshot.info.computed_at = kNow;
  snapshot.info.people = 3;
  snapshot.rows = {{ann, 0.5, 0.5, 0.5, 0}};
  // Writes before the save, in the same transaction, are in the snapshot.
  snapshot.as_of_change = Must(store_->NetworkChangeCount());
  Must(store_->SaveInfluenceSnapshot(snapshot));
  CommitAndBegin(kNow);
  auto changes = [&] { return Must(store_->LoadInfluenceSnapshotInfo())->changes; };
  EXPECT_EQ(changes(), 0);
  // Reads count nothing.
  Must(store_->ListPeople({}));
  Must(store_->ListInteractions({}));
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 0);
  // Each write of a person, an interaction or a knows tie counts one; the open transaction's
  // are included before its commit.
  PersonId cy = AddPerson("Cy");
  EXPECT_EQ(changes(), 1);
  Person edited = Must(store_->GetPerson(cy));
  edited.reports_to = ann;
  Must(store_->UpdatePerson(edited));
  InteractionId lunch = AddInteraction(kNow - 24h, {me, ann}, me);
  Interaction moved = Must(store_->GetInteraction(lunch));
  moved.attendees = {me, ann, bob};
  Must(store_->UpdateInteraction(moved));
  Must(store_->UpsertKnows({ann, bob, 0.5, {}}));
  EXPECT_EQ(changes(), 5);
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 5);
  // What influence does not read counts nothing: the ledger, follow-ups, organizations, the
  // configuration.
  LedgerEntry entry;
  entry.person = ann;
  entry.owner = me;
  entry.at = kNow;
  entry.kind = LedgerKind::kAttention;
  entry.value = 1;
  Must(store_->InsertLedgerEntry(entry));
  FollowUp followup;
  followup.person = ann;
  followup.due = Date{std::chrono::year{2024} / 3 / 8};
  followup.text = "Send the DR plan";
  Must(store_->InsertFollowUp(followup));
  Organization org;
  org.name = "Acme";
  Must(store_->InsertOrg(org));
  Must(store_->SetConfig("tie.half_life_days", "60"));
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 5);
  // A rolled-back write counts nothing; a failed one neither.
  AddPerson("Dee");
  store_->Rollback();
  Must(store_->Begin(kNow));
  EXPECT_EQ(changes(), 5);
  EXPECT_FALSE(store_->UpsertKnows({ann, ann, 0.5, {}}));
  EXPECT_EQ(changes(), 5);
  // A merge counts one.
  Must(store_->ReassignPerson(cy, bob));
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 6);
  // A new snapshot counts from the change count it was computed at: here after the writes of
  // its own transaction.
  AddPerson("Eve");
  snapshot.as_of_change = Must(store_->NetworkChangeCount());
  Must(store_->SaveInfluenceSnapshot(snapshot));
  EXPECT_EQ(changes(), 0);
  AddPerson("Fay");
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 1);
  // The total only grows; a snapshot computed from an earlier count has the changes since.
  const std::int64_t total = Must(store_->NetworkChangeCount());
  EXPECT_EQ(total, 11);  // Me, Ann, Bob, then the 8 counted since
  snapshot.as_of_change = total - 3;
  Must(store_->SaveInfluenceSnapshot(snapshot));
  CommitAndBegin(kNow);
  EXPECT_EQ(changes(), 3);
  EXPECT_EQ(Must(store_->NetworkChangeCount()), total);
}

TEST_P(StoreTest, ListReportsToGivesLinksBetweenPeopleNotRemoved) {
  PersonId boss = AddPerson("Boss");
  Person ann;
  ann.name = "Ann";
  ann.reports_to = boss;
  PersonId ann_id = Must(store_->InsertPerson(ann));
  Person bob;
  bob.name = "Bob";
  bob.reports_to = ann_id;
  PersonId bob_id = Must(store_->InsertPerson(bob));
  Person gone;
  gone.name = "Gone";
  gone.reports_to = boss;
  gone.stamps.deleted_at = kNow;
  PersonId gone_id = Must(store_->InsertPerson(gone));
  Person orphan;
  orphan.name = "Orphan";
  orphan.reports_to = gone_id;
  Must(store_->InsertPerson(orphan));
  Person removed = Must(store_->GetPerson(gone_id));
  removed.stamps.deleted_at = kNow;
  Must(store_->UpdatePerson(removed));
  using Link = std::pair<PersonId, PersonId>;
  EXPECT_EQ(Must(store_->ListReportsTo()), (std::vector<Link>{{ann_id, boss}, {bob_id, ann_id}}));
}

TEST_P(StoreTest, ListPeopleWithoutChildrenLeavesEveryListEmpty) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  PersonId full = Must(store_->InsertPerson(FullPerson(org, boss)));
  PersonFilter filter;
  filter.without_children = true;
  auto people = Must(store_->ListPeople(filter));
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].id, boss);  // sorted by name key, as always
  const Person& light = people[1];
  EXPECT_EQ(light.id, full);
  EXPECT_EQ(light.name, "Élodie Martin");
  EXPECT_EQ(light.department, "Finance");
  EXPECT_EQ(light.reports_to, boss);
  EXPECT_TRUE(light.is_team);
  EXPECT_TRUE(light.emails.empty());
  EXPECT_TRUE(light.tags.empty());
  EXPECT_TRUE(light.offers.empty());
  EXPECT_TRUE(light.needs.empty());
  EXPECT_TRUE(light.notes.empty());
  EXPECT_TRUE(light.dates.empty());
  filter.tag = "budget holder";
  EXPECT_EQ(IdsOf(Must(store_->ListPeople(filter))), std::vector<std::int64_t>{full.value});
}

TEST_P(StoreTest, ListPeopleWithoutChildrenButWithOffersReadsOnlyTheOffers) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  Person expected = FullPerson(org, boss);
  ASSERT_FALSE(expected.offers.empty());
  PersonId full = Must(store_->InsertPerson(expected));
  PersonFilter filter;
  filter.include_deleted = true;  // the whole table, as the network's directory reads it
  filter.without_children = true;
  filter.with_offers = true;
  auto people = Must(store_->ListPeople(filter));
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].id, boss);
  EXPECT_TRUE(people[0].offers.empty());
  const Person& light = people[1];
  EXPECT_EQ(light.id, full);
  EXPECT_EQ(light.offers, expected.offers);
  EXPECT_TRUE(light.emails.empty());
  EXPECT_TRUE(light.tags.empty());
  EXPECT_TRUE(light.needs.empty());
  EXPECT_TRUE(light.notes.empty());
  EXPECT_TRUE(light.dates.empty());
}

TEST_P(StoreTest, ReassignPersonMovesAsksOfBothSides) {
  PersonId me = AddPerson("Me");
  PersonId keep = AddPerson("Keep");
  PersonId dup = AddPerson("Dup");
  auto asked = Must(store_->InsertAsk(
      MakeAsk(AddWithdrawal(*store_, dup, me, kNow), dup, me, kNow, "Share the forecast")));
  auto asking = Must(store_->InsertAsk(
      MakeAsk(AddWithdrawal(*store_, me, dup, kNow), me, dup, kNow, "Cover the CAB")));
  Must(store_->ReassignPerson(dup, keep));
  EXPECT_EQ(Must(store_->GetAsk(asked)).person, keep);
  EXPECT_EQ(Must(store_->GetAsk(asking)).owner, keep);
}

// --- bulk loading (issue 4)
// -----------------------------------------------------------------------

TEST_P(StoreTest, BulkLoadOutsideATransactionIsAnInternalError) {
  store_->Rollback();
  EXPECT_EQ(ErrorOf(store_->BeginBulkLoad(Store::kBulkLoadMinRows, 0)).code, ErrorCode::kInternal);
}

TEST_P(StoreTest, SmallLoadsAreNotBulkLoads) {
  EXPECT_FALSE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows - 1, 0)));
  EXPECT_FALSE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows - 1)));
  EXPECT_FALSE(Must(store_->BeginBulkLoad(0, 0)));
  // Once bulk loading, a small addition leaves it on.
  EXPECT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, 0)));
  EXPECT_TRUE(Must(store_->BeginBulkLoad(0, 1)));
}

// 150 people and interactions: two full batches of held-back child rows and a remainder.
TEST_P(StoreTest, BulkLoadedRecordsReadBackLikeOthersBeforeAndAfterTheCommit) {
  OrgId org = Must(store_->InsertOrg(FullOrg()));
  PersonId boss = AddPerson("Boss");
  ASSERT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, Store::kBulkLoadMinRows)));
  constexpr int kCount = 150;
  std::vector<Person> expected;
  std::vector<PersonId> ids;
  for (int i = 0; i < kCount; ++i) {
    Person person = FullPerson(org, boss);
    person.is_team = false;
    person.name = fmt::format("Person {}", i);
    person.emails = {{fmt::format("p{}@example.com", i), "work"},
                     {fmt::format("P{}@Home.example", i), "home"}};
    person.offers = {{fmt::format("skill{}", i), 3}};
    ids.push_back(Must(store_->InsertPerson(person)));
    expected.push_back(person);
  }
  std::vector<InteractionId> meetings;
  for (int i = 0; i < kCount; ++i) {
    std::vector<PersonId> attendees = {ids[static_cast<std::size_t>(i)], boss};
    if (i > 0) attendees.push_back(ids[0]);
    meetings.push_back(
        AddInteraction(kNow - std::chrono::hours(i), attendees, boss, fmt::format("ics:{}", i)));
  }
  // Inside the transaction, every read sees the rows held back.
  ExpectSamePerson(Must(store_->GetPerson(ids[77])), expected[77]);
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("P77@EXAMPLE.com", false))),
            std::vector<std::int64_t>{ids[77].value});
  PersonFilter tagged;
  tagged.tag = "budget holder";
  EXPECT_EQ(Must(store_->ListPeople(tagged)).size(), static_cast<std::size_t>(kCount));
  auto matches = Must(store_->MatchPeople({"skill149"}, 10));
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].person, ids[149]);
  InteractionFilter of_first;
  of_first.attendee = ids[0];
  EXPECT_EQ(Must(store_->ListInteractions(of_first)).size(), static_cast<std::size_t>(kCount));
  EXPECT_EQ(Must(store_->GetInteraction(meetings[149])).attendees,
            (std::vector<PersonId>{ids[149], boss, ids[0]}));
  // A later update writes after the held-back rows, not before them.
  Person changed = expected[149];
  changed.id = ids[149];
  changed.emails = {{"moved@example.com", "work"}};
  Must(store_->UpdatePerson(changed));
  expected[149].emails = changed.emails;

  CommitAndBegin(kLater);
  for (int i : {0, 63, 64, 128, 149}) {
    ExpectSamePerson(Must(store_->GetPerson(ids[static_cast<std::size_t>(i)])),
                     expected[static_cast<std::size_t>(i)]);
  }
  EXPECT_TRUE(Must(store_->FindPeopleByEmail("p149@example.com", false)).empty());
  EXPECT_EQ(Values(Must(store_->FindPeopleByEmail("moved@example.com", false))),
            std::vector<std::int64_t>{ids[149].value});
  EXPECT_EQ(Must(store_->ListInteractions(of_first)).size(), static_cast<std::size_t>(kCount));
  InteractionFilter recent;
  recent.since = kNow - std::chrono::hours(10);
  EXPECT_EQ(Must(store_->ListInteractions(recent)).size(), 11u);
}

TEST_P(StoreTest, BulkLoadIsLeftOutForAFewRowsIntoALargeTable) {
  // 2 * kBulkLoadMinRows + 1 people there: kBulkLoadMinRows more is less than half as many.
  ASSERT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, 0)));
  Person person;
  for (std::size_t i = 0; i < 2 * Store::kBulkLoadMinRows + 1; ++i) {
    person.name = fmt::format("P{}", i);
    Must(store_->InsertPerson(person));
  }
  CommitAndBegin(kLater);
  EXPECT_EQ(Must(store_->CountPeople()), 2 * Store::kBulkLoadMinRows + 1);
  EXPECT_FALSE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, 0)));
  EXPECT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows + 1, 0)));
}

TEST_P(StoreTest, BulkLoadedInteractionsAreFoundByTheIdsReturnedAfterTheOnesThere) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  InteractionId before = AddInteraction(kNow, {me, ann}, me, "ics:before");
  ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  std::vector<InteractionId> ids;
  for (int i = 0; i < 70; ++i) {
    ids.push_back(
        AddInteraction(kNow + std::chrono::minutes(i), {ann, me}, me, fmt::format("ics:{}", i)));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(ids[i].value, before.value + 1 + static_cast<std::int64_t>(i));
  }
  CommitAndBegin(kLater);
  for (int i : {0, 63, 64, 69}) {
    Interaction got = Must(store_->GetInteraction(ids[static_cast<std::size_t>(i)]));
    EXPECT_EQ(got.source, fmt::format("ics:{}", i));
    EXPECT_EQ(got.at, kNow + std::chrono::minutes(i));
    EXPECT_EQ(got.attendees, (std::vector<PersonId>{ann, me}));
    EXPECT_EQ(got.stamps.created_at, kNow);
  }
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), 71u);
}

TEST_P(StoreTest, BulkLoadedPeopleAndOrganizationsGetTheIdsSqliteWouldGiveInAnyOrderOfWrites) {
  OrgId first_org = Must(store_->InsertOrg(FullOrg()));
  PersonId ann = AddPerson("Ann");
  ASSERT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, Store::kBulkLoadMinRows)));
  // An interaction first, so that its rows are held before any person's or organization's:
  // those must still be written first, as the attendees and the person's organization refer
  // to them (references are checked as the rows are written, outside BeginLoad).
  AddInteraction(kNow, {ann}, ann, "ics:early");
  PersonId bob = AddPerson("Bob");
  Organization vendor = FullOrg();
  vendor.name = "Fabrikam";
  OrgId fabrikam = Must(store_->InsertOrg(vendor));
  Person carol = FullPerson(fabrikam, bob);
  carol.name = "Carol";
  PersonId carol_id = Must(store_->InsertPerson(carol));
  InteractionId later = AddInteraction(kNow + 1h, {bob, carol_id, ann}, carol_id, "ics:later");
  // Me is written at once (the unique flag says no there and then); the count goes on after.
  Person me;
  me.name = "Me";
  me.is_me = true;
  PersonId me_id = Must(store_->InsertPerson(me));
  PersonId dave = AddPerson("Dave");
  EXPECT_EQ(bob.value, ann.value + 1);
  EXPECT_EQ(carol_id.value, ann.value + 2);
  EXPECT_EQ(me_id.value, ann.value + 3);
  EXPECT_EQ(dave.value, ann.value + 4);
  EXPECT_EQ(fabrikam.value, first_org.value + 1);
  Must(store_->EndBulkLoad());

  CommitAndBegin(kLater);
  ExpectSamePerson(Must(store_->GetPerson(carol_id)), carol);
  EXPECT_EQ(Must(store_->GetPerson(bob)).name, "Bob");
  EXPECT_EQ(Must(store_->GetPerson(dave)).name, "Dave");
  EXPECT_TRUE(Must(store_->GetPerson(me_id)).is_me);
  Organization got = Must(store_->GetOrg(fabrikam));
  EXPECT_EQ(got.name, "Fabrikam");
  EXPECT_EQ(got.services, vendor.services);
  EXPECT_EQ(got.renewal, vendor.renewal);
  EXPECT_EQ(got.cadence_days, vendor.cadence_days);
  EXPECT_EQ(Must(store_->GetInteraction(later)).attendees,
            (std::vector<PersonId>{bob, carol_id, ann}));
  EXPECT_EQ(Must(store_->CountPeople()), 5u);
}

TEST_P(StoreTest, ASourceRepeatedInABulkLoadFailsTheCommit) {
  PersonId me = AddPerson("Me");
  PersonId ann = AddPerson("Ann");
  AddInteraction(kNow, {me, ann}, me, "ics:once");
  CommitAndBegin(kLater);
  ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  Interaction again;
  again.at = kLater;
  again.owner = me;
  again.attendees = {me, ann};
  again.source = "ics:once";
  auto inserted = store_->InsertInteraction(again);
  if (inserted) {
    EXPECT_FALSE(store_->Commit());
  }
  store_->Rollback();
  Must(store_->Begin(kLater));
  auto all = Must(store_->ListInteractions({}));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].at, kNow);
}

TEST_P(StoreTest, ABadRowOfABulkLoadFailsTheCommitAndTheRollbackLeavesNothing) {
  PersonId me = AddPerson("Me");
  CommitAndBegin(kLater);
  ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  for (int i = 0; i < 10; ++i) AddInteraction(kNow, {me}, me, fmt::format("ics:{}", i));
  // An attendee no one is: the row may be held back, so the failure may come only at the end.
  Interaction bad;
  bad.at = kNow;
  bad.owner = me;
  bad.attendees = {me, PersonId{999999}};
  auto inserted = store_->InsertInteraction(bad);
  if (inserted) {
    EXPECT_FALSE(store_->Commit());
  }
  store_->Rollback();
  Must(store_->Begin(kLater));
  EXPECT_TRUE(Must(store_->ListInteractions({})).empty());
}

// --- BeginLoad: references checked once, at the commit

TEST_P(StoreTest, ALoadTransactionCommitsWhatResolvesAndChecksEachWriteAgainAfter) {
  PersonId me = AddPerson("Me");
  CommitAndBegin(kLater);
  store_->Rollback();
  Must(store_->BeginLoad(kLater));
  EXPECT_EQ(ErrorOf(store_->Begin(kLater)).code, ErrorCode::kInternal);  // one is open
  EXPECT_EQ(ErrorOf(store_->BeginLoad(kLater)).code, ErrorCode::kInternal);
  ASSERT_TRUE(Must(store_->BeginBulkLoad(Store::kBulkLoadMinRows, Store::kBulkLoadMinRows)));
  PersonId ann = AddPerson("Ann");
  for (int i = 0; i < 100; ++i) {
    AddInteraction(kNow + std::chrono::minutes(i), {me, ann}, me, fmt::format("ics:{}", i));
  }
  Must(store_->EndBulkLoad());
  Must(store_->Commit());
  Must(store_->Begin(kLater));
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), 100u);
  // An ordinary transaction after it refuses a reference to no one as the row is written.
  Interaction bad;
  bad.at = kNow;
  bad.owner = me;
  bad.attendees = {me, PersonId{999999}};
  EXPECT_FALSE(store_->InsertInteraction(bad));
}

TEST_P(StoreTest, AReferenceToNoOneFailsTheCommitOfALoadAndTheRollbackLeavesNothing) {
  PersonId me = AddPerson("Me");
  CommitAndBegin(kLater);
  store_->Rollback();
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "bulk" : "not bulk");
    Must(store_->BeginLoad(kLater));
    if (bulk) {
      ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
    }
    AddPerson("Ann");
    for (int i = 0; i < 10; ++i) AddInteraction(kNow, {me}, me, fmt::format("ics:{}", i));
    Interaction bad;
    bad.at = kNow;
    bad.owner = me;
    bad.attendees = {me, PersonId{999999}};
    Must(store_->InsertInteraction(bad));  // not checked yet
    const core::Error error = ErrorOf(store_->Commit());
    EXPECT_EQ(error.code, ErrorCode::kInternal);
    EXPECT_NE(error.message.find("interaction_attendee.person_id refers to person id = 999999"),
              std::string::npos)
        << error.message;
    store_->Rollback();
    Must(store_->Begin(kLater));
    EXPECT_TRUE(Must(store_->ListInteractions({})).empty());
    EXPECT_EQ(Must(store_->CountPeople()), 1u);
    // Each write is checked again.
    EXPECT_FALSE(store_->InsertInteraction(bad));
    store_->Rollback();
  }
}

// Enough held-back rows that the SQLite store writes several buffers of them on its flusher
// thread (64Ki cells each: an interaction is 13, an attendee 3) while more are held, with
// people inserted and records read in between, which wait for the flusher.
TEST_P(StoreTest, ManyHeldBackRowsWrittenWhileMoreAreHeldReadBackInFull) {
  PersonId me = AddPerson("Me");
  ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  std::vector<PersonId> people{me};
  std::vector<InteractionId> ids;
  constexpr int kMeetings = 12000;
  for (int i = 0; i < kMeetings; ++i) {
    if (i % 100 == 0) people.push_back(AddPerson(fmt::format("Guest {}", i)));
    const PersonId guest = people.back();
    const PersonId earlier = people[static_cast<std::size_t>(i) % people.size()];
    std::vector<PersonId> attendees{me, guest};
    if (earlier != me && earlier != guest) attendees.push_back(earlier);
    ids.push_back(AddInteraction(kNow + std::chrono::minutes(i), attendees, me,
                                 fmt::format("ics:many-{}", i)));
    if (i == 7000) {
      // A read in the middle sees every row held or written so far.
      Interaction got = Must(store_->GetInteraction(ids[6999]));
      EXPECT_EQ(got.source, "ics:many-6999");
      EXPECT_EQ(got.attendees.front(), me);
    }
  }
  CommitAndBegin(kLater);
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), static_cast<std::size_t>(kMeetings));
  for (int i : {0, 2999, 3000, 6500, 11999}) {
    Interaction got = Must(store_->GetInteraction(ids[static_cast<std::size_t>(i)]));
    EXPECT_EQ(got.source, fmt::format("ics:many-{}", i));
    EXPECT_EQ(got.at, kNow + std::chrono::minutes(i));
    ASSERT_GE(got.attendees.size(), 2U);
    EXPECT_EQ(got.attendees[0], me);
    EXPECT_EQ(Must(store_->GetPerson(got.attendees[1])).name,
              fmt::format("Guest {}", i / 100 * 100));
  }
}

TEST_P(StoreTest, ABadRowWrittenOnTheFlusherThreadFailsTheImportAndTheRollbackLeavesNothing) {
  PersonId me = AddPerson("Me");
  CommitAndBegin(kLater);
  ASSERT_TRUE(Must(store_->BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  bool failed = false;
  for (int i = 0; i < 12000 && !failed; ++i) {
    Interaction interaction;
    interaction.at = kNow;
    interaction.owner = me;
    interaction.attendees = {me};
    // An attendee no one is, early on: its buffer is written while later rows are held.
    if (i == 10) interaction.attendees.push_back(PersonId{999999});
    interaction.source = fmt::format("ics:{}", i);
    failed = !store_->InsertInteraction(interaction);
  }
  // The failure shows at a later write, a read or the commit, and stays until the rollback.
  if (!failed) {
    EXPECT_FALSE(store_->GetPerson(me));
    EXPECT_FALSE(store_->Commit());
  }
  store_->Rollback();
  Must(store_->Begin(kLater));
  EXPECT_TRUE(Must(store_->ListInteractions({})).empty());
  // The store works on.
  AddInteraction(kLater, {me}, me, "ics:after");
  CommitAndBegin(kLater);
  EXPECT_EQ(Must(store_->ListInteractions({})).size(), 1U);
}

class SqliteStoreTest : public testing::Test {
 protected:
  std::string DbPath() const { return (dir_.path() / "allies.db").string(); }

  // Creates an Allies database holding one person named "Kept".
  void CreateDatabase() {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    Must((*store)->Begin(kNow));
    Person person;
    person.name = "Kept";
    person.emails = {{"kept@example.com", ""}};
    Must((*store)->InsertPerson(person));
    Must((*store)->Commit());
  }

  TempDir dir_;
};

TEST_F(SqliteStoreTest, ReopeningAFileKeepsItsDataAndSchemaVersion) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  auto people = Must((*store)->ListPeople({}));
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].name, "Kept");
  EXPECT_EQ(people[0].emails, (std::vector<core::Email>{{"kept@example.com", ""}}));
}

TEST_F(SqliteStoreTest, NewDatabaseIsCreatedWithItsParentDirectoryInWalMode) {
  std::string path = (dir_.path() / "a" / "b" / "allies.db").string();
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  store->reset();
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), kSqliteSchemaVersion);
  EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), 0x416C6C69);
}

TEST_F(SqliteStoreTest, InMemoryDatabaseWorks) {
  auto store = OpenSqliteStore(":memory:");
  ASSERT_TRUE(store) << store.error().message;
  Must((*store)->Begin(kNow));
  Must((*store)->SetConfig("k", "v"));
  Must((*store)->Commit());
  EXPECT_EQ(Must((*store)->LoadConfig()).size(), 1u);
}

// Takes a current database back to schema version 4, as far as versions 5 to 7 changed it: call
// UndoVersionSeven first, then the others down to the version wanted.
void UndoVersionSeven(SQLite::Database& raw) {  // changes counted in the snapshot's row
  raw.exec("ALTER TABLE influence_snapshot RENAME COLUMN changes_at TO changes");
  raw.exec("UPDATE influence_snapshot SET changes = (SELECT total FROM network_changes)");
  raw.exec("DROP TABLE network_changes");
}
void UndoVersionFive(SQLite::Database& raw) {  // follow-ups without owners
  raw.exec("DROP INDEX followup_owner");
  raw.exec("ALTER TABLE followup DROP COLUMN owner_id");
}
void UndoVersionSix(SQLite::Database& raw) {  // the day-long influence snapshot
  raw.exec("DROP TABLE influence_snapshot");
  raw.exec(
      "CREATE TABLE influence_day (id INTEGER PRIMARY KEY CHECK (id = 1), day TEXT NOT NULL) "
      "STRICT");
}

TEST_F(SqliteStoreTest, VersionOneDatabaseIsMigratedKeepingItsData) {
  CreateDatabase();
  {
    // What a version-1 database looks like: no knows table, user_version 1.
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    UndoVersionFive(raw);
    raw.exec("DROP TABLE knows");
    raw.exec("DROP TABLE ask");
    raw.exec("DROP TABLE person_text");
    raw.exec("DROP TABLE influence");
    raw.exec("DROP TABLE influence_snapshot");
    raw.exec("PRAGMA user_version = 1");
  }
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  EXPECT_EQ(Must((*store)->ListPeople({})).size(), 1u);
  EXPECT_TRUE(Must((*store)->ListKnows()).empty());
}

TEST_F(SqliteStoreTest, VersionThreeDatabaseIsMigratedAndItsPeopleAreSearchable) {
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    Must((*store)->Begin(kNow));
    Person person;
    person.name = "Rita";
    person.offers = {{"procurement rules", 4}, {"tenders", 3}};
    person.needs = {"Wants fewer emergency purchases"};
    person.notes = {{kNow, "Was a chef before procurement"}};
    Must((*store)->InsertPerson(person));
    Person plain;
    plain.name = "Plain";
    Must((*store)->InsertPerson(plain));
    Must((*store)->Commit());
  }
  {
    // What a version-3 database looks like: none of the tables of version 4.
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    UndoVersionFive(raw);
    for (const char* table : {"ask", "person_text", "influence", "influence_snapshot"}) {
      raw.exec(fmt::format("DROP TABLE {}", table));
    }
    raw.exec("PRAGMA user_version = 3");
  }
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  for (const char* word : {"tenders", "emergency", "chef"}) {
    auto matches = Must((*store)->MatchPeople({word}, 10));
    ASSERT_EQ(matches.size(), 1u) << word;
    EXPECT_EQ(matches[0].person.value, 1) << word;
  }
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM person_text").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("SELECT offers FROM person_text WHERE rowid = 1").getString(),
            "procurement rules ; tenders");
}

TEST_F(SqliteStoreTest, VersionFourDatabaseDropsItsDailyInfluenceAndTheRemovedPlanKey) {
  CreateDatabase();
  {
    // What a version-4 database looks like: the day-long snapshot (influence_day) with its rows,
    // and a stored value of plan.full_influence_people, a key version 6 no longer has.
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    UndoVersionFive(raw);
    UndoVersionSix(raw);
    raw.exec("INSERT INTO influence_day VALUES (1, '2024-03-01')");
    raw.exec("INSERT INTO influence VALUES (1, 0.5, 0.5, 0.5, 0)");
    raw.exec(
        "INSERT INTO config (key, value, created_at, updated_at) VALUES "
        "('plan.full_influence_people', '100', 0, 0), ('tie.half_life_days', '60', 0, 0)");
    raw.exec("PRAGMA user_version = 4");
  }
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  EXPECT_EQ(Must((*store)->LoadConfig()),
            (std::map<std::string, std::string>{{"tie.half_life_days", "60"}}));
  EXPECT_EQ(Must((*store)->LoadInfluenceSnapshotInfo()), std::nullopt);
  EXPECT_TRUE(Must((*store)->LoadInfluenceRows({PersonId{1}})).empty());
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(
      raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'influence_day'").getInt(),
      0);
}

TEST_F(SqliteStoreTest, VersionSixDatabaseKeepsItsSnapshotsChangeCount) {
  CreateDatabase();
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    Must((*store)->Begin(kNow));
    InfluenceSnapshot snapshot;
    snapshot.info.computed_at = kNow;
    snapshot.info.people = 1;
    snapshot.info.basis = "b";
    snapshot.rows = {{PersonId{1}, 0.5, 0.5, 0.5, 0}};
    Must((*store)->SaveInfluenceSnapshot(snapshot));
    Must((*store)->Commit());
  }
  {
    // Version 6 kept the changes since the snapshot in its row: 4 of them.
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    raw.exec("UPDATE influence_snapshot SET changes = 4");
    raw.exec("PRAGMA user_version = 6");
  }
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  EXPECT_EQ(Must((*store)->LoadInfluenceSnapshotInfo())->changes, 4);
  Must((*store)->Begin(kNow));
  Person person;
  person.name = "New";
  Must((*store)->InsertPerson(person));
  Must((*store)->Commit());
  EXPECT_EQ(Must((*store)->LoadInfluenceSnapshotInfo())->changes, 5);
  EXPECT_EQ(Must((*store)->NetworkChangeCount()), 5);
}

TEST_F(SqliteStoreTest, ReadTransactionSeesOneStateWhileAnotherProcessWritesAndCannotWrite) {
  CreateDatabase();
  auto reader = OpenSqliteStore(DbPath());
  auto writer = OpenSqliteStore(DbPath());
  ASSERT_TRUE(reader && writer);
  Must((*reader)->BeginRead());
  EXPECT_EQ(Must((*reader)->NetworkChangeCount()), 1);  // CreateDatabase's person
  // The writer is not held up by the open read, and its commit is not seen by it.
  Must((*writer)->Begin(kNow));
  Person person;
  person.name = "Written meanwhile";
  Must((*writer)->InsertPerson(person));
  Must((*writer)->Commit());
  EXPECT_EQ(Must((*reader)->ListPeople({})).size(), 1u);
  EXPECT_EQ(Must((*reader)->NetworkChangeCount()), 1);
  // Writes inside a read transaction are refused, and change nothing.
  core::Error refused = ErrorOf((*reader)->InsertPerson(person));
  EXPECT_EQ(refused.code, ErrorCode::kInternal);
  EXPECT_NE(refused.message.find("read-only transaction"), std::string::npos) << refused.message;
  EXPECT_FALSE((*reader)->BeginBulkLoad(100000, 0));
  EXPECT_FALSE((*reader)->Begin(kNow));  // one transaction at a time
  Must((*reader)->Commit());
  EXPECT_EQ(Must((*reader)->ListPeople({})).size(), 2u);
  EXPECT_EQ(Must((*reader)->NetworkChangeCount()), 2);
  // After it, the same connection writes again.
  Must((*reader)->Begin(kNow));
  Must((*reader)->InsertPerson(person));
  Must((*reader)->Commit());
  EXPECT_EQ(Must((*writer)->NetworkChangeCount()), 3);
}

TEST_F(SqliteStoreTest, InfluenceSnapshotCountsChangesCommittedByOthersWhileItWasComputed) {
  CreateDatabase();
  auto refresher = OpenSqliteStore(DbPath());
  auto writer = OpenSqliteStore(DbPath());
  ASSERT_TRUE(refresher && writer);
  // The refresh reads the network in a read transaction ...
  Must((*refresher)->BeginRead());
  InfluenceSnapshot snapshot;
  snapshot.info.computed_at = kNow;
  snapshot.info.people = 1;
  snapshot.as_of_change = Must((*refresher)->NetworkChangeCount());
  Must((*refresher)->Commit());
  // ... someone else writes two people while it computes ...
  Must((*writer)->Begin(kNow));
  Person person;
  person.name = "One";
  Must((*writer)->InsertPerson(person));
  person.name = "Two";
  Must((*writer)->InsertPerson(person));
  Must((*writer)->Commit());
  // ... and it saves: those two are changes since.
  Must((*refresher)->Begin(kNow));
  Must((*refresher)->SaveInfluenceSnapshot(snapshot));
  Must((*refresher)->Commit());
  EXPECT_EQ(Must((*writer)->LoadInfluenceSnapshotInfo())->changes, 2);
}

TEST_F(SqliteStoreTest, InfluenceWorkLockIsExclusiveBetweenConnectionsAndReleasedWithIt) {
  CreateDatabase();
  auto first = OpenSqliteStore(DbPath());
  auto second = OpenSqliteStore(DbPath());
  ASSERT_TRUE(first && second);
  {
    auto held = Must((*first)->LockInfluenceWork(false));
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(Must((*second)->LockInfluenceWork(false)), nullptr);
    EXPECT_EQ(Must((*first)->LockInfluenceWork(false)), nullptr);  // not reentrant either
    // It does not stand in the way of transactions.
    Must((*second)->Begin(kNow));
    Must((*second)->Commit());
  }
  auto again = Must((*second)->LockInfluenceWork(true));  // free again: does not block
  EXPECT_NE(again, nullptr);
  EXPECT_TRUE(std::filesystem::exists(DbPath() + "-work.lock"));
  // An in-memory database has nobody to share it with.
  auto memory = OpenSqliteStore(":memory:");
  ASSERT_TRUE(memory);
  EXPECT_NE(Must((*memory)->LockInfluenceWork(false)), nullptr);
}

TEST_F(SqliteStoreTest, NewerSchemaVersionIsRefusedQuotingBothVersions) {
  CreateDatabase();
  {
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 8");
  }
  auto store = OpenSqliteStore(DbPath());
  core::Error error = ErrorOf(store);
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.message,
            fmt::format("database \"{}\" has schema version 8, newer than this Allies supports "
                        "({}); upgrade Allies",
                        DbPath(), kSqliteSchemaVersion));
}

TEST_F(SqliteStoreTest, FileThatIsNotADatabaseIsRefused) {
  {
    std::ofstream file(DbPath());
    file << "BEGIN:VCARD\nVERSION:4.0\nFN:Not a database at all, but long enough to look at\n"
            "END:VCARD\n"
         << std::string(200, 'x');
  }
  core::Error error = ErrorOf(OpenSqliteStore(DbPath()));
  EXPECT_EQ(error.code, ErrorCode::kIo);
  EXPECT_EQ(error.message,
            fmt::format("\"{}\" is not an Allies database (file is not a database)", DbPath()));
}

TEST_F(SqliteStoreTest, DatabaseOfAnotherApplicationIsRefusedAndLeftUntouched) {
  {
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE songs (title TEXT)");
  }
  core::Error error = ErrorOf(OpenSqliteStore(DbPath()));
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.message,
            fmt::format("\"{}\" is not an Allies database (it holds tables of another "
                        "application)",
                        DbPath()));
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM sqlite_schema").getInt(), 1);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
}

TEST_F(SqliteStoreTest, DatabaseWithAnotherApplicationIdIsRefused) {
  {
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = 1234");
  }
  core::Error error = ErrorOf(OpenSqliteStore(DbPath()));
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(
      error.message,
      fmt::format("\"{}\" is not an Allies database (its application_id is 0x000004d2)", DbPath()));
}

TEST_F(SqliteStoreTest, PathThatCannotBeOpenedIsAnIoErrorNamingIt) {
  std::filesystem::create_directories(DbPath());  // a directory where the file should be
  core::Error error = ErrorOf(OpenSqliteStore(DbPath()));
  EXPECT_EQ(error.code, ErrorCode::kIo);
  EXPECT_EQ(error.message,
            fmt::format("cannot open database \"{}\": unable to open database file", DbPath()));
}

// --- backup and restore of the file
// ---------------------------------------------------------------

std::string FileBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::vector<std::string> Names(Store& store) {
  std::vector<std::string> names;
  for (const Person& person : Must(store.ListPeople({}))) names.push_back(person.name);
  return names;
}

TEST_F(SqliteStoreTest, BackupIsACompleteSelfContainedDatabaseInRollbackMode) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  std::string backup = (dir_.path() / "copy.db").string();
  Must((*store)->BackupTo(backup, false));
  EXPECT_FALSE(std::filesystem::exists(backup + ".partial"));
  EXPECT_FALSE(std::filesystem::exists(backup + "-wal"));
  {
    SQLite::Database raw(backup, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "delete");
    EXPECT_EQ(raw.execAndGet("PRAGMA application_id").getInt(), 0x416C6C69);
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), kSqliteSchemaVersion);
    EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  }
  auto copy = OpenSqliteStore(backup);
  ASSERT_TRUE(copy) << copy.error().message;
  EXPECT_EQ(Names(**copy), (std::vector<std::string>{"Kept"}));
}

TEST_F(SqliteStoreTest, BackupSeesCommittedWritesOfTheSameConnection) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  Must((*store)->Begin(kNow));
  Person person;
  person.name = "Added";
  Must((*store)->InsertPerson(person));
  EXPECT_EQ(ErrorOf((*store)->BackupTo((dir_.path() / "x.db").string(), false)).code,
            ErrorCode::kInternal);
  Must((*store)->Commit());
  std::string backup = (dir_.path() / "copy.db").string();
  Must((*store)->BackupTo(backup, false));
  auto copy = OpenSqliteStore(backup);
  ASSERT_TRUE(copy);
  EXPECT_EQ(Names(**copy), (std::vector<std::string>{"Added", "Kept"}));
}

TEST_F(SqliteStoreTest, BackupRefusesAnExistingFileUnlessToldToReplaceIt) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  std::string backup = (dir_.path() / "notes.txt").string();
  {
    std::ofstream file(backup);
    file << "precious";
  }
  core::Error error = ErrorOf((*store)->BackupTo(backup, false));
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(error.message, fmt::format("\"{}\" already exists", backup));
  EXPECT_EQ(FileBytes(backup), "precious");
  Must((*store)->BackupTo(backup, true));
  auto copy = OpenSqliteStore(backup);
  ASSERT_TRUE(copy) << copy.error().message;
  EXPECT_EQ(Names(**copy), (std::vector<std::string>{"Kept"}));
}

TEST_F(SqliteStoreTest, BackupOntoTheDatabaseItselfIsRefused) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  core::Error error = ErrorOf((*store)->BackupTo(DbPath(), true));
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message,
            fmt::format("cannot back up the database onto itself (\"{}\")", DbPath()));
}

TEST_F(SqliteStoreTest, RestoreReplacesTheContentAndKeepsTheCurrentOneWhenAsked) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  std::string backup = (dir_.path() / "backup.db").string();
  Must((*store)->BackupTo(backup, false));
  std::string backup_bytes = FileBytes(backup);
  Must((*store)->Begin(kLater));
  Person person;
  person.name = "After the backup";
  Must((*store)->InsertPerson(person));
  Must((*store)->Commit());

  std::string kept = (dir_.path() / "allies.db.before-restore").string();
  EXPECT_EQ(Must((*store)->RestoreFrom(backup, kept)), kSqliteSchemaVersion);
  EXPECT_EQ(Names(**store), (std::vector<std::string>{"Kept"}));
  EXPECT_EQ(FileBytes(backup), backup_bytes);  // the backup is only read
  // Another connection sees the restored content too.
  auto other = OpenSqliteStore(DbPath());
  ASSERT_TRUE(other);
  EXPECT_EQ(Names(**other), (std::vector<std::string>{"Kept"}));
  auto previous = OpenSqliteStore(kept);
  ASSERT_TRUE(previous) << previous.error().message;
  EXPECT_EQ(Names(**previous), (std::vector<std::string>{"After the backup", "Kept"}));
  // The store goes on working: writes land after the restored ids.
  Must((*store)->Begin(kLater));
  EXPECT_EQ(Must((*store)->InsertPerson(person)).value, 2);
  Must((*store)->Commit());
}

TEST_F(SqliteStoreTest, VersionFourDatabaseIsMigratedAndItsFollowUpsBecomeMine) {
  PersonId me;
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    Must((*store)->Begin(kNow));
    Person dana;
    dana.name = "Dana";
    dana.is_me = true;
    me = Must((*store)->InsertPerson(dana));
    Person ann;
    ann.name = "Ann";
    PersonId ann_id = Must((*store)->InsertPerson(ann));
    Must((*store)->InsertFollowUp(
        MakeFollowUp(ann_id, "send the deck", Date{std::chrono::year{2026} / 12 / 1})));
    Must((*store)->Commit());
  }
  {
    SQLite::Database raw(DbPath(), SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    UndoVersionFive(raw);
    UndoVersionSix(raw);
    raw.exec("PRAGMA user_version = 4");
  }
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  auto followups = Must((*store)->ListFollowUps({}));
  ASSERT_EQ(followups.size(), 1u);
  EXPECT_EQ(followups[0].text, "send the deck");
  EXPECT_EQ(followups[0].owner, me);
}

TEST_F(SqliteStoreTest, RestoreOfAnOlderVersionMigratesItWithoutTouchingTheBackup) {
  CreateDatabase();
  std::string backup = (dir_.path() / "v1.db").string();
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store);
    Must((*store)->BackupTo(backup, false));
  }
  {
    SQLite::Database raw(backup, SQLite::OPEN_READWRITE);
    UndoVersionSeven(raw);
    UndoVersionFive(raw);
    for (const char* table : {"knows", "ask", "person_text", "influence_snapshot", "influence"}) {
      raw.exec(std::string("DROP TABLE ") + table);
    }
    raw.exec("PRAGMA user_version = 1");
  }
  std::string backup_bytes = FileBytes(backup);
  auto store = OpenSqliteStore((dir_.path() / "other.db").string());
  ASSERT_TRUE(store);
  EXPECT_EQ(Must((*store)->RestoreFrom(backup, "")), 1);
  EXPECT_EQ((*store)->SchemaVersion(), kSqliteSchemaVersion);
  EXPECT_EQ(Names(**store), (std::vector<std::string>{"Kept"}));
  EXPECT_TRUE(Must((*store)->ListKnows()).empty());
  EXPECT_EQ(FileBytes(backup), backup_bytes);
}

class RestoreRefusalTest : public SqliteStoreTest {
 protected:
  // Tries to restore `backup` into the database and checks that the database, and the backup,
  // are byte for byte as they were and that nothing was kept aside.
  core::Error Refused(const std::string& backup) {
    CreateDatabase();
    std::string kept = DbPath() + ".before-restore";
    auto store = OpenSqliteStore(DbPath());
    EXPECT_TRUE(store);
    std::string before = FileBytes(DbPath());
    std::string backup_before = FileBytes(backup);
    auto result = (*store)->RestoreFrom(backup, kept);
    EXPECT_EQ(FileBytes(DbPath()), before);
    EXPECT_EQ(FileBytes(backup), backup_before);
    EXPECT_FALSE(std::filesystem::exists(kept));
    EXPECT_EQ(Names(**store), (std::vector<std::string>{"Kept"}));
    return ErrorOf(result);
  }
};

TEST_F(RestoreRefusalTest, TextFileIsNotADatabase) {
  std::string path = (dir_.path() / "contacts.vcf").string();
  {
    std::ofstream file(path);
    file << "BEGIN:VCARD\nVERSION:4.0\nFN:Not a database\nEND:VCARD\n" << std::string(200, 'x');
  }
  core::Error error = Refused(path);
  EXPECT_EQ(error.code, ErrorCode::kIo);
  EXPECT_EQ(error.message,
            fmt::format("\"{}\" is not an Allies database (file is not a database)", path));
}

TEST_F(RestoreRefusalTest, DatabaseOfAnotherApplicationIsRefused) {
  std::string path = (dir_.path() / "songs.db").string();
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE songs (title TEXT)");
  }
  core::Error error = Refused(path);
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.message,
            fmt::format("\"{}\" is not an Allies database (its application_id is 0x00000000, "
                        "expected 0x416c6c69)",
                        path));
}

TEST_F(RestoreRefusalTest, NewerSchemaVersionIsRefusedQuotingBothVersions) {
  std::string path = (dir_.path() / "newer.db").string();
  {
    auto source = OpenSqliteStore(path);
    ASSERT_TRUE(source);
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 9");
  }
  core::Error error = Refused(path);
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.message,
            fmt::format("\"{}\" has schema version 9, but this Allies reads versions 1 to {}; "
                        "upgrade Allies",
                        path, kSqliteSchemaVersion));
}

TEST_F(RestoreRefusalTest, MissingFileIsNotFound) {
  std::string path = (dir_.path() / "nowhere.db").string();
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store);
  core::Error error = ErrorOf((*store)->RestoreFrom(path, ""));
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.message, fmt::format("no backup file \"{}\"", path));
}

TEST_F(SqliteStoreTest, SecondConnectionSeesCommittedWrites) {
  CreateDatabase();
  auto writer = OpenSqliteStore(DbPath());
  auto reader = OpenSqliteStore(DbPath());
  ASSERT_TRUE(writer && reader);
  Must((*writer)->Begin(kNow));
  Person person;
  person.name = "New";
  Must((*writer)->InsertPerson(person));
  EXPECT_EQ(Must((*reader)->CountPeople()), 1u);
  Must((*writer)->Commit());
  EXPECT_EQ(Must((*reader)->CountPeople()), 2u);
}

// The schema as SQLite records it: every table, index and trigger with its SQL.
std::vector<std::string> SchemaOf(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement rows(raw,
                         "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM "
                         "sqlite_schema ORDER BY type, name");
  std::vector<std::string> schema;
  while (rows.executeStep()) schema.push_back(rows.getColumn(0).getString());
  return schema;
}

std::string IntegrityOf(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  return raw.execAndGet("PRAGMA integrity_check").getString();
}

// Writes `count` people with emails and tags, and as many meetings, as one bulk load.
void BulkLoad(Store& store, int count) {
  Must(store.Begin(kNow));
  // People first, then (a second call, as an import of contacts and a calendar makes) meetings.
  ASSERT_TRUE(Must(store.BeginBulkLoad(Store::kBulkLoadMinRows, 0)));
  ASSERT_TRUE(Must(store.BeginBulkLoad(0, Store::kBulkLoadMinRows)));
  std::vector<PersonId> ids;
  for (int i = 0; i < count; ++i) {
    Person person;
    person.name = fmt::format("Person {}", count - i);
    person.department = i % 2 == 0 ? "Finance" : "IT";
    person.emails = {{fmt::format("p{}@example.com", i), "work"}};
    person.tags = {"from-calendar"};
    ids.push_back(Must(store.InsertPerson(person)));
  }
  for (int i = 1; i < count; ++i) {
    Interaction meeting;
    meeting.at = kNow - std::chrono::minutes(i);
    meeting.owner = ids[0];
    meeting.attendees = {ids[0], ids[static_cast<std::size_t>(i)]};
    meeting.source = fmt::format("ics:{}", i);
    Must(store.InsertInteraction(meeting));
  }
}

TEST_F(SqliteStoreTest, BulkLoadEndsWithTheSameSchemaAndCompleteIndexes) {
  CreateDatabase();
  const std::vector<std::string> before = SchemaOf(DbPath());
  ASSERT_TRUE(std::any_of(before.begin(), before.end(), [](const std::string& line) {
    return line.starts_with("index interaction_attendee_person: CREATE UNIQUE INDEX");
  }));
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    BulkLoad(**store, 300);
    Must((*store)->Commit());
  }
  EXPECT_EQ(SchemaOf(DbPath()), before);
  // Every index holds exactly the entries of its table's rows.
  EXPECT_EQ(IntegrityOf(DbPath()), "ok");
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM person INDEXED BY person_department_key "
                           "WHERE department_key = 'finance'")
                .getInt(),
            150);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM interaction_attendee INDEXED BY "
                           "interaction_attendee_person WHERE person_id = 2")
                .getInt(),
            299);
}

// More index entries than one of the sorter's runs holds (4 MiB while the indexes are put
// back): sorted in runs, on two threads, and merged, the unique index of sources still finds a
// repeat and fails the commit, and without one every index is whole.
TEST_F(SqliteStoreTest, IndexesSortedInManyRunsRefuseARepeatAndAreWholeWithout) {
  CreateDatabase();
  const std::vector<std::string> before = SchemaOf(DbPath());
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  constexpr int kMeetings = 200000;  // about 11 MB of source entries
  auto load = [&](bool repeat) {
    Must((*store)->Begin(kNow));
    ASSERT_TRUE(Must((*store)->BeginBulkLoad(0, kMeetings)));
    Interaction meeting;
    meeting.owner = PersonId{1};
    meeting.attendees = {PersonId{1}};
    for (int i = 0; i < kMeetings; ++i) {
      meeting.at = kNow - std::chrono::minutes(i);
      const int uid = repeat && i == kMeetings - 1 ? 7 : i;
      meeting.source = fmt::format("ics:{:08}-an-event-uid-as-long-as-outlook-writes@example", uid);
      Must((*store)->InsertInteraction(meeting));
    }
  };
  load(/*repeat=*/true);
  EXPECT_FALSE((*store)->Commit());
  (*store)->Rollback();
  EXPECT_TRUE(Must((*store)->ListInteractions({})).empty());

  load(/*repeat=*/false);
  Must((*store)->Commit());
  EXPECT_EQ(SchemaOf(DbPath()), before);
  EXPECT_EQ(IntegrityOf(DbPath()), "ok");
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(
      raw.execAndGet("SELECT count(*) FROM interaction INDEXED BY interaction_source").getInt(),
      kMeetings);
  EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM interaction_attendee INDEXED BY "
                           "interaction_attendee_person WHERE person_id = 1")
                .getInt(),
            kMeetings);
}

// The sorter's small page cache (RecreateIndexes) does not push the load's dirty pages out to
// the WAL before the commit: those the index builds touch again would be written twice, and
// the commit would read the WAL back to checksum them anew.
TEST_F(SqliteStoreTest, PuttingTheIndexesBackWritesNothingBeforeTheCommit) {
  CreateDatabase();
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  constexpr int kMeetings = 50000;  // about 10 MB of pages, more than the sorter's 4 MiB
  Must((*store)->Begin(kNow));
  ASSERT_TRUE(Must((*store)->BeginBulkLoad(0, kMeetings)));
  Interaction meeting;
  meeting.owner = PersonId{1};
  meeting.attendees.push_back(PersonId{1});
  for (int i = 0; i < kMeetings; ++i) {
    meeting.at = kNow - std::chrono::minutes(i);
    meeting.source = fmt::format("ics:{:08}-an-event-uid-as-long-as-outlook-writes@example", i);
    Must((*store)->InsertInteraction(meeting));
  }
  Must((*store)->EndBulkLoad());
  const std::filesystem::path wal = DbPath() + "-wal";
  EXPECT_EQ(std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0u, 0u);
  Must((*store)->Commit());
  SQLite::Database raw(DbPath(), SQLite::OPEN_READONLY);
  EXPECT_EQ(
      raw.execAndGet("SELECT count(*) FROM interaction INDEXED BY interaction_source").getInt(),
      kMeetings);
  EXPECT_GT(std::filesystem::file_size(wal), 4u << 20);  // the commit wrote them
}

TEST_F(SqliteStoreTest, EndBulkLoadPutsTheIndexesBackBeforeTheCommit) {
  CreateDatabase();
  const std::vector<std::string> before = SchemaOf(DbPath());
  {
    auto store = OpenSqliteStore(DbPath());
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ((*store)->EndBulkLoad().error().code, ErrorCode::kInternal);  // no transaction
    BulkLoad(**store, 300);
    Must((*store)->EndBulkLoad());
    Must((*store)->EndBulkLoad());  // nothing left to end
    // Written through the indexes now: a second source "ics:1" is refused at once.
    Interaction again;
    again.at = kNow;
    again.owner = PersonId{2};
    again.attendees = {PersonId{2}};
    again.source = "ics:1";
    EXPECT_EQ((*store)->InsertInteraction(again).error().code, ErrorCode::kAlreadyExists);
    again.source = "ics:after";
    Must((*store)->InsertInteraction(again));
    Must((*store)->Commit());
    EXPECT_EQ(Must((*store)->ListInteractions({})).size(), 300u);
  }
  EXPECT_EQ(SchemaOf(DbPath()), before);
  EXPECT_EQ(IntegrityOf(DbPath()), "ok");
}

TEST_F(SqliteStoreTest, RolledBackBulkLoadLeavesTheSchemaAndDataAsTheyWere) {
  CreateDatabase();
  const std::vector<std::string> before = SchemaOf(DbPath());
  auto store = OpenSqliteStore(DbPath());
  ASSERT_TRUE(store) << store.error().message;
  BulkLoad(**store, 200);
  (*store)->Rollback();
  EXPECT_EQ(SchemaOf(DbPath()), before);
  EXPECT_EQ(Must((*store)->CountPeople()), 1u);
  // The next transaction writes through the indexes as usual.
  Must((*store)->Begin(kLater));
  Person person;
  person.name = "After";
  person.emails = {{"after@example.com", ""}};
  PersonId after = Must((*store)->InsertPerson(person));
  Must((*store)->Commit());
  EXPECT_EQ(Values(Must((*store)->FindPeopleByEmail("after@example.com", false))),
            std::vector<std::int64_t>{after.value});
  EXPECT_EQ(IntegrityOf(DbPath()), "ok");
  EXPECT_EQ(SchemaOf(DbPath()), before);
}

}  // namespace
}  // namespace allies::store
