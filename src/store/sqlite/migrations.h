#pragma once
// Private to store/sqlite: the versioned schema migrations of the SQLite back end.

#include <cstdint>
#include <string>

#include <SQLiteCpp/Database.h>

#include "core/result.h"

namespace allies::store::sqlite {

// PRAGMA application_id of every Allies database: "Alli" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x416C6C69;

// Checks that `db` (opened from `path`, named in messages) is an empty database or an Allies
// database no newer than kSqliteSchemaVersion, then applies the missing migrations in one
// transaction and returns the resulting schema version. Leaves a foreign database untouched.
// Errors: kIo when the file is not an SQLite database or SQLite fails; kConflict for a
// database of another application or of a newer Allies.
[[nodiscard]] core::Result<int> Migrate(SQLite::Database& db, const std::string& path);

}  // namespace allies::store::sqlite
