#include "store/sqlite/migrations.h"

#include <sqlite3.h>

#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "store/sqlite/sqlite_store.h"

namespace allies::store::sqlite {
namespace {

using core::ErrorCode;
using core::Fail;

// Schema version 1. Migrations are literal SQL, never generated from the current code: a
// migration must create exactly the same schema however the enums and names evolve later.
// Times are INTEGER unix seconds (UTC), calendar dates TEXT YYYY-MM-DD, enums their stable text
// names. Child tables are keyed by (parent, position) so lists come back in the order written;
// they are replaced as a whole with their parent and so carry no stamps of their own.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE org (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('internal', 'company', 'vendor', 'partner', 'customer')),
  renewal TEXT CHECK (renewal GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  cadence_days INTEGER CHECK (cadence_days > 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX org_name_key ON org (name_key);

CREATE TABLE org_service (
  org_id INTEGER NOT NULL REFERENCES org (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  service TEXT NOT NULL,
  PRIMARY KEY (org_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  title TEXT NOT NULL,
  department TEXT NOT NULL,
  department_key TEXT NOT NULL,
  org_id INTEGER REFERENCES org (id),
  reports_to INTEGER REFERENCES person (id),
  closeness INTEGER CHECK (closeness BETWEEN 0 AND 5),
  closeness_at INTEGER,
  cadence_days INTEGER CHECK (cadence_days > 0),
  is_me INTEGER NOT NULL CHECK (is_me IN (0, 1)),
  is_team INTEGER NOT NULL CHECK (is_team IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX person_name_key ON person (name_key);
CREATE INDEX person_department_key ON person (department_key);
CREATE INDEX person_org ON person (org_id);
CREATE UNIQUE INDEX person_one_me ON person (is_me) WHERE is_me = 1 AND deleted_at IS NULL;

CREATE TABLE person_email (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  address TEXT NOT NULL,
  address_key TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_email_key ON person_email (address_key);

CREATE TABLE person_phone (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE person_tag (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  tag_key TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_tag_key ON person_tag (tag_key);

CREATE TABLE person_offer (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  offer TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 5),
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE person_need (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  need TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE person_note (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  at INTEGER NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE person_date (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('birthday', 'work-anniversary')),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  year INTEGER,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE interaction (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('lunch', 'coffee', 'walk', 'meeting', 'call', 'video',
                                     'message', 'event', 'offsite')),
  setting TEXT NOT NULL CHECK (setting IN ('relaxed', 'formal')),
  purpose TEXT NOT NULL CHECK (purpose IN ('get-to-know', 'offer-help', 'ask', 'work')),
  initiator_id INTEGER REFERENCES person (id),
  energy INTEGER NOT NULL CHECK (energy BETWEEN 1 AND 5),
  note TEXT NOT NULL,
  source TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES person (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX interaction_at ON interaction (at);
CREATE UNIQUE INDEX interaction_source ON interaction (source) WHERE source <> '';

-- The unique index serves the "interactions of this person" lookup and also forbids listing one
-- person twice as an attendee of the same interaction.
CREATE TABLE interaction_attendee (
  interaction_id INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (interaction_id, position)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX interaction_attendee_person ON interaction_attendee (person_id, interaction_id);

CREATE TABLE ledger (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  owner_id INTEGER NOT NULL REFERENCES person (id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('attention', 'expertise', 'favor-done', 'introduction',
                                     'recognition', 'small-ask', 'favor-asked', 'escalation')),
  value REAL NOT NULL CHECK (value >= 0),
  note TEXT NOT NULL,
  interaction_id INTEGER REFERENCES interaction (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX ledger_person ON ledger (person_id, at);
CREATE INDEX ledger_owner ON ledger (owner_id, at);

CREATE TABLE introduction (
  id INTEGER PRIMARY KEY,
  introducer_id INTEGER NOT NULL REFERENCES person (id),
  first_id INTEGER NOT NULL REFERENCES person (id),
  second_id INTEGER NOT NULL REFERENCES person (id),
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX introduction_at ON introduction (at);

CREATE TABLE followup (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  text TEXT NOT NULL,
  due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  done_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX followup_due ON followup (due);
CREATE INDEX followup_person ON followup (person_id);

CREATE TABLE vendor_notice (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org (id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL,
  reported_by INTEGER REFERENCES person (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX vendor_notice_org ON vendor_notice (org_id, at);

-- Unset keys are deleted, so config rows carry no deleted_at.
CREATE TABLE config (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Schema version 2: explicit "knows" ties (issue 3), for pairs no interaction shows.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE knows (
  person_a INTEGER NOT NULL REFERENCES person (id),
  person_b INTEGER NOT NULL REFERENCES person (id),
  strength REAL NOT NULL CHECK (strength > 0 AND strength <= 1),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
) STRICT, WITHOUT ROWID;
CREATE INDEX knows_person_b ON knows (person_b);
)sql";

// Schema version 3 (issue 4): vCard's ANNIVERSARY (a wedding or partnership anniversary) is a
// date kind of its own. SQLite cannot change a CHECK constraint, so the table is rebuilt.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE person_date_v3 (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('birthday', 'work-anniversary', 'anniversary')),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  year INTEGER,
  PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO person_date_v3 SELECT person_id, position, kind, month, day, year FROM person_date;
DROP TABLE person_date;
ALTER TABLE person_date_v3 RENAME TO person_date;
)sql";

// Schema version 4 (issue 5): asks with their outcome; a full-text index over what people offer,
// need and are noted for (FTS5, rowid = person id, one row per person who has any of the three;
// the store rewrites a person's row with their child rows); and the influence snapshot, derived
// data that the store empties (influence_day) whenever a transaction writes anything else.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE ask (
  id INTEGER PRIMARY KEY,
  ledger_id INTEGER NOT NULL REFERENCES ledger (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  owner_id INTEGER NOT NULL REFERENCES person (id),
  text TEXT NOT NULL CHECK (text <> ''),
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'yes', 'no')),
  at INTEGER NOT NULL,
  answered_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX ask_person ON ask (person_id, at);
CREATE INDEX ask_at ON ask (at);

CREATE VIRTUAL TABLE person_text USING fts5 (
  offers, needs, notes,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO person_text (rowid, offers, needs, notes)
SELECT p.id,
       coalesce((SELECT group_concat(offer, ' ; ') FROM
                 (SELECT offer FROM person_offer WHERE person_id = p.id ORDER BY position)), ''),
       coalesce((SELECT group_concat(need, ' ; ') FROM
                 (SELECT need FROM person_need WHERE person_id = p.id ORDER BY position)), ''),
       coalesce((SELECT group_concat(note, ' ; ') FROM
                 (SELECT note FROM person_note WHERE person_id = p.id ORDER BY position)), '')
FROM person p
WHERE EXISTS (SELECT 1 FROM person_offer WHERE person_id = p.id)
   OR EXISTS (SELECT 1 FROM person_need WHERE person_id = p.id)
   OR EXISTS (SELECT 1 FROM person_note WHERE person_id = p.id);

CREATE TABLE influence_day (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE TABLE influence (
  person_id INTEGER PRIMARY KEY REFERENCES person (id),
  influence REAL NOT NULL,
  pagerank_percentile REAL NOT NULL,
  betweenness_percentile REAL NOT NULL,
  offer REAL NOT NULL
) STRICT;
)sql";

// Schema version 5 (issue 5): a follow-up belongs to me or a team member (`followup add --as`).
// Existing follow-ups were all mine.
constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE followup ADD COLUMN owner_id INTEGER REFERENCES person (id);
UPDATE followup SET owner_id =
  (SELECT id FROM person WHERE is_me = 1 ORDER BY deleted_at IS NOT NULL, id LIMIT 1);
CREATE INDEX followup_owner ON followup (owner_id);
)sql";

// Schema version 6 (issue 5): the influence snapshot outlives writes. influence_snapshot says
// when it was computed, over how many people and ties, with which parameters (`basis`, the
// app's), and counts the changes of people, interactions and knows ties committed since; the
// app recomputes it when it is too old or too changed (README.md, "Influence"). The day-long
// snapshot of version 4 is dropped (it is derived data), and so is the configuration key
// plan.full_influence_people, which version 6 no longer has (the plan always uses the whole
// network's influence): a stored value would make loading the configuration fail.
constexpr const char* kSchemaV6 = R"sql(
DROP TABLE influence_day;
DELETE FROM influence;
CREATE TABLE influence_snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  computed_at INTEGER NOT NULL,
  people INTEGER NOT NULL CHECK (people >= 0),
  ties INTEGER NOT NULL CHECK (ties >= 0),
  basis TEXT NOT NULL,
  changes INTEGER NOT NULL CHECK (changes >= 0)
) STRICT;
DELETE FROM config WHERE key = 'plan.full_influence_people';
)sql";

// Schema version 7 (issue 5): the influence snapshot may be recomputed by a background process
// while others write, so changes are counted in one total that only grows (network_changes),
// and the snapshot keeps the total at the moment its network was read (changes_at): the
// changes since are the difference, those written during the computation included. The count
// a version 6 snapshot had carries over.
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE network_changes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  total INTEGER NOT NULL CHECK (total >= 0)
) STRICT;
INSERT INTO network_changes (id, total)
  VALUES (1, (SELECT coalesce(max(changes), 0) FROM influence_snapshot));
ALTER TABLE influence_snapshot RENAME COLUMN changes TO changes_at;
UPDATE influence_snapshot SET changes_at = 0;
)sql";

struct Migration {
  int version;
  const char* sql;
};

constexpr Migration kMigrations[] = {{1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4},
                                     {5, kSchemaV5}, {6, kSchemaV6}, {7, kSchemaV7}};
static_assert(std::size(kMigrations) == kSqliteSchemaVersion,
              "every schema version needs exactly one migration");

std::int64_t QueryInt(SQLite::Database& db, const char* sql) {
  SQLite::Statement statement(db, sql);
  statement.executeStep();
  return statement.getColumn(0).getInt64();
}

core::Error NotAllies(const std::string& path, std::string_view why) {
  return core::Error{ErrorCode::kConflict,
                     fmt::format("\"{}\" is not an Allies database ({})", path, why)};
}

// Refuses databases Allies must not touch. Returns the schema version found.
core::Result<int> CheckIdentity(SQLite::Database& db, const std::string& path) {
  auto application_id = static_cast<std::int32_t>(QueryInt(db, "PRAGMA application_id"));
  auto version = static_cast<int>(QueryInt(db, "PRAGMA user_version"));
  if (application_id != 0 && application_id != kApplicationId) {
    return tl::unexpected(NotAllies(path, fmt::format("its application_id is {:#010x}",
                                                      static_cast<std::uint32_t>(application_id))));
  }
  // Both pragmas are written in the same transaction, so an Allies database never has a
  // version without the application id.
  if (application_id == 0 && version != 0) {
    return tl::unexpected(
        NotAllies(path, fmt::format("it has user_version {} but no application_id", version)));
  }
  if (version > kSqliteSchemaVersion) {
    return Fail(ErrorCode::kConflict,
                fmt::format("database \"{}\" has schema version {}, newer than this Allies "
                            "supports ({}); upgrade Allies",
                            path, version, kSqliteSchemaVersion));
  }
  if (version == 0 &&
      QueryInt(db,
               "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") >
          0) {
    return tl::unexpected(NotAllies(path, "it holds tables of another application"));
  }
  return version;
}

core::Result<int> MigrateOrThrow(SQLite::Database& db, const std::string& path) {
  ALLIES_TRY(int version, CheckIdentity(db, path));
  if (version == kSqliteSchemaVersion) return version;

  db.exec("BEGIN IMMEDIATE");
  // Another process may have migrated the file while this one waited for the write lock.
  auto checked = CheckIdentity(db, path);
  if (!checked) {
    db.exec("ROLLBACK");
    return checked;
  }
  try {
    for (const Migration& migration : kMigrations) {
      if (migration.version <= *checked) continue;
      db.exec(migration.sql);
      db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    }
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db.exec("COMMIT");
  } catch (const SQLite::Exception&) {
    db.tryExec("ROLLBACK");
    throw;
  }
  return kSqliteSchemaVersion;
}

}  // namespace

core::Result<int> Migrate(SQLite::Database& db, const std::string& path) {
  try {
    return MigrateOrThrow(db, path);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      return Fail(ErrorCode::kIo,
                  fmt::format("\"{}\" is not an Allies database ({})", path, e.what()));
    }
    return Fail(ErrorCode::kIo,
                fmt::format("cannot migrate database \"{}\" to schema version {}: {}", path,
                            kSqliteSchemaVersion, e.what()));
  }
}

}  // namespace allies::store::sqlite
