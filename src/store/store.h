#pragma once
// The one storage interface. Callers (the app layer) see only this; the concrete back ends
// (sqlite/ now, postgres/ later) live beside it and only main.cc names them.
//
// Contract for every back end:
//  - Every command runs inside one transaction: Begin() ... Commit(), or Rollback() on any error,
//    which leaves the database exactly as it was.
//  - Insert* ignore the id and stamps of their argument; they set created_at = updated_at = `now`
//    given to Begin() and return the new id.
//  - Update* replace every field (child lists included) of the record with that id, set
//    updated_at, and keep created_at. NotFound when no record has that id.
//  - Get* return soft-deleted records too; List* and Find* skip them unless asked.
//  - Nothing here interprets the data (no scoring, no validation beyond integrity).
//  - A Store is used from one thread at a time.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/model.h"
#include "core/result.h"

namespace allies::store {

using core::Result;

struct PersonFilter {
  std::optional<std::string> department;  // exact, case-insensitive
  std::optional<std::string> tag;         // exact, case-insensitive
  std::optional<core::OrgId> org;
  bool only_team = false;  // team members only (not me)
  bool include_deleted = false;
  // issue 5: the person rows only, every child list (emails, phones, tags, offers, needs, notes,
  // dates) left empty: for passes over everybody that need names, departments and links.
  bool without_children = false;
  // With without_children: the offers are read all the same (influence needs them for everyone).
  bool with_offers = false;
};

struct InteractionFilter {
  std::optional<core::PersonId> attendee;  // only interactions this person attended
  std::optional<core::TimePoint> since;    // at >= since
  std::optional<core::TimePoint> until;    // at < until
  bool include_deleted = false;
};

struct LedgerFilter {
  std::optional<core::PersonId> person;
  std::optional<core::PersonId> owner;
  bool include_deleted = false;
};

struct FollowUpFilter {
  std::optional<core::PersonId> person;
  bool include_done = false;
  bool include_deleted = false;
};

// --- asks, full-text matching and the influence snapshot (issue 5) ---

struct AskFilter {
  std::optional<core::PersonId> person;
  std::optional<core::PersonId> owner;
  bool only_pending = false;
  std::optional<core::TimePoint> since;  // at >= since
  bool include_deleted = false;
};

// A person whose offers, needs or notes match a full-text query.
struct TextMatch {
  core::PersonId person;
  double relevance = 0;  // -bm25: higher is better, always > 0
};

// Everyone's influence (DESIGN.md §3) as computed over the whole network at one moment: derived
// data, kept so that the advice commands need not recompute it on every run (README.md,
// "Influence"). The store counts the changes committed since it was saved to the records
// influence is computed from; the app decides when it is too old or too changed.
struct InfluenceRow {
  core::PersonId person;
  double influence = 0;
  double pagerank_percentile = 0;
  double betweenness_percentile = 0;
  double offer = 0;
};

struct InfluenceSnapshotInfo {
  core::TimePoint computed_at{};  // the `now` the scores were computed for
  std::int64_t people = 0;        // the network's people and ties then
  std::int64_t ties = 0;
  std::string basis;  // what it was computed with (the app's parameters); opaque to the store
  // Writes of people (any field: reports-to and offers are theirs), interactions and knows ties
  // since the network it holds was read (InfluenceSnapshot::as_of_change): each InsertPerson,
  // UpdatePerson, InsertInteraction, UpdateInteraction, UpsertKnows and ReassignPerson counts
  // one, RestoreAll one per person, interaction and knows tie. Committed ones, plus those of the
  // open transaction. Set by the store; Save ignores it.
  std::int64_t changes = 0;
};

struct InfluenceSnapshot {
  InfluenceSnapshotInfo info;
  // Store::NetworkChangeCount() when the network it was computed from was read: the changes
  // written after that are counted as changes since (InfluenceSnapshotInfo::changes), also when
  // they were written by another process while it was being computed.
  std::int64_t as_of_change = 0;
  std::vector<InfluenceRow> rows;  // by person id, each person once
};

// A lock held between processes (Store::LockInfluenceWork); released when destroyed.
class WorkLock {
 public:
  virtual ~WorkLock() = default;
  WorkLock() = default;
  WorkLock(const WorkLock&) = delete;
  WorkLock& operator=(const WorkLock&) = delete;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- transactions -------------------------------------------------------------------------
  // Starts the command's transaction; `now` stamps every record it writes. Writes outside a
  // transaction are an internal error.
  [[nodiscard]] virtual Result<void> Begin(core::TimePoint now) = 0;
  [[nodiscard]] virtual Result<void> Commit() = 0;
  // Undoes everything since Begin(). Safe to call when no transaction is open.
  virtual void Rollback() noexcept = 0;
  // Starts a read-only transaction, ended by Commit() or Rollback(): every read sees the
  // database as it was when it began, while other processes may write and commit. A write
  // inside it is an internal error. For long computations that must not hold other writers up
  // (the influence refresh).
  [[nodiscard]] virtual Result<void> BeginRead() = 0;
  // Starts a write transaction for loading many rows at once (an import of thousands), like
  // Begin(), except that what each row refers to (its person, interaction, organization, ...)
  // is checked once for all, by Commit(), instead of as each row is written: a query per
  // reference over its whole table, about 1.7 s for a million meetings with five million
  // attendee rows, where checking them one row at a time costs the writer about 6 s. Commit()
  // fails (kInternal, naming the table, the column and the value) when a reference does not
  // resolve; roll back then. Deleting a row in such a transaction does not delete what depends
  // on it (a delete that leaves such rows behind fails the commit the same way): it is for
  // inserting and updating.
  [[nodiscard]] virtual Result<void> BeginLoad(core::TimePoint now) = 0;

  // Schema version of the open database (after migrations).
  virtual int SchemaVersion() const = 0;

  // --- people -------------------------------------------------------------------------------
  [[nodiscard]] virtual Result<core::PersonId> InsertPerson(const core::Person& person) = 0;
  [[nodiscard]] virtual Result<void> UpdatePerson(const core::Person& person) = 0;
  [[nodiscard]] virtual Result<core::Person> GetPerson(core::PersonId id) = 0;
  // Sorted by name key, then id.
  [[nodiscard]] virtual Result<std::vector<core::Person>> ListPeople(
      const PersonFilter& filter) = 0;
  // People whose NameKey (core/text.h) equals `name_key`.
  [[nodiscard]] virtual Result<std::vector<core::PersonId>> FindPeopleByName(
      std::string_view name_key, bool include_deleted) = 0;
  // People with this email address (compared case-insensitively).
  [[nodiscard]] virtual Result<std::vector<core::PersonId>> FindPeopleByEmail(
      std::string_view email, bool include_deleted) = 0;
  // People whose name, title, department, organization name, emails, tags, offers, needs or
  // notes contain `text` (case-insensitive). Sorted by name key.
  [[nodiscard]] virtual Result<std::vector<core::PersonId>> SearchPeople(std::string_view text) = 0;
  // The person flagged as me, if `init` has run.
  [[nodiscard]] virtual Result<std::optional<core::PersonId>> FindMe() = 0;
  [[nodiscard]] virtual Result<std::size_t> CountPeople() = 0;  // not deleted
  // Every reports-to link between two people not removed, as (person, manager), by person id:
  // the org-chart ties of the network without loading everyone (issue 5).
  [[nodiscard]] virtual Result<std::vector<std::pair<core::PersonId, core::PersonId>>>
  ListReportsTo() = 0;

  // --- organizations ------------------------------------------------------------------------
  [[nodiscard]] virtual Result<core::OrgId> InsertOrg(const core::Organization& org) = 0;
  [[nodiscard]] virtual Result<void> UpdateOrg(const core::Organization& org) = 0;
  [[nodiscard]] virtual Result<core::Organization> GetOrg(core::OrgId id) = 0;
  [[nodiscard]] virtual Result<std::vector<core::Organization>> ListOrgs(bool include_deleted) = 0;
  [[nodiscard]] virtual Result<std::vector<core::OrgId>> FindOrgsByName(std::string_view name_key,
                                                                        bool include_deleted) = 0;

  // --- interactions -------------------------------------------------------------------------
  // A non-empty `source` must be unique: AlreadyExists otherwise (re-imports are idempotent).
  [[nodiscard]] virtual Result<core::InteractionId> InsertInteraction(
      const core::Interaction& interaction) = 0;
  [[nodiscard]] virtual Result<void> UpdateInteraction(const core::Interaction& interaction) = 0;
  [[nodiscard]] virtual Result<core::Interaction> GetInteraction(core::InteractionId id) = 0;
  // Sorted by time, then id.
  [[nodiscard]] virtual Result<std::vector<core::Interaction>> ListInteractions(
      const InteractionFilter& filter) = 0;
  // Calls `visit` once for every interaction ListInteractions(filter) would return, with its
  // attendees, in id order (not time order), holding one at a time: for passes over every
  // interaction that keep only a digest of each (the network of a 100,000-person database).
  // The interaction is valid during the call only. `visit` may read from this store but must
  // not write to it. Stops at the first error `visit` returns and returns that error.
  [[nodiscard]] virtual Result<void> ForEachInteraction(
      const InteractionFilter& filter,
      const std::function<Result<void>(const core::Interaction&)>& visit) = 0;

  // --- ledger -------------------------------------------------------------------------------
  [[nodiscard]] virtual Result<core::LedgerId> InsertLedgerEntry(
      const core::LedgerEntry& entry) = 0;
  [[nodiscard]] virtual Result<void> UpdateLedgerEntry(const core::LedgerEntry& entry) = 0;
  // Sorted by time, then id.
  [[nodiscard]] virtual Result<std::vector<core::LedgerEntry>> ListLedger(
      const LedgerFilter& filter) = 0;

  // --- introductions ------------------------------------------------------------------------
  [[nodiscard]] virtual Result<core::IntroductionId> InsertIntroduction(
      const core::Introduction& intro) = 0;
  // Introductions in which `person` took any part (all when unset). Sorted by time, then id.
  [[nodiscard]] virtual Result<std::vector<core::Introduction>> ListIntroductions(
      std::optional<core::PersonId> person) = 0;

  // --- follow-ups ---------------------------------------------------------------------------
  [[nodiscard]] virtual Result<core::FollowUpId> InsertFollowUp(const core::FollowUp& followup) = 0;
  [[nodiscard]] virtual Result<void> UpdateFollowUp(const core::FollowUp& followup) = 0;
  [[nodiscard]] virtual Result<core::FollowUp> GetFollowUp(core::FollowUpId id) = 0;
  // Sorted by due date, then id.
  [[nodiscard]] virtual Result<std::vector<core::FollowUp>> ListFollowUps(
      const FollowUpFilter& filter) = 0;

  // --- vendor change notices ----------------------------------------------------------------
  [[nodiscard]] virtual Result<core::NoticeId> InsertNotice(const core::VendorNotice& notice) = 0;
  // Notices of `org` (all when unset), newest first.
  [[nodiscard]] virtual Result<std::vector<core::VendorNotice>> ListNotices(
      std::optional<core::OrgId> org) = 0;

  // --- explicit "knows" ties ---------------------------------------------------------------
  // Records that two people know each other; the pair is stored with first < second, and an
  // existing pair (removed or not) gets the new strength and is live again.
  [[nodiscard]] virtual Result<void> UpsertKnows(const core::Knows& knows) = 0;
  // Every live pair, sorted by (first, second).
  [[nodiscard]] virtual Result<std::vector<core::Knows>> ListKnows() = 0;

  // --- merging two records of one person ----------------------------------------------------
  // Moves every reference to `from` onto `to`: attendances (one row when both attended),
  // initiators and owners of interactions, both sides of ledger entries, introductions, asks,
  // follow-ups, vendor notices' reporters, reports-to links (a link between the two is dropped)
  // and knows ties (a pair both had keeps the stronger; a tie between the two is dropped).
  // The person records themselves are left to the caller. InvalidArgument when from == to.
  [[nodiscard]] virtual Result<void> ReassignPerson(core::PersonId from, core::PersonId to) = 0;

  // --- configuration ------------------------------------------------------------------------
  // The overrides the user has set; keys absent here take their defaults.
  [[nodiscard]] virtual Result<std::map<std::string, std::string>> LoadConfig() = 0;
  [[nodiscard]] virtual Result<void> SetConfig(std::string_view key, std::string_view value) = 0;
  [[nodiscard]] virtual Result<void> UnsetConfig(std::string_view key) = 0;

  // --- the whole database: full export and its re-import (issue 4) ---------------------------
  // Every record, soft-deleted ones and removed knows pairs included, with its id and stamps,
  // and the configuration with its stamps; each list in the order core::Dataset states.
  // O(records). Inside or outside a transaction.
  [[nodiscard]] virtual Result<core::Dataset> ReadAll() = 0;
  // Writes every record of `data` exactly as given, keeping its id and all its stamps
  // (created_at, updated_at, deleted_at): the one exception to the Insert* rule above, for
  // re-importing a full export into an empty database. Within the open transaction; derived
  // values (name keys, ...) are recomputed. References between the records are checked once all
  // are written, so their order does not matter. Errors: kConflict when the database already
  // holds any record; kInvalidArgument for a value the Insert* would refuse, or a reference to a
  // record `data` lacks (naming both); kAlreadyExists for an id or interaction source given
  // twice. On error the caller must roll the transaction back.
  [[nodiscard]] virtual Result<void> RestoreAll(const core::Dataset& data) = 0;

  // --- backup and restore of the whole database ------------------------------------------------
  // Writes a complete, consistent copy of the database, as of the last commit, to a new file at
  // `path`: a database of the same back end that OpenSqliteStore (or its kind) opens as it is,
  // self-contained in that one file. Readers and writers of other connections may go on
  // meanwhile. `path` is written under a temporary name and renamed into place, so a failure
  // leaves no half-written file. Must not be called inside a transaction (kInternal).
  // Errors: kAlreadyExists when `path` exists and !overwrite; kInvalidArgument when `path` is
  // this database itself; kIo when writing fails.
  [[nodiscard]] virtual Result<void> BackupTo(const std::string& path, bool overwrite) = 0;
  // Replaces the whole content of this database with that of the backup at `path`, in one
  // atomic step: other connections see the old content or the new, never a mix. The backup is
  // checked first and never modified: it must be a database of this back end written by Allies
  // (kConflict names its application id otherwise; kIo when it is not a database at all) with a
  // schema version no newer than this build's (kConflict quoting both versions); an older one is
  // migrated in a private copy. When `keep_current_at` is not empty, the current content is
  // first written there as BackupTo(keep_current_at, false) would, after the checks and before
  // anything changes. Returns the schema version the backup had. Must not be called inside a
  // transaction (kInternal). Errors also: kNotFound when `path` does not exist; kInvalidArgument
  // when it is this database itself; kIo when reading or writing fails (the database is then
  // as it was).
  [[nodiscard]] virtual Result<int> RestoreFrom(const std::string& path,
                                                const std::string& keep_current_at) = 0;
  // --- asks (issue 5) -----------------------------------------------------------------------
  // The ledger entry must exist (NotFound otherwise); the text must not be empty.
  [[nodiscard]] virtual Result<core::AskId> InsertAsk(const core::Ask& ask) = 0;
  [[nodiscard]] virtual Result<void> UpdateAsk(const core::Ask& ask) = 0;
  [[nodiscard]] virtual Result<core::Ask> GetAsk(core::AskId id) = 0;
  // Sorted by time, then id.
  [[nodiscard]] virtual Result<std::vector<core::Ask>> ListAsks(const AskFilter& filter) = 0;

  // --- full-text matching (issue 5) ---------------------------------------------------------
  // People not removed whose offers, needs or notes contain any of `words` (full text: case,
  // accents and English word endings ignored; each word taken literally, never as query
  // syntax), best first by BM25 with the columns weighted offers 4, notes 2, needs 1; at most
  // `limit`. InvalidArgument when `words` is empty or holds an empty word.
  [[nodiscard]] virtual Result<std::vector<TextMatch>> MatchPeople(
      const std::vector<std::string>& words, std::size_t limit) = 0;

  // --- the influence snapshot (issue 5) -----------------------------------------------------
  // What the saved snapshot is, with the changes counted since; none before the first save.
  [[nodiscard]] virtual Result<std::optional<InfluenceSnapshotInfo>>
  LoadInfluenceSnapshotInfo() = 0;
  // The rows of the saved snapshot for those of `people` it holds, by person id.
  [[nodiscard]] virtual Result<std::vector<InfluenceRow>> LoadInfluenceRows(
      const std::vector<core::PersonId>& people) = 0;
  // Replaces the snapshot; its changes are counted from `snapshot.as_of_change`. Does not
  // itself count as a change.
  [[nodiscard]] virtual Result<void> SaveInfluenceSnapshot(const InfluenceSnapshot& snapshot) = 0;
  // How many changes of people, interactions and knows ties the database has had (as counted
  // for InfluenceSnapshotInfo::changes), those of the open transaction included. Only grows.
  [[nodiscard]] virtual Result<std::int64_t> NetworkChangeCount() = 0;
  // Exclusive, between processes, for the time influence is recomputed: a second process never
  // repeats that work at the same time. Released when the returned object is destroyed, or by
  // the system when the process ends, however it ends. `wait`: blocks until it is free; else
  // returns nullptr when another process holds it. Independent of transactions.
  [[nodiscard]] virtual Result<std::unique_ptr<WorkLock>> LockInfluenceWork(bool wait) = 0;

  // --- bulk loading (issue 4) ---------------------------------------------------------------
  // Says that the open transaction is about to insert about `people` people and `interactions`
  // interactions, so that the back end may write them faster. When that is large (at least
  // kBulkLoadMinRows of a kind, and at least half as many as the database already holds), the
  // transaction switches to bulk loading and this returns true; otherwise nothing changes and
  // it returns false. While bulk loading, the back end may set secondary indexes aside and
  // write new records and their child rows (people, organizations, interactions, emails,
  // phones, attendees, ...) in batches, returning the ids they will have: every read still
  // sees every write, and Commit() restores everything as it was (the schema ends identical),
  // but a write that fails, or a Commit() that fails, may leave part of itself behind, so the
  // caller must then roll the whole transaction back (an import does). Rollback() ends bulk
  // loading too.
  // A later call in the same transaction may add what it brings (a calendar after contacts);
  // it returns whether the transaction is bulk loading. kInternal outside a transaction.
  static constexpr std::size_t kBulkLoadMinRows = 10000;
  [[nodiscard]] virtual Result<bool> BeginBulkLoad(std::size_t people,
                                                   std::size_t interactions) = 0;
  // Ends bulk loading before the commit: what Commit() would do first (the rows held back
  // written, the indexes put back), now, so that the caller can free its memory while the
  // commit itself runs. The transaction stays open; nothing to do when not bulk loading. After
  // a failure, roll the transaction back.
  [[nodiscard]] virtual Result<void> EndBulkLoad() = 0;
};

}  // namespace allies::store
