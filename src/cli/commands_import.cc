// Commands that bring a network in: import, duplicates, merge.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/table.h"

namespace allies::cli {

namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;

// A progress bar on stderr for imports that take over a second, when stderr is a terminal.
class Progress {
 public:
  Progress() : started_(std::chrono::steady_clock::now()), tty_(isatty(STDERR_FILENO) != 0) {}
  ~Progress() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Update(std::size_t done, std::size_t total) {
    if (!tty_ || total == 0) return;
    if (std::chrono::steady_clock::now() - started_ < std::chrono::seconds(1)) return;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = std::min(kWidth, done * kWidth / total);
    std::fputs(fmt::format("\rimporting [{}{}] {}/{}", std::string(filled, '#'),
                           std::string(kWidth - filled, ' '), done, total)
                   .c_str(),
               stderr);
    drawn_ = true;
  }

 private:
  std::chrono::steady_clock::time_point started_;
  bool tty_;
  bool drawn_ = false;
};

std::string Plural(std::size_t n, std::string_view one) {
  return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s");
}

void PrintImport(std::ostream& out, const app::ImportReport& report) {
  for (const auto& file : report.files) {
    out << fmt::format("{}: {}, {}\n", file.file, file.format, Plural(file.records, "record"));
  }
  if (report.dry_run) out << "dry run: nothing was written\n";
  std::size_t meetings_skipped = 0;
  std::string why;
  for (const auto& [reason, count] : report.skipped_meetings) {
    meetings_skipped += count;
    why += fmt::format("{}{} {}", why.empty() ? "" : ", ", count, reason);
  }
  out << fmt::format("people: {} created, {} updated, {} merged, {} unchanged, {} skipped\n",
                     report.created, report.updated, report.merged, report.unchanged,
                     report.skipped - meetings_skipped);
  const bool calendars =
      std::any_of(report.files.begin(), report.files.end(),
                  [](const app::ImportFileSummary& f) { return f.format == "ics"; });
  if (calendars) {
    out << fmt::format("interactions: {} new, {} updated, {} unchanged{}\n", report.interactions,
                       report.interactions_updated, report.interactions_unchanged,
                       why.empty() ? "" : "; meetings skipped: " + why);
  }
  if (report.photos > 0) out << Plural(report.photos, "photo") << " skipped (not stored)\n";
  for (const auto& error : report.errors) {
    out << fmt::format("skipped {}:{}: {}\n", error.file, error.line, error.message);
  }
  for (const auto& warning : report.warnings) out << "warning: " << warning << '\n';
  if (report.dry_run && !report.sample.empty()) {
    out << "what would change (first " << report.sample.size() << "):\n";
    for (const auto& line : report.sample) out << "  " << line << '\n';
  }
}

void RegisterImport(CLI::App& app, Registry& registry) {
  struct ImportOptions {
    std::vector<std::string> files, map;
    std::optional<std::string> format, as, since, until, charset;
    bool dry_run = false, skip_bad = false, known_only = false, keep_notes = false;
  };
  auto o = std::make_shared<ImportOptions>();
  auto* import = app.add_subcommand(
      "import", "Bring in contacts (vCard, CSV) and meetings (iCalendar): one transaction");
  import->add_option("FILE", o->files, "Files to import; contacts first, then calendars")
      ->required();
  import->add_option("--format", o->format, "vcard, csv or ics (default: from the content)");
  import->add_option("--as", o->as, "A team member whose contacts or calendar these are");
  import->add_flag("--dry-run", o->dry_run, "Show what would change; write nothing");
  import->add_flag("--skip-bad", o->skip_bad,
                   "Skip malformed records and report them (default: refuse the import)");
  import->add_flag("--known-only", o->known_only,
                   "Calendars: leave out attendees who are not known people (default: create "
                   "them, tagged from-calendar)");
  import->add_flag("--keep-notes", o->keep_notes, "Calendars: also store event descriptions");
  import->add_option("--since", o->since, "Calendars: first day to import (default: a year ago)");
  import->add_option("--until", o->until, "Calendars: import up to this time (default: now)");
  import->add_option("--map", o->map,
                     "CSV: COLUMN=FIELD, for files no preset knows (repeatable); fields: " +
                         [] {
                           std::string names;
  for (const auto& name : app::CsvFieldNames()) {
    names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}());
import->add_option("--charset", o->charset, "CSV: the file's charset (default: detected)");
  import->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::ImportInput input;
  input.files = o->files;
  input.format = o->format;
  input.as_member = o->as;
  input.dry_run = o->dry_run;
  input.skip_bad = o->skip_bad;
  input.known_only = o->known_only;
  input.keep_notes = o->keep_notes;
  input.charset = o->charset;
  input.zone = UserZoneName();
  if (o->since) {
    ALLIES_TRY(input.since, ParseInstant(*o->since, "--since"));
  }
  if (o->until) {
    ALLIES_TRY(input.until, ParseInstant(*o->until, "--until"));
  }
  for (const auto& pair : o->map) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("--map \"{}\" is not COLUMN=FIELD (e.g. --map \"E-mail=email\")", pair));
    }
    input.map.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  auto progress = std::make_shared<Progress>();
  input.progress = [progress](std::size_t done, std::size_t total) {
    progress->Update(done, total);
  };
  auto report = c.app.Import(input);
  progress.reset();
  return Emit(c, report, PrintImport);
  };  // namespace
  }   // namespace allies::cli
);
}

void PrintDuplicates(std::ostream& out, const std::vector<app::DuplicateView>& views) {
  if (views.empty()) {
    out << "no likely duplicates\n";
    return;
  }
  Table table({{"ID", Align::kRight}, {"PERSON"}, {"ID", Align::kRight}, {"PERSON"}, {"WHY"}});
  for (const auto& view : views) {
    std::string why;
    for (const auto& reason : view.reasons) why += (why.empty() ? "" : "; ") + reason;
    table.AddRow({std::to_string(view.first.id.value), view.first.name,
                  std::to_string(view.second.id.value), view.second.name, why});
  }
  table.Print(out);
  out << "merge a pair with: allies merge KEEP OTHER\n";
}

void RegisterDuplicates(CLI::App& app, Registry& registry) {
  auto* duplicates = app.add_subcommand("duplicates", "List people who are likely the same person");
  duplicates->callback([&registry] {
    registry.selected = [](Context& c) -> Result<void> {
      return Emit(c, c.app.Duplicates(), PrintDuplicates);
    };
  });
}

void RegisterMerge(CLI::App& app, Registry& registry) {
  auto refs = std::make_shared<std::vector<std::string>>();
  auto* merge =
      app.add_subcommand("merge", "Fold the second person into the first, keeping both histories");
  merge->add_option("KEEP OTHER", *refs, "The person to keep, then the one to merge into them")
      ->required()
      ->expected(2);
  merge->callback([&registry, refs] {
    registry.selected = [refs](Context& c) -> Result<void> {
      return Emit(c, c.app.Merge((*refs)[0], (*refs)[1]),
                  [](std::ostream& out, const app::MergeView& view) {
                    out << fmt::format(
                        "merged {} (#{}) into {} (#{}); undo the removal with: allies person "
                        "undo {}\n",
                        view.merged.name, view.merged.id.value, view.kept.name, view.kept.id.value,
                        view.merged.id.value);
                  });
    };
  });
}

}  // namespace

void RegisterImportCommands(CLI::App& app, Registry& registry) {
  RegisterImport(app, registry);
  RegisterDuplicates(app, registry);
  RegisterMerge(app, registry);
}

}  // namespace allies::cli
