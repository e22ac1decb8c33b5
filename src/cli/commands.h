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
};

using Action = std::function<core::Result<void>(Context&)>;

// Filled by the callback of the subcommand that was chosen on the command line.
struct Registry {
  Action selected;
  bool needs_store = true;
};

void RegisterPeopleCommands(CLI::App& app, Registry& registry);
void RegisterActivityCommands(CLI::App& app, Registry& registry);

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
