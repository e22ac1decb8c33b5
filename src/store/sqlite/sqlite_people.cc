// People and organizations of the SQLite back end.

#include <sqlite3.h>

#include <algorithm>
#include <numeric>

#include "core/names.h"
#include "core/text.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {
namespace {

using core::Organization;
using core::OrgId;
using core::Person;
using core::PersonId;

std::string FoldedKey(std::string_view text) { return core::FoldCase(core::Trim(text)); }

// Catches values the CHECK constraints would refuse, with a message that quotes them.
Result<void> ValidatePerson(const Person& person) {
  auto bad = [&](std::string what) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("person \"{}\": {}", person.name, std::move(what)));
  };
  if (person.closeness && (*person.closeness < 0 || *person.closeness > 5)) {
    return bad(fmt::format("closeness {} is out of range (expected 0 to 5)", *person.closeness));
  }
  if (person.cadence_days && *person.cadence_days < 1) {
    return bad(fmt::format("cadence of {} days is not accepted (expected 1 or more)",
                           *person.cadence_days));
  }
  for (const core::Offer& offer : person.offers) {
    if (offer.rating < 0 || offer.rating > 5) {
      return bad(
          fmt::format("offer \"{}\" has rating {} (expected 0 to 5)", offer.key, offer.rating));
    }
  }
  for (const core::ImportantDate& date : person.dates) {
    if (date.date.month < 1 || date.date.month > 12 || date.date.day < 1 || date.date.day > 31) {
      return bad(fmt::format("{} {} is not a date (expected a month 1 to 12 and a day 1 to 31)",
                             core::Name(date.kind), core::FormatMonthDay(date.date)));
    }
  }
  return {};
}

Result<void> ValidateOrg(const Organization& org) {
  if (org.cadence_days && *org.cadence_days < 1) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("organization \"{}\": cadence of {} days is not accepted (expected 1 "
                            "or more)",
                            org.name, *org.cadence_days));
  }
  if (org.renewal && !org.renewal->ok()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("organization \"{}\": the renewal date is not a valid date", org.name));
  }
  return {};
}

std::vector<Reference> PersonReferences(const Person& person) {
  std::vector<Reference> references;
  if (person.org) references.push_back({Table::kOrg, person.org->value, "organization"});
  if (person.reports_to) {
    references.push_back({Table::kPerson, person.reports_to->value, "person reported to"});
  }
  return references;
}

Cell OptionalCell(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate{};
  return *value;
}

// Binds `cells` to ?1, ?2, ..., copying their text (the cells may go before the statement runs).
void BindCopies(SQLite::Statement& statement, const std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* number = std::get_if<std::int64_t>(&cells[i])) {
      statement.bind(index, *number);
    } else if (const auto* text = std::get_if<std::string>(&cells[i])) {
      statement.bind(index, *text);
    } else {
      statement.bind(index);
    }
  }
}

// The columns name, name_key, title, department, department_key, org_id, reports_to,
// closeness, closeness_at, cadence_days, is_me, is_team of a person, in that order: one list
// for every way a person's row is written (BindPerson, HoldPerson).
void AppendPersonCells(const Person& person, std::vector<Cell>& cells) {
  cells.emplace_back(person.name);
  cells.emplace_back(core::NameKey(person.name));
  cells.emplace_back(person.title);
  cells.emplace_back(person.department);
  cells.emplace_back(FoldedKey(person.department));
  cells.push_back(OptionalCell(person.org ? std::optional(person.org->value) : std::nullopt));
  cells.push_back(
      OptionalCell(person.reports_to ? std::optional(person.reports_to->value) : std::nullopt));
  cells.push_back(OptionalCell(person.closeness));
  cells.push_back(OptionalCell(person.closeness_at ? std::optional(Seconds(*person.closeness_at))
                                                   : std::nullopt));
  cells.push_back(OptionalCell(person.cadence_days));
  cells.emplace_back(std::int64_t{person.is_me ? 1 : 0});
  cells.emplace_back(std::int64_t{person.is_team ? 1 : 0});
}

// Binds the fields shared by INSERT and UPDATE of a person to ?1 .. ?12.
void BindPerson(SQLite::Statement& statement, const Person& person) {
  std::vector<Cell> cells;
  AppendPersonCells(person, cells);
  BindCopies(statement, cells);
}

constexpr std::string_view kPersonColumns =
    "p.id, p.name, p.title, p.department, p.org_id, p.reports_to, p.closeness, p.closeness_at, "
    "p.cadence_days, p.is_me, p.is_team, p.created_at, p.updated_at, p.deleted_at, p.name_key";

Person ColumnPerson(const SQLite::Statement& statement) {
  Person person;
  person.id = PersonId{statement.getColumn(0).getInt64()};
  person.name = statement.getColumn(1).getString();
  person.title = statement.getColumn(2).getString();
  person.department = statement.getColumn(3).getString();
  person.org = ColumnOptionalId<core::OrgTag>(statement, 4);
  person.reports_to = ColumnOptionalId<core::PersonTag>(statement, 5);
  person.closeness = ColumnOptionalInt(statement, 6);
  person.closeness_at = ColumnOptionalTime(statement, 7);
  person.cadence_days = ColumnOptionalInt(statement, 8);
  person.is_me = statement.getColumn(9).getInt() != 0;
  person.is_team = statement.getColumn(10).getInt() != 0;
  person.stamps = ColumnStamps(statement, 11);
  return person;
}

// SQL selecting the rows of `table` that belong to the people `where` selects, in list order.
// Without `where` it reads every row: the merge in AttachChildren skips the rows of people not
// loaded, which costs less than probing the child table once per person.
std::string ChildQuery(std::string_view columns, std::string_view table, std::string_view where) {
  if (where.empty()) {
    return fmt::format("SELECT person_id, {} FROM {} ORDER BY person_id, position", columns, table);
  }
  return fmt::format(
      "SELECT person_id, {} FROM {} WHERE person_id IN (SELECT p.id FROM person p {}) "
      "ORDER BY person_id, position",
      columns, table, where);
}

// Reorders `records` (sorted by id) by (key, id) without copying them.
template <class Record>
std::vector<Record> SortByKey(std::vector<Record> records, const std::vector<std::string>& keys) {
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), 0);
  // Ids ascend with the index, so a stable sort by key alone gives (key, id).
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<Record> sorted;
  sorted.reserve(records.size());
  for (std::size_t index : order) sorted.push_back(std::move(records[index]));
  return sorted;
}

template <class Tag>
std::vector<core::Id<Tag>> ColumnIds(SQLite::Statement& statement) {
  std::vector<core::Id<Tag>> ids;
  while (statement.executeStep()) ids.push_back(core::Id<Tag>{statement.getColumn(0).getInt64()});
  return ids;
}

}  // namespace

// --- people -------------------------------------------------------------------------------------

Result<std::vector<Person>> SqliteStore::LoadPeople(std::string_view where,
                                                    const std::vector<Param>& params,
                                                    bool whole_table, bool children, bool offers) {
  std::vector<Person> people;
  std::vector<std::string> keys;
  {
    auto statement =
        Prepare(fmt::format("SELECT {} FROM person p {} ORDER BY p.id", kPersonColumns, where));
    BindParams(*statement, params);
    while (statement->executeStep()) {
      people.push_back(ColumnPerson(*statement));
      keys.push_back(statement->getColumn(14).getString());
    }
  }
  if (people.empty() || (!children && !offers)) return SortByKey(std::move(people), keys);

  auto attach = [&](std::string_view columns, std::string_view table, auto&& add) {
    auto statement = Prepare(ChildQuery(columns, table, whole_table ? "" : where));
    if (!whole_table) BindParams(*statement, params);
    AttachChildren(*statement, people, add);
  };
  auto attach_offers = [&] {
    attach("offer, rating", "person_offer", [](Person& person, const SQLite::Statement& row) {
      person.offers.push_back({row.getColumn(1).getString(), row.getColumn(2).getInt()});
    });
  };
  if (!children) {
    attach_offers();
    return SortByKey(std::move(people), keys);
  }
  attach("address, type", "person_email", [](Person& person, const SQLite::Statement& row) {
    person.emails.push_back({row.getColumn(1).getString(), row.getColumn(2).getString()});
  });
  attach("number, type", "person_phone", [](Person& person, const SQLite::Statement& row) {
    person.phones.push_back({row.getColumn(1).getString(), row.getColumn(2).getString()});
  });
  attach("tag", "person_tag", [](Person& person, const SQLite::Statement& row) {
    person.tags.push_back(row.getColumn(1).getString());
  });
  attach_offers();
  attach("need", "person_need", [](Person& person, const SQLite::Statement& row) {
    person.needs.push_back(row.getColumn(1).getString());
  });
  attach("at, note", "person_note", [](Person& person, const SQLite::Statement& row) {
    person.notes.push_back(
        {FromSeconds(row.getColumn(1).getInt64()), row.getColumn(2).getString()});
  });
  std::optional<core::Error> bad_date;
  attach("kind, month, day, year", "person_date",
         [&](Person& person, const SQLite::Statement& row) {
           auto kind = ColumnEnum<core::DateKind>(row, 1, core::ParseDateKind, "date kind");
           if (!kind) {
             bad_date = kind.error();
             return;
           }
           core::MonthDay date{static_cast<unsigned>(row.getColumn(2).getInt()),
                               static_cast<unsigned>(row.getColumn(3).getInt()),
                               ColumnOptionalInt(row, 4)};
           person.dates.push_back({*kind, date});
         });
  if (bad_date) return tl::unexpected(*bad_date);
  return SortByKey(std::move(people), keys);
}

void SqliteStore::InsertPersonChildren(std::int64_t id, const Person& person, bool defer) {
  auto insert = [&](std::string_view sql, const auto& items, auto&& cells) {
    std::int64_t position = 0;
    for (const auto& item : items) {
      row_.clear();
      row_.emplace_back(id);
      row_.emplace_back(position++);
      cells(item);
      WriteRow(sql, row_, defer);
    }
  };
  insert(
      "INSERT INTO person_email (person_id, position, address, address_key, type) "
      "VALUES (?, ?, ?, ?, ?)",
      person.emails, [&](const core::Email& email) {
        row_.emplace_back(email.address);
        row_.emplace_back(FoldedKey(email.address));
        row_.emplace_back(email.type);
      });
  insert("INSERT INTO person_phone (person_id, position, number, type) VALUES (?, ?, ?, ?)",
         person.phones, [&](const core::Phone& phone) {
           row_.emplace_back(phone.number);
           row_.emplace_back(phone.type);
         });
  insert("INSERT INTO person_tag (person_id, position, tag, tag_key) VALUES (?, ?, ?, ?)",
         person.tags, [&](const std::string& tag) {
           row_.emplace_back(tag);
           row_.emplace_back(FoldedKey(tag));
         });
  insert("INSERT INTO person_offer (person_id, position, offer, rating) VALUES (?, ?, ?, ?)",
         person.offers, [&](const core::Offer& offer) {
           row_.emplace_back(offer.key);
           row_.emplace_back(std::int64_t{offer.rating});
         });
  insert("INSERT INTO person_need (person_id, position, need) VALUES (?, ?, ?)", person.needs,
         [&](const std::string& need) { row_.emplace_back(need); });
  insert("INSERT INTO person_note (person_id, position, at, note) VALUES (?, ?, ?, ?)",
         person.notes, [&](const core::Note& note) {
           row_.emplace_back(Seconds(note.at));
           row_.emplace_back(note.text);
         });
  insert(
      "INSERT INTO person_date (person_id, position, kind, month, day, year) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      person.dates, [&](const core::ImportantDate& date) {
        row_.emplace_back(std::string(core::Name(date.kind)));
        row_.emplace_back(static_cast<std::int64_t>(date.date.month));
        row_.emplace_back(static_cast<std::int64_t>(date.date.day));
        if (date.date.year) {
          row_.emplace_back(std::int64_t{*date.date.year});
        } else {
          row_.emplace_back();
        }
      });
  InsertPersonText(id, person, defer);
}

// The person's row of the full-text index (schema v4), written last so that a failure of an
// earlier child row leaves none behind. People with nothing to search get no row.
void SqliteStore::InsertPersonText(std::int64_t id, const Person& person, bool defer) {
  if (person.offers.empty() && person.needs.empty() && person.notes.empty()) return;
  std::vector<std::string> offers;
  std::vector<std::string> notes;
  for (const core::Offer& offer : person.offers) offers.push_back(offer.key);
  for (const core::Note& note : person.notes) notes.push_back(note.text);
  row_.clear();
  row_.emplace_back(id);
  row_.emplace_back(core::Join(offers, " ; "));
  row_.emplace_back(core::Join(person.needs, " ; "));
  row_.emplace_back(core::Join(notes, " ; "));
  WriteRow("INSERT INTO person_text (rowid, offers, needs, notes) VALUES (?, ?, ?, ?)", row_,
           defer);
}

void SqliteStore::DeletePersonChildren(std::int64_t id) {
  for (std::string_view sql :
       {"DELETE FROM person_email WHERE person_id = ?",
        "DELETE FROM person_phone WHERE person_id = ?",
        "DELETE FROM person_tag WHERE person_id = ?",
        "DELETE FROM person_offer WHERE person_id = ?",
        "DELETE FROM person_need WHERE person_id = ?",
        "DELETE FROM person_note WHERE person_id = ?",
        "DELETE FROM person_date WHERE person_id = ?", "DELETE FROM person_text WHERE rowid = ?"}) {
    auto statement = Prepare(sql);
    statement->bind(1, id);
    statement->exec();
  }
}

core::Error SqliteStore::PersonWriteError(const SQLite::Exception& e, std::string_view action,
                                          const Person& person) {
  if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE && person.is_me) {
    std::string holder = "another person";
    try {
      auto statement =
          Prepare("SELECT id, name FROM person WHERE is_me = 1 AND deleted_at IS NULL");
      if (statement->executeStep()) {
        holder = fmt::format("person {} (\"{}\")", statement->getColumn(0).getInt64(),
                             statement->getColumn(1).getString());
      }
    } catch (const SQLite::Exception&) {
      // The message stays less precise; the failure itself is already known.
    }
    return core::Error{ErrorCode::kAlreadyExists,
                       fmt::format("cannot {}: {} is already flagged as me", action, holder)};
  }
  return WriteError(e, action, PersonReferences(person));
}

Result<PersonId> SqliteStore::InsertPerson(const Person& person) {
  std::string action = fmt::format("insert person \"{}\"", person.name);
  ALLIES_TRY_VOID(ValidatePerson(person));
  return Counted(Write<PersonId>(
      action, Undo::kStatement,
      [&]() -> Result<PersonId> {
        if (bulk_ && !person.is_me) return HoldPerson(person);
        {
          constexpr std::string_view kInsert =
              "INSERT INTO person (name, name_key, title, department, department_key, org_id, "
              "reports_to, closeness, closeness_at, cadence_days, is_me, is_team, created_at, "
              "updated_at, deleted_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, NULL)";
          auto statement = Prepare(kInsert);
          BindPerson(*statement, person);
          statement->bind(13, Seconds(now_));
          statement->exec();
        }
        std::int64_t id = db_->getLastInsertRowid();
        next_person_id_ = 0;  // a bulk load counts again after this id
        try {
          InsertPersonChildren(id, person);
        } catch (const SQLite::Exception&) {
          UndoInsert("DELETE FROM person WHERE id = ?", id);
          throw;
        }
        return PersonId{id};
      },
      [&](const SQLite::Exception& e) { return PersonWriteError(e, action, person); }));
}

// While bulk loading, a new person waits in the buffer with their child rows, and the importer
// goes on without waiting for the flusher thread: the id is the one SQLite would give, one past
// the largest there is, counted here. The person rows are written before every other table's
// but organizations' (HeldRank): children, interactions and attendees refer to them. Someone
// flagged as me is written at once, as the unique index on the flag must say no then and there.
PersonId SqliteStore::HoldPerson(const Person& person) {
  const std::int64_t id = NextHeldId(next_person_id_, "SELECT coalesce(max(id), 0) FROM person");
  row_.clear();
  row_.emplace_back(id);
  AppendPersonCells(person, row_);
  row_.emplace_back(Seconds(now_));
  row_.emplace_back(Seconds(now_));
  WriteRow(
      "INSERT INTO person (id, name, name_key, title, department, department_key, org_id, "
      "reports_to, closeness, closeness_at, cadence_days, is_me, is_team, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      row_, /*defer=*/true, HeldRank::kPeople);
  InsertPersonChildren(id, person, /*defer=*/true);
  return PersonId{id};
}

Result<void> SqliteStore::UpdatePerson(const Person& person) {
  std::string action = fmt::format("update person {}", person.id.value);
  ALLIES_TRY_VOID(ValidatePerson(person));
  return Counted(Write<void>(
      action, Undo::kSavepoint,
      [&]() -> Result<void> {
        {
          auto statement = Prepare(
              "UPDATE person SET name = ?1, name_key = ?2, title = ?3, department = ?4, "
              "department_key = ?5, org_id = ?6, reports_to = ?7, closeness = ?8, "
              "closeness_at = ?9, cadence_days = ?10, is_me = ?11, is_team = ?12, "
              "updated_at = ?13, deleted_at = ?14 WHERE id = ?15");
          BindPerson(*statement, person);
          statement->bind(13, Seconds(now_));
          BindOptional(*statement, 14, person.stamps.deleted_at);
          statement->bind(15, person.id.value);
          if (statement->exec() == 0) {
            return Fail(ErrorCode::kNotFound, fmt::format("no person with id {}", person.id.value));
          }
        }
        DeletePersonChildren(person.id.value);
        InsertPersonChildren(person.id.value, person);
        return {};
      },
      [&](const SQLite::Exception& e) { return PersonWriteError(e, action, person); }));
}

Result<Person> SqliteStore::GetPerson(PersonId id) {
  return Read(fmt::format("read person {}", id.value), [&]() -> Result<Person> {
    ALLIES_TRY(auto people, LoadPeople("WHERE p.id = ?", {id.value}, false));
    if (people.empty()) {
      return Fail(ErrorCode::kNotFound, fmt::format("no person with id {}", id.value));
    }
    return std::move(people.front());
  });
}

Result<std::vector<Person>> SqliteStore::ListPeople(const PersonFilter& filter) {
  std::vector<std::string> conditions;
  std::vector<Param> params;
  if (!filter.include_deleted) conditions.emplace_back("p.deleted_at IS NULL");
  if (filter.department) {
    conditions.emplace_back("p.department_key = ?");
    params.emplace_back(FoldedKey(*filter.department));
  }
  if (filter.tag) {
    conditions.emplace_back("p.id IN (SELECT person_id FROM person_tag WHERE tag_key = ?)");
    params.emplace_back(FoldedKey(*filter.tag));
  }
  if (filter.org) {
    conditions.emplace_back("p.org_id = ?");
    params.emplace_back(filter.org->value);
  }
  if (filter.only_team) conditions.emplace_back("p.is_team = 1 AND p.is_me = 0");
  std::string where =
      conditions.empty() ? std::string() : "WHERE " + core::Join(conditions, " AND ");
  bool whole_table = !filter.department && !filter.tag && !filter.org && !filter.only_team;
  return Read("list people", [&] {
    return LoadPeople(where, params, whole_table, !filter.without_children, filter.with_offers);
  });
}

Result<std::vector<PersonId>> SqliteStore::FindPeopleByName(std::string_view name_key,
                                                            bool include_deleted) {
  return Read("find people by name", [&]() -> Result<std::vector<PersonId>> {
    auto statement =
        Prepare(include_deleted ? "SELECT id FROM person WHERE name_key = ? ORDER BY id"
                                : "SELECT id FROM person WHERE name_key = ? AND deleted_at IS NULL "
                                  "ORDER BY id");
    // Callers pass a key, but folding again costs nothing and forgives a raw name.
    statement->bind(1, core::NameKey(name_key));
    return ColumnIds<core::PersonTag>(*statement);
  });
}

Result<std::vector<PersonId>> SqliteStore::FindPeopleByEmail(std::string_view email,
                                                             bool include_deleted) {
  return Read("find people by email", [&]() -> Result<std::vector<PersonId>> {
    auto statement = Prepare(
        include_deleted ? "SELECT DISTINCT e.person_id FROM person_email e WHERE e.address_key = ? "
                          "ORDER BY e.person_id"
                        : "SELECT DISTINCT e.person_id FROM person_email e JOIN person p "
                          "ON p.id = e.person_id WHERE e.address_key = ? AND p.deleted_at IS NULL "
                          "ORDER BY e.person_id");
    statement->bind(1, FoldedKey(email));
    return ColumnIds<core::PersonTag>(*statement);
  });
}

Result<std::vector<PersonId>> SqliteStore::SearchPeople(std::string_view text) {
  return Read("search people", [&]() -> Result<std::vector<PersonId>> {
    auto statement = Prepare(
        "SELECT p.id FROM person p LEFT JOIN org o ON o.id = p.org_id "
        "WHERE p.deleted_at IS NULL AND ("
        "instr(p.name_key, ?1) > 0 OR instr(allies_fold(p.name), ?1) > 0 "
        "OR instr(allies_fold(p.title), ?1) > 0 OR instr(allies_fold(p.department), ?1) > 0 "
        "OR instr(allies_fold(o.name), ?1) > 0 "
        "OR EXISTS (SELECT 1 FROM person_email x WHERE x.person_id = p.id "
        "AND instr(x.address_key, ?1) > 0) "
        "OR EXISTS (SELECT 1 FROM person_tag x WHERE x.person_id = p.id "
        "AND instr(x.tag_key, ?1) > 0) "
        "OR EXISTS (SELECT 1 FROM person_offer x WHERE x.person_id = p.id "
        "AND instr(allies_fold(x.offer), ?1) > 0) "
        "OR EXISTS (SELECT 1 FROM person_need x WHERE x.person_id = p.id "
        "AND instr(allies_fold(x.need), ?1) > 0) "
        "OR EXISTS (SELECT 1 FROM person_note x WHERE x.person_id = p.id "
        "AND instr(allies_fold(x.note), ?1) > 0)) "
        "ORDER BY p.name_key, p.id");
    statement->bind(1, core::FoldCase(text));
    return ColumnIds<core::PersonTag>(*statement);
  });
}

Result<std::optional<PersonId>> SqliteStore::FindMe() {
  return Read("find me", [&]() -> Result<std::optional<PersonId>> {
    auto statement = Prepare("SELECT id FROM person WHERE is_me = 1 AND deleted_at IS NULL");
    if (!statement->executeStep()) return std::optional<PersonId>();
    return PersonId{statement->getColumn(0).getInt64()};
  });
}

Result<std::size_t> SqliteStore::CountPeople() {
  return Read("count people", [&]() -> Result<std::size_t> {
    auto statement = Prepare("SELECT count(*) FROM person WHERE deleted_at IS NULL");
    statement->executeStep();
    return static_cast<std::size_t>(statement->getColumn(0).getInt64());
  });
}

Result<std::vector<std::pair<PersonId, PersonId>>> SqliteStore::ListReportsTo() {
  return Read("list reports-to links", [&]() -> Result<std::vector<std::pair<PersonId, PersonId>>> {
    auto statement = Prepare(
        "SELECT p.id, p.reports_to FROM person p JOIN person m ON m.id = p.reports_to "
        "WHERE p.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY p.id");
    std::vector<std::pair<PersonId, PersonId>> links;
    while (statement->executeStep()) {
      links.emplace_back(PersonId{statement->getColumn(0).getInt64()},
                         PersonId{statement->getColumn(1).getInt64()});
    }
    return links;
  });
}

// --- organizations ------------------------------------------------------------------------------

Result<std::vector<Organization>> SqliteStore::LoadOrgs(std::string_view where,
                                                        const std::vector<Param>& params) {
  std::vector<Organization> orgs;
  std::vector<std::string> keys;
  {
    auto statement = Prepare(fmt::format(
        "SELECT o.id, o.name, o.kind, o.renewal, o.cadence_days, o.created_at, o.updated_at, "
        "o.deleted_at, o.name_key FROM org o {} ORDER BY o.id",
        where));
    BindParams(*statement, params);
    while (statement->executeStep()) {
      Organization org;
      org.id = OrgId{statement->getColumn(0).getInt64()};
      org.name = statement->getColumn(1).getString();
      ALLIES_TRY(org.kind,
                 ColumnEnum<core::OrgKind>(*statement, 2, core::ParseOrgKind, "organization kind"));
      if (!statement->getColumn(3).isNull()) {
        std::string renewal = statement->getColumn(3).getString();
        auto date = core::ParseDate(renewal);
        if (!date) {
          return Fail(ErrorCode::kIo,
                      fmt::format("the database holds a bad renewal date \"{}\"", renewal));
        }
        org.renewal = *date;
      }
      org.cadence_days = ColumnOptionalInt(*statement, 4);
      org.stamps = ColumnStamps(*statement, 5);
      orgs.push_back(std::move(org));
      keys.push_back(statement->getColumn(8).getString());
    }
  }
  if (orgs.empty()) return orgs;
  auto statement =
      Prepare(where.empty()
                  ? std::string("SELECT org_id, service FROM org_service ORDER BY org_id, position")
                  : fmt::format("SELECT org_id, service FROM org_service WHERE org_id IN "
                                "(SELECT o.id FROM org o {}) ORDER BY org_id, position",
                                where));
  BindParams(*statement, params);
  AttachChildren(*statement, orgs, [](Organization& org, const SQLite::Statement& row) {
    org.services.push_back(row.getColumn(1).getString());
  });
  return SortByKey(std::move(orgs), keys);
}

void SqliteStore::InsertServices(std::int64_t id, const std::vector<std::string>& services) {
  if (services.empty()) return;
  auto statement = Prepare("INSERT INTO org_service (org_id, position, service) VALUES (?, ?, ?)");
  std::int64_t position = 0;
  for (const std::string& service : services) {
    statement->bind(1, id);
    statement->bind(2, position++);
    statement->bind(3, service);
    statement->exec();
    statement->reset();
  }
}

namespace {

// The columns name, name_key, kind, renewal, cadence_days of an organization, in that order
// (BindOrg, HoldOrg).
void AppendOrgCells(const Organization& org, std::vector<Cell>& cells) {
  cells.emplace_back(org.name);
  cells.emplace_back(core::NameKey(org.name));
  cells.emplace_back(std::string(core::Name(org.kind)));
  if (org.renewal) {
    cells.emplace_back(core::FormatDate(*org.renewal));
  } else {
    cells.emplace_back();
  }
  cells.push_back(OptionalCell(org.cadence_days));
}

void BindOrg(SQLite::Statement& statement, const Organization& org) {
  std::vector<Cell> cells;
  AppendOrgCells(org, cells);
  BindCopies(statement, cells);
}

}  // namespace

Result<OrgId> SqliteStore::InsertOrg(const Organization& org) {
  std::string action = fmt::format("insert organization \"{}\"", org.name);
  ALLIES_TRY_VOID(ValidateOrg(org));
  return Write<OrgId>(
      action, Undo::kStatement,
      [&]() -> Result<OrgId> {
        if (bulk_) return HoldOrg(org);
        {
          auto statement = Prepare(
              "INSERT INTO org (name, name_key, kind, renewal, cadence_days, created_at, "
              "updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, NULL)");
          BindOrg(*statement, org);
          statement->bind(6, Seconds(now_));
          statement->exec();
        }
        std::int64_t id = db_->getLastInsertRowid();
        try {
          InsertServices(id, org.services);
        } catch (const SQLite::Exception&) {
          UndoInsert("DELETE FROM org WHERE id = ?", id);
          throw;
        }
        return OrgId{id};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, {}); });
}

// While bulk loading, a new organization waits in the buffer like a person (HoldPerson), its
// rows written before everyone's.
OrgId SqliteStore::HoldOrg(const Organization& org) {
  const std::int64_t id = NextHeldId(next_org_id_, "SELECT coalesce(max(id), 0) FROM org");
  row_.clear();
  row_.emplace_back(id);
  AppendOrgCells(org, row_);
  row_.emplace_back(Seconds(now_));
  row_.emplace_back(Seconds(now_));
  WriteRow(
      "INSERT INTO org (id, name, name_key, kind, renewal, cadence_days, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      row_, /*defer=*/true, HeldRank::kOrgs);
  std::int64_t position = 0;
  for (const std::string& service : org.services) {
    row_.clear();
    row_.emplace_back(id);
    row_.emplace_back(position++);
    row_.emplace_back(service);
    WriteRow("INSERT INTO org_service (org_id, position, service) VALUES (?, ?, ?)", row_,
             /*defer=*/true);
  }
  return OrgId{id};
}

Result<void> SqliteStore::UpdateOrg(const Organization& org) {
  std::string action = fmt::format("update organization {}", org.id.value);
  ALLIES_TRY_VOID(ValidateOrg(org));
  return Write<void>(
      action, Undo::kSavepoint,
      [&]() -> Result<void> {
        {
          auto statement = Prepare(
              "UPDATE org SET name = ?1, name_key = ?2, kind = ?3, renewal = ?4, "
              "cadence_days = ?5, updated_at = ?6, deleted_at = ?7 WHERE id = ?8");
          BindOrg(*statement, org);
          statement->bind(6, Seconds(now_));
          BindOptional(*statement, 7, org.stamps.deleted_at);
          statement->bind(8, org.id.value);
          if (statement->exec() == 0) {
            return Fail(ErrorCode::kNotFound,
                        fmt::format("no organization with id {}", org.id.value));
          }
        }
        {
          auto statement = Prepare("DELETE FROM org_service WHERE org_id = ?");
          statement->bind(1, org.id.value);
          statement->exec();
        }
        InsertServices(org.id.value, org.services);
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, {}); });
}

Result<Organization> SqliteStore::GetOrg(OrgId id) {
  return Read(fmt::format("read organization {}", id.value), [&]() -> Result<Organization> {
    ALLIES_TRY(auto orgs, LoadOrgs("WHERE o.id = ?", {id.value}));
    if (orgs.empty()) {
      return Fail(ErrorCode::kNotFound, fmt::format("no organization with id {}", id.value));
    }
    return std::move(orgs.front());
  });
}

Result<std::vector<Organization>> SqliteStore::ListOrgs(bool include_deleted) {
  return Read("list organizations",
              [&] { return LoadOrgs(include_deleted ? "" : "WHERE o.deleted_at IS NULL", {}); });
}

Result<std::vector<OrgId>> SqliteStore::FindOrgsByName(std::string_view name_key,
                                                       bool include_deleted) {
  return Read("find organizations by name", [&]() -> Result<std::vector<OrgId>> {
    auto statement =
        Prepare(include_deleted ? "SELECT id FROM org WHERE name_key = ? ORDER BY id"
                                : "SELECT id FROM org WHERE name_key = ? AND deleted_at IS NULL "
                                  "ORDER BY id");
    statement->bind(1, core::NameKey(name_key));
    return ColumnIds<core::OrgTag>(*statement);
  });
}

// --- restoring a full export ---------------------------------------------------------------------

Result<void> SqliteStore::RestorePeopleAndOrgs(const core::Dataset& data) {
  for (const Organization& org : data.orgs) {
    ALLIES_TRY_VOID(ValidateOrg(org));
    std::string action = fmt::format("restore organization {} (\"{}\")", org.id.value, org.name);
    try {
      {
        auto statement = Prepare(
            "INSERT INTO org (name, name_key, kind, renewal, cadence_days, created_at, "
            "updated_at, deleted_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        BindOrg(*statement, org);
        BindStamps(*statement, 6, org.stamps);
        statement->bind(9, org.id.value);
        statement->exec();
      }
      InsertServices(org.id.value, org.services);
    } catch (const SQLite::Exception& e) {
      return tl::unexpected(WriteError(e, action, {}));
    }
  }
  for (const Person& person : data.people) {
    ALLIES_TRY_VOID(ValidatePerson(person));
    std::string action = fmt::format("restore person {} (\"{}\")", person.id.value, person.name);
    try {
      {
        auto statement = Prepare(
            "INSERT INTO person (name, name_key, title, department, department_key, org_id, "
            "reports_to, closeness, closeness_at, cadence_days, is_me, is_team, created_at, "
            "updated_at, deleted_at, id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
        BindPerson(*statement, person);
        BindStamps(*statement, 13, person.stamps);
        statement->bind(16, person.id.value);
        statement->exec();
      }
      InsertPersonChildren(person.id.value, person);
    } catch (const SQLite::Exception& e) {
      return tl::unexpected(PersonWriteError(e, action, person));
    }
  }
  return {};
}

}  // namespace allies::store::sqlite
