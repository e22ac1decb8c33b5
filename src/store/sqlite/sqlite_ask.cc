// Asks, full-text matching of people and the influence snapshot of the SQLite back end (schema
// versions 4 and 6, issue 5).

#include <sqlite3.h>

#include <algorithm>

#include "core/names.h"
#include "core/text.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {
namespace {

using core::Ask;
using core::AskId;

Result<void> ValidateAsk(const Ask& ask) {
  if (core::Trim(ask.text).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "an ask needs a text saying what was asked");
  }
  return {};
}

// ?1 .. ?8: the fields shared by INSERT and UPDATE.
void BindAsk(SQLite::Statement& statement, const Ask& ask) {
  statement.bind(1, ask.ledger.value);
  statement.bind(2, ask.person.value);
  statement.bind(3, ask.owner.value);
  statement.bind(4, ask.text);
  statement.bind(5, std::string(core::Name(ask.outcome)));
  statement.bind(6, Seconds(ask.at));
  BindOptional(statement, 7, ask.answered_at);
}

std::vector<Reference> AskReferences(const Ask& ask) {
  return {{Table::kLedger, ask.ledger.value, "withdrawal"},
          {Table::kPerson, ask.person.value, "person asked"},
          {Table::kPerson, ask.owner.value, "owner"}};
}

// An FTS5 query that takes each word literally: "word" OR "other", quotes doubled.
std::string LiteralQuery(const std::vector<std::string>& words) {
  std::vector<std::string> quoted;
  quoted.reserve(words.size());
  for (const std::string& word : words) {
    std::string text = "\"";
    for (char c : word) {
      if (c == '"') text += '"';
      text += c;
    }
    quoted.push_back(text + "\"");
  }
  return core::Join(quoted, " OR ");
}

}  // namespace

// --- asks ---------------------------------------------------------------------------------------

Result<std::vector<Ask>> SqliteStore::LoadAsks(std::string_view where,
                                               const std::vector<Param>& params) {
  auto statement = Prepare(fmt::format(
      "SELECT id, ledger_id, person_id, owner_id, text, outcome, at, answered_at, created_at, "
      "updated_at, deleted_at FROM ask {} ORDER BY at, id",
      where));
  BindParams(*statement, params);
  std::vector<Ask> asks;
  while (statement->executeStep()) {
    Ask ask;
    ask.id = AskId{statement->getColumn(0).getInt64()};
    ask.ledger = core::LedgerId{statement->getColumn(1).getInt64()};
    ask.person = core::PersonId{statement->getColumn(2).getInt64()};
    ask.owner = core::PersonId{statement->getColumn(3).getInt64()};
    ask.text = statement->getColumn(4).getString();
    ALLIES_TRY(ask.outcome,
               ColumnEnum<core::AskOutcome>(*statement, 5, core::ParseAskOutcome, "ask outcome"));
    ask.at = FromSeconds(statement->getColumn(6).getInt64());
    ask.answered_at = ColumnOptionalTime(*statement, 7);
    ask.stamps = ColumnStamps(*statement, 8);
    asks.push_back(std::move(ask));
  }
  return asks;
}

Result<AskId> SqliteStore::InsertAsk(const Ask& ask) {
  constexpr std::string_view kAction = "insert an ask";
  ALLIES_TRY_VOID(ValidateAsk(ask));
  return Write<AskId>(
      kAction, Undo::kStatement,
      [&]() -> Result<AskId> {
        auto statement = Prepare(
            "INSERT INTO ask (ledger_id, person_id, owner_id, text, outcome, at, answered_at, "
            "created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, "
            "NULL)");
        BindAsk(*statement, ask);
        statement->bind(8, Seconds(now_));
        statement->exec();
        return AskId{db_->getLastInsertRowid()};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, kAction, AskReferences(ask)); });
}

Result<void> SqliteStore::UpdateAsk(const Ask& ask) {
  std::string action = fmt::format("update ask {}", ask.id.value);
  ALLIES_TRY_VOID(ValidateAsk(ask));
  return Write<void>(
      action, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare(
            "UPDATE ask SET ledger_id = ?1, person_id = ?2, owner_id = ?3, text = ?4, "
            "outcome = ?5, at = ?6, answered_at = ?7, updated_at = ?8, deleted_at = ?9 "
            "WHERE id = ?10");
        BindAsk(*statement, ask);
        statement->bind(8, Seconds(now_));
        BindOptional(*statement, 9, ask.stamps.deleted_at);
        statement->bind(10, ask.id.value);
        if (statement->exec() == 0) {
          return Fail(ErrorCode::kNotFound, fmt::format("no ask with id {}", ask.id.value));
        }
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, AskReferences(ask)); });
}

Result<void> SqliteStore::RestoreAsks(const std::vector<Ask>& asks) {
  for (const Ask& ask : asks) {
    ALLIES_TRY_VOID(
        RestoreRecord(fmt::format("restore ask {}", ask.id.value), ValidateAsk(ask), [&] {
          auto statement = Prepare(
              "INSERT INTO ask (ledger_id, person_id, owner_id, text, outcome, at, answered_at, "
              "created_at, updated_at, deleted_at, id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
          BindAsk(*statement, ask);
          BindStamps(*statement, 8, ask.stamps);
          statement->bind(11, ask.id.value);
          statement->exec();
        }));
  }
  return {};
}

Result<Ask> SqliteStore::GetAsk(AskId id) {
  return Read(fmt::format("read ask {}", id.value), [&]() -> Result<Ask> {
    ALLIES_TRY(auto asks, LoadAsks("WHERE id = ?", {id.value}));
    if (asks.empty()) return Fail(ErrorCode::kNotFound, fmt::format("no ask with id {}", id.value));
    return std::move(asks.front());
  });
}

Result<std::vector<Ask>> SqliteStore::ListAsks(const AskFilter& filter) {
  std::vector<std::string> conditions;
  std::vector<Param> params;
  if (!filter.include_deleted) conditions.emplace_back("deleted_at IS NULL");
  if (filter.only_pending) conditions.emplace_back("outcome = 'pending'");
  if (filter.person) {
    conditions.emplace_back("person_id = ?");
    params.emplace_back(filter.person->value);
  }
  if (filter.owner) {
    conditions.emplace_back("owner_id = ?");
    params.emplace_back(filter.owner->value);
  }
  if (filter.since) {
    conditions.emplace_back("at >= ?");
    params.emplace_back(Seconds(*filter.since));
  }
  std::string where =
      conditions.empty() ? std::string() : "WHERE " + core::Join(conditions, " AND ");
  return Read("list asks", [&] { return LoadAsks(where, params); });
}

// --- full-text matching -------------------------------------------------------------------------

Result<std::vector<TextMatch>> SqliteStore::MatchPeople(const std::vector<std::string>& words,
                                                        std::size_t limit) {
  if (words.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a full-text search needs at least one word");
  }
  for (const std::string& word : words) {
    if (word.empty()) {
      return Fail(ErrorCode::kInvalidArgument, "a full-text search word must not be empty");
    }
  }
  return Read("search offers, needs and notes", [&]() -> Result<std::vector<TextMatch>> {
    auto statement = Prepare(
        "SELECT t.rowid, bm25(person_text, 4.0, 1.0, 2.0) AS rank FROM person_text t "
        "JOIN person p ON p.id = t.rowid "
        "WHERE person_text MATCH ?1 AND p.deleted_at IS NULL ORDER BY rank, t.rowid LIMIT ?2");
    statement->bind(1, LiteralQuery(words));
    statement->bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
    std::vector<TextMatch> matches;
    while (statement->executeStep()) {
      double relevance = -statement->getColumn(1).getDouble();
      // BM25 of a term found in most rows can reach 0; keep every match above 0.
      matches.push_back(
          {core::PersonId{statement->getColumn(0).getInt64()}, std::max(relevance, 1e-9)});
    }
    return matches;
  });
}

// --- the influence snapshot ---------------------------------------------------------------------

Result<std::optional<InfluenceSnapshotInfo>> SqliteStore::LoadInfluenceSnapshotInfo() {
  return Read("load the influence snapshot", [&]() -> Result<std::optional<InfluenceSnapshotInfo>> {
    auto statement = Prepare(
        "SELECT s.computed_at, s.people, s.ties, s.basis, n.total - s.changes_at "
        "FROM influence_snapshot AS s, network_changes AS n WHERE s.id = 1 AND n.id = 1");
    if (!statement->executeStep()) return std::optional<InfluenceSnapshotInfo>();
    InfluenceSnapshotInfo info;
    info.computed_at = FromSeconds(statement->getColumn(0).getInt64());
    info.people = statement->getColumn(1).getInt64();
    info.ties = statement->getColumn(2).getInt64();
    info.basis = statement->getColumn(3).getString();
    // Those of the open transaction are added to the total at its commit. Never below zero,
    // even for a snapshot restored with a count from elsewhere.
    info.changes = std::max<std::int64_t>(statement->getColumn(4).getInt64() + network_changes_, 0);
    return std::optional<InfluenceSnapshotInfo>(std::move(info));
  });
}

Result<std::int64_t> SqliteStore::NetworkChangeCount() {
  return Read("count the changes of the network", [&]() -> Result<std::int64_t> {
    auto statement = Prepare("SELECT total FROM network_changes WHERE id = 1");
    std::int64_t total = statement->executeStep() ? statement->getColumn(0).getInt64() : 0;
    return total + network_changes_;
  });
}

Result<std::vector<InfluenceRow>> SqliteStore::LoadInfluenceRows(
    const std::vector<core::PersonId>& people) {
  return Read("load the influence snapshot", [&]() -> Result<std::vector<InfluenceRow>> {
    std::vector<core::PersonId> ids = people;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<InfluenceRow> rows;
    rows.reserve(ids.size());
    // One indexed lookup per person: the callers want a few hundred or thousand of 100,000.
    auto statement = Prepare(
        "SELECT influence, pagerank_percentile, betweenness_percentile, offer FROM influence "
        "WHERE person_id = ?");
    for (core::PersonId id : ids) {
      statement->bind(1, id.value);
      if (statement->executeStep()) {
        rows.push_back({id, statement->getColumn(0).getDouble(),
                        statement->getColumn(1).getDouble(), statement->getColumn(2).getDouble(),
                        statement->getColumn(3).getDouble()});
      }
      statement->reset();
    }
    return rows;
  });
}

Result<void> SqliteStore::SaveInfluenceSnapshot(const InfluenceSnapshot& snapshot) {
  constexpr std::string_view kAction = "save the influence snapshot";
  return Write<void>(
      kAction, Undo::kSavepoint,
      [&]() -> Result<void> {
        Prepare("DELETE FROM influence")->exec();
        {
          auto statement = Prepare(
              "INSERT OR REPLACE INTO influence_snapshot (id, computed_at, people, ties, basis, "
              "changes_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)");
          statement->bind(1, Seconds(snapshot.info.computed_at));
          statement->bind(2, snapshot.info.people);
          statement->bind(3, snapshot.info.ties);
          statement->bind(4, snapshot.info.basis);
          statement->bind(5, snapshot.as_of_change);
          statement->exec();
        }
        auto statement = Prepare(
            "INSERT INTO influence (person_id, influence, pagerank_percentile, "
            "betweenness_percentile, offer) VALUES (?, ?, ?, ?, ?)");
        for (const InfluenceRow& row : snapshot.rows) {
          statement->bind(1, row.person.value);
          statement->bind(2, row.influence);
          statement->bind(3, row.pagerank_percentile);
          statement->bind(4, row.betweenness_percentile);
          statement->bind(5, row.offer);
          statement->exec();
          statement->reset();
        }
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, kAction, std::vector<Reference>{}); });
}

}  // namespace allies::store::sqlite
