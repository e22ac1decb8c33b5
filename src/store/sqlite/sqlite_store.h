#pragma once
// The embedded SQLite back end of Store: one file, WAL mode, foreign keys on, versioned
// migrations applied on open. Only main.cc (and tests) name this class.

#include <memory>
#include <string>

#include "store/store.h"

namespace allies::store {

// The newest schema version this build knows; a database with a higher version is refused.
inline constexpr int kSqliteSchemaVersion = 7;

// Opens the database at `path`, creating it and its parent directory when absent, and migrates
// it to kSqliteSchemaVersion. ":memory:" opens a private in-memory database (tests).
// Errors: kIo when the file cannot be opened or is not an SQLite database; kConflict when the
// database was written by a newer Allies (its version is quoted).
[[nodiscard]] Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace allies::store
