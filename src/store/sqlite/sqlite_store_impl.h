#pragma once
// Private to store/sqlite: the SqliteStore class behind OpenSqliteStore. Its members are split
// over sqlite_store.cc (opening, transactions, statements, configuration), sqlite_people.cc
// (people, organizations) and sqlite_activity.cc (interactions, ledger, introductions,
// follow-ups, vendor notices).

#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "store/store.h"

namespace allies::store::sqlite {

using core::ErrorCode;
using core::Fail;

// A value for a `?` of a statement assembled at run time (the filters of List*).
using Param = std::variant<std::int64_t, std::string>;

// The tables a record may reference, so a foreign-key failure can name the missing record.
enum class Table { kPerson, kOrg, kInteraction, kLedger };

struct Reference {
  Table table;
  std::int64_t id;
  std::string_view role;  // what the record calls it: "owner", "attendee", ...
};

// A statement lent by the cache. Resets it when the loan ends, so that it holds no read lock
// and is ready for the next borrower.
class Borrowed {
 public:
  explicit Borrowed(SQLite::Statement& statement) : statement_(statement) {}
  ~Borrowed() { statement_.tryReset(); }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;

  SQLite::Statement* operator->() const { return &statement_; }
  SQLite::Statement& operator*() const { return statement_; }

 private:
  SQLite::Statement& statement_;
};

// --- binding and reading values ---------------------------------------------------------------

inline std::int64_t Seconds(core::TimePoint at) { return at.time_since_epoch().count(); }

inline core::TimePoint FromSeconds(std::int64_t seconds) {
  return core::TimePoint{std::chrono::seconds{seconds}};
}

inline void BindOptional(SQLite::Statement& statement, int index, std::optional<std::int64_t> v) {
  if (v) {
    statement.bind(index, *v);
  } else {
    statement.bind(index);
  }
}

inline void BindOptional(SQLite::Statement& statement, int index, std::optional<int> v) {
  BindOptional(statement, index,
               v ? std::optional<std::int64_t>(*v) : std::optional<std::int64_t>());
}

inline void BindOptional(SQLite::Statement& statement, int index,
                         std::optional<core::TimePoint> v) {
  BindOptional(statement, index, v ? std::optional<std::int64_t>(Seconds(*v)) : std::nullopt);
}

template <class Tag>
void BindOptional(SQLite::Statement& statement, int index, std::optional<core::Id<Tag>> v) {
  BindOptional(statement, index, v ? std::optional<std::int64_t>(v->value) : std::nullopt);
}

void BindParams(SQLite::Statement& statement, const std::vector<Param>& params);

// Binds created_at, updated_at and deleted_at at `first`, `first` + 1 and `first` + 2.
inline void BindStamps(SQLite::Statement& statement, int first, const core::Stamps& stamps) {
  statement.bind(first, Seconds(stamps.created_at));
  statement.bind(first + 1, Seconds(stamps.updated_at));
  BindOptional(statement, first + 2, stamps.deleted_at);
}

inline std::optional<std::int64_t> ColumnOptional(const SQLite::Statement& statement, int index) {
  SQLite::Column column = statement.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

inline std::optional<core::TimePoint> ColumnOptionalTime(const SQLite::Statement& statement,
                                                         int index) {
  auto seconds = ColumnOptional(statement, index);
  if (!seconds) return std::nullopt;
  return FromSeconds(*seconds);
}

template <class Tag>
std::optional<core::Id<Tag>> ColumnOptionalId(const SQLite::Statement& statement, int index) {
  auto value = ColumnOptional(statement, index);
  if (!value) return std::nullopt;
  return core::Id<Tag>{*value};
}

inline std::optional<int> ColumnOptionalInt(const SQLite::Statement& statement, int index) {
  auto value = ColumnOptional(statement, index);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

// Reads created_at, updated_at, deleted_at from three columns starting at `first`.
inline core::Stamps ColumnStamps(const SQLite::Statement& statement, int first) {
  return core::Stamps{FromSeconds(statement.getColumn(first).getInt64()),
                      FromSeconds(statement.getColumn(first + 1).getInt64()),
                      ColumnOptionalTime(statement, first + 2)};
}

// Reads an enum stored as its text name; a name this build does not know means the file was
// edited by hand or by a newer Allies.
template <class Enum, class Parser>
core::Result<Enum> ColumnEnum(const SQLite::Statement& statement, int index, Parser parse,
                              std::string_view what) {
  SQLite::Column column = statement.getColumn(index);
  std::string_view name(column.getText(), static_cast<std::size_t>(column.getBytes()));
  std::optional<Enum> value = parse(name);
  if (!value) {
    return Fail(ErrorCode::kIo, fmt::format("the database holds an unknown {} \"{}\"", what, name));
  }
  return *value;
}

// Walks the rows of `statement` (first column: the owner's id, ascending) alongside `records`
// (sorted by id) and hands each row to `add` with its owner. O(rows + records).
template <class Record, class Add>
void AttachChildren(SQLite::Statement& statement, std::vector<Record>& records, Add&& add) {
  std::size_t k = 0;
  while (statement.executeStep()) {
    std::int64_t owner = statement.getColumn(0).getInt64();
    while (k < records.size() && records[k].id.value < owner) ++k;
    if (k == records.size()) break;
    if (records[k].id.value == owner) add(records[k], statement);
  }
}

// How a write that fails part-way is undone, so that the transaction carries on as it was (an
// import skipping a duplicate). A savepoint makes SQLite copy every page the write touches,
// which costs a seventh of a bulk import, so only writes that cannot undo themselves use one.
enum class Undo {
  kStatement,  // SQLite undoes the failing statement; the body undoes any earlier one itself
  kSavepoint,  // a savepoint around the whole write
};

// A value of a row waiting in a bulk load's buffer.
using Cell = std::variant<std::monostate, std::int64_t, std::string>;

void BindCell(SQLite::Statement& statement, int index, const Cell& cell);

// The order in which a bulk load's held tables are written: a table before those that refer to
// it (organizations, then people, then the rest), and within a rank as their buffers opened.
enum class HeldRank { kOrgs, kPeople, kRest };

// Child rows of one table waiting to be written by multi-row INSERTs (bulk loading).
struct PendingRows {
  HeldRank rank = HeldRank::kRest;
  std::string_view single;  // the one-row INSERT, "INSERT INTO t (a, b) VALUES (?, ?)"
  std::string batch;        // the same for kBatchRows rows
  std::size_t columns = 0;
  std::vector<Cell> cells;  // `columns` per row, in insertion order

  static constexpr std::size_t kBatchRows = 64;
};

// Lets the statement cache be searched by string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<SQLite::Database> db, std::string path, int schema_version);
  ~SqliteStore() override;

  Result<void> Begin(core::TimePoint now) override;
  Result<void> Commit() override;
  void Rollback() noexcept override;
  Result<void> BeginRead() override;
  Result<void> BeginLoad(core::TimePoint now) override;
  int SchemaVersion() const override { return schema_version_; }

  Result<core::PersonId> InsertPerson(const core::Person& person) override;
  Result<void> UpdatePerson(const core::Person& person) override;
  Result<core::Person> GetPerson(core::PersonId id) override;
  Result<std::vector<core::Person>> ListPeople(const PersonFilter& filter) override;
  Result<std::vector<core::PersonId>> FindPeopleByName(std::string_view name_key,
                                                       bool include_deleted) override;
  Result<std::vector<core::PersonId>> FindPeopleByEmail(std::string_view email,
                                                        bool include_deleted) override;
  Result<std::vector<core::PersonId>> SearchPeople(std::string_view text) override;
  Result<std::optional<core::PersonId>> FindMe() override;
  Result<std::size_t> CountPeople() override;
  Result<std::vector<std::pair<core::PersonId, core::PersonId>>> ListReportsTo() override;

  Result<core::OrgId> InsertOrg(const core::Organization& org) override;
  Result<void> UpdateOrg(const core::Organization& org) override;
  Result<core::Organization> GetOrg(core::OrgId id) override;
  Result<std::vector<core::Organization>> ListOrgs(bool include_deleted) override;
  Result<std::vector<core::OrgId>> FindOrgsByName(std::string_view name_key,
                                                  bool include_deleted) override;

  Result<core::InteractionId> InsertInteraction(const core::Interaction& interaction) override;
  Result<void> UpdateInteraction(const core::Interaction& interaction) override;
  Result<core::Interaction> GetInteraction(core::InteractionId id) override;
  Result<std::vector<core::Interaction>> ListInteractions(const InteractionFilter& filter) override;
  Result<void> ForEachInteraction(
      const InteractionFilter& filter,
      const std::function<Result<void>(const core::Interaction&)>& visit) override;

  Result<core::LedgerId> InsertLedgerEntry(const core::LedgerEntry& entry) override;
  Result<void> UpdateLedgerEntry(const core::LedgerEntry& entry) override;
  Result<std::vector<core::LedgerEntry>> ListLedger(const LedgerFilter& filter) override;

  Result<core::IntroductionId> InsertIntroduction(const core::Introduction& intro) override;
  Result<std::vector<core::Introduction>> ListIntroductions(
      std::optional<core::PersonId> person) override;

  Result<core::FollowUpId> InsertFollowUp(const core::FollowUp& followup) override;
  Result<void> UpdateFollowUp(const core::FollowUp& followup) override;
  Result<core::FollowUp> GetFollowUp(core::FollowUpId id) override;
  Result<std::vector<core::FollowUp>> ListFollowUps(const FollowUpFilter& filter) override;

  Result<core::NoticeId> InsertNotice(const core::VendorNotice& notice) override;
  Result<std::vector<core::VendorNotice>> ListNotices(std::optional<core::OrgId> org) override;
  Result<void> UpsertKnows(const core::Knows& knows) override;
  Result<std::vector<core::Knows>> ListKnows() override;

  Result<void> ReassignPerson(core::PersonId from, core::PersonId to) override;
  Result<std::map<std::string, std::string>> LoadConfig() override;
  Result<void> SetConfig(std::string_view key, std::string_view value) override;
  Result<void> UnsetConfig(std::string_view key) override;

  Result<core::Dataset> ReadAll() override;
  Result<void> RestoreAll(const core::Dataset& data) override;
  Result<void> BackupTo(const std::string& path, bool overwrite) override;
  Result<int> RestoreFrom(const std::string& path, const std::string& keep_current_at) override;
  // asks, full-text matching and the influence snapshot (sqlite_ask.cc)
  Result<core::AskId> InsertAsk(const core::Ask& ask) override;
  Result<void> UpdateAsk(const core::Ask& ask) override;
  Result<core::Ask> GetAsk(core::AskId id) override;
  Result<std::vector<core::Ask>> ListAsks(const AskFilter& filter) override;
  Result<std::vector<TextMatch>> MatchPeople(const std::vector<std::string>& words,
                                             std::size_t limit) override;
  Result<std::optional<InfluenceSnapshotInfo>> LoadInfluenceSnapshotInfo() override;
  Result<std::vector<InfluenceRow>> LoadInfluenceRows(
      const std::vector<core::PersonId>& people) override;
  Result<void> SaveInfluenceSnapshot(const InfluenceSnapshot& snapshot) override;
  Result<std::int64_t> NetworkChangeCount() override;
  Result<std::unique_ptr<WorkLock>> LockInfluenceWork(bool wait) override;  // sqlite_lock.cc
  Result<bool> BeginBulkLoad(std::size_t people, std::size_t interactions) override;
  Result<void> EndBulkLoad() override;

 private:
  // Returns the cached statement for `sql`, preparing it on first use. Writes the rows a bulk
  // load holds back first, so that the statement sees them.
  Borrowed Prepare(std::string_view sql);
  // The cached statement, without waiting for the flusher: for the flusher itself.
  Borrowed Cached(std::string_view sql);

  // Inserts one child row with the one-row INSERT `sql` (the cells bound to ?1, ?2, ...): at
  // once, or, when `defer`, into the bulk load's buffer (the cells are moved from), whose
  // tables are written in the order of their `rank`.
  void WriteRow(std::string_view sql, std::vector<Cell>& cells, bool defer,
                HeldRank rank = HeldRank::kRest);
  // Writes every row held back by a bulk load. Throws SQLite::Exception.
  void FlushPending();
  // Hands the full buffer of rows held back to the flusher thread, which writes them while the
  // caller goes on filling the other buffer (after waiting for the previous flush). The
  // connection is used by one thread at a time: every other use of it waits for the flusher
  // first (Prepare, FlushPending, Rollback). A failed flush is rethrown
  // by every wait until the transaction is rolled back, so nothing after it can commit.
  void StartFlush();
  void WaitForFlush();
  void JoinFlusher() noexcept;
  // Writes `rows` (multi-row INSERTs, table by table in the order they were opened) and empties
  // them. Throws SQLite::Exception.
  void WriteRows(std::vector<PendingRows>& rows);
  // Ends a bulk load: writes the rows held back, puts the indexes set aside back and restores
  // the page cache. Throws SQLite::Exception.
  void FinishBulkLoad();
  // Recreates the indexes set aside (FinishBulkLoad). Throws SQLite::Exception.
  void RecreateIndexes();
  // Forgets a bulk load being rolled back.
  void AbandonBulkLoad() noexcept;
  // For BeginLoad's transaction: the first reference, of any table, to a row that does not
  // exist, as a message; nullopt when there is none. Throws SQLite::Exception.
  std::optional<std::string> UnresolvedReference();
  // Foreign keys back on after BeginLoad's transaction ended (they are per connection).
  void EndLoad() noexcept;

  // Runs `body` (returning Result<T>) as one write of the open transaction; a failed write
  // leaves the transaction as it was, undone as `undo` says. A SQLite exception from `body`
  // becomes the error `diagnose(exception)` returns.
  template <class T, class Body, class Diagnose>
  Result<T> Write(std::string_view action, Undo undo, Body&& body, Diagnose&& diagnose);

  // Counts `count` changes of the records influence is computed from when `result` is a
  // success (InfluenceSnapshotInfo::changes); Commit() adds them to the snapshot's count.
  template <class T>
  Result<T> Counted(Result<T> result, std::int64_t count = 1) {
    if (result) network_changes_ += count;
    return result;
  }

  // Deletes the row just inserted by a write that failed after it (Undo::kStatement). Its child
  // rows go with it (ON DELETE CASCADE).
  void UndoInsert(std::string_view delete_sql, std::int64_t id) noexcept;

  // Runs `body` (returning Result<T>); a SQLite exception becomes a kIo error naming `action`.
  template <class Body>
  auto Read(std::string_view action, Body&& body) -> decltype(body());

  // The error for a failed write: a foreign-key failure names the first record of
  // `references` that does not exist; a CHECK or NOT NULL failure is an invalid argument, a
  // UNIQUE failure already-exists; the rest is I/O.
  core::Error WriteError(const SQLite::Exception& e, std::string_view action,
                         std::span<const Reference> references);
  bool Exists(Table table, std::int64_t id);

  // Writes one record of a restore: `valid` is the record's own check, `insert` writes it and
  // may throw SQLite::Exception. Errors say "cannot <action>: ..." (references are checked by
  // RestoreAll at the end).
  template <class Insert>
  Result<void> RestoreRecord(const std::string& action, const Result<void>& valid,
                             Insert&& insert) {
    if (!valid) {
      return Fail(valid.error().code, fmt::format("cannot {}: {}", action, valid.error().message));
    }
    try {
      insert();
    } catch (const SQLite::Exception& e) {
      return tl::unexpected(WriteError(e, action, {}));
    }
    return {};
  }

  // people and organizations (sqlite_people.cc); `where` starts with WHERE or is empty and
  // names the person table `p`, the organization table `o`; `whole_table` says it selects
  // (nearly) every row, so child rows are read without filtering.
  Result<std::vector<core::Person>> LoadPeople(std::string_view where,
                                               const std::vector<Param>& params, bool whole_table,
                                               bool children = true, bool offers = false);
  // `defer`: the rows may wait in the bulk load's buffer.
  void InsertPersonChildren(std::int64_t id, const core::Person& person, bool defer = false);
  void DeletePersonChildren(std::int64_t id);
  void InsertPersonText(std::int64_t id, const core::Person& person, bool defer);
  core::Error PersonWriteError(const SQLite::Exception& e, std::string_view action,
                               const core::Person& person);
  Result<std::vector<core::Organization>> LoadOrgs(std::string_view where,
                                                   const std::vector<Param>& params);
  void InsertServices(std::int64_t id, const std::vector<std::string>& services);

  // interactions and the rest (sqlite_activity.cc); `where` names the interaction table `i`;
  // `whole_table` says it selects (nearly) every row, so the result is allocated up front.
  Result<std::vector<core::Interaction>> LoadInteractions(std::string_view where,
                                                          const std::vector<Param>& params,
                                                          bool whole_table);
  // Calls `visit` with every interaction `where` selects, with its attendees, in id order; the
  // interaction passed may be moved from. Its statements are its own (not the cache), so
  // `visit` may run other reads.
  Result<void> ScanInteractions(std::string_view where, const std::vector<Param>& params,
                                bool whole_table,
                                const std::function<Result<void>(core::Interaction&)>& visit);
  void InsertAttendees(std::int64_t id, const std::vector<core::PersonId>& attendees,
                       bool defer = false);
  // The id of the next row held back for a table, one past the largest there is (as SQLite
  // would give it): counted in `next` (0: not counted yet), from `max_id_sql` the first time.
  std::int64_t NextHeldId(std::int64_t& next, std::string_view max_id_sql);
  core::InteractionId HoldInteraction(const core::Interaction& interaction);
  core::PersonId HoldPerson(const core::Person& person);
  core::OrgId HoldOrg(const core::Organization& org);
  core::Error InteractionWriteError(const SQLite::Exception& e, std::string_view action,
                                    const core::Interaction& interaction);
  Result<std::vector<core::FollowUp>> LoadFollowUps(std::string_view where,
                                                    const std::vector<Param>& params);
  Result<std::vector<core::Ask>> LoadAsks(std::string_view where, const std::vector<Param>& params);

  // the whole database (sqlite_backup.cc, with the parts that need the record helpers in
  // sqlite_people.cc and sqlite_activity.cc). Restore* write records with their ids and stamps
  // inside RestoreAll's write and throw SQLite::Exception, or return an error naming the record.
  Result<void> RestorePeopleAndOrgs(const core::Dataset& data);
  Result<void> RestoreActivity(const core::Dataset& data);
  Result<void> RestoreAsks(const std::vector<core::Ask>& asks);  // sqlite_ask.cc
  Result<std::vector<core::Introduction>> LoadIntroductions(std::string_view where,
                                                            const std::vector<Param>& params);
  Result<std::vector<core::VendorNotice>> LoadNotices(std::string_view where,
                                                      const std::vector<Param>& params);
  Result<std::vector<core::Knows>> LoadKnows(std::string_view where);
  // Whether `path` names this database's own file.
  bool IsOwnFile(const std::string& path) const;

  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  int schema_version_;
  bool in_transaction_ = false;
  bool read_only_ = false;  // the open transaction is BeginRead's
  // The open transaction is BeginLoad's: foreign keys are off for it and checked by Commit.
  bool references_at_end_ = false;
  // Changes of people, interactions and knows ties in the open transaction (Counted), since its
  // start or the influence snapshot saved in it.
  std::int64_t network_changes_ = 0;
  core::TimePoint now_{};
  // Bulk loading (BeginBulkLoad): the indexes set aside (name, CREATE statement), in the order
  // they were dropped, and the child rows held back, by table.
  bool bulk_ = false;
  std::vector<std::pair<std::string, std::string>> set_aside_;
  std::vector<PendingRows> pending_;
  std::size_t pending_cells_ = 0;
  bool flushing_ = false;
  // The buffer the flusher thread is writing (or last wrote; its cells then emptied), and what
  // went wrong there.
  std::vector<PendingRows> in_flight_;
  std::exception_ptr flush_failure_;
  std::int64_t next_interaction_id_ = 0;  // the next HoldInteraction's id; 0 when not counted yet
  std::int64_t next_person_id_ = 0;       // the next HoldPerson's id; 0 when not counted yet
  std::int64_t next_org_id_ = 0;          // the next HoldOrg's id; 0 when not counted yet
  std::vector<Cell> row_;                 // scratch for WriteRow's callers
  // Declared after db_ so the statements are finalized before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, StringHash, std::equal_to<>>
      statements_;
  std::thread flusher_;  // joined before anything else uses the connection, and on destruction
};

// --- templates --------------------------------------------------------------------------------

template <class T, class Body, class Diagnose>
Result<T> SqliteStore::Write(std::string_view action, Undo undo, Body&& body, Diagnose&& diagnose) {
  if (!in_transaction_) {
    return Fail(ErrorCode::kInternal,
                fmt::format("cannot {} outside a transaction (Begin was not called)", action));
  }
  if (read_only_) {
    return Fail(ErrorCode::kInternal,
                fmt::format("cannot {} in a read-only transaction (BeginRead)", action));
  }
  const bool savepoint = undo == Undo::kSavepoint;
  try {
    if (savepoint) Prepare("SAVEPOINT allies_write")->exec();
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, e.what()));
  }
  Result<T> result = [&]() -> Result<T> {
    try {
      return body();
    } catch (const SQLite::Exception& e) {
      // The failed statement was reset when its Borrowed unwound, so `diagnose` may query.
      return tl::unexpected<core::Error>(diagnose(e));
    }
  }();
  if (!savepoint) return result;
  try {
    if (!result) Prepare("ROLLBACK TO allies_write")->exec();
    Prepare("RELEASE allies_write")->exec();
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, e.what()));
  }
  return result;
}

template <class Body>
auto SqliteStore::Read(std::string_view action, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo, fmt::format("cannot {}: {}", action, e.what()));
  }
}

}  // namespace allies::store::sqlite
