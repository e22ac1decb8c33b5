// Commands that record what happened and read the scores: log, ledger, ties, follow-ups,
// introductions, the briefing, the demo and the configuration.

#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/print.h"
#include "core/names.h"

namespace allies::cli {

namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;

void RegisterLog(CLI::App& app, Registry& registry) {
  struct LogOptions {
    std::string kind;
    std::vector<std::string> with;
    std::optional<std::string> at, minutes, setting, purpose, initiated_by, energy, as, offered;
    std::string note;
    bool declined = false;
  };
  auto o = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "Record an interaction with one or more people");
  log->add_option("KIND", o->kind,
                  std::string("One of: ") + std::string(core::InteractionKindNames()))
      ->required();
  log->add_option("--with", o->with, "Who was there (repeatable)")->required();
  log->add_option("--at", o->at, "When it started (default now)");
  log->add_option("--minutes", o->minutes, "How long it took");
  log->add_option("--setting", o->setting, "relaxed or formal (default by kind)");
  log->add_option("--purpose", o->purpose, "get-to-know, offer-help, ask or work");
  log->add_option("--initiated-by", o->initiated_by, "me or them (default: not recorded)");
  log->add_option("--energy", o->energy, "What it cost me, 1..5");
  log->add_option("--note", o->note, "A note");
  log->add_option("--as", o->as,
                  "A team member whose interaction this is (their tie, their note; default me)");
  log->add_option("--offered", o->offered,
                  "Something I offered them (recorded as an expertise deposit)");
  log->add_flag("--declined", o->declined, "The offer was declined (it still counts)");
  log->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::LogInput input;
      auto kind = core::ParseInteractionKind(o->kind);
      if (!kind) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("\"{}\" is not a kind of interaction (expected one of: {})",
                                o->kind, core::InteractionKindNames()));
      }
      input.kind = *kind;
      input.with = o->with;
      if (o->at) {
        ALLIES_TRY(input.at, ParseInstant(*o->at, "--at"));
      }
      if (o->minutes) {
        ALLIES_TRY(input.minutes, ParseInt(*o->minutes, "--minutes", 0, 10080));
      }
      if (o->energy) {
        ALLIES_TRY(input.energy, ParseInt(*o->energy, "--energy", 1, 5));
      }
      if (o->setting) {
        input.setting = core::ParseSetting(*o->setting);
        if (!input.setting) {
          return Fail(ErrorCode::kInvalidArgument,
                      fmt::format("--setting \"{}\" is not a setting (expected one of: {})",
                                  *o->setting, core::SettingNames()));
        }
      }
      if (o->purpose) {
        input.purpose = core::ParsePurpose(*o->purpose);
        if (!input.purpose) {
          return Fail(ErrorCode::kInvalidArgument,
                      fmt::format("--purpose \"{}\" is not a purpose (expected one of: {})",
                                  *o->purpose, core::PurposeNames()));
        }
      }
      if (o->initiated_by) {
        if (*o->initiated_by != "me" && *o->initiated_by != "them") {
          return Fail(ErrorCode::kInvalidArgument,
                      fmt::format("--initiated-by \"{}\" is not accepted (expected me or them)",
                                  *o->initiated_by));
        }
        input.initiated_by_me = *o->initiated_by == "me";
      }
      input.note = o->note;
      input.as_member = o->as;
      input.offered = o->offered;
      input.declined = o->declined;
      return Emit(c, c.app.Log(input), PrintInteraction);
    };
  });
}

void RegisterLedger(CLI::App& app, Registry& registry, bool deposit) {
  struct LedgerOptions {
    std::string person, kind, note;
    std::optional<std::string> value, at, as;
  };
  auto o = std::make_shared<LedgerOptions>();
  std::string_view kinds = deposit ? core::DepositKindNames() : core::WithdrawalKindNames();
  auto* command = app.add_subcommand(deposit ? "deposit" : "withdraw",
                                     deposit ? "Record something I gave: attention, expertise, ..."
                                             : "Record something I asked for");
  command->add_option("PERSON", o->person, "Name, email or id")->required();
  command->add_option("KIND", o->kind, "One of: " + std::string(kinds))->required();
  command->add_option("--value", o->value, "Override the kind's default value");
  command->add_option("--at", o->at, "When (default now)");
  command->add_option("--note", o->note, "A note");
  command->add_option("--as", o->as, "A team member whose account this is (default me)");
  command->callback([&registry, o, deposit, kinds] {
    registry.selected = [o, deposit, kinds](Context& c) -> Result<void> {
      app::LedgerInput input;
      input.person = o->person;
      auto kind = deposit ? core::ParseDepositKind(o->kind) : core::ParseWithdrawalKind(o->kind);
      if (!kind) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("\"{}\" is not a kind of {} (expected one of: {})", o->kind,
                                deposit ? "deposit" : "withdrawal", kinds));
      }
      input.kind = *kind;
      if (o->value) {
        ALLIES_TRY(input.value, ParseNumber(*o->value, "--value"));
      }
      if (o->at) {
        ALLIES_TRY(input.at, ParseInstant(*o->at, "--at"));
      }
      input.note = o->note;
      input.as_member = o->as;
      return Emit(c, deposit ? c.app.Deposit(input) : c.app.Withdraw(input), PrintLedger);
    };
  });
}

void RegisterScores(CLI::App& app, Registry& registry) {
  auto balance_ref = std::make_shared<std::optional<std::string>>();
  auto balance_as = std::make_shared<std::optional<std::string>>();
  auto* balance = app.add_subcommand("balance", "The relationship accounts, or one of them");
  balance->add_option("PERSON", *balance_ref, "Name, email or id");
  balance->add_option("--as", *balance_as, "A team member's accounts (default mine)");
  balance->callback([&registry, balance_ref, balance_as] {
    registry.selected = [balance_ref, balance_as](Context& c) -> Result<void> {
      if (*balance_ref) {
        return Emit(c, c.app.BalanceOf(**balance_ref, *balance_as), PrintBalanceDetail);
      }
      return Emit(c, c.app.Balances(*balance_as), PrintBalances);
    };
  });

  auto top = std::make_shared<std::optional<std::string>>();
  auto ties_as = std::make_shared<std::optional<std::string>>();
  auto* ties = app.add_subcommand("ties", "My ties, strongest first, with layer and risk");
  ties->add_option("--top", *top, "Only the N strongest");
  ties->add_option("--as", *ties_as, "A team member's ties (default mine)");
  ties->callback([&registry, top, ties_as] {
    registry.selected = [top, ties_as](Context& c) -> Result<void> {
      std::optional<int> n;
      if (*top) {
        ALLIES_TRY(n, ParseInt(**top, "--top", 1, 1000000000));
      }
      return Emit(c, c.app.Ties(n, *ties_as), PrintTies);
    };
  });

  auto* today = app.add_subcommand("today", "The daily briefing");
  today->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.Today(), PrintBriefing); };
  });
}

void RegisterFollowUps(CLI::App& app, Registry& registry) {
  auto* followup = app.add_subcommand("followup", "Promises and reminders with a due date");
  followup->require_subcommand(1);
  struct AddOptions {
    std::string person, text, due;
    std::optional<std::string> as;
  };
  auto o = std::make_shared<AddOptions>();
  auto* add = followup->add_subcommand("add", "Add a follow-up");
  add->add_option("PERSON", o->person, "Name, email or id")->required();
  add->add_option("TEXT", o->text, "What to do")->required();
  add->add_option("--due", o->due, "Due date, YYYY-MM-DD")->required();
  add->add_option("--as", o->as, "A team member whose promise this is (default me)");
  add->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      auto due = core::ParseDate(o->due);
      if (!due) return Fail(due.error().code, "--due " + due.error().message);
      return Emit(c, c.app.AddFollowUp(o->person, o->text, *due, o->as),
                  [](std::ostream& out, const app::FollowUpView& v) {
                    out << fmt::format("follow-up #{} for {} due {}\n", v.followup.id.value,
                                       v.person.name, core::FormatDate(v.followup.due));
                  });
    };
  });
  struct DoneOptions {
    std::string id;
    std::optional<std::string> as;
  };
  auto d = std::make_shared<DoneOptions>();
  auto* done = followup->add_subcommand("done", "Mark a follow-up done");
  done->add_option("ID", d->id, "The follow-up's id")->required();
  done->add_option("--as", d->as, "The team member whose follow-up it is (default me)");
  done->callback([&registry, d] {
    registry.selected = [d](Context& c) -> Result<void> {
      ALLIES_TRY(int number, ParseInt(d->id, "follow-up id", 1, 2147483647));
      return Emit(c, c.app.CompleteFollowUp(number, d->as),
                  [](std::ostream& out, const app::FollowUpView& v) {
                    out << fmt::format("done: #{} {}\n", v.followup.id.value, v.followup.text);
                  });
    };
  });
  struct ListOptions {
    bool all = false;
    std::optional<std::string> as;
  };
  auto l = std::make_shared<ListOptions>();
  auto* list = followup->add_subcommand("list", "Open follow-ups by due date");
  list->add_flag("--all", l->all, "Include the ones done");
  list->add_option("--as", l->as, "A team member's follow-ups (default mine)");
  list->callback([&registry, l] {
    registry.selected = [l](Context& c) {
      return Emit(c, c.app.ListFollowUps(l->all, l->as), PrintFollowUps);
    };
  });
}

void RegisterIntros(CLI::App& app, Registry& registry) {
  auto* intro = app.add_subcommand("intro", "Introductions: who introduced whom to whom");
  intro->require_subcommand(1);
  struct IntroOptions {
    std::string first, second, outcome;
    std::optional<std::string> by, at;
  };
  auto o = std::make_shared<IntroOptions>();
  auto* add = intro->add_subcommand("add", "Record an introduction (mine are deposits with both)");
  add->add_option("PERSON", o->first, "One person")->required();
  add->add_option("OTHER", o->second, "The person they were introduced to")->required();
  add->add_option("--by", o->by, "Who made it (default me)");
  add->add_option("--at", o->at, "When (default now)");
  add->add_option("--outcome", o->outcome, "What came of it");
  add->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::IntroInput input;
      input.first = o->first;
      input.second = o->second;
      input.by = o->by;
      input.outcome = o->outcome;
      if (o->at) {
        ALLIES_TRY(input.at, ParseInstant(*o->at, "--at"));
      }
      return Emit(c, c.app.Introduce(input), [](std::ostream& out, const app::IntroView& v) {
        out << fmt::format("recorded: {} introduced {} to {}\n", v.introducer.name, v.first.name,
                           v.second.name);
      });
    };
  });
  auto* list = intro->add_subcommand("list", "List introductions");
  list->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.ListIntroductions(), PrintIntros); };
  });
}

void RegisterDemo(CLI::App& app, Registry& registry) {
  struct DemoOptions {
    std::string people = "400";
    std::string seed = "1";
  };
  auto o = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand("demo", "Fill an empty database with a sample organization");
  demo->add_option("--people", o->people, "About how many people (default 400)");
  demo->add_option("--seed", o->seed, "Random seed (default 1)");
  demo->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::DemoOptions options;
      ALLIES_TRY(options.people, ParseInt(o->people, "--people", 50, 1000000));
      ALLIES_TRY(int seed, ParseInt(o->seed, "--seed", 0, 2147483647));
      options.seed = static_cast<std::uint64_t>(seed);
      return Emit(c, c.app.Demo(options), PrintDemo);
    };
  });
}

void RegisterConfig(CLI::App& app, Registry& registry) {
  auto* config = app.add_subcommand("config", "The scoring parameters (DESIGN.md §3)");
  config->require_subcommand(1);
  auto* list = config->add_subcommand("list", "Every parameter; * marks a changed one");
  list->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.ConfigList(), PrintConfig); };
  });
  auto print_row = [](std::ostream& out, const app::ConfigRow& row) {
    out << row.key << " = " << row.value << (row.is_default ? " (default)" : "") << '\n';
  };
  auto get_key = std::make_shared<std::string>();
  auto* get = config->add_subcommand("get", "One parameter");
  get->add_option("KEY", *get_key, "The parameter")->required();
  get->callback([&registry, get_key, print_row] {
    registry.selected = [get_key, print_row](Context& c) {
      return Emit(c, c.app.ConfigGet(*get_key), print_row);
    };
  });
  auto set_args = std::make_shared<std::pair<std::string, std::string>>();
  auto* set = config->add_subcommand("set", "Change a parameter");
  set->add_option("KEY", set_args->first, "The parameter")->required();
  set->add_option("VALUE", set_args->second, "Its new value")->required();
  set->callback([&registry, set_args, print_row] {
    registry.selected = [set_args, print_row](Context& c) {
      return Emit(c, c.app.ConfigSet(set_args->first, set_args->second), print_row);
    };
  });
  auto reset_key = std::make_shared<std::string>();
  auto* reset = config->add_subcommand("reset", "Put a parameter back to its default");
  reset->add_option("KEY", *reset_key, "The parameter")->required();
  reset->callback([&registry, reset_key, print_row] {
    registry.selected = [reset_key, print_row](Context& c) {
      return Emit(c, c.app.ConfigReset(*reset_key), print_row);
    };
  });
}

}  // namespace

void RegisterActivityCommands(CLI::App& app, Registry& registry) {
  RegisterLog(app, registry);
  RegisterLedger(app, registry, /*deposit=*/true);
  RegisterLedger(app, registry, /*deposit=*/false);
  RegisterScores(app, registry);
  RegisterFollowUps(app, registry);
  RegisterIntros(app, registry);
  RegisterDemo(app, registry);
  RegisterConfig(app, registry);
}

}  // namespace allies::cli
