// The whole database at once in the SQLite back end: reading every record for a full export,
// restoring one into an empty database, and file backups with SQLite's online backup API.

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {
namespace {

namespace fs = std::filesystem;

template <class Record>
void SortById(std::vector<Record>& records) {
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.id < b.id; });
}

// Copies every page of `from` into `to` (both "main"), in one step: the destination is replaced
// in one transaction of its own, or left as it was when the copy fails.
Result<void> CopyPages(sqlite3* from, sqlite3* to, std::string_view action) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, sqlite3_errmsg(to)));
  }
  int step = sqlite3_backup_step(backup, -1);
  int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, sqlite3_errstr(step)));
  }
  if (finish != SQLITE_OK) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, sqlite3_errstr(finish)));
  }
  return {};
}

void RemoveQuietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

// Writes a copy of `source` to `path` through a temporary file renamed into place. The copy uses
// a rollback journal, not WAL, so that it is complete in its one file.
Result<void> WriteCopy(sqlite3* source, const std::string& path, bool replace) {
  const std::string action = fmt::format("write the backup \"{}\"", path);
  const std::string partial = path + ".partial";
  RemoveQuietly(partial);
  try {
    {
      SQLite::Database copy(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      if (auto copied = CopyPages(source, copy.getHandle(), action); !copied) {
        RemoveQuietly(partial);
        return copied;
      }
      copy.exec("PRAGMA journal_mode = DELETE");
    }
    if (replace) {
      // A WAL left by the file being replaced would be replayed onto the copy.
      RemoveQuietly(path + "-wal");
      RemoveQuietly(path + "-shm");
    }
    std::error_code error;
    fs::rename(partial, path, error);
    if (error) {
      RemoveQuietly(partial);
      return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, error.message()));
    }
  } catch (const SQLite::Exception& e) {
    RemoveQuietly(partial);
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, e.what()));
  }
  return {};
}

// What a table is called in messages about a restore.
std::string_view RecordName(std::string_view table) {
  if (table == "org") return "organization";
  if (table == "ledger") return "ledger entry";
  if (table == "followup") return "follow-up";
  if (table == "vendor_notice") return "vendor notice";
  if (table == "knows") return "knows pair";
  if (table == "interaction_attendee") return "interaction attendee";
  if (table.starts_with("person_")) return "person";
  return table;
}

}  // namespace

bool SqliteStore::IsOwnFile(const std::string& path) const {
  if (path_ == ":memory:") return false;
  if (path == path_) return true;
  std::error_code error;
  return fs::equivalent(path, path_, error) && !error;
}

// --- a full export ------------------------------------------------------------------------------

Result<core::Dataset> SqliteStore::ReadAll() {
  return Read("read the whole database", [&]() -> Result<core::Dataset> {
    core::Dataset data;
    ALLIES_TRY(data.people, LoadPeople("", {}, true));
    SortById(data.people);
    ALLIES_TRY(data.orgs, LoadOrgs("", {}));
    SortById(data.orgs);
    ALLIES_TRY_VOID(ScanInteractions("", {}, true, [&](core::Interaction& interaction) {
      data.interactions.push_back(std::move(interaction));
      return Result<void>{};
    }));
    LedgerFilter every_entry;
    every_entry.include_deleted = true;
    ALLIES_TRY(data.ledger, ListLedger(every_entry));
    SortById(data.ledger);
    ALLIES_TRY(data.introductions, LoadIntroductions("ORDER BY id", {}));
    ALLIES_TRY(data.followups, LoadFollowUps("", {}));
    SortById(data.followups);
    ALLIES_TRY(data.notices, LoadNotices("ORDER BY id", {}));
    ALLIES_TRY(data.knows, LoadKnows(""));
    ALLIES_TRY(data.asks, LoadAsks("", {}));
    SortById(data.asks);
    auto statement = Prepare("SELECT key, value, created_at, updated_at FROM config ORDER BY key");
    while (statement->executeStep()) {
      data.config.push_back(core::ConfigEntry{
          statement->getColumn(0).getString(), statement->getColumn(1).getString(),
          core::Stamps{FromSeconds(statement->getColumn(2).getInt64()),
                       FromSeconds(statement->getColumn(3).getInt64()), std::nullopt}});
    }
    return data;
  });
}

Result<void> SqliteStore::RestoreAll(const core::Dataset& data) {
  constexpr std::string_view kAction = "restore a full export";
  next_interaction_id_ = 0;  // a bulk load counts again after the ids written here
  next_person_id_ = 0;
  next_org_id_ = 0;
  return Counted(
      Write<void>(
          kAction, Undo::kSavepoint,
          [&]() -> Result<void> {
            {
              auto count = Prepare(
                  "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM org) + "
                  "(SELECT count(*) FROM interaction) + (SELECT count(*) FROM ledger) + "
                  "(SELECT count(*) FROM introduction) + (SELECT count(*) FROM followup) + "
                  "(SELECT count(*) FROM vendor_notice) + (SELECT count(*) FROM knows) + "
                  "(SELECT count(*) FROM config) + (SELECT count(*) FROM ask)");
              count->executeStep();
              if (std::int64_t records = count->getColumn(0).getInt64(); records > 0) {
                return Fail(ErrorCode::kConflict,
                            fmt::format("cannot {}: the database already holds {} records", kAction,
                                        records));
              }
            }
            // Records may refer to records written after them (a manager with a higher id); the
            // references are checked once, below. The pragma ends with the transaction.
            db_->exec("PRAGMA defer_foreign_keys = ON");
            ALLIES_TRY_VOID(RestorePeopleAndOrgs(data));
            ALLIES_TRY_VOID(RestoreActivity(data));
            ALLIES_TRY_VOID(RestoreAsks(data.asks));
            for (const core::ConfigEntry& entry : data.config) {
              auto statement = Prepare(
                  "INSERT INTO config (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, "
                  "?4)");
              statement->bind(1, entry.key);
              statement->bind(2, entry.value);
              statement->bind(3, Seconds(entry.stamps.created_at));
              statement->bind(4, Seconds(entry.stamps.updated_at));
              statement->exec();
            }
            std::optional<core::Error> dangling;
            {
              SQLite::Statement check(*db_, "PRAGMA foreign_key_check");
              if (check.executeStep()) {
                std::string table = check.getColumn(0).getString();
                std::optional<std::int64_t> row = ColumnOptional(check, 1);
                std::string parent = check.getColumn(2).getString();
                int key = check.getColumn(3).getInt();
                check.reset();
                std::string column = "?";
                SQLite::Statement keys(*db_, fmt::format("PRAGMA foreign_key_list(\"{}\")", table));
                while (keys.executeStep()) {
                  if (keys.getColumn(0).getInt() == key) column = keys.getColumn(3).getString();
                }
                std::string missing = "?";
                SQLite::Statement value(
                    *db_, fmt::format("SELECT \"{0}\" FROM \"{1}\" WHERE \"{0}\" IS NOT NULL AND "
                                      "\"{0}\" NOT IN (SELECT id FROM \"{2}\") LIMIT 1",
                                      column, table, parent));
                if (value.executeStep()) missing = value.getColumn(0).getString();
                std::string record = row ? fmt::format("{} {}", RecordName(table), *row)
                                         : fmt::format("a {} row", RecordName(table));
                dangling = core::Error{
                    ErrorCode::kInvalidArgument,
                    fmt::format("cannot {}: {} refers to {} {} ({}), which it does not hold",
                                kAction, record, RecordName(parent), missing, column)};
              }
            }
            if (dangling) return tl::unexpected(*dangling);
            db_->exec("PRAGMA defer_foreign_keys = OFF");
            return {};
          },
          [&](const SQLite::Exception& e) { return WriteError(e, kAction, {}); }),
      static_cast<std::int64_t>(data.people.size() + data.interactions.size() + data.knows.size()));
}

// --- backup and restore -------------------------------------------------------------------------

Result<void> SqliteStore::BackupTo(const std::string& path, bool overwrite) {
  if (in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot back up the database inside a transaction");
  }
  if (IsOwnFile(path)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot back up the database onto itself (\"{}\")", path));
  }
  std::error_code error;
  if (fs::exists(path, error) && !overwrite) {
    return Fail(ErrorCode::kAlreadyExists, fmt::format("\"{}\" already exists", path));
  }
  return WriteCopy(db_->getHandle(), path, overwrite);
}

Result<int> SqliteStore::RestoreFrom(const std::string& path, const std::string& keep_current_at) {
  if (in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot restore the database inside a transaction");
  }
  std::error_code error;
  if (!fs::exists(path, error)) {
    return Fail(ErrorCode::kNotFound, fmt::format("no backup file \"{}\"", path));
  }
  if (IsOwnFile(path)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot restore \"{}\" onto itself: it is the database in use", path));
  }
  try {
    SQLite::Database source(path, SQLite::OPEN_READONLY);
    auto application_id = source.execAndGet("PRAGMA application_id").getInt();
    int version = source.execAndGet("PRAGMA user_version").getInt();
    if (application_id != kApplicationId) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("\"{}\" is not an Allies database (its application_id is {:#010x}, "
                              "expected {:#010x})",
                              path, static_cast<std::uint32_t>(application_id), kApplicationId));
    }
    if (version < 1 || version > kSqliteSchemaVersion) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("\"{}\" has schema version {}, but this Allies reads versions 1 to "
                              "{}{}",
                              path, version, kSqliteSchemaVersion,
                              version > kSqliteSchemaVersion ? "; upgrade Allies" : ""));
    }
    // The backup itself is never written: it is copied into memory, migrated and checked there.
    SQLite::Database copy(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    copy.exec(fmt::format("PRAGMA page_size = {}", source.execAndGet("PRAGMA page_size").getInt()));
    ALLIES_TRY_VOID(CopyPages(source.getHandle(), copy.getHandle(),
                              fmt::format("read the backup \"{}\"", path)));
    ALLIES_TRY(int migrated, Migrate(copy, path));
    std::string check = copy.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok") {
      return Fail(ErrorCode::kIo,
                  fmt::format("\"{}\" is damaged (SQLite's check says: {})", path, check));
    }
    if (!keep_current_at.empty()) ALLIES_TRY_VOID(BackupTo(keep_current_at, false));
    // Cached statements would only be re-prepared against the new schema; dropping them keeps
    // nothing of the old content alive.
    statements_.clear();
    ALLIES_TRY_VOID(CopyPages(copy.getHandle(), db_->getHandle(),
                              fmt::format("restore \"{}\" into \"{}\"", path, path_)));
    schema_version_ = migrated;
    return version;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      return Fail(ErrorCode::kIo,
                  fmt::format("\"{}\" is not an Allies database ({})", path, e.what()));
    }
    return Fail(ErrorCode::kIo, fmt::format("cannot restore from \"{}\": {}", path, e.what()));
  }
}

}  // namespace allies::store::sqlite
