#pragma once
// How commands are registered with CLI11 and run; private to the CLI layer.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "app/app.h"
#include "cli/json.h"

namespace CLI {
class App;
}

namespace allies::cli {

struct Context {
  app::App& app;
  bool json = false;
  std::ostream& out;
  std::string database;  // the database's path as resolved from --db, ALLIES_DB or XDG
};

using Action = std::function<core::Result<void>(Context&)>;

// A command that needs no database (`allies analyze`): given --json and the output stream.
using Standalone = std::function<core::Result<void>(bool json, std::ostream& out)>;

// What follows a command that succeeded on a database.
enum class AfterCommand {
  // When the influence snapshot is due for a refresh (App::InfluenceRefreshDue: outdated, in a
  // large network), `allies influence refresh --if-due --no-wait` is started in the background.
  kRefreshInfluenceWhenDue,
  kNothing,  // the `influence` commands themselves
};

// Filled by the callback of the subcommand that was chosen on the command line: one of the two.
struct Registry {
  Action selected;
  Standalone standalone;
  AfterCommand after_command = AfterCommand::kRefreshInfluenceWhenDue;
};

void RegisterPeopleCommands(CLI::App& app, Registry& registry);
void RegisterActivityCommands(CLI::App& app, Registry& registry);
void RegisterNetworkCommands(CLI::App& app, Registry& registry);
void RegisterImportCommands(CLI::App& app, Registry& registry);
// export (people, all, graph), backup, restore.
void RegisterIoCommands(CLI::App& app, Registry& registry);
// Needs RegisterPeopleCommands first: `team report` joins the `team` command (issue 5).
void RegisterTeamCommands(CLI::App& app, Registry& registry);
// --- weekly plan (issue 5) ---
void RegisterPlanCommands(CLI::App& app, Registry& registry);
void RegisterAskCommands(CLI::App& app, Registry& registry);  // issue 5: prep and asks

// Prints `result` as JSON or with `human`, or passes its error on.
template <class T, class Human>
core::Result<void> Emit(Context& context, const core::Result<T>& result, Human human) {
  if (!result) return tl::unexpected<core::Error>(result.error());
  if (context.json) {
    context.out << Json(*result) << '\n';
  } else {
    human(context.out, *result);
  }
  return {};
}

}  // namespace allies::cli
