// Interactions, ledger entries, introductions, follow-ups and vendor notices of the SQLite back
// end.

#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "core/names.h"
#include "core/text.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {
namespace {

using core::FollowUp;
using core::FollowUpId;
using core::Interaction;
using core::InteractionId;
using core::Introduction;
using core::IntroductionId;
using core::LedgerEntry;
using core::LedgerId;
using core::NoticeId;
using core::PersonId;
using core::VendorNotice;

std::string Where(const std::vector<std::string>& conditions) {
  return conditions.empty() ? std::string() : "WHERE " + core::Join(conditions, " AND ");
}

Result<void> ValidateInteraction(const Interaction& interaction) {
  if (interaction.energy < 1 || interaction.energy > 5) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("energy {} is out of range (expected 1 to 5)", interaction.energy));
  }
  if (interaction.duration_min < 0) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("duration of {} minutes is negative", interaction.duration_min));
  }
  // Attendee lists are short; a sorted copy finds a repeat without a set.
  std::vector<PersonId> attendees = interaction.attendees;
  std::sort(attendees.begin(), attendees.end());
  auto repeat = std::adjacent_find(attendees.begin(), attendees.end());
  if (repeat != attendees.end()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("person {} is listed twice among the attendees", repeat->value));
  }
  return {};
}

std::vector<Reference> InteractionReferences(const Interaction& interaction) {
  std::vector<Reference> references;
  references.push_back({Table::kPerson, interaction.owner.value, "owner"});
  if (interaction.initiator) {
    references.push_back({Table::kPerson, interaction.initiator->value, "initiator"});
  }
  for (PersonId attendee : interaction.attendees) {
    references.push_back({Table::kPerson, attendee.value, "attendee"});
  }
  return references;
}

// Binds the fields shared by INSERT and UPDATE of an interaction to ?1 .. ?10.
void BindInteraction(SQLite::Statement& statement, const Interaction& interaction) {
  statement.bind(1, Seconds(interaction.at));
  statement.bind(2, interaction.duration_min);
  statement.bind(3, std::string(core::Name(interaction.kind)));
  statement.bind(4, std::string(core::Name(interaction.setting)));
  statement.bind(5, std::string(core::Name(interaction.purpose)));
  BindOptional(statement, 6, interaction.initiator);
  statement.bind(7, interaction.energy);
  statement.bind(8, interaction.note);
  statement.bind(9, interaction.source);
  statement.bind(10, interaction.owner.value);
}

Result<Interaction> ColumnInteraction(const SQLite::Statement& statement) {
  Interaction interaction;
  interaction.id = InteractionId{statement.getColumn(0).getInt64()};
  interaction.at = FromSeconds(statement.getColumn(1).getInt64());
  interaction.duration_min = statement.getColumn(2).getInt();
  ALLIES_TRY(interaction.kind, ColumnEnum<core::InteractionKind>(
                                   statement, 3, core::ParseInteractionKind, "interaction kind"));
  ALLIES_TRY(interaction.setting,
             ColumnEnum<core::Setting>(statement, 4, core::ParseSetting, "setting"));
  ALLIES_TRY(interaction.purpose,
             ColumnEnum<core::Purpose>(statement, 5, core::ParsePurpose, "purpose"));
  interaction.initiator = ColumnOptionalId<core::PersonTag>(statement, 6);
  interaction.energy = statement.getColumn(7).getInt();
  interaction.note = statement.getColumn(8).getString();
  interaction.source = statement.getColumn(9).getString();
  interaction.owner = PersonId{statement.getColumn(10).getInt64()};
  interaction.stamps = ColumnStamps(statement, 11);
  return interaction;
}

Result<void> ValidateLedgerEntry(const LedgerEntry& entry) {
  if (!(entry.value >= 0)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("ledger value {} is not accepted (expected 0 or more; the kind says "
                            "whether it is a deposit or a withdrawal)",
                            entry.value));
  }
  return {};
}

std::vector<Reference> LedgerReferences(const LedgerEntry& entry) {
  std::vector<Reference> references{{Table::kPerson, entry.person.value, "person"},
                                    {Table::kPerson, entry.owner.value, "owner"}};
  if (entry.interaction) {
    references.push_back({Table::kInteraction, entry.interaction->value, "interaction"});
  }
  return references;
}

void BindLedgerEntry(SQLite::Statement& statement, const LedgerEntry& entry) {
  statement.bind(1, entry.person.value);
  statement.bind(2, entry.owner.value);
  statement.bind(3, Seconds(entry.at));
  statement.bind(4, std::string(core::Name(entry.kind)));
  statement.bind(5, entry.value);
  statement.bind(6, entry.note);
  BindOptional(statement, 7, entry.interaction);
}

Result<void> ValidateFollowUp(const FollowUp& followup) {
  if (!followup.due.ok()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the due date of follow-up \"{}\" is not a valid date", followup.text));
  }
  return {};
}

// ?1 .. ?5: the fields shared by INSERT and UPDATE.
void BindFollowUp(SQLite::Statement& statement, const FollowUp& followup) {
  statement.bind(1, followup.person.value);
  statement.bind(2, followup.text);
  statement.bind(3, core::FormatDate(followup.due));
  BindOptional(statement, 4, followup.done_at);
  BindOptional(statement, 5, followup.owner);
}

std::vector<Reference> FollowUpReferences(const FollowUp& followup) {
  std::vector<Reference> references{{Table::kPerson, followup.person.value, "person"}};
  if (followup.owner) references.push_back({Table::kPerson, followup.owner->value, "owner"});
  return references;
}

}  // namespace

// --- interactions -------------------------------------------------------------------------------

Result<void> SqliteStore::ScanInteractions(std::string_view where, const std::vector<Param>& params,
                                           bool whole_table,
                                           const std::function<Result<void>(Interaction&)>& visit) {
  FlushPending();  // the statements below are not the cache's
  // Reading in id (rowid) order scans the table sequentially, and the attendees, stored in
  // interaction order, are joined by a merge of the two cursors. For a selection, "+i.id" stops
  // SQLite from scanning the whole table just to deliver id order, so it uses the index the
  // filter needs and sorts the few rows selected. For (nearly) the whole table, scanning every
  // attendee and letting the merge skip those of unselected interactions beats probing the
  // attendee table once per interaction.
  SQLite::Statement rows(
      *db_, fmt::format("SELECT i.id, i.at, i.duration_min, i.kind, i.setting, i.purpose, "
                        "i.initiator_id, i.energy, i.note, i.source, i.owner_id, i.created_at, "
                        "i.updated_at, i.deleted_at FROM interaction i {} ORDER BY {}",
                        where, whole_table ? "i.id" : "+i.id"));
  BindParams(rows, params);
  SQLite::Statement attendees(
      *db_, whole_table ? std::string("SELECT interaction_id, person_id FROM interaction_attendee "
                                      "ORDER BY interaction_id, position")
                        : fmt::format("SELECT interaction_id, person_id FROM interaction_attendee "
                                      "WHERE interaction_id IN (SELECT i.id FROM interaction i {}) "
                                      "ORDER BY interaction_id, position",
                                      where));
  if (!whole_table) BindParams(attendees, params);
  bool attendee_row = attendees.executeStep();
  // Each interaction's attendees are gathered in `scratch` and copied once, so every list is
  // allocated at its final size.
  std::vector<PersonId> scratch;
  while (rows.executeStep()) {
    ALLIES_TRY(Interaction interaction, ColumnInteraction(rows));
    const std::int64_t id = interaction.id.value;
    while (attendee_row && attendees.getColumn(0).getInt64() < id) {
      attendee_row = attendees.executeStep();
    }
    scratch.clear();
    while (attendee_row && attendees.getColumn(0).getInt64() == id) {
      scratch.push_back(PersonId{attendees.getColumn(1).getInt64()});
      attendee_row = attendees.executeStep();
    }
    interaction.attendees.assign(scratch.begin(), scratch.end());
    ALLIES_TRY_VOID(visit(interaction));
  }
  return {};
}

Result<std::vector<Interaction>> SqliteStore::LoadInteractions(std::string_view where,
                                                               const std::vector<Param>& params,
                                                               bool whole_table) {
  std::vector<Interaction> by_id;
  if (whole_table) {
    // The largest id bounds the row count and costs one b-tree descent; growing the vector
    // instead would move a million records several times.
    auto count = Prepare("SELECT max(id) FROM interaction");
    if (count->executeStep()) {
      constexpr std::int64_t kMaxReserve = std::int64_t{1} << 26;
      by_id.reserve(
          static_cast<std::size_t>(std::min(count->getColumn(0).getInt64(), kMaxReserve)));
    }
  }
  ALLIES_TRY_VOID(ScanInteractions(where, params, whole_table, [&](Interaction& interaction) {
    by_id.push_back(std::move(interaction));
    return Result<void>{};
  }));
  // Sorting compact (time, position) keys is much faster than sorting the records; ties in
  // time keep id order because positions follow ids.
  std::vector<std::pair<std::int64_t, std::size_t>> keys(by_id.size());
  bool sorted = true;
  for (std::size_t index = 0; index < by_id.size(); ++index) {
    keys[index] = {Seconds(by_id[index].at), index};
    if (index > 0 && keys[index].first < keys[index - 1].first) sorted = false;
  }
  if (sorted) return by_id;
  std::sort(keys.begin(), keys.end());
  std::vector<Interaction> interactions;
  interactions.reserve(by_id.size());
  for (const auto& key : keys) interactions.push_back(std::move(by_id[key.second]));
  return interactions;
}

void SqliteStore::InsertAttendees(std::int64_t id, const std::vector<PersonId>& attendees,
                                  bool defer) {
  if (attendees.empty()) return;
  constexpr std::string_view kInsert =
      "INSERT INTO interaction_attendee (interaction_id, position, person_id) VALUES (?, ?, ?)";
  if (defer) {
    std::int64_t position = 0;
    for (PersonId attendee : attendees) {
      row_.clear();
      row_.emplace_back(id);
      row_.emplace_back(position++);
      row_.emplace_back(attendee.value);
      WriteRow(kInsert, row_, /*defer=*/true);
    }
    return;
  }
  auto statement = Prepare(kInsert);
  std::int64_t position = 0;
  for (PersonId attendee : attendees) {
    statement->bind(1, id);
    statement->bind(2, position++);
    statement->bind(3, attendee.value);
    statement->exec();
    statement->reset();
  }
}

core::Error SqliteStore::InteractionWriteError(const SQLite::Exception& e, std::string_view action,
                                               const Interaction& interaction) {
  if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE && !interaction.source.empty()) {
    std::string existing;
    try {
      auto statement = Prepare("SELECT id FROM interaction WHERE source = ?");
      statement->bind(1, interaction.source);
      if (statement->executeStep()) {
        existing = fmt::format(" (id {})", statement->getColumn(0).getInt64());
      }
    } catch (const SQLite::Exception&) {
      // The message stays less precise; the failure itself is already known.
    }
    return core::Error{ErrorCode::kAlreadyExists,
                       fmt::format("cannot {}: an interaction from source \"{}\" already exists{}",
                                   action, interaction.source, existing)};
  }
  return WriteError(e, action, InteractionReferences(interaction));
}

Result<InteractionId> SqliteStore::InsertInteraction(const Interaction& interaction) {
  constexpr std::string_view kAction = "insert an interaction";
  ALLIES_TRY_VOID(ValidateInteraction(interaction));
  return Counted(Write<InteractionId>(
      kAction, Undo::kStatement,
      [&]() -> Result<InteractionId> {
        if (bulk_) return HoldInteraction(interaction);
        {
          auto statement = Prepare(
              "INSERT INTO interaction (at, duration_min, kind, setting, purpose, initiator_id, "
              "energy, note, source, owner_id, created_at, updated_at, deleted_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, NULL)");
          BindInteraction(*statement, interaction);
          statement->bind(11, Seconds(now_));
          statement->exec();
        }
        std::int64_t id = db_->getLastInsertRowid();
        try {
          InsertAttendees(id, interaction.attendees);
        } catch (const SQLite::Exception&) {
          UndoInsert("DELETE FROM interaction WHERE id = ?", id);
          throw;
        }
        return InteractionId{id};
      },
      [&](const SQLite::Exception& e) { return InteractionWriteError(e, kAction, interaction); }));
}

// While bulk loading, a new interaction and its attendees wait in the buffer like child rows:
// the id is the one SQLite would give, one past the largest there is, counted here. The
// interaction rows are written before the attendee rows that refer to them, as their buffer was
// opened first (pending_ keeps that order).
core::InteractionId SqliteStore::HoldInteraction(const Interaction& interaction) {
  const std::int64_t id =
      NextHeldId(next_interaction_id_, "SELECT coalesce(max(id), 0) FROM interaction");
  row_.clear();
  row_.emplace_back(Seconds(interaction.at));
  row_.emplace_back(std::int64_t{interaction.duration_min});
  row_.emplace_back(std::string(core::Name(interaction.kind)));
  row_.emplace_back(std::string(core::Name(interaction.setting)));
  row_.emplace_back(std::string(core::Name(interaction.purpose)));
  if (interaction.initiator) {
    row_.emplace_back(interaction.initiator->value);
  } else {
    row_.emplace_back();
  }
  row_.emplace_back(std::int64_t{interaction.energy});
  row_.emplace_back(interaction.note);
  row_.emplace_back(interaction.source);
  row_.emplace_back(interaction.owner.value);
  row_.emplace_back(Seconds(now_));
  row_.emplace_back(Seconds(now_));
  row_.emplace_back(id);
  WriteRow(
      "INSERT INTO interaction (at, duration_min, kind, setting, purpose, initiator_id, energy, "
      "note, source, owner_id, created_at, updated_at, id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      row_, /*defer=*/true);
  InsertAttendees(id, interaction.attendees, /*defer=*/true);
  return InteractionId{id};
}

Result<void> SqliteStore::UpdateInteraction(const Interaction& interaction) {
  std::string action = fmt::format("update interaction {}", interaction.id.value);
  ALLIES_TRY_VOID(ValidateInteraction(interaction));
  return Counted(Write<void>(
      action, Undo::kSavepoint,
      [&]() -> Result<void> {
        {
          auto statement = Prepare(
              "UPDATE interaction SET at = ?1, duration_min = ?2, kind = ?3, setting = ?4, "
              "purpose = ?5, initiator_id = ?6, energy = ?7, note = ?8, source = ?9, "
              "owner_id = ?10, updated_at = ?11, deleted_at = ?12 WHERE id = ?13");
          BindInteraction(*statement, interaction);
          statement->bind(11, Seconds(now_));
          BindOptional(*statement, 12, interaction.stamps.deleted_at);
          statement->bind(13, interaction.id.value);
          if (statement->exec() == 0) {
            return Fail(ErrorCode::kNotFound,
                        fmt::format("no interaction with id {}", interaction.id.value));
          }
        }
        {
          auto statement = Prepare("DELETE FROM interaction_attendee WHERE interaction_id = ?");
          statement->bind(1, interaction.id.value);
          statement->exec();
        }
        InsertAttendees(interaction.id.value, interaction.attendees);
        return {};
      },
      [&](const SQLite::Exception& e) { return InteractionWriteError(e, action, interaction); }));
}

Result<Interaction> SqliteStore::GetInteraction(InteractionId id) {
  return Read(fmt::format("read interaction {}", id.value), [&]() -> Result<Interaction> {
    ALLIES_TRY(auto interactions, LoadInteractions("WHERE i.id = ?", {id.value}, false));
    if (interactions.empty()) {
      return Fail(ErrorCode::kNotFound, fmt::format("no interaction with id {}", id.value));
    }
    return std::move(interactions.front());
  });
}

namespace {

// The WHERE clause (on table `i`) and its parameters of an interaction filter, and whether it
// selects (nearly) the whole table.
struct InteractionSelection {
  std::string where;
  std::vector<Param> params;
  bool whole_table = false;
};

InteractionSelection SelectInteractions(const InteractionFilter& filter) {
  std::vector<std::string> conditions;
  InteractionSelection selection;
  if (!filter.include_deleted) conditions.emplace_back("i.deleted_at IS NULL");
  if (filter.attendee) {
    conditions.emplace_back(
        "i.id IN (SELECT interaction_id FROM interaction_attendee WHERE person_id = ?)");
    selection.params.emplace_back(filter.attendee->value);
  }
  if (filter.since) {
    conditions.emplace_back("i.at >= ?");
    selection.params.emplace_back(Seconds(*filter.since));
  }
  if (filter.until) {
    conditions.emplace_back("i.at < ?");
    selection.params.emplace_back(Seconds(*filter.until));
  }
  selection.where = Where(conditions);
  selection.whole_table = !filter.attendee && !filter.since && !filter.until;
  return selection;
}

}  // namespace

Result<std::vector<Interaction>> SqliteStore::ListInteractions(const InteractionFilter& filter) {
  InteractionSelection selection = SelectInteractions(filter);
  return Read("list interactions", [&] {
    return LoadInteractions(selection.where, selection.params, selection.whole_table);
  });
}

Result<void> SqliteStore::ForEachInteraction(
    const InteractionFilter& filter, const std::function<Result<void>(const Interaction&)>& visit) {
  InteractionSelection selection = SelectInteractions(filter);
  return Read("read interactions", [&] {
    return ScanInteractions(selection.where, selection.params, selection.whole_table,
                            [&](Interaction& interaction) { return visit(interaction); });
  });
}

// --- ledger -------------------------------------------------------------------------------------

Result<LedgerId> SqliteStore::InsertLedgerEntry(const LedgerEntry& entry) {
  constexpr std::string_view kAction = "insert a ledger entry";
  ALLIES_TRY_VOID(ValidateLedgerEntry(entry));
  return Write<LedgerId>(
      kAction, Undo::kStatement,
      [&]() -> Result<LedgerId> {
        auto statement = Prepare(
            "INSERT INTO ledger (person_id, owner_id, at, kind, value, note, interaction_id, "
            "created_at, updated_at, deleted_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, NULL)");
        BindLedgerEntry(*statement, entry);
        statement->bind(8, Seconds(now_));
        statement->exec();
        return LedgerId{db_->getLastInsertRowid()};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, kAction, LedgerReferences(entry)); });
}

Result<void> SqliteStore::UpdateLedgerEntry(const LedgerEntry& entry) {
  std::string action = fmt::format("update ledger entry {}", entry.id.value);
  ALLIES_TRY_VOID(ValidateLedgerEntry(entry));
  return Write<void>(
      action, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare(
            "UPDATE ledger SET person_id = ?1, owner_id = ?2, at = ?3, kind = ?4, value = ?5, "
            "note = ?6, interaction_id = ?7, updated_at = ?8, deleted_at = ?9 WHERE id = ?10");
        BindLedgerEntry(*statement, entry);
        statement->bind(8, Seconds(now_));
        BindOptional(*statement, 9, entry.stamps.deleted_at);
        statement->bind(10, entry.id.value);
        if (statement->exec() == 0) {
          return Fail(ErrorCode::kNotFound,
                      fmt::format("no ledger entry with id {}", entry.id.value));
        }
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, LedgerReferences(entry)); });
}

Result<std::vector<LedgerEntry>> SqliteStore::ListLedger(const LedgerFilter& filter) {
  std::vector<std::string> conditions;
  std::vector<Param> params;
  if (!filter.include_deleted) conditions.emplace_back("deleted_at IS NULL");
  if (filter.person) {
    conditions.emplace_back("person_id = ?");
    params.emplace_back(filter.person->value);
  }
  if (filter.owner) {
    conditions.emplace_back("owner_id = ?");
    params.emplace_back(filter.owner->value);
  }
  return Read("list the ledger", [&]() -> Result<std::vector<LedgerEntry>> {
    auto statement = Prepare(fmt::format(
        "SELECT id, person_id, owner_id, at, kind, value, note, interaction_id, created_at, "
        "updated_at, deleted_at FROM ledger {} ORDER BY at, id",
        Where(conditions)));
    BindParams(*statement, params);
    std::vector<LedgerEntry> entries;
    while (statement->executeStep()) {
      LedgerEntry entry;
      entry.id = LedgerId{statement->getColumn(0).getInt64()};
      entry.person = PersonId{statement->getColumn(1).getInt64()};
      entry.owner = PersonId{statement->getColumn(2).getInt64()};
      entry.at = FromSeconds(statement->getColumn(3).getInt64());
      ALLIES_TRY(entry.kind,
                 ColumnEnum<core::LedgerKind>(*statement, 4, core::ParseLedgerKind, "ledger kind"));
      entry.value = statement->getColumn(5).getDouble();
      entry.note = statement->getColumn(6).getString();
      entry.interaction = ColumnOptionalId<core::InteractionTag>(*statement, 7);
      entry.stamps = ColumnStamps(*statement, 8);
      entries.push_back(std::move(entry));
    }
    return entries;
  });
}

// --- introductions ------------------------------------------------------------------------------

Result<IntroductionId> SqliteStore::InsertIntroduction(const Introduction& intro) {
  constexpr std::string_view kAction = "insert an introduction";
  return Write<IntroductionId>(
      kAction, Undo::kStatement,
      [&]() -> Result<IntroductionId> {
        auto statement = Prepare(
            "INSERT INTO introduction (introducer_id, first_id, second_id, at, outcome, "
            "created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL)");
        statement->bind(1, intro.introducer.value);
        statement->bind(2, intro.first.value);
        statement->bind(3, intro.second.value);
        statement->bind(4, Seconds(intro.at));
        statement->bind(5, intro.outcome);
        statement->bind(6, Seconds(now_));
        statement->exec();
        return IntroductionId{db_->getLastInsertRowid()};
      },
      [&](const SQLite::Exception& e) {
        const Reference references[] = {{Table::kPerson, intro.introducer.value, "introducer"},
                                        {Table::kPerson, intro.first.value, "first person"},
                                        {Table::kPerson, intro.second.value, "second person"}};
        return WriteError(e, kAction, references);
      });
}

Result<std::vector<Introduction>> SqliteStore::LoadIntroductions(std::string_view where,
                                                                 const std::vector<Param>& params) {
  auto statement =
      Prepare(fmt::format("SELECT id, introducer_id, first_id, second_id, at, outcome, created_at, "
                          "updated_at, deleted_at FROM introduction {}",
                          where));
  BindParams(*statement, params);
  std::vector<Introduction> intros;
  while (statement->executeStep()) {
    Introduction intro;
    intro.id = IntroductionId{statement->getColumn(0).getInt64()};
    intro.introducer = PersonId{statement->getColumn(1).getInt64()};
    intro.first = PersonId{statement->getColumn(2).getInt64()};
    intro.second = PersonId{statement->getColumn(3).getInt64()};
    intro.at = FromSeconds(statement->getColumn(4).getInt64());
    intro.outcome = statement->getColumn(5).getString();
    intro.stamps = ColumnStamps(*statement, 6);
    intros.push_back(std::move(intro));
  }
  return intros;
}

Result<std::vector<Introduction>> SqliteStore::ListIntroductions(std::optional<PersonId> person) {
  return Read("list introductions", [&]() -> Result<std::vector<Introduction>> {
    if (!person) return LoadIntroductions("WHERE deleted_at IS NULL ORDER BY at, id", {});
    return LoadIntroductions(
        "WHERE deleted_at IS NULL AND (introducer_id = ?1 OR first_id = ?1 OR second_id = ?1) "
        "ORDER BY at, id",
        {person->value});
  });
}

// --- follow-ups ---------------------------------------------------------------------------------

Result<std::vector<FollowUp>> SqliteStore::LoadFollowUps(std::string_view where,
                                                         const std::vector<Param>& params) {
  auto statement = Prepare(
      fmt::format("SELECT id, person_id, text, due, done_at, created_at, updated_at, deleted_at, "
                  "owner_id FROM followup {} ORDER BY due, id",
                  where));
  BindParams(*statement, params);
  std::vector<FollowUp> followups;
  while (statement->executeStep()) {
    FollowUp followup;
    followup.id = FollowUpId{statement->getColumn(0).getInt64()};
    followup.person = PersonId{statement->getColumn(1).getInt64()};
    followup.text = statement->getColumn(2).getString();
    std::string due = statement->getColumn(3).getString();
    auto date = core::ParseDate(due);
    if (!date) {
      return Fail(ErrorCode::kIo, fmt::format("the database holds a bad due date \"{}\"", due));
    }
    followup.due = *date;
    followup.done_at = ColumnOptionalTime(*statement, 4);
    followup.stamps = ColumnStamps(*statement, 5);
    if (auto owner = ColumnOptional(*statement, 8)) followup.owner = PersonId{*owner};
    followups.push_back(std::move(followup));
  }
  return followups;
}

Result<FollowUpId> SqliteStore::InsertFollowUp(const FollowUp& followup) {
  constexpr std::string_view kAction = "insert a follow-up";
  ALLIES_TRY_VOID(ValidateFollowUp(followup));
  return Write<FollowUpId>(
      kAction, Undo::kStatement,
      [&]() -> Result<FollowUpId> {
        auto statement = Prepare(
            "INSERT INTO followup (person_id, text, due, done_at, owner_id, created_at, "
            "updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL)");
        BindFollowUp(*statement, followup);
        statement->bind(6, Seconds(now_));
        statement->exec();
        return FollowUpId{db_->getLastInsertRowid()};
      },
      [&](const SQLite::Exception& e) {
        return WriteError(e, kAction, FollowUpReferences(followup));
      });
}

Result<void> SqliteStore::UpdateFollowUp(const FollowUp& followup) {
  std::string action = fmt::format("update follow-up {}", followup.id.value);
  ALLIES_TRY_VOID(ValidateFollowUp(followup));
  return Write<void>(
      action, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare(
            "UPDATE followup SET person_id = ?1, text = ?2, due = ?3, done_at = ?4, "
            "owner_id = ?5, updated_at = ?6, deleted_at = ?7 WHERE id = ?8");
        BindFollowUp(*statement, followup);
        statement->bind(6, Seconds(now_));
        BindOptional(*statement, 7, followup.stamps.deleted_at);
        statement->bind(8, followup.id.value);
        if (statement->exec() == 0) {
          return Fail(ErrorCode::kNotFound,
                      fmt::format("no follow-up with id {}", followup.id.value));
        }
        return {};
      },
      [&](const SQLite::Exception& e) {
        return WriteError(e, action, FollowUpReferences(followup));
      });
}

Result<FollowUp> SqliteStore::GetFollowUp(FollowUpId id) {
  return Read(fmt::format("read follow-up {}", id.value), [&]() -> Result<FollowUp> {
    ALLIES_TRY(auto followups, LoadFollowUps("WHERE id = ?", {id.value}));
    if (followups.empty()) {
      return Fail(ErrorCode::kNotFound, fmt::format("no follow-up with id {}", id.value));
    }
    return std::move(followups.front());
  });
}

Result<std::vector<FollowUp>> SqliteStore::ListFollowUps(const FollowUpFilter& filter) {
  std::vector<std::string> conditions;
  std::vector<Param> params;
  if (!filter.include_deleted) conditions.emplace_back("deleted_at IS NULL");
  if (!filter.include_done) conditions.emplace_back("done_at IS NULL");
  if (filter.person) {
    conditions.emplace_back("person_id = ?");
    params.emplace_back(filter.person->value);
  }
  std::string where = Where(conditions);
  return Read("list follow-ups", [&] { return LoadFollowUps(where, params); });
}

// --- vendor notices -----------------------------------------------------------------------------

Result<NoticeId> SqliteStore::InsertNotice(const VendorNotice& notice) {
  constexpr std::string_view kAction = "insert a vendor notice";
  return Write<NoticeId>(
      kAction, Undo::kStatement,
      [&]() -> Result<NoticeId> {
        auto statement = Prepare(
            "INSERT INTO vendor_notice (org_id, at, text, reported_by, created_at, updated_at, "
            "deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL)");
        statement->bind(1, notice.org.value);
        statement->bind(2, Seconds(notice.at));
        statement->bind(3, notice.text);
        BindOptional(*statement, 4, notice.reported_by);
        statement->bind(5, Seconds(now_));
        statement->exec();
        return NoticeId{db_->getLastInsertRowid()};
      },
      [&](const SQLite::Exception& e) {
        std::vector<Reference> references{{Table::kOrg, notice.org.value, "vendor"}};
        if (notice.reported_by) {
          references.push_back({Table::kPerson, notice.reported_by->value, "reporter"});
        }
        return WriteError(e, kAction, references);
      });
}

Result<std::vector<VendorNotice>> SqliteStore::LoadNotices(std::string_view where,
                                                           const std::vector<Param>& params) {
  auto statement = Prepare(
      fmt::format("SELECT id, org_id, at, text, reported_by, created_at, updated_at, deleted_at "
                  "FROM vendor_notice {}",
                  where));
  BindParams(*statement, params);
  std::vector<VendorNotice> notices;
  while (statement->executeStep()) {
    VendorNotice notice;
    notice.id = NoticeId{statement->getColumn(0).getInt64()};
    notice.org = core::OrgId{statement->getColumn(1).getInt64()};
    notice.at = FromSeconds(statement->getColumn(2).getInt64());
    notice.text = statement->getColumn(3).getString();
    notice.reported_by = ColumnOptionalId<core::PersonTag>(*statement, 4);
    notice.stamps = ColumnStamps(*statement, 5);
    notices.push_back(std::move(notice));
  }
  return notices;
}

Result<std::vector<VendorNotice>> SqliteStore::ListNotices(std::optional<core::OrgId> org) {
  return Read("list vendor notices", [&]() -> Result<std::vector<VendorNotice>> {
    if (!org) return LoadNotices("WHERE deleted_at IS NULL ORDER BY at DESC, id DESC", {});
    return LoadNotices("WHERE deleted_at IS NULL AND org_id = ? ORDER BY at DESC, id DESC",
                       {org->value});
  });
}

Result<void> SqliteStore::UpsertKnows(const core::Knows& knows) {
  constexpr std::string_view kAction = "record that two people know each other";
  if (knows.first == knows.second) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot {}: both sides are person {}", kAction, knows.first.value));
  }
  if (!(knows.strength > 0 && knows.strength <= 1)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot {}: strength {} is out of range (expected more than 0, at "
                            "most 1)",
                            kAction, knows.strength));
  }
  // Plain variables, not a structured binding: the lambdas below capture them.
  const core::PersonId first = std::min(knows.first, knows.second);
  const core::PersonId second = std::max(knows.first, knows.second);
  return Counted(Write<void>(
      kAction, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare(
            "INSERT INTO knows (person_a, person_b, strength, created_at, updated_at, deleted_at) "
            "VALUES (?1, ?2, ?3, ?4, ?4, NULL) ON CONFLICT (person_a, person_b) DO UPDATE SET "
            "strength = excluded.strength, updated_at = excluded.updated_at, deleted_at = NULL");
        statement->bind(1, first.value);
        statement->bind(2, second.value);
        statement->bind(3, knows.strength);
        statement->bind(4, Seconds(now_));
        statement->exec();
        return {};
      },
      [&](const SQLite::Exception& e) {
        std::vector<Reference> references{{Table::kPerson, first.value, "first person"},
                                          {Table::kPerson, second.value, "second person"}};
        return WriteError(e, kAction, references);
      }));
}

Result<std::vector<core::Knows>> SqliteStore::LoadKnows(std::string_view where) {
  auto statement = Prepare(
      fmt::format("SELECT person_a, person_b, strength, created_at, updated_at, deleted_at FROM "
                  "knows {} ORDER BY person_a, person_b",
                  where));
  std::vector<core::Knows> pairs;
  while (statement->executeStep()) {
    core::Knows knows;
    knows.first = core::PersonId{statement->getColumn(0).getInt64()};
    knows.second = core::PersonId{statement->getColumn(1).getInt64()};
    knows.strength = statement->getColumn(2).getDouble();
    knows.stamps = ColumnStamps(*statement, 3);
    pairs.push_back(knows);
  }
  return pairs;
}

Result<std::vector<core::Knows>> SqliteStore::ListKnows() {
  return Read("list who knows whom", [&] { return LoadKnows("WHERE deleted_at IS NULL"); });
}

// --- restoring a full export ---------------------------------------------------------------------

Result<void> SqliteStore::RestoreActivity(const core::Dataset& data) {
  for (const Interaction& interaction : data.interactions) {
    std::string action = fmt::format("restore interaction {}", interaction.id.value);
    if (auto valid = ValidateInteraction(interaction); !valid) {
      return Fail(valid.error().code, fmt::format("cannot {}: {}", action, valid.error().message));
    }
    try {
      {
        auto statement = Prepare(
            "INSERT INTO interaction (at, duration_min, kind, setting, purpose, initiator_id, "
            "energy, note, source, owner_id, created_at, updated_at, deleted_at, id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        BindInteraction(*statement, interaction);
        BindStamps(*statement, 11, interaction.stamps);
        statement->bind(14, interaction.id.value);
        statement->exec();
      }
      InsertAttendees(interaction.id.value, interaction.attendees);
    } catch (const SQLite::Exception& e) {
      return tl::unexpected(InteractionWriteError(e, action, interaction));
    }
  }
  for (const LedgerEntry& entry : data.ledger) {
    std::string action = fmt::format("restore ledger entry {}", entry.id.value);
    ALLIES_TRY_VOID(RestoreRecord(action, ValidateLedgerEntry(entry), [&] {
      auto statement = Prepare(
          "INSERT INTO ledger (person_id, owner_id, at, kind, value, note, interaction_id, "
          "created_at, updated_at, deleted_at, id) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
      BindLedgerEntry(*statement, entry);
      BindStamps(*statement, 8, entry.stamps);
      statement->bind(11, entry.id.value);
      statement->exec();
    }));
  }
  for (const Introduction& intro : data.introductions) {
    ALLIES_TRY_VOID(RestoreRecord(fmt::format("restore introduction {}", intro.id.value), {}, [&] {
      auto statement = Prepare(
          "INSERT INTO introduction (introducer_id, first_id, second_id, at, outcome, "
          "created_at, updated_at, deleted_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      statement->bind(1, intro.introducer.value);
      statement->bind(2, intro.first.value);
      statement->bind(3, intro.second.value);
      statement->bind(4, Seconds(intro.at));
      statement->bind(5, intro.outcome);
      BindStamps(*statement, 6, intro.stamps);
      statement->bind(9, intro.id.value);
      statement->exec();
    }));
  }
  for (const FollowUp& followup : data.followups) {
    std::string action = fmt::format("restore follow-up {}", followup.id.value);
    ALLIES_TRY_VOID(RestoreRecord(action, ValidateFollowUp(followup), [&] {
      auto statement = Prepare(
          "INSERT INTO followup (person_id, text, due, done_at, owner_id, created_at, "
          "updated_at, deleted_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      BindFollowUp(*statement, followup);
      BindStamps(*statement, 6, followup.stamps);
      statement->bind(9, followup.id.value);
      statement->exec();
    }));
  }
  for (const VendorNotice& notice : data.notices) {
    ALLIES_TRY_VOID(
        RestoreRecord(fmt::format("restore vendor notice {}", notice.id.value), {}, [&] {
          auto statement = Prepare(
              "INSERT INTO vendor_notice (org_id, at, text, reported_by, created_at, updated_at, "
              "deleted_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
          statement->bind(1, notice.org.value);
          statement->bind(2, Seconds(notice.at));
          statement->bind(3, notice.text);
          BindOptional(*statement, 4, notice.reported_by);
          BindStamps(*statement, 5, notice.stamps);
          statement->bind(8, notice.id.value);
          statement->exec();
        }));
  }
  for (const core::Knows& knows : data.knows) {
    std::string action = fmt::format("restore the tie between person {} and person {}",
                                     knows.first.value, knows.second.value);
    if (!(knows.first < knows.second) || !(knows.strength > 0 && knows.strength <= 1)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("cannot {}: expected the smaller id first and a strength in (0, 1], "
                              "got strength {}",
                              action, knows.strength));
    }
    ALLIES_TRY_VOID(RestoreRecord(action, {}, [&] {
      auto statement = Prepare(
          "INSERT INTO knows (person_a, person_b, strength, created_at, updated_at, deleted_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      statement->bind(1, knows.first.value);
      statement->bind(2, knows.second.value);
      statement->bind(3, knows.strength);
      BindStamps(*statement, 4, knows.stamps);
      statement->exec();
    }));
  }
  return {};
}

}  // namespace allies::store::sqlite
