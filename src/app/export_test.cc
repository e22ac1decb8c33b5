// Out again (issue 4): address-book exports, the full export and its re-import, on real
// (in-memory) SQLite stores.

#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "app/app.h"
#include "formats/contacts_csv.h"
#include "formats/snapshot.h"
#include "formats/vcard.h"
#include "store/sqlite/sqlite_store.h"

namespace allies::app {
namespace {

using std::chrono::hours;

constexpr core::TimePoint kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 26} + hours{9};

std::unique_ptr<store::Store> OpenMemory() {
  auto opened = store::OpenSqliteStore(":memory:");
  EXPECT_TRUE(opened) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

// The text of a full export without its "exported_at" line, which says when, not what.
std::string WithoutExportTime(std::string text) {
  std::size_t at = text.find("\"exported_at\"");
  if (at == std::string::npos) return text;
  std::size_t end = text.find('\n', at);
  return text.erase(at, end - at);
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenMemory();
    app_ = std::make_unique<App>(*store_, kNow);
  }

  // A small database touching every kind of record, removed ones included.
  void Seed() {
    ASSERT_TRUE(app_->Init("Dana Whitfield", {"dana@example.com"}));
    PersonInput boss;
    boss.name = "Ruth Ndiaye";
    boss.emails = {{"ruth@contoso.example", "work"}};
    boss.org = "Contoso";
    ASSERT_TRUE(app_->AddPerson(boss));
    PersonInput sam;
    sam.name = "Sam van der Berg";
    sam.title = "CFO";
    sam.department = "Finance";
    sam.org = "Contoso";
    sam.reports_to = "Ruth Ndiaye";
    sam.emails = {{"sam@contoso.example", "work"}, {"sam@home.example", "home"}};
    sam.phones = {{"+31 20 555 0101", "cell"}};
    sam.tags = {"budget", "golf"};
    sam.offers = {{"budget", 5}};
    sam.needs = {"cheaper cloud"};
    sam.note = "Two kids; plays the cello";
    sam.birthday = core::MonthDay{2, 29, 1980};
    sam.anniversary = core::MonthDay{6, 1, std::nullopt};
    sam.work_anniversary = core::MonthDay{9, 1, 2015};
    sam.closeness = 4;
    sam.cadence_days = 30;
    ASSERT_TRUE(app_->AddPerson(sam));
    PersonInput gone;
    gone.name = "Gone Person";
    ASSERT_TRUE(app_->AddPerson(gone));
    ASSERT_TRUE(app_->RemovePerson("Gone Person"));
    LogInput lunch;
    lunch.kind = core::InteractionKind::kLunch;
    lunch.with = {"Sam van der Berg"};
    lunch.at = kNow - hours{24};
    ASSERT_TRUE(app_->Log(lunch));
    LedgerInput deposit;
    deposit.person = "Sam van der Berg";
    ASSERT_TRUE(app_->Deposit(deposit));
    IntroInput intro;
    intro.first = "Sam van der Berg";
    intro.second = "Ruth Ndiaye";
    ASSERT_TRUE(app_->Introduce(intro));
    ASSERT_TRUE(app_->AddFollowUp("Sam van der Berg", "send the deck",
                                  core::Date{std::chrono::year{2026} / 12 / 1}));
    OrgInput vendor;
    vendor.name = "Fabrikam";
    vendor.kind = core::OrgKind::kVendor;
    vendor.services = {"backup"};
    ASSERT_TRUE(app_->AddOrg(vendor));
    ASSERT_TRUE(app_->AddVendorNotice("Fabrikam", "price rise", std::nullopt, std::nullopt));
    ASSERT_TRUE(app_->Know("Sam van der Berg", "Ruth Ndiaye", 0.7));
    ASSERT_TRUE(app_->ConfigSet("tie.half_life_days", "120"));
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
};

TEST_F(ExportTest, FullExportReimportedIntoAnEmptyDatabaseExportsIdentically) {
  Seed();
  auto first = app_->ExportAll();
  ASSERT_TRUE(first) << first.error().message;
  auto snapshot = formats::ReadSnapshot(*first);
  ASSERT_TRUE(snapshot) << snapshot.error().message;

  // A day later, so that restamping anything would show in the second export.
  auto copy = OpenMemory();
  App later(*copy, kNow + hours{24});
  auto report = later.ImportSnapshot(*snapshot, false);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->dry_run);
  EXPECT_EQ(report->people, 4u);  // me, Ruth, Sam, and the removed one
  EXPECT_EQ(report->organizations, 2u);
  EXPECT_EQ(report->interactions, 1u);
  EXPECT_EQ(report->ledger, 3u);  // the deposit, and the introduction's two
  EXPECT_EQ(report->introductions, 1u);
  EXPECT_EQ(report->followups, 1u);
  EXPECT_EQ(report->vendor_notices, 1u);
  EXPECT_EQ(report->knows, 1u);
  EXPECT_EQ(report->config, 1u);

  auto second = later.ExportAll();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(*second, *first);                                        // exported_at differs...
  EXPECT_EQ(WithoutExportTime(*second), WithoutExportTime(*first));  // ...and nothing else
  EXPECT_NE(first->find("\"deleted_at\": \"2026-11-26T09:00:00Z\""), std::string::npos);
}

TEST_F(ExportTest, DemoDatabaseRoundTripsThroughAFullExport) {
  auto demo = app_->Demo(DemoOptions{120, 7});
  ASSERT_TRUE(demo) << demo.error().message;
  ASSERT_TRUE(app_->RemovePerson(std::to_string(5)));
  auto first = app_->ExportAll();
  ASSERT_TRUE(first) << first.error().message;
  auto snapshot = formats::ReadSnapshot(*first);
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_EQ(snapshot->data.people.size(), static_cast<std::size_t>(demo->people));
  EXPECT_EQ(snapshot->data.interactions.size(), static_cast<std::size_t>(demo->interactions));

  auto copy = OpenMemory();
  App again(*copy, kNow);
  ASSERT_TRUE(again.ImportSnapshot(*snapshot, false));
  auto second = again.ExportAll();
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, *first);
}

// Every row of every table of the SQLite file at `path`, as text, table by table in name order
// and rows in primary-key order: what `sqlite3 FILE .dump` would show of the data.
std::string DumpRows(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::vector<std::string> tables;
  SQLite::Statement names(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::string dump;
  for (const std::string& table : tables) {
    // Derived data: FTS5's own index pages (their layout depends on insertion history; the
    // indexed text itself is compared through person_text), the influence snapshot and its
    // count of changes.
    if (table.starts_with("person_text_") || table.starts_with("influence") ||
        table == "network_changes") {
      continue;
    }
    dump += "-- " + table + "\n";
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        dump += rows.getColumn(i).isNull() ? std::string("NULL") : rows.getColumn(i).getString();
        dump += '|';
      }
      dump += '\n';
    }
  }
  return dump;
}

TEST_F(ExportTest, ReimportedDemoDatabaseEqualsTheOriginalRowForRow) {
  std::string pattern = (std::filesystem::temp_directory_path() / "allies-export-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir = pattern;
  const std::string original_path = (dir / "original.db").string();
  const std::string copy_path = (dir / "copy.db").string();
  {
    auto original = store::OpenSqliteStore(original_path);
    ASSERT_TRUE(original);
    App app(**original, kNow);
    ASSERT_TRUE(app.Demo(DemoOptions{80, 3}));
    ASSERT_TRUE(app.RemovePerson("4"));
    ASSERT_TRUE(app.Know("5", "6", 0.4));
    ASSERT_TRUE(app.ConfigSet("tie.half_life_days", "60"));
    auto snapshot = app.TakeSnapshot();
    ASSERT_TRUE(snapshot);
    auto copy = store::OpenSqliteStore(copy_path);
    ASSERT_TRUE(copy);
    App target(**copy, kNow + hours{48});
    ASSERT_TRUE(target.ImportSnapshot(*snapshot, false));
  }
  std::string original_rows = DumpRows(original_path);
  EXPECT_GT(original_rows.size(), 10000u);
  EXPECT_EQ(DumpRows(copy_path), original_rows);
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

TEST_F(ExportTest, ImportIntoADatabaseThatHoldsRecordsIsRefusedNamingThem) {
  Seed();
  auto snapshot = app_->TakeSnapshot();
  ASSERT_TRUE(snapshot);
  auto refused = app_->ImportSnapshot(*snapshot, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message,
            "cannot import an Allies export into a database that already holds 4 people and 11 "
            "other records: import it into a new database (--db NEW.db), or use `allies restore` "
            "for a backup");
}

TEST_F(ExportTest, DryRunChecksEverythingAndWritesNothing) {
  Seed();
  auto snapshot = app_->TakeSnapshot();
  ASSERT_TRUE(snapshot);
  auto copy = OpenMemory();
  App target(*copy, kNow);
  auto report = target.ImportSnapshot(*snapshot, true);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->dry_run);
  EXPECT_EQ(report->people, 4u);
  auto after = copy->ReadAll();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->Size(), 0u);
}

TEST_F(ExportTest, DanglingReferenceIsRefusedNamingItAndNothingIsWritten) {
  Seed();
  auto snapshot = app_->TakeSnapshot();
  ASSERT_TRUE(snapshot);
  snapshot->data.ledger.front().person = core::PersonId{99};
  auto copy = OpenMemory();
  App target(*copy, kNow);
  auto refused = target.ImportSnapshot(*snapshot, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().message,
            "cannot restore a full export: ledger entry 1 refers to person 99 (person_id), which "
            "it does not hold");
  auto after = copy->ReadAll();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->Size(), 0u);
}

TEST_F(ExportTest, PeopleAsVcardCarryEveryMappedField) {
  Seed();
  auto text = app_->ExportPeople("vcard", false);
  ASSERT_TRUE(text) << text.error().message;
  auto file = formats::ReadVcard(*text);
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_EQ(file->contacts.size(), 3u);  // not the removed one
  EXPECT_TRUE(file->errors.empty());
  // Sorted by name: Dana Whitfield, Ruth Ndiaye, Sam van der Berg.
  const formats::Contact& sam = file->contacts[2];
  EXPECT_EQ(sam.formatted_name, "Sam van der Berg");
  EXPECT_EQ(sam.given, "Sam van der");
  EXPECT_EQ(sam.family, "Berg");
  EXPECT_EQ(sam.title, "CFO");
  EXPECT_EQ(sam.organization, "Contoso");
  EXPECT_EQ(sam.department, "Finance");
  EXPECT_EQ(sam.emails, (std::vector<core::Email>{{"sam@contoso.example", "work"},
                                                  {"sam@home.example", "home"}}));
  EXPECT_EQ(sam.phones, (std::vector<core::Phone>{{"+31 20 555 0101", "cell"}}));
  EXPECT_EQ(sam.categories, (std::vector<std::string>{"budget", "golf"}));
  ASSERT_EQ(sam.notes.size(), 1u);
  EXPECT_EQ(sam.notes[0].text, "Two kids; plays the cello");
  EXPECT_EQ(sam.notes[0].at, kNow);
  EXPECT_EQ(sam.birthday, (core::MonthDay{2, 29, 1980}));
  EXPECT_EQ(sam.anniversary, (core::MonthDay{6, 1, std::nullopt}));
  EXPECT_EQ(sam.work_anniversary, (core::MonthDay{9, 1, 2015}));
  EXPECT_EQ(sam.offers, (std::vector<core::Offer>{{"budget", 5}}));
  EXPECT_EQ(sam.needs, (std::vector<std::string>{"cheaper cloud"}));
  EXPECT_EQ(sam.closeness, 4);
  EXPECT_EQ(sam.cadence_days, 30);
  EXPECT_EQ(sam.reports_to, "ruth@contoso.example");
}

TEST_F(ExportTest, PeopleAsCsvIncludeRemovedOnlyWhenAsked) {
  Seed();
  auto live = app_->ExportPeople("csv", false);
  auto all = app_->ExportPeople("csv", true);
  ASSERT_TRUE(live && all);
  auto live_file = formats::ReadContactsCsv(*live, {});
  auto all_file = formats::ReadContactsCsv(*all, {});
  ASSERT_TRUE(live_file && all_file);
  EXPECT_EQ(live_file->format, "csv allies");
  EXPECT_EQ(live_file->contacts.size(), 3u);
  ASSERT_EQ(all_file->contacts.size(), 4u);
  EXPECT_EQ(all_file->contacts[0].formatted_name, "Dana Whitfield");
  EXPECT_EQ(all_file->contacts[1].formatted_name, "Gone Person");
  EXPECT_EQ(all_file->contacts[1].given, "Gone");
  EXPECT_EQ(all_file->contacts[3].reports_to, "ruth@contoso.example");
}

TEST_F(ExportTest, UnknownPeopleFormatIsRefusedListingTheKnownOnes) {
  auto refused = app_->ExportPeople("ldif", false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().message, "format \"ldif\" is not known (expected vcard, csv or json)");
}

}  // namespace
}  // namespace allies::app
