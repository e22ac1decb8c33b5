// SqliteStore::ReassignPerson: the storage half of `allies merge`.

#include <array>

#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {

Result<void> SqliteStore::ReassignPerson(core::PersonId from, core::PersonId to) {
  constexpr std::string_view kAction = "merge two people";
  if (from == to) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot {}: both are person {}", kAction, from.value));
  }
  if (!Exists(Table::kPerson, from.value) || !Exists(Table::kPerson, to.value)) {
    const auto missing = Exists(Table::kPerson, from.value) ? to : from;
    return Fail(ErrorCode::kNotFound,
                fmt::format("cannot {}: there is no person {}", kAction, missing.value));
  }
  // ?1 = from, ?2 = to, ?3 = now. Order matters: duplicates are removed before the moves that
  // would collide with them.
  static constexpr std::array kStatements = {
      "DELETE FROM interaction_attendee WHERE person_id = ?1 AND interaction_id IN "
      "(SELECT interaction_id FROM interaction_attendee WHERE person_id = ?2)",
      "UPDATE interaction SET updated_at = ?3 WHERE id IN "
      "(SELECT interaction_id FROM interaction_attendee WHERE person_id = ?1) "
      "OR initiator_id = ?1 OR owner_id = ?1",
      "UPDATE interaction_attendee SET person_id = ?2 WHERE person_id = ?1",
      "UPDATE interaction SET initiator_id = ?2 WHERE initiator_id = ?1",
      "UPDATE interaction SET owner_id = ?2 WHERE owner_id = ?1",
      "UPDATE ledger SET person_id = ?2, updated_at = ?3 WHERE person_id = ?1",
      "UPDATE ledger SET owner_id = ?2, updated_at = ?3 WHERE owner_id = ?1",
      "UPDATE introduction SET introducer_id = ?2, updated_at = ?3 WHERE introducer_id = ?1",
      "UPDATE introduction SET first_id = ?2, updated_at = ?3 WHERE first_id = ?1",
      "UPDATE introduction SET second_id = ?2, updated_at = ?3 WHERE second_id = ?1",
      "UPDATE followup SET person_id = ?2, updated_at = ?3 WHERE person_id = ?1",
      "UPDATE followup SET owner_id = ?2, updated_at = ?3 WHERE owner_id = ?1",
      "UPDATE ask SET person_id = ?2, updated_at = ?3 WHERE person_id = ?1",
      "UPDATE ask SET owner_id = ?2, updated_at = ?3 WHERE owner_id = ?1",
      "UPDATE vendor_notice SET reported_by = ?2, updated_at = ?3 WHERE reported_by = ?1",
      "UPDATE person SET reports_to = NULL, updated_at = ?3 WHERE id = ?2 AND reports_to = ?1",
      "UPDATE person SET reports_to = ?2, updated_at = ?3 WHERE reports_to = ?1 AND id <> ?2",
      // knows: re-key every pair of `from` onto `to`, keeping the stronger of two live ties.
      "INSERT INTO knows (person_a, person_b, strength, created_at, updated_at, deleted_at) "
      "SELECT min(other, ?2), max(other, ?2), strength, created_at, ?3, deleted_at FROM "
      "(SELECT CASE WHEN person_a = ?1 THEN person_b ELSE person_a END AS other, strength, "
      "created_at, deleted_at FROM knows WHERE person_a = ?1 OR person_b = ?1) WHERE other <> ?2 "

      "ON CONFLICT (person_a, person_b) DO UPDATE SET "
      "strength = CASE WHEN knows.deleted_at IS NOT NULL THEN excluded.strength "
      "WHEN excluded.deleted_at IS NOT NULL THEN knows.strength "
      "ELSE max(knows.strength, excluded.strength) END, "
      "deleted_at = CASE WHEN excluded.deleted_at IS NULL THEN NULL ELSE knows.deleted_at END, "
      "updated_at = excluded.updated_at",
      "DELETE FROM knows WHERE person_a = ?1 OR person_b = ?1",
  };
  return Counted(Write<void>(
      kAction, Undo::kSavepoint,
      [&]() -> Result<void> {
        for (const char* sql : kStatements) {
          auto statement = Prepare(sql);
          // Not every statement names ?2 and ?3; binding past the last index is an error.
          const int count = statement->getBindParameterCount();
          statement->bind(1, from.value);
          if (count >= 2) statement->bind(2, to.value);
          if (count >= 3) statement->bind(3, Seconds(now_));
          statement->exec();
        }
        return {};
      },
      [&](const SQLite::Exception& e) {
        std::vector<Reference> references{{Table::kPerson, from.value, "merged person"},
                                          {Table::kPerson, to.value, "kept person"}};
        return WriteError(e, kAction, references);
      }));
}

}  // namespace allies::store::sqlite
