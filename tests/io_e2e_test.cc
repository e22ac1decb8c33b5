// Out again, end to end (issue 4): export people and all, backup and restore, and the refusals
// of restore, with the real binary on the demo organization.

#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "run_allies.h"

namespace allies::testing {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void Ok(const Output& output) { ASSERT_EQ(output.exit_code, 0) << output.err; }

// Runs one SQL statement on a database file with the plain SQLite API, as another program would.
void Sql(const std::filesystem::path& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

class IoTest : public ::testing::Test {
 protected:
  void SetUp() override { Ok(box_.Run({"demo", "--people", "60"})); }
  std::string Path(const std::string& name) const { return (box_.dir() / name).string(); }

  Sandbox box_;
};

TEST_F(IoTest, BackupThenChangesThenRestoreGivesTheDataAsAtTheBackup) {
  Ok(box_.Run({"export", "all", "--out", Path("at-backup.json")}));
  auto backed_up = box_.Run({"backup", Path("backup.db")});
  Ok(backed_up);
  EXPECT_TRUE(backed_up.out.starts_with("backed up ")) << backed_up.out;
  EXPECT_NE(backed_up.out.find(" people to " + Path("backup.db") + " ("), std::string::npos);

  Ok(box_.Run({"person", "add", "Brand New", "--email", "new@example.com"}));
  Ok(box_.Run({"person", "rm", "2"}));
  Ok(box_.Run({"config", "set", "tie.half_life_days", "45"}));
  Ok(box_.Run({"export", "all", "--out", Path("changed.json")}));
  ASSERT_NE(ReadFile(Path("changed.json")), ReadFile(Path("at-backup.json")));

  auto restored = box_.Json({"restore", Path("backup.db")});
  EXPECT_EQ(restored["path"], Path("backup.db"));
  EXPECT_EQ(restored["schema_version"], 7);
  EXPECT_EQ(restored["migrated"], false);
  EXPECT_EQ(restored["previous_kept_at"], box_.db().string() + ".before-restore");
  Ok(box_.Run({"export", "all", "--out", Path("after-restore.json")}));
  EXPECT_EQ(ReadFile(Path("after-restore.json")), ReadFile(Path("at-backup.json")));

  // What the restore replaced is kept, and is itself a database Allies opens.
  auto kept = box_.Run({"export", "all", "--out", Path("kept.json")},
                       {"ALLIES_DB=" + box_.db().string() + ".before-restore"});
  Ok(kept);
  EXPECT_EQ(ReadFile(Path("kept.json")), ReadFile(Path("changed.json")));

  // A second restore keeps the first safety copy and numbers the next one.
  auto again = box_.Run({"restore", Path("backup.db")});
  Ok(again);
  EXPECT_EQ(again.out, "restored " + Path("backup.db") + " (" +
                           std::to_string(restored["people"].get<int>()) +
                           " people)\nthe content before the restore is kept in " +
                           box_.db().string() + ".before-restore.2\n");
}

TEST_F(IoTest, BackupRefusesToOverwriteUnlessForced) {
  {
    std::ofstream file(Path("taken.db"));
    file << "keep me";
  }
  auto refused = box_.Run({"backup", Path("taken.db")});
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_EQ(refused.err,
            "error: \"" + Path("taken.db") + "\" already exists (use --force to replace it)\n");
  EXPECT_EQ(ReadFile(Path("taken.db")), "keep me");
  auto forced = box_.Json({"backup", Path("taken.db"), "--force"});
  EXPECT_EQ(forced["path"], Path("taken.db"));
  EXPECT_GT(forced["bytes"].get<long>(), 4096);
  EXPECT_GT(forced["people"].get<int>(), 50);
}

TEST_F(IoTest, ExportPeopleWritesEachFormat) {
  auto vcard = box_.Run({"export", "people", "--format", "vcard", "--out", Path("people.vcf")});
  Ok(vcard);
  EXPECT_EQ(vcard.out, "wrote people as vcard to " + Path("people.vcf") + "\n");
  std::string cards = ReadFile(Path("people.vcf"));
  EXPECT_TRUE(cards.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));

  auto people = box_.Json({"person", "list"});
  ASSERT_TRUE(people.is_array());
  std::size_t count = 0;
  for (std::size_t at = cards.find("BEGIN:VCARD"); at != std::string::npos;
       at = cards.find("BEGIN:VCARD", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, people.size());

  auto csv = box_.Run({"export", "people", "--format", "csv"});
  Ok(csv);
  EXPECT_TRUE(csv.out.starts_with("Name,First Name,Middle Name,Last Name,")) << csv.out;

  auto json = box_.Run({"export", "people", "--format", "json"});
  Ok(json);
  EXPECT_EQ(nlohmann::json::parse(json.out), people);

  auto bad = box_.Run({"export", "people", "--format", "ldif"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "error: format \"ldif\" is not known (expected vcard, csv or json)\n");
}

TEST_F(IoTest, ExportAllIsTheDocumentedJson) {
  auto all = box_.Run({"export", "all"});
  Ok(all);
  auto document = nlohmann::json::parse(all.out);
  EXPECT_EQ(document["format"], "allies-export");
  EXPECT_EQ(document["version"], 2);
  EXPECT_EQ(document["schema_version"], 7);
  EXPECT_EQ(document["exported_at"], kNow);
  for (const char* key : {"people", "organizations", "interactions", "ledger", "introductions",
                          "followups", "vendor_notices", "knows", "config", "asks"}) {
    EXPECT_TRUE(document[key].is_array()) << key;
  }
  EXPECT_EQ(document["people"].size(), box_.Json({"person", "list", "--removed"}).size());
}

struct BadRestore {
  const char* name;
  // Writes the file to restore at `path`, given the sandbox's database (for copies of it).
  void (*make)(const std::filesystem::path& path, const std::filesystem::path& db);
  int exit_code;
  const char* error;  // stderr, with FILE standing for the file's path
};

void PrintTo(const BadRestore& input, std::ostream* out) { *out << input.name; }

class BadRestoreTest : public ::testing::TestWithParam<BadRestore> {};

TEST_P(BadRestoreTest, IsRefusedAndTheDatabaseIsUntouched) {
  Sandbox box;
  Ok(box.Run({"init", "--name", "Dana Whitfield"}));
  Ok(box.Run({"person", "add", "Sam Okafor", "--email", "sam@example.com"}));
  std::filesystem::path file = box.dir() / "restore-me.db";
  GetParam().make(file, box.db());
  std::string file_before = ReadFile(file);
  std::string before = box.DbBytes();
  ASSERT_FALSE(before.empty());

  auto output = box.Run({"restore", file.string()});
  EXPECT_EQ(output.exit_code, GetParam().exit_code);
  std::string expected(GetParam().error);
  expected.replace(expected.find("FILE"), 4, file.string());
  EXPECT_EQ(output.err, expected);
  EXPECT_EQ(output.out, "");
  EXPECT_TRUE(box.DbBytes() == before) << "the database changed";
  EXPECT_TRUE(ReadFile(file) == file_before) << "the file restored from changed";
  EXPECT_FALSE(std::filesystem::exists(box.db().string() + ".before-restore"));
}

constexpr BadRestore kBadRestores[] = {
    {"TextFile",
     [](const std::filesystem::path& path, const std::filesystem::path&) {
       std::ofstream file(path);
       file << "Name,Email\nSam Okafor,sam@example.com\n" << std::string(600, '#') << "\n";
     },
     5, "error: \"FILE\" is not an Allies database (file is not a database)\n"},
    {"DatabaseOfAnotherApplication",
     [](const std::filesystem::path& path, const std::filesystem::path&) {
       Sql(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Jolene');");
     },
     4,
     "error: \"FILE\" is not an Allies database (its application_id is 0x00000000, expected "
     "0x416c6c69)\n"},
    {"NewerSchemaVersion",
     [](const std::filesystem::path& path, const std::filesystem::path& db) {
       std::filesystem::copy_file(db, path);
       Sql(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 9;");
     },
     4,
     "error: \"FILE\" has schema version 9, but this Allies reads versions 1 to 7; upgrade "
     "Allies\n"},
};

INSTANTIATE_TEST_SUITE_P(Cases, BadRestoreTest, ::testing::ValuesIn(kBadRestores),
                         [](const ::testing::TestParamInfo<BadRestore>& case_info) {
                           return std::string(case_info.param.name);
                         });

TEST(RestoreTest, MissingFileIsNotFound) {
  Sandbox box;
  Ok(box.Run({"init", "--name", "Dana Whitfield"}));
  auto output = box.Run({"restore", (box.dir() / "nowhere.db").string()});
  EXPECT_EQ(output.exit_code, 3);
  EXPECT_EQ(output.err, "error: no backup file \"" + (box.dir() / "nowhere.db").string() + "\"\n");
}

}  // namespace
}  // namespace allies::testing
