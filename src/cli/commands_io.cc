// Commands that take data out and put a database back: export (people, all, graph), backup,
// restore.

#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace allies::cli {

namespace {

using core::Result;

Result<void> WriteFile(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return core::Fail(core::ErrorCode::kIo, fmt::format("cannot write \"{}\"", path));
  return {};
}

// Prints `text` to standard output, or writes it to `out` and says so (unless --json).
Result<void> Deliver(Context& c, const std::optional<std::string>& out, const std::string& text,
                     const std::string& what) {
  if (!out) {
    c.out << text;
    return {};
  }
  ALLIES_TRY_VOID(WriteFile(*out, text));
  if (!c.json) c.out << fmt::format("wrote {} to {}\n", what, *out);
  return {};
}

void RegisterExport(CLI::App& app, Registry& registry) {
  auto* exporter = app.add_subcommand("export", "Write data out for other tools");
  exporter->require_subcommand(1);

  struct PeopleOptions {
    std::string format;
    std::optional<std::string> out;
    bool removed = false;
  };
  auto people_options = std::make_shared<PeopleOptions>();
  auto* people = exporter->add_subcommand("people", "Every person as an address book");
  people->add_option("--format", people_options->format, "vcard (4.0), csv or json")->required();
  people->add_option("--out", people_options->out, "Write to this file (default: standard output)");
  people->add_flag("--removed", people_options->removed, "Include removed people");
  people->callback([&registry, people_options] {
    registry.selected = [people_options](Context& c) -> Result<void> {
      const std::string& format = people_options->format;
      std::string text;
      if (format == "json") {
        app::PeopleQuery query;
        query.include_deleted = people_options->removed;
        ALLIES_TRY(auto rows, c.app.ListPeople(query));
        text = Json(rows) + "\n";
      } else {
        ALLIES_TRY(text, c.app.ExportPeople(format, people_options->removed));
      }
      return Deliver(c, people_options->out, text, fmt::format("people as {}", format));
    };
  });

  auto all_out = std::make_shared<std::optional<std::string>>();
  auto* all = exporter->add_subcommand(
      "all", "Everything, with ids and history, as one JSON file (docs/export-format.md)");
  all->add_option("--out", *all_out, "Write to this file (default: standard output)");
  all->callback([&registry, all_out] {
    registry.selected = [all_out](Context& c) -> Result<void> {
      ALLIES_TRY(auto text, c.app.ExportAll());
      return Deliver(c, *all_out, text, "the whole database");
    };
  });

  struct GraphOptions {
    std::string format;
    std::optional<std::string> out;
  };
  auto graph_options = std::make_shared<GraphOptions>();
  auto* graph = exporter->add_subcommand("graph", "The whole known network, for Gephi and co.");
  graph->add_option("--format", graph_options->format, "graphml, gexf, json or dot")->required();
  graph->add_option("--out", graph_options->out, "Write to this file (default: standard output)");
  graph->callback([&registry, graph_options] {
    registry.selected = [graph_options](Context& c) -> Result<void> {
      ALLIES_TRY(auto text, c.app.ExportGraph(graph_options->format));
      return Deliver(c, graph_options->out, text,
                     fmt::format("the network as {}", graph_options->format));
    };
  });
}

}  // namespace

void RegisterIoCommands(CLI::App& app, Registry& registry) {
  RegisterExport(app, registry);

  struct BackupOptions {
    std::string path;
    bool force = false;
  };
  auto backup_options = std::make_shared<BackupOptions>();
  auto* backup = app.add_subcommand(
      "backup", "Copy the whole database to a new file, consistently, even while in use");
  backup->add_option("FILE", backup_options->path, "The backup file to create")->required();
  backup->add_flag("--force", backup_options->force, "Replace FILE if it exists");
  backup->callback([&registry, backup_options] {
    registry.selected = [backup_options](Context& c) -> Result<void> {
      return Emit(c, c.app.Backup(backup_options->path, backup_options->force),
                  [](std::ostream& out, const app::BackupReport& report) {
                    out << fmt::format("backed up {} people to {} ({} bytes)\n", report.people,
                                       report.path, report.bytes);
                  });
    };
  });

  auto restore_path = std::make_shared<std::string>();
  auto* restore =
      app.add_subcommand("restore",
                         "Replace the database's content with a backup (the current one is kept as "
                         "<db>.before-restore)");
  restore->add_option("FILE", *restore_path, "A backup made by `allies backup`")->required();
  restore->callback([&registry, restore_path] {
    registry.selected = [restore_path](Context& c) -> Result<void> {
      return Emit(c, c.app.Restore(*restore_path, c.database),
                  [](std::ostream& out, const app::RestoreReport& report) {
                    out << fmt::format("restored {} ({} people)", report.path, report.people);
                    if (report.migrated) {
                      out << fmt::format(", migrated from schema version {}",
                                         report.schema_version);
                    }
                    out << '\n';
                    if (!report.previous_kept_at.empty()) {
                      out << fmt::format("the content before the restore is kept in {}\n",
                                         report.previous_kept_at);
                    }
                  });
    };
  });
}

}  // namespace allies::cli
