// Out again (issue 4): people as address books, the whole database as a snapshot and its
// re-import, and file backups.

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/transaction.h"
#include "core/text.h"
#include "formats/contacts_csv.h"
#include "formats/vcard.h"

namespace allies::app {

namespace {

using core::ErrorCode;
using core::Fail;

// "Ada King Lovelace" -> given "Ada King", family "Lovelace": a guess, but address books sort
// by family name and most names in a work network end with it. A single word is a given name.
void SplitName(std::string_view name, formats::Contact& contact) {
  name = core::Trim(name);
  std::size_t space = name.find_last_of(' ');
  if (space == std::string_view::npos) {
    contact.given = std::string(name);
    return;
  }
  contact.given = std::string(core::Trim(name.substr(0, space)));
  contact.family = std::string(name.substr(space + 1));
}

formats::Contact ToContact(const core::Person& person, const internal::Directory& directory) {
  formats::Contact contact;
  contact.formatted_name = person.name;
  SplitName(person.name, contact);
  contact.title = person.title;
  contact.department = person.department;
  contact.organization = directory.OrgName(person.org);
  contact.emails = person.emails;
  contact.phones = person.phones;
  contact.categories = person.tags;
  for (const core::Note& note : person.notes) {
    contact.notes.push_back(formats::ContactNote{note.text, note.at});
  }
  // A person holds at most one date of each kind through the app; should a store hold more, the
  // first is the one `person show` displays too.
  for (const core::ImportantDate& date : person.dates) {
    std::optional<core::MonthDay>& slot = date.kind == core::DateKind::kBirthday ? contact.birthday
                                          : date.kind == core::DateKind::kWorkAnniversary
                                              ? contact.work_anniversary
                                              : contact.anniversary;
    if (!slot) slot = date.date;
  }
  contact.offers = person.offers;
  contact.needs = person.needs;
  contact.closeness = person.closeness;
  contact.cadence_days = person.cadence_days;
  if (person.reports_to) {
    auto manager = directory.people.find(*person.reports_to);
    if (manager != directory.people.end()) {
      contact.reports_to = manager->second.emails.empty() ? manager->second.name
                                                          : manager->second.emails.front().address;
    }
  }
  return contact;
}

// `base`, else `base.2`, `base.3`, ...: the first name no file has.
Result<std::string> FreeName(const std::string& base) {
  std::error_code error;
  if (!std::filesystem::exists(base, error)) return base;
  for (int n = 2; n < 1000; ++n) {
    std::string name = fmt::format("{}.{}", base, n);
    if (!std::filesystem::exists(name, error)) return name;
  }
  return Fail(ErrorCode::kConflict,
              fmt::format("cannot keep the current database: \"{}\" and 998 numbered copies "
                          "already exist; remove some",
                          base));
}

SnapshotReport Count(const core::Dataset& data, bool dry_run) {
  SnapshotReport report;
  report.dry_run = dry_run;
  report.people = data.people.size();
  report.organizations = data.orgs.size();
  report.interactions = data.interactions.size();
  report.ledger = data.ledger.size();
  report.introductions = data.introductions.size();
  report.followups = data.followups.size();
  report.vendor_notices = data.notices.size();
  report.knows = data.knows.size();
  report.config = data.config.size();
  report.asks = data.asks.size();
  return report;
}

}  // namespace

Result<std::string> App::ExportPeople(const std::string& format, bool include_removed) {
  if (format != "vcard" && format != "csv") {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("format \"{}\" is not known (expected vcard, csv or json)", format));
  }
  return InTransaction([&]() -> Result<std::string> {
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    store::PersonFilter filter;
    filter.include_deleted = include_removed;
    ALLIES_TRY(auto people, store_.ListPeople(filter));
    std::vector<formats::Contact> contacts;
    contacts.reserve(people.size());
    for (const core::Person& person : people) contacts.push_back(ToContact(person, directory));
    return format == "vcard" ? formats::WriteVcard(contacts) : formats::WriteContactsCsv(contacts);
  });
}

Result<formats::Snapshot> App::TakeSnapshot() {
  return InTransaction([&]() -> Result<formats::Snapshot> {
    formats::Snapshot snapshot;
    snapshot.schema_version = store_.SchemaVersion();
    snapshot.exported_at = now_;
    ALLIES_TRY(snapshot.data, store_.ReadAll());
    return snapshot;
  });
}

Result<std::string> App::ExportAll() {
  ALLIES_TRY(auto snapshot, TakeSnapshot());
  return formats::WriteSnapshot(snapshot);
}

Result<SnapshotReport> App::ImportSnapshot(const formats::Snapshot& snapshot, bool dry_run) {
  ALLIES_TRY_VOID(store_.Begin(now_));
  auto restored = [&]() -> Result<void> {
    ALLIES_TRY(auto existing, store_.ReadAll());
    if (existing.Size() > 0) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("cannot import an Allies export into a database that already holds "
                              "{} people and {} other records: import it into a new database "
                              "(--db NEW.db), or use `allies restore` for a backup",
                              existing.people.size(), existing.Size() - existing.people.size()));
    }
    return store_.RestoreAll(snapshot.data);
  }();
  if (!restored || dry_run) {
    store_.Rollback();
    if (!restored) return tl::unexpected(restored.error());
    return Count(snapshot.data, dry_run);
  }
  if (auto committed = store_.Commit(); !committed) {
    store_.Rollback();
    return tl::unexpected(committed.error());
  }
  return Count(snapshot.data, dry_run);
}

Result<BackupReport> App::Backup(const std::string& path, bool force) {
  std::error_code error;
  if (!force && std::filesystem::exists(path, error)) {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("\"{}\" already exists (use --force to replace it)", path));
  }
  ALLIES_TRY_VOID(store_.BackupTo(path, force));
  BackupReport report;
  report.path = path;
  report.bytes = std::filesystem::file_size(path, error);
  if (error) report.bytes = 0;
  ALLIES_TRY(report.people, store_.CountPeople());
  return report;
}

Result<RestoreReport> App::Restore(const std::string& path, const std::string& database) {
  RestoreReport report;
  report.path = path;
  if (!database.empty() && database != ":memory:") {
    ALLIES_TRY(report.previous_kept_at, FreeName(database + ".before-restore"));
  }
  ALLIES_TRY(report.schema_version, store_.RestoreFrom(path, report.previous_kept_at));
  report.migrated = report.schema_version < store_.SchemaVersion();
  ALLIES_TRY(report.people, store_.CountPeople());
  return report;
}

}  // namespace allies::app
