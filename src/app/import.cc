// `allies import`: reads every file first (a file that is not what its format says stops the
// import before the database is touched), then folds contacts and then calendars into the
// database in one transaction.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "app/app.h"
#include "app/importer.h"
#include "app/internal.h"
#include "app/transaction.h"
#include "core/text.h"
#include "formats/contacts_csv.h"
#include "formats/ical.h"
#include "formats/snapshot.h"
#include "formats/vcard.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;
using internal::Quote;

namespace {

enum class FileFormat { kVcard, kCsv, kIcs, kSnapshot };

struct LoadedFile {
  std::string path;
  FileFormat format = FileFormat::kCsv;
  std::optional<formats::ContactFile> contacts;
  std::optional<formats::CalendarFile> calendar;
  std::optional<formats::Snapshot> snapshot;
};

// A regular file is read in one go into a string of its size: through a stringstream, which
// grows by doubling and copies, the benchmark's 458 MB calendar took 1.06 s to read. Anything
// else (a pipe, /dev/stdin) is read to its end.
Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kIo, fmt::format("cannot read {}", Quote(path)));
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error)) {
    const auto size = std::filesystem::file_size(path, error);
    if (!error) {
      std::string bytes(size, '\0');
      in.read(bytes.data(), static_cast<std::streamsize>(size));
      if (in.bad() || static_cast<std::uintmax_t>(in.gcount()) != size) {
        return Fail(ErrorCode::kIo, fmt::format("cannot read {}", Quote(path)));
      }
      return bytes;
    }
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Fail(ErrorCode::kIo, fmt::format("cannot read {}", Quote(path)));
  return std::move(bytes).str();
}

Result<FileFormat> ParseFormat(const std::string& name) {
  const std::string key = core::FoldCase(name);
  if (key == "vcard" || key == "vcf") return FileFormat::kVcard;
  if (key == "csv") return FileFormat::kCsv;
  if (key == "ics" || key == "ical" || key == "icalendar") return FileFormat::kIcs;
  if (key == "json") return FileFormat::kSnapshot;
  return Fail(ErrorCode::kInvalidArgument,
              fmt::format("--format {} is not a format Allies imports (expected vcard, csv, ics or "
                          "json, an Allies export)",
                          Quote(name)));
}

// What the file holds, from its first line, else its extension; CSV when nothing says.
FileFormat DetectFormat(const std::string& path, std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  head = core::Trim(head);
  const std::string folded = core::FoldCase(head.substr(0, 32));
  if (folded.starts_with("begin:vcard")) return FileFormat::kVcard;
  if (folded.starts_with("begin:vcalendar")) return FileFormat::kIcs;
  if (formats::LooksLikeSnapshot(bytes)) return FileFormat::kSnapshot;
  std::string extension = core::FoldCase(path.substr(std::min(path.size(), path.rfind('.'))));
  if (extension == ".vcf" || extension == ".vcard") return FileFormat::kVcard;
  if (extension == ".ics" || extension == ".ical") return FileFormat::kIcs;
  return FileFormat::kCsv;
}

std::string FirstErrors(const std::string& file, const std::vector<formats::RecordError>& errors) {
  constexpr std::size_t kShown = 3;
  std::string text;
  for (std::size_t i = 0; i < errors.size() && i < kShown; ++i) {
    if (!text.empty()) text += "\n";
    text += fmt::format("{}:{}: {}", file, errors[i].line, errors[i].message);
  }
  if (errors.size() > kShown) text += fmt::format("\n... and {} more", errors.size() - kShown);
  return text;
}

Result<LoadedFile> LoadFile(const std::string& path, const ImportInput& input,
                            core::TimePoint now) {
  ALLIES_TRY(auto bytes, ReadBytes(path));
  LoadedFile loaded;
  loaded.path = path;
  if (input.format) {
    ALLIES_TRY(loaded.format, ParseFormat(*input.format));
  } else {
    loaded.format = DetectFormat(path, bytes);
  }
  auto fail = [&](const core::Error& error) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: {}", path, error.message));
  };
  switch (loaded.format) {
    case FileFormat::kVcard: {
      auto read = formats::ReadVcard(bytes);
      if (!read) return fail(read.error());
      loaded.contacts = std::move(*read);
      break;
    }
    case FileFormat::kCsv: {
      formats::ContactsCsvOptions options;
      options.map = input.map;
      if (input.charset) options.csv.charset = *input.charset;
      auto read = formats::ReadContactsCsv(bytes, options);
      if (!read) return fail(read.error());
      loaded.contacts = std::move(*read);
      break;
    }
    case FileFormat::kIcs: {
      formats::CalendarOptions options;
      constexpr auto kYear = std::chrono::days{365};
      options.until = input.until.value_or(now);
      options.since = input.since.value_or(options.until - kYear);
      options.default_zone = input.zone;
      options.descriptions = input.keep_notes;
      auto read = formats::ReadCalendarOwned(std::move(bytes), options);
      if (!read) return fail(read.error());
      loaded.calendar = std::move(*read);
      break;
    }
    case FileFormat::kSnapshot: {
      auto read = formats::ReadSnapshot(bytes);
      if (!read) return fail(read.error());
      loaded.snapshot = std::move(*read);
      return loaded;
    }
  }
  const auto& errors = loaded.contacts ? loaded.contacts->errors : loaded.calendar->errors;
  if (!errors.empty() && !input.skip_bad) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{}\n{} malformed record{} in {}; nothing was imported (use --skip-bad "
                    "to import the rest and report these)",
                    FirstErrors(path, errors), errors.size(), errors.size() == 1 ? "" : "s", path));
  }
  return loaded;
}

}  // namespace

std::vector<std::string> CsvFieldNames() { return formats::ContactFieldNames(); }

Result<ImportReport> App::Import(const ImportInput& input) {
  if (input.files.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "import needs at least one file");
  }
  if (input.since && input.until && *input.since >= *input.until) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("--since {} is not before --until {}", core::FormatUtc(*input.since),
                            core::FormatUtc(*input.until)));
  }
  // Every file is read and checked before the database is touched.
  std::vector<LoadedFile> files;
  for (const auto& path : input.files) {
    ALLIES_TRY(auto loaded, LoadFile(path, input, now_));
    files.push_back(std::move(loaded));
  }
  // A full export is a whole database: it is restored on its own, into an empty one.
  if (std::any_of(files.begin(), files.end(), [](const LoadedFile& f) { return f.snapshot; })) {
    if (files.size() != 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  "an Allies export (allies export all) is imported on its own, not with other "
                  "files");
    }
    ALLIES_TRY(auto restored, ImportSnapshot(*files.front().snapshot, input.dry_run));
    ImportReport report;
    report.dry_run = input.dry_run;
    report.created = restored.people;
    report.interactions = restored.interactions;
    report.files.push_back({files.front().path, "allies export", restored.people});
    report.snapshot = restored;
    return report;
  }
  // Contacts first, so that meetings find the people they name.
  std::stable_partition(files.begin(), files.end(),
                        [](const LoadedFile& file) { return file.contacts.has_value(); });

  std::size_t people = 0;    // contacts in the files
  std::size_t meetings = 0;  // calendar occurrences in the files
  for (const auto& file : files) {
    if (file.contacts) people += file.contacts->contacts.size();
    if (file.calendar) meetings += file.calendar->events.size();
  }
  ImportReport report;
  report.dry_run = input.dry_run;
  // Once the last file is in and the store has put its indexes back, what the import no longer
  // needs (the files read, the importer's maps: a million meetings take seconds to free) is
  // freed on another thread while the transaction commits; it is joined before Import returns,
  // whatever happens. Not earlier: freeing millions of blocks beside SQLite's index builds slows
  // both (they share the allocator), by more than it saves.
  struct Release {
    std::thread thread;
    Release() = default;
    Release(const Release&) = delete;
    Release& operator=(const Release&) = delete;
    ~Release() {
      if (thread.joinable()) thread.join();
    }
  } release;
  auto body = [&]() -> Result<ImportReport> {
    auto importer = std::make_unique<internal::Importer>(store_, now_, input, report);
    ALLIES_TRY_VOID(importer->Prepare());
    // Many contacts are written in bulk (the store sets indexes aside until the commit; the
    // calendar decides for itself once it knows which meetings are new); any error below rolls
    // the whole transaction back, as bulk loading requires.
    ALLIES_TRY_VOID(store_.BeginBulkLoad(people, 0));
    for (const auto& file : files) {
      if (file.contacts) ALLIES_TRY_VOID(importer->AddContacts(file.path, *file.contacts));
    }
    ALLIES_TRY_VOID(importer->ResolveManagers());
    for (const auto& file : files) {
      if (file.calendar) ALLIES_TRY_VOID(importer->AddCalendar(file.path, *file.calendar));
    }
    if (input.dry_run) return report;  // rolled back: no indexes to put back
    ALLIES_TRY_VOID(store_.EndBulkLoad());
    release.thread =
        std::thread([importer = std::move(importer), loaded = std::move(files)]() mutable noexcept {
          importer.reset();
          loaded.clear();
        });
    return report;
  };
  // Thousands of meetings check what their rows refer to once, at the commit (Store::BeginLoad):
  // their millions of attendee rows made that the slowest part of writing them. Not for address
  // books: their rows are checked as they are written, on the store's flusher thread, beside the
  // importer's, and the check at the commit would be one more step after it (about 0.26 s for
  // 100,000 contacts, in a profile).
  const bool load = meetings >= store::Store::kBulkLoadMinRows;
  if (!input.dry_run) return InTransaction(body, load);
  // A dry run does all the work and then undoes it.
  ALLIES_TRY_VOID(store_.Begin(now_));
  auto result = body();
  store_.Rollback();
  return result;
}

}  // namespace allies::app
