#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <system_error>
#include <utility>

#include "core/text.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store {

namespace sqlite {
namespace {

// allies_fold(text): core::FoldCase in SQL, so searches fold exactly as the rest of Allies does
// (SQLite's own lower() and LIKE fold ASCII only).
void FoldFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  if (text == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  try {
    std::string folded = core::FoldCase(
        std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  }
}

std::string_view TableName(Table table) {
  switch (table) {
    case Table::kPerson:
      return "person";
    case Table::kOrg:
      return "organization";
    case Table::kInteraction:
      return "interaction";
    case Table::kLedger:
      return "ledger entry";
  }
  return "record";
}

}  // namespace

void BindParams(SQLite::Statement& statement, const std::vector<Param>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
      statement.bind(index, *number);
    } else {
      statement.bind(index, std::get<std::string>(params[i]));
    }
  }
}

SqliteStore::SqliteStore(std::unique_ptr<SQLite::Database> db, std::string path, int schema_version)
    : db_(std::move(db)), path_(std::move(path)), schema_version_(schema_version) {}

SqliteStore::~SqliteStore() { Rollback(); }

void BindCell(SQLite::Statement& statement, int index, const Cell& cell) {
  if (const auto* number = std::get_if<std::int64_t>(&cell)) {
    statement.bind(index, *number);
  } else if (const auto* text = std::get_if<std::string>(&cell)) {
    // The cell outlives the statement's execution (it is reset before the cell goes).
    statement.bindNoCopy(index, *text);
  } else {
    statement.bind(index);
  }
}

Borrowed SqliteStore::Prepare(std::string_view sql) {
  WaitForFlush();
  if (pending_cells_ > 0 && !flushing_) FlushPending();
  return Cached(sql);
}

Borrowed SqliteStore::Cached(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    auto statement = std::make_unique<SQLite::Statement>(*db_, std::string(sql));
    found = statements_.emplace(std::string(sql), std::move(statement)).first;
  }
  return Borrowed(*found->second);
}

// --- transactions -------------------------------------------------------------------------------

Result<void> SqliteStore::Begin(core::TimePoint now) {
  if (in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot begin a transaction: one is already open");
  }
  try {
    Prepare("BEGIN IMMEDIATE")->exec();
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot start a transaction on \"{}\": {}", path_, e.what()));
  }
  in_transaction_ = true;
  network_changes_ = 0;
  now_ = now;
  return {};
}

Result<void> SqliteStore::BeginLoad(core::TimePoint now) {
  if (in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot begin a transaction: one is already open");
  }
  // Only outside a transaction does this pragma take effect.
  if (db_->tryExec("PRAGMA foreign_keys = OFF") != SQLITE_OK) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot start loading into \"{}\": {}", path_, db_->getErrorMsg()));
  }
  if (auto begun = Begin(now); !begun) {
    db_->tryExec("PRAGMA foreign_keys = ON");
    return begun;
  }
  references_at_end_ = true;
  return {};
}

Result<void> SqliteStore::BeginRead() {
  if (in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot begin a transaction: one is already open");
  }
  try {
    Prepare("BEGIN DEFERRED")->exec();
    // A deferred transaction takes its view of the database at its first read: take it now.
    auto statement = Prepare("SELECT count(*) FROM sqlite_schema");
    statement->executeStep();
  } catch (const SQLite::Exception& e) {
    db_->tryExec("ROLLBACK");
    return Fail(ErrorCode::kIo, fmt::format("cannot start reading \"{}\": {}", path_, e.what()));
  }
  in_transaction_ = true;
  read_only_ = true;
  network_changes_ = 0;
  return {};
}

Result<void> SqliteStore::Commit() {
  if (!in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot commit: no transaction is open");
  }
  try {
    if (bulk_) FinishBulkLoad();
    if (references_at_end_) {
      if (auto unresolved = UnresolvedReference()) {
        return Fail(ErrorCode::kInternal,
                    fmt::format("cannot commit to \"{}\": {}", path_, *unresolved));
      }
    }
    if (network_changes_ > 0) {
      auto statement = Prepare("UPDATE network_changes SET total = total + ? WHERE id = 1");
      statement->bind(1, network_changes_);
      statement->exec();
    }
    Prepare("COMMIT")->exec();
  } catch (const SQLite::Exception& e) {
    // SQLite keeps the transaction open after some failures (SQLITE_BUSY) and ends it after
    // others; Rollback() must know which.
    in_transaction_ = sqlite3_get_autocommit(db_->getHandle()) == 0;
    return Fail(ErrorCode::kIo, fmt::format("cannot commit to \"{}\": {}", path_, e.what()));
  }
  in_transaction_ = false;
  read_only_ = false;
  network_changes_ = 0;
  EndLoad();
  return {};
}

void SqliteStore::Rollback() noexcept {
  JoinFlusher();
  if (sqlite3_get_autocommit(db_->getHandle()) == 0) db_->tryExec("ROLLBACK");
  AbandonBulkLoad();
  in_transaction_ = false;
  read_only_ = false;
  network_changes_ = 0;
  EndLoad();
}

void SqliteStore::EndLoad() noexcept {
  if (!references_at_end_) return;
  db_->tryExec("PRAGMA foreign_keys = ON");
  references_at_end_ = false;
}

std::optional<std::string> SqliteStore::UnresolvedReference() {
  std::vector<std::string> tables;
  {
    auto statement = Prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    while (statement->executeStep()) tables.push_back(statement->getColumn(0).getString());
  }
  for (const std::string& table : tables) {
    struct ForeignKey {
      std::string parent, column, key;
    };
    std::vector<ForeignKey> references;
    bool composite = false;
    {
      SQLite::Statement list(*db_, fmt::format("PRAGMA foreign_key_list(\"{}\")", table));
      while (list.executeStep()) {
        composite = composite || list.getColumn("seq").getInt() > 0;
        references.push_back(
            {list.getColumn("table").getString(), list.getColumn("from").getString(),
             list.getColumn("to").isNull() ? std::string() : list.getColumn("to").getString()});
      }
    }
    // A single-column reference to a named key: the distinct values, each looked up once (an
    // index on the column, when there is one, gives them in order without sorting).
    bool simple = !composite;
    for (const ForeignKey& reference : references) {
      if (reference.key.empty()) simple = false;
    }
    if (!simple) {
      SQLite::Statement check(*db_, fmt::format("PRAGMA foreign_key_check(\"{}\")", table));
      if (check.executeStep()) {
        return fmt::format("a row of {} (rowid {}) refers to a row of {} that does not exist",
                           table, check.getColumn(1).getString(), check.getColumn(2).getString());
      }
      continue;
    }
    for (const ForeignKey& reference : references) {
      SQLite::Statement check(
          *db_,
          fmt::format("SELECT v FROM (SELECT DISTINCT \"{1}\" AS v FROM \"{0}\" WHERE \"{1}\" "
                      "IS NOT NULL) WHERE v NOT IN (SELECT \"{3}\" FROM \"{2}\") LIMIT 1",
                      table, reference.column, reference.parent, reference.key));
      if (check.executeStep()) {
        return fmt::format("{}.{} refers to {} {} = {}, which does not exist", table,
                           reference.column, reference.parent, reference.key,
                           check.getColumn(0).getString());
      }
    }
  }
  return std::nullopt;
}

// --- bulk loading -------------------------------------------------------------------------------

namespace {

// The indexes a bulk load sets aside, by the table whose growth decides it. Two are unique: an
// interaction's source and a person listed once per interaction; recreating them checks every
// row before the commit, which then fails on a repeat (the caller rolls back). The import never
// writes one (it knows every source there is, and each write validates its attendee list). The
// unique person_one_me stays: it is tiny.
constexpr std::array<std::string_view, 5> kPersonIndexes = {
    "person_name_key", "person_department_key", "person_org", "person_email_key", "person_tag_key"};
constexpr std::array<std::string_view, 3> kInteractionIndexes = {
    "interaction_at", "interaction_attendee_person", "interaction_source"};

// Page cache while bulk loading (KiB): the index b-trees of a million-row import stay in memory.
constexpr int kBulkCacheKib = 262144;
constexpr int kCacheKib = 65536;

// Rows held back before they are written.
constexpr std::size_t kPendingCells = 1 << 16;

}  // namespace

Result<bool> SqliteStore::BeginBulkLoad(std::size_t people, std::size_t interactions) {
  if (!in_transaction_ || read_only_) {
    return Fail(ErrorCode::kInternal,
                "cannot begin a bulk load outside a write transaction (Begin was not called)");
  }
  try {
    // Whether `rows` new rows are many for `table`: its largest id bounds its row count and
    // costs one b-tree descent.
    auto large = [&](std::string_view table, std::size_t rows) {
      if (rows < kBulkLoadMinRows) return false;
      auto statement = Prepare(table == "person" ? "SELECT coalesce(max(id), 0) FROM person"
                                                 : "SELECT coalesce(max(id), 0) FROM interaction");
      statement->executeStep();
      return static_cast<std::int64_t>(rows) * 2 >= statement->getColumn(0).getInt64();
    };
    std::vector<std::string_view> names;
    if (large("person", people)) {
      names.insert(names.end(), kPersonIndexes.begin(), kPersonIndexes.end());
    }
    if (large("interaction", interactions)) {
      names.insert(names.end(), kInteractionIndexes.begin(), kInteractionIndexes.end());
    }
    if (names.empty()) return bulk_;
    if (!bulk_) db_->exec(fmt::format("PRAGMA cache_size = -{}", kBulkCacheKib));
    bulk_ = true;
    for (std::string_view name : names) {
      if (std::any_of(set_aside_.begin(), set_aside_.end(),
                      [&](const auto& aside) { return aside.first == name; })) {
        continue;  // set aside by an earlier call
      }
      std::string sql;
      {
        auto statement = Prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
        statement->bind(1, std::string(name));
        if (!statement->executeStep()) continue;  // not in this schema version
        sql = statement->getColumn(0).getString();
      }
      db_->exec(fmt::format("DROP INDEX \"{}\"", name));
      set_aside_.emplace_back(std::string(name), std::move(sql));
    }
    return true;
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot begin a bulk load in \"{}\": {}", path_, e.what()));
  }
}

Result<void> SqliteStore::EndBulkLoad() {
  if (!in_transaction_) {
    return Fail(ErrorCode::kInternal, "cannot end a bulk load outside a transaction");
  }
  if (!bulk_) return {};
  try {
    FinishBulkLoad();
  } catch (const SQLite::Exception& e) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot end a bulk load in \"{}\": {}", path_, e.what()));
  }
  return {};
}

void SqliteStore::WriteRow(std::string_view sql, std::vector<Cell>& cells, bool defer,
                           HeldRank rank) {
  if (!defer) {
    auto statement = Prepare(sql);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      BindCell(*statement, static_cast<int>(i) + 1, cells[i]);
    }
    statement->exec();
    return;
  }
  auto rows = std::find_if(pending_.begin(), pending_.end(),
                           [&](const PendingRows& p) { return p.single.data() == sql.data(); });
  if (rows == pending_.end()) {
    PendingRows added;
    added.single = sql;
    added.columns = cells.size();
    // "INSERT ... VALUES (?, ?)" with kBatchRows tuples of plain `?`.
    const std::string_view head = sql.substr(0, sql.rfind("VALUES") + 6);
    std::string tuple = "(";
    for (std::size_t i = 0; i < cells.size(); ++i) tuple += i == 0 ? "?" : ", ?";
    tuple += ")";
    added.batch = std::string(head) + " ";
    for (std::size_t i = 0; i < PendingRows::kBatchRows; ++i) {
      if (i > 0) added.batch += ", ";
      added.batch += tuple;
    }
    added.rank = rank;
    rows = pending_.insert(std::find_if(pending_.begin(), pending_.end(),
                                        [&](const PendingRows& p) { return p.rank > rank; }),
                           std::move(added));
  }
  for (Cell& cell : cells) rows->cells.push_back(std::move(cell));
  pending_cells_ += cells.size();
  if (pending_cells_ >= kPendingCells) StartFlush();
}

std::int64_t SqliteStore::NextHeldId(std::int64_t& next, std::string_view max_id_sql) {
  if (next == 0) {
    auto statement = Prepare(max_id_sql);
    statement->executeStep();
    next = statement->getColumn(0).getInt64() + 1;
  }
  return next++;
}

void SqliteStore::JoinFlusher() noexcept {
  if (flusher_.joinable()) flusher_.join();
}

void SqliteStore::WaitForFlush() {
  JoinFlusher();
  if (flush_failure_) std::rethrow_exception(flush_failure_);
}

void SqliteStore::StartFlush() {
  WaitForFlush();
  // The buffer just written becomes the one to fill, its tables in the order of the one being
  // handed over (a table's rows are written after those of the tables opened before it: an
  // interaction before its attendees).
  std::vector<PendingRows> next;
  next.reserve(pending_.size());
  for (const PendingRows& full : pending_) {
    auto spare = std::find_if(in_flight_.begin(), in_flight_.end(), [&](const PendingRows& p) {
      return p.single.data() == full.single.data();
    });
    if (spare != in_flight_.end()) {
      next.push_back(std::move(*spare));
    } else {
      PendingRows empty;
      empty.rank = full.rank;
      empty.single = full.single;
      empty.batch = full.batch;
      empty.columns = full.columns;
      next.push_back(std::move(empty));
    }
    next.back().cells.clear();
  }
  in_flight_ = std::move(pending_);
  pending_ = std::move(next);
  pending_cells_ = 0;
  flusher_ = std::thread([this]() noexcept {
    try {
      WriteRows(in_flight_);
    } catch (...) {
      flush_failure_ = std::current_exception();
    }
  });
}

void SqliteStore::FlushPending() {
  WaitForFlush();
  if (pending_cells_ == 0) return;
  flushing_ = true;
  struct Done {
    bool& flag;
    ~Done() { flag = false; }
  } done{flushing_};
  WriteRows(pending_);
  pending_cells_ = 0;
}

void SqliteStore::WriteRows(std::vector<PendingRows>& pending) {
  for (PendingRows& rows : pending) {
    const std::size_t count = rows.cells.size() / rows.columns;
    std::size_t row = 0;
    if (count >= PendingRows::kBatchRows) {
      auto statement = Cached(rows.batch);
      for (; row + PendingRows::kBatchRows <= count; row += PendingRows::kBatchRows) {
        const std::size_t first = row * rows.columns;
        for (std::size_t i = 0; i < PendingRows::kBatchRows * rows.columns; ++i) {
          BindCell(*statement, static_cast<int>(i) + 1, rows.cells[first + i]);
        }
        statement->exec();
        statement->reset();
      }
    }
    if (row < count) {
      auto statement = Cached(rows.single);
      for (; row < count; ++row) {
        for (std::size_t i = 0; i < rows.columns; ++i) {
          BindCell(*statement, static_cast<int>(i) + 1, rows.cells[row * rows.columns + i]);
        }
        statement->exec();
        statement->reset();
      }
    }
    rows.cells.clear();
  }
}

void SqliteStore::FinishBulkLoad() {
  FlushPending();
  RecreateIndexes();
  set_aside_.clear();
  next_interaction_id_ = 0;
  next_person_id_ = 0;
  next_org_id_ = 0;
  bulk_ = false;
}

// The indexes set aside, from their own CREATE statements, so the schema ends as it began.
//
// SQLite's sorter cuts what it sorts into runs as large as the page cache, sorts each in
// memory and merges them. One run of the 4.87 million attendee entries of the benchmark's
// calendar (a 256 MiB cache) took 6.9 s to sort: merge-sorting a linked list that long misses
// the CPU cache at every step. Runs of 4 MiB, sorted on two threads, take 2.1 s. The sorter's
// threads write their runs to temporary files, and use none with temp_store = MEMORY: the
// files (SQLite's temporary directory) are used here, and memory again when none can be
// written (the index is then built as it was before). The small cache must not push the
// load's dirty pages out to the WAL meanwhile (cache_spill keeps the bulk load's threshold):
// pages the index builds touched again were written twice, and the commit read the WAL back to
// checksum them anew; 100,000 vCards wrote 22,000 WAL frames for a 14,600-page database, and
// the rebuild and the commit took 0.59–0.61 s instead of 0.47–0.51 s.
void SqliteStore::RecreateIndexes() {
  constexpr int kSortRunKib = 4096;
  struct Restore {
    SQLite::Database& db;
    explicit Restore(SQLite::Database& database) : db(database) {}
    Restore(const Restore&) = delete;
    Restore& operator=(const Restore&) = delete;
    ~Restore() {
      db.tryExec("PRAGMA threads = 0");
      db.tryExec("PRAGMA temp_store = MEMORY");
      db.tryExec(fmt::format("PRAGMA cache_size = -{}", kCacheKib));
      db.tryExec("PRAGMA cache_spill = 1");  // back to spilling past the cache size
    }
  } restore{*db_};
  db_->exec(fmt::format("PRAGMA cache_size = -{}", kSortRunKib));
  db_->exec(fmt::format("PRAGMA cache_spill = -{}", kBulkCacheKib));
  db_->exec("PRAGMA threads = 2");
  bool files = db_->tryExec("PRAGMA temp_store = FILE") == SQLITE_OK;
  for (const auto& [name, sql] : set_aside_) {
    if (files) {
      try {
        db_->exec(sql);
        continue;
      } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if (code != SQLITE_CANTOPEN && code != SQLITE_IOERR && code != SQLITE_FULL) throw;
        // An I/O error may have rolled the whole transaction back: then nothing is retried.
        if (sqlite3_get_autocommit(db_->getHandle()) != 0) throw;
        // No temporary file to be had; the failed statement changed nothing.
        files = false;
        db_->exec("PRAGMA temp_store = MEMORY");
      }
    }
    db_->exec(sql);
  }
}

void SqliteStore::AbandonBulkLoad() noexcept {
  JoinFlusher();
  flush_failure_ = nullptr;
  in_flight_.clear();
  pending_.clear();
  pending_cells_ = 0;
  set_aside_.clear();  // the rollback brought them back
  next_interaction_id_ = 0;
  next_person_id_ = 0;
  next_org_id_ = 0;
  if (bulk_) db_->tryExec(fmt::format("PRAGMA cache_size = -{}", kCacheKib));
  bulk_ = false;
}

void SqliteStore::UndoInsert(std::string_view delete_sql, std::int64_t id) noexcept {
  try {
    auto statement = Prepare(delete_sql);
    statement->bind(1, id);
    statement->exec();
  } catch (const SQLite::Exception&) {
    // The write reports its own failure; the caller then rolls the transaction back, which
    // removes the row anyway.
  }
}

// --- errors -------------------------------------------------------------------------------------

bool SqliteStore::Exists(Table table, std::int64_t id) {
  std::string_view sql;
  switch (table) {
    case Table::kPerson:
      sql = "SELECT 1 FROM person WHERE id = ?";
      break;
    case Table::kOrg:
      sql = "SELECT 1 FROM org WHERE id = ?";
      break;
    case Table::kInteraction:
      sql = "SELECT 1 FROM interaction WHERE id = ?";
      break;
    case Table::kLedger:
      sql = "SELECT 1 FROM ledger WHERE id = ?";
      break;
  }
  auto statement = Prepare(sql);
  statement->bind(1, id);
  return statement->executeStep();
}

core::Error SqliteStore::WriteError(const SQLite::Exception& e, std::string_view action,
                                    std::span<const Reference> references) {
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      try {
        for (const Reference& reference : references) {
          if (!Exists(reference.table, reference.id)) {
            return core::Error{
                ErrorCode::kNotFound,
                fmt::format("cannot {}: no {} with id {} (the {})", action,
                            TableName(reference.table), reference.id, reference.role)};
          }
        }
      } catch (const SQLite::Exception&) {
        // Fall through to the generic message below: the original failure matters more.
      }
      return core::Error{
          ErrorCode::kInvalidArgument,
          fmt::format("cannot {}: it refers to a record that does not exist", action)};
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_DATATYPE:
      return core::Error{ErrorCode::kInvalidArgument,
                         fmt::format("cannot {}: {}", action, e.what())};
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return core::Error{ErrorCode::kAlreadyExists, fmt::format("cannot {}: {}", action, e.what())};
    default:
      return core::Error{ErrorCode::kIo,
                         fmt::format("cannot {} in \"{}\": {}", action, path_, e.what())};
  }
}

// --- configuration ------------------------------------------------------------------------------

Result<std::map<std::string, std::string>> SqliteStore::LoadConfig() {
  return Read("load the configuration", [&]() -> Result<std::map<std::string, std::string>> {
    std::map<std::string, std::string> config;
    auto statement = Prepare("SELECT key, value FROM config");
    while (statement->executeStep()) {
      config.emplace(statement->getColumn(0).getString(), statement->getColumn(1).getString());
    }
    return config;
  });
}

Result<void> SqliteStore::SetConfig(std::string_view key, std::string_view value) {
  std::string action = fmt::format("set configuration key \"{}\"", key);
  return Write<void>(
      action, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare(
            "INSERT INTO config (key, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at");
        statement->bind(1, std::string(key));
        statement->bind(2, std::string(value));
        statement->bind(3, Seconds(now_));
        statement->exec();
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, {}); });
}

Result<void> SqliteStore::UnsetConfig(std::string_view key) {
  std::string action = fmt::format("unset configuration key \"{}\"", key);
  return Write<void>(
      action, Undo::kStatement,
      [&]() -> Result<void> {
        auto statement = Prepare("DELETE FROM config WHERE key = ?");
        statement->bind(1, std::string(key));
        statement->exec();
        return {};
      },
      [&](const SQLite::Exception& e) { return WriteError(e, action, {}); });
}

}  // namespace sqlite

// --- opening ------------------------------------------------------------------------------------

namespace {

using core::ErrorCode;
using core::Fail;

Result<void> CreateParentDirectory(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return {};
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return Fail(ErrorCode::kIo, fmt::format("cannot create directory \"{}\" for the database: {}",
                                            parent.string(), error.message()));
  }
  return {};
}

core::Error OpenError(const std::string& path, const SQLite::Exception& e) {
  if (e.getErrorCode() == SQLITE_NOTADB) {
    return core::Error{ErrorCode::kIo,
                       fmt::format("\"{}\" is not an Allies database ({})", path, e.what())};
  }
  return core::Error{ErrorCode::kIo,
                     fmt::format("cannot open database \"{}\": {}", path, e.what())};
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  const bool in_memory = path == ":memory:";
  if (!in_memory) ALLIES_TRY_VOID(CreateParentDirectory(path));

  std::unique_ptr<SQLite::Database> db;
  try {
    // NOMUTEX: a Store is used by one thread at a time, and SQLite's per-call locking costs
    // about a tenth of a bulk read.
    db = std::make_unique<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 5000);
    // Connection settings only: nothing here writes to the file before Migrate has checked
    // that it belongs to Allies.
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA temp_store = MEMORY");
    // 64 MiB of page cache (more while bulk loading, sqlite::kBulkCacheKib).
    db->exec(fmt::format("PRAGMA cache_size = -{}", sqlite::kCacheKib));
    db->createFunction("allies_fold", 1, true, nullptr, &sqlite::FoldFunction);
  } catch (const SQLite::Exception& e) {
    return tl::unexpected(OpenError(path, e));
  }

  ALLIES_TRY(int version, sqlite::Migrate(*db, path));

  try {
    if (!in_memory) db->exec("PRAGMA journal_mode = WAL");
    // With WAL, NORMAL loses no integrity on power loss, only the last commits.
    db->exec("PRAGMA synchronous = NORMAL");
  } catch (const SQLite::Exception& e) {
    return tl::unexpected(OpenError(path, e));
  }
  return std::make_unique<sqlite::SqliteStore>(std::move(db), path, version);
}

}  // namespace allies::store
