// Commands of meeting prep and asking (issue 5): prep, ask-for, ask, ask list, ask done.

#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/print_ask.h"
#include "core/names.h"

namespace allies::cli {

namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;

Result<core::AskOutcome> ParseOutcome(const std::string& text) {
  auto outcome = core::ParseAskOutcome(text);
  if (!outcome) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("--outcome \"{}\" is not an outcome (expected one of: {})", text,
                            core::AskOutcomeNames()));
  }
  return *outcome;
}

void RegisterPrep(CLI::App& app, Registry& registry) {
  auto person = std::make_shared<std::string>();
  auto* prep = app.add_subcommand("prep", "Prepare for a meeting with someone");
  prep->add_option("PERSON", *person, "Name, email or id")->required();
  prep->callback([&registry, person] {
    registry.selected = [person](Context& c) { return Emit(c, c.app.Prep(*person), PrintPrep); };
  });
}

void RegisterAskFor(CLI::App& app, Registry& registry) {
  struct Options {
    std::string text;
    std::vector<std::string> tags;
    std::optional<std::string> top;
    bool fresh_influence = false;
  };
  auto o = std::make_shared<Options>();
  auto* ask_for = app.add_subcommand("ask-for", "Who can help with something, and how to ask");
  ask_for->add_option("TEXT", o->text, "What you need help with")->required();
  ask_for->add_option("--tag", o->tags, "Only people with this tag (repeatable: all of them)");
  ask_for->add_option("--top", o->top, "How many candidates (default 10, at most 100)");
  ask_for->add_flag("--fresh-influence", o->fresh_influence,
                    "Recompute influence over the whole network now, even if the stored "
                    "snapshot is current");
  ask_for->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::AskForInput input;
      input.text = o->text;
      input.tags = o->tags;
      input.fresh_influence = o->fresh_influence;
      if (o->top) {
        ALLIES_TRY(input.top, ParseInt(*o->top, "--top", 1, 100));
      }
      return Emit(c, c.app.AskFor(input), PrintAskFor);
    };
  });
}

void RegisterAsk(CLI::App& app, Registry& registry) {
  struct Options {
    std::string person, text;
    std::optional<std::string> outcome, kind, at;
  };
  auto o = std::make_shared<Options>();
  auto* ask = app.add_subcommand(
      "ask", "Record an ask (a withdrawal) and its outcome; `ask list`, `ask done ID`");
  ask->add_option("PERSON", o->person, "Whom you asked: name, email or id");
  ask->add_option("TEXT", o->text, "What you asked for");
  ask->add_option("--outcome", o->outcome, "yes, no or pending (default pending)");
  ask->add_option("--kind", o->kind, "small-ask (default), favor-asked or escalation");
  ask->add_option("--at", o->at, "When (default now)");
  ask->callback([ask, &registry, o] {
    if (!ask->get_subcommands().empty()) return;  // `ask list` or `ask done`
    registry.selected = [o](Context& c) -> Result<void> {
      if (o->person.empty()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "ask needs PERSON and TEXT (e.g. allies ask \"Ana Lima\" \"two ERP testers\")");
      }
      app::AskInput input;
      input.person = o->person;
      input.text = o->text;
      if (o->outcome) {
        ALLIES_TRY(input.outcome, ParseOutcome(*o->outcome));
      }
      if (o->kind) {
        auto kind = core::ParseLedgerKind(*o->kind);
        if (!kind || core::IsDeposit(*kind)) {
          return Fail(ErrorCode::kInvalidArgument,
                      fmt::format("--kind \"{}\" is not a kind of ask (expected one of: "
                                  "small-ask, favor-asked, escalation)",
                                  *o->kind));
        }
        input.kind = *kind;
      }
      if (o->at) {
        ALLIES_TRY(input.at, ParseInstant(*o->at, "--at"));
      }
      return Emit(c, c.app.RecordAsk(input), PrintAsk);
    };
  });

  auto open = std::make_shared<bool>(false);
  auto* list = ask->add_subcommand("list", "My asks, oldest first");
  list->add_flag("--open", *open, "Only those still pending");
  list->callback([&registry, open] {
    registry.selected = [open](Context& c) { return Emit(c, c.app.ListAsks(*open), PrintAsks); };
  });

  struct DoneOptions {
    std::string id, outcome;
  };
  auto d = std::make_shared<DoneOptions>();
  auto* done = ask->add_subcommand("done", "Record how an ask turned out");
  done->add_option("ID", d->id, "The ask's id (see `allies ask list`)")->required();
  done->add_option("--outcome", d->outcome, "yes or no (or pending again)")->required();
  done->callback([&registry, d] {
    registry.selected = [d](Context& c) -> Result<void> {
      ALLIES_TRY(int id, ParseInt(d->id, "ask id", 1, 2147483647));
      ALLIES_TRY(auto outcome, ParseOutcome(d->outcome));
      return Emit(c, c.app.AnswerAsk(id, outcome), PrintAsk);
    };
  });
}

}  // namespace

void RegisterAskCommands(CLI::App& app, Registry& registry) {
  RegisterPrep(app, registry);
  RegisterAskFor(app, registry);
  RegisterAsk(app, registry);
}

}  // namespace allies::cli
