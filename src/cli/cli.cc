#include "cli/cli.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/app.h"
#include "cli/background.h"
#include "cli/commands.h"
#include "cli/parse.h"

namespace allies::cli {

namespace {

constexpr const char* kFooter = R"(
PERSON is a unique name (case-insensitive), an email, an id, or "me".
DATETIME is YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM[:SS], optionally with Z or +HH:MM;
without an offset it is read in the time zone of TZ (else the system's).

Environment: ALLIES_DB (database file), ALLIES_NOW (evaluate scores as of this DATETIME),
XDG_DATA_HOME (default database under $XDG_DATA_HOME/allies/allies.db).

Exit codes: 0 success, 1 internal error, 2 bad usage or invalid value, 3 not found,
4 conflict (ambiguous name, already exists, newer database), 5 file or database error.)";

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// --db, else ALLIES_DB, else the XDG data directory (an absolute XDG_DATA_HOME, else
// ~/.local/share).
core::Result<std::string> DatabasePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::string env = EnvOr("ALLIES_DB", "");
  if (!env.empty()) return env;
  std::string xdg = EnvOr("XDG_DATA_HOME", "");
  if (!xdg.empty() && std::filesystem::path(xdg).is_absolute()) {
    return (std::filesystem::path(xdg) / "allies" / "allies.db").string();
  }
  std::string home = EnvOr("HOME", "");
  if (home.empty()) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "no database given and HOME is not set (use --db PATH or ALLIES_DB)");
  }
  return (std::filesystem::path(home) / ".local" / "share" / "allies" / "allies.db").string();
}

core::Result<core::TimePoint> Now(const std::string& flag) {
  std::string text = flag.empty() ? EnvOr("ALLIES_NOW", "") : flag;
  if (text.empty()) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  return ParseInstant(text, flag.empty() ? "ALLIES_NOW" : "--now");
}

// After a command: starts the influence refresh in the background when it is due. The command has
// succeeded whatever happens here, so a failure is only logged.
void RefreshInfluenceWhenDue(app::App& use_cases, const std::string& database, core::TimePoint now,
                             spdlog::logger& logger) {
  const auto started = std::chrono::steady_clock::now();
  auto due = use_cases.InfluenceRefreshDue();
  logger.debug("influence refresh due: {} (checked in {:.1f} ms)", due && *due ? "yes" : "no",
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                   .count());
  if (!due) {
    logger.warn("cannot tell whether influence needs recomputing: {}", due.error().message);
    return;
  }
  if (!*due) return;
  if (auto spawned = StartInfluenceRefresh(database, now); !spawned) {
    logger.warn("{}", spawned.error().message);
    return;
  }
  logger.debug("influence is outdated: recomputing it in the background");
}

}  // namespace

int ExitCode(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument:
      return 2;
    case core::ErrorCode::kNotFound:
      return 3;
    case core::ErrorCode::kAlreadyExists:
    case core::ErrorCode::kConflict:
      return 4;
    case core::ErrorCode::kIo:
      return 5;
    case core::ErrorCode::kInternal:
      return 1;
  }
  return 1;
}

int Run(int argc, const char* const* argv, const StoreOpener& open_store, std::ostream& out,
        std::ostream& err) {
  CLI::App app{"Allies: relationship capital for IT leaders", "allies"};
  // Global options may come after the command too ("allies ties --json").
  app.fallthrough();
  app.footer(kFooter);
  std::string db_flag;
  std::string now_flag;
  bool json = false;
  bool verbose = false;
  app.add_option("--db", db_flag, "Database file (default: see ALLIES_DB and XDG_DATA_HOME)");
  app.add_option("--now", now_flag, "Evaluate every score as of this DATETIME");
  app.add_flag("--json", json, "Print data as JSON (field names in README.md)");
  app.add_flag("-v,--verbose", verbose, "Log what happens to stderr");
  app.set_version_flag("--version", "allies " ALLIES_VERSION, "Print the version and exit");

  Registry registry;
  RegisterPeopleCommands(app, registry);
  RegisterActivityCommands(app, registry);
  RegisterNetworkCommands(app, registry);
  RegisterImportCommands(app, registry);
  RegisterIoCommands(app, registry);
  RegisterTeamCommands(app, registry);
  RegisterPlanCommands(app, registry);
  RegisterAskCommands(app, registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help
    err << "error: " << e.what() << "\n(see `allies --help`, or `allies COMMAND --help`)\n";
    return 2;
  }
  if (!registry.selected && !registry.standalone) {
    out << app.help();
    return 0;
  }

  // A private logger, not registered globally, so that Run can be called more than once.
  auto logger = std::make_shared<spdlog::logger>(
      "allies", std::make_shared<spdlog::sinks::stderr_color_sink_st>());
  logger->set_pattern("[%H:%M:%S.%e] %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
  auto started = std::chrono::steady_clock::now();
  auto elapsed_ms = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
        .count();
  };

  auto fail = [&](const core::Error& error) {
    err << "error: " << error.message << '\n';
    return ExitCode(error.code);
  };
  // Runs the chosen command; an exception that escapes it is a bug, reported as one.
  auto finish = [&](const std::function<core::Result<void>()>& command) {
    try {
      auto result = command();
      logger->debug("command took {:.1f} ms in all", elapsed_ms());
      if (!result) return fail(result.error());
    } catch (const std::exception& e) {
      return fail(
          core::Error{core::ErrorCode::kInternal, fmt::format("internal error: {}", e.what())});
    }
    out.flush();
    return 0;
  };
  if (registry.standalone) return finish([&] { return registry.standalone(json, out); });

  auto now = Now(now_flag);
  if (!now) return fail(now.error());
  auto path = DatabasePath(db_flag);
  if (!path) return fail(path.error());
  logger->debug("database {}", *path);
  auto store = open_store(*path);
  if (!store) return fail(store.error());
  logger->debug("opened in {:.1f} ms; now is {}", elapsed_ms(), core::FormatUtc(*now));

  app::App use_cases(**store, *now);
  Context context{use_cases, json, out, *path};
  const int code = finish([&] { return registry.selected(context); });
  if (code == 0 && registry.after_command == AfterCommand::kRefreshInfluenceWhenDue &&
      *path != ":memory:") {
    RefreshInfluenceWhenDue(use_cases, *path, *now, *logger);
  }
  return code;
}

}  // namespace allies::cli
