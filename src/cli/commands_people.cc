// Commands about people, organizations, the team and vendors.

#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/parse.h"
#include "cli/print.h"
#include "core/names.h"
#include "core/text.h"

namespace allies::cli {

namespace {

using core::Result;

// The text of every person option, parsed only when the command runs.
struct PersonOptions {
  std::string ref;
  std::optional<std::string> name, title, dept, org, reports_to, note, birthday, anniversary,
      work_anniversary, closeness, cadence, prefers;
  std::vector<std::string> emails, phones, tags, offers, needs;
  std::vector<std::string> remove_emails, remove_phones, remove_tags, remove_offers, remove_needs;
};

void AddPersonOptions(CLI::App* command, PersonOptions& o, bool edit) {
  if (edit) command->add_option("--name", o.name, "New name");
  command->add_option("--title", o.title, "Job title");
  command->add_option("--dept", o.dept, "Department");
  command->add_option("--org", o.org, "Organization (created as a company when new)");
  command->add_option("--email", o.emails, "Email address (repeatable)");
  command->add_option("--phone", o.phones, "Phone number (repeatable)");
  command->add_option("--reports-to", o.reports_to, "Manager (a person; \"\" clears)");
  command->add_option("--tag", o.tags, "Tag (repeatable)");
  command->add_option("--offer", o.offers, "What they offer, KEY=0..5 (repeatable)");
  command->add_option("--need", o.needs, "A need or pain point (repeatable)");
  command->add_option("--note", o.note, "A personal note (family, interests, ...)");
  command->add_option("--birthday", o.birthday, "Birthday, YYYY-MM-DD or --MM-DD");
  command->add_option("--work-anniversary", o.work_anniversary,
                      "Work anniversary, YYYY-MM-DD or --MM-DD");
  command->add_option("--anniversary", o.anniversary,
                      "Wedding or partnership anniversary, YYYY-MM-DD or --MM-DD");
  command->add_option("--closeness", o.closeness, "How close we are, 0..5 (\"none\" clears)");
  command->add_option("--cadence", o.cadence, "See them every N days (0 clears)");
  command->add_option(
      "--prefers", o.prefers,
      "Setting they prefer: coffee, lunch, walk, offsite, call, video (none clears)");
  if (edit) {
    command->add_option("--remove-email", o.remove_emails, "Remove an email (repeatable)");
    command->add_option("--remove-phone", o.remove_phones, "Remove a phone (repeatable)");
    command->add_option("--untag", o.remove_tags, "Remove a tag (repeatable)");
    command->add_option("--remove-offer", o.remove_offers, "Remove an offer by key (repeatable)");
    command->add_option("--remove-need", o.remove_needs, "Remove a need (repeatable)");
  }
}

Result<app::PersonInput> ToInput(const PersonOptions& o) {
  app::PersonInput input;
  input.name = o.name;
  input.title = o.title;
  input.department = o.dept;
  input.org = o.org;
  input.reports_to = o.reports_to;
  for (const auto& email : o.emails) input.emails.push_back(core::Email{email, ""});
  for (const auto& phone : o.phones) input.phones.push_back(core::Phone{phone, ""});
  input.tags = o.tags;
  for (const auto& text : o.offers) {
    ALLIES_TRY(auto offer, ParseOffer(text));
    input.offers.push_back(offer);
  }
  input.needs = o.needs;
  input.note = o.note;
  if (o.birthday) {
    auto date = core::ParseMonthDay(*o.birthday);
    if (!date) return core::Fail(date.error().code, "--birthday " + date.error().message);
    input.birthday = *date;
  }
  if (o.work_anniversary) {
    auto date = core::ParseMonthDay(*o.work_anniversary);
    if (!date) return core::Fail(date.error().code, "--work-anniversary " + date.error().message);
    input.work_anniversary = *date;
  }
  if (o.anniversary) {
    auto date = core::ParseMonthDay(*o.anniversary);
    if (!date) return core::Fail(date.error().code, "--anniversary " + date.error().message);
    input.anniversary = *date;
  }
  if (o.closeness) {
    if (*o.closeness == "none") {
      input.closeness = -1;
    } else {
      ALLIES_TRY(input.closeness, ParseInt(*o.closeness, "--closeness", 0, 5));
    }
  }
  if (o.cadence) {
    ALLIES_TRY(input.cadence_days, ParseInt(*o.cadence, "--cadence", 0, 3650));
  }
  input.prefers = o.prefers;
  input.remove_emails = o.remove_emails;
  input.remove_phones = o.remove_phones;
  input.remove_tags = o.remove_tags;
  input.remove_offers = o.remove_offers;
  input.remove_needs = o.remove_needs;
  return input;
}

void Confirm(std::ostream& out, std::string_view verb, const core::Person& person) {
  out << fmt::format("{} #{} {}\n", verb, person.id.value, person.name);
}

void RegisterPerson(CLI::App& app, Registry& registry) {
  auto* person = app.add_subcommand("person", "Add, edit, remove and list people");
  person->require_subcommand(1);

  auto add_options = std::make_shared<PersonOptions>();
  auto* add = person->add_subcommand("add", "Add a person");
  add->add_option("NAME", add_options->name, "Full name")->required();
  AddPersonOptions(add, *add_options, false);
  add->callback([&registry, add_options] {
    registry.selected = [add_options](Context& c) -> Result<void> {
      ALLIES_TRY(auto input, ToInput(*add_options));
      return Emit(c, c.app.AddPerson(input),
                  [](std::ostream& out, const core::Person& p) { Confirm(out, "added", p); });
    };
  });

  auto edit_options = std::make_shared<PersonOptions>();
  auto* edit = person->add_subcommand("edit", "Change a person; list options add to what is there");
  edit->add_option("PERSON", edit_options->ref, "Name, email, id or \"me\"")->required();
  AddPersonOptions(edit, *edit_options, true);
  edit->callback([&registry, edit_options] {
    registry.selected = [edit_options](Context& c) -> Result<void> {
      ALLIES_TRY(auto input, ToInput(*edit_options));
      return Emit(c, c.app.EditPerson(edit_options->ref, input),
                  [](std::ostream& out, const core::Person& p) { Confirm(out, "updated", p); });
    };
  });

  auto rm_ref = std::make_shared<std::string>();
  auto* rm = person->add_subcommand("rm", "Remove a person (undo brings them back)");
  rm->add_option("PERSON", *rm_ref, "Name, email or id")->required();
  rm->callback([&registry, rm_ref] {
    registry.selected = [rm_ref](Context& c) -> Result<void> {
      return Emit(c, c.app.RemovePerson(*rm_ref), [](std::ostream& out, const core::Person& p) {
        out << fmt::format("removed #{} {} (undo: allies person undo {})\n", p.id.value, p.name,
                           p.id.value);
      });
    };
  });

  auto undo_ref = std::make_shared<std::string>();
  auto* undo = person->add_subcommand("undo", "Bring back a removed person");
  undo->add_option("PERSON", *undo_ref, "Name, email or id")->required();
  undo->callback([&registry, undo_ref] {
    registry.selected = [undo_ref](Context& c) -> Result<void> {
      return Emit(c, c.app.UndoPerson(*undo_ref),
                  [](std::ostream& out, const core::Person& p) { Confirm(out, "restored", p); });
    };
  });

  struct ListOptions {
    std::optional<std::string> dept, tag, org;
    bool removed = false;
  };
  auto list_options = std::make_shared<ListOptions>();
  auto* list = person->add_subcommand("list", "List people");
  list->add_option("--dept", list_options->dept, "Only this department");
  list->add_option("--tag", list_options->tag, "Only people with this tag");
  list->add_option("--org", list_options->org, "Only people of this organization");
  list->add_flag("--removed", list_options->removed, "Include removed people");
  list->callback([&registry, list_options] {
    registry.selected = [list_options](Context& c) -> Result<void> {
      app::PeopleQuery query;
      query.department = list_options->dept;
      query.tag = list_options->tag;
      query.org = list_options->org;
      query.include_deleted = list_options->removed;
      return Emit(c, c.app.ListPeople(query), PrintPeople);
    };
  });
}

void RegisterOrg(CLI::App& app, Registry& registry) {
  auto* org = app.add_subcommand("org", "Organizations: departments, companies and vendors");
  org->require_subcommand(1);

  struct OrgOptions {
    std::string name, kind;
    std::vector<std::string> services;
    std::optional<std::string> renewal, cadence;
  };
  auto o = std::make_shared<OrgOptions>();
  auto* add = org->add_subcommand("add", "Add an organization");
  add->add_option("NAME", o->name, "Name")->required();
  add->add_option("--kind", o->kind, "internal, company, vendor, partner or customer")->required();
  add->add_option("--service", o->services, "A service the vendor provides (repeatable)");
  add->add_option("--renewal", o->renewal, "Contract renewal date, YYYY-MM-DD");
  add->add_option("--cadence", o->cadence, "Check in every N days");
  add->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      app::OrgInput input;
      input.name = o->name;
      auto kind = core::ParseOrgKind(o->kind);
      if (!kind) {
        return core::Fail(core::ErrorCode::kInvalidArgument,
                          fmt::format("--kind \"{}\" is not a kind of organization (expected one "
                                      "of: {})",
                                      o->kind, core::OrgKindNames()));
      }
      input.kind = *kind;
      input.services = o->services;
      if (o->renewal) {
        auto date = core::ParseDate(*o->renewal);
        if (!date) return core::Fail(date.error().code, "--renewal " + date.error().message);
        input.renewal = *date;
      }
      if (o->cadence) {
        ALLIES_TRY(input.cadence_days, ParseInt(*o->cadence, "--cadence", 1, 3650));
      }
      return Emit(c, c.app.AddOrg(input), [](std::ostream& out, const core::Organization& added) {
        out << fmt::format("added {} #{} {}\n", core::Name(added.kind), added.id.value, added.name);
      });
    };
  });

  auto* list = org->add_subcommand("list", "List organizations");
  list->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.ListOrgs(), PrintOrgs); };
  });

  auto show_ref = std::make_shared<std::string>();
  auto* show = org->add_subcommand("show", "An organization with its people and notices");
  show->add_option("ORG", *show_ref, "Name or id")->required();
  show->callback([&registry, show_ref] {
    registry.selected = [show_ref](Context& c) {
      return Emit(c, c.app.ShowOrg(*show_ref), PrintOrgPage);
    };
  });
}

void RegisterTeam(CLI::App& app, Registry& registry) {
  auto* team = app.add_subcommand("team", "My team: the people whose ties extend mine");
  team->require_subcommand(1);
  auto add_ref = std::make_shared<std::string>();
  auto* add = team->add_subcommand("add", "Add a person to my team");
  add->add_option("PERSON", *add_ref, "Name, email or id")->required();
  add->callback([&registry, add_ref] {
    registry.selected = [add_ref](Context& c) {
      return Emit(c, c.app.TeamAdd(*add_ref), [](std::ostream& out, const core::Person& p) {
        Confirm(out, "added to the team:", p);
      });
    };
  });
  auto rm_ref = std::make_shared<std::string>();
  auto* rm = team->add_subcommand("rm", "Take a person off my team");
  rm->add_option("PERSON", *rm_ref, "Name, email or id")->required();
  rm->callback([&registry, rm_ref] {
    registry.selected = [rm_ref](Context& c) {
      return Emit(c, c.app.TeamRemove(*rm_ref), [](std::ostream& out, const core::Person& p) {
        Confirm(out, "taken off the team:", p);
      });
    };
  });
  auto* list = team->add_subcommand("list", "List my team");
  list->callback([&registry] {
    registry.selected = [](Context& c) { return Emit(c, c.app.TeamList(), PrintPeople); };
  });
}

void RegisterVendor(CLI::App& app, Registry& registry) {
  auto* vendor = app.add_subcommand("vendor", "Vendors that run outsourced services");
  vendor->require_subcommand(1);
  struct NoticeOptions {
    std::string org, text;
    std::optional<std::string> at, from;
  };
  auto o = std::make_shared<NoticeOptions>();
  auto* notice = vendor->add_subcommand("notice", "Record a change a vendor told us about");
  notice->add_option("ORG", o->org, "The vendor")->required();
  notice->add_option("TEXT", o->text, "What changed")->required();
  notice->add_option("--at", o->at, "When (default now)");
  notice->add_option("--from", o->from, "Who told us");
  notice->callback([&registry, o] {
    registry.selected = [o](Context& c) -> Result<void> {
      std::optional<core::TimePoint> at;
      if (o->at) {
        ALLIES_TRY(at, ParseInstant(*o->at, "--at"));
      }
      return Emit(c, c.app.AddVendorNotice(o->org, o->text, at, o->from),
                  [](std::ostream& out, const core::VendorNotice& n) {
                    out << fmt::format("recorded notice #{}\n", n.id.value);
                  });
    };
  });
}

}  // namespace

void RegisterPeopleCommands(CLI::App& app, Registry& registry) {
  struct InitOptions {
    std::string name;
    std::vector<std::string> emails;
  };
  auto init_options = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand("init", "Say who \"me\" is in this database");
  init->add_option("--name", init_options->name, "My name")->required();
  init->add_option("--email", init_options->emails, "My email (repeatable)");
  init->callback([&registry, init_options] {
    registry.selected = [init_options](Context& c) {
      return Emit(c, c.app.Init(init_options->name, init_options->emails),
                  [](std::ostream& out, const core::Person& p) {
                    out << fmt::format("hello, {} (#{})\n", p.name, p.id.value);
                  });
    };
  });

  RegisterPerson(app, registry);

  auto show_ref = std::make_shared<std::string>();
  auto show_as = std::make_shared<std::optional<std::string>>();
  auto* show = app.add_subcommand("show", "The person page: the whole relationship at a glance");
  show->add_option("PERSON", *show_ref, "Name, email, id or \"me\"")->required();
  show->add_option("--as", *show_as,
                   "As a team member sees it: their tie, account and notes (default me)");
  show->callback([&registry, show_ref, show_as] {
    registry.selected = [show_ref, show_as](Context& c) {
      return Emit(c, c.app.ShowPerson(*show_ref, *show_as), PrintPersonPage);
    };
  });

  auto find_text = std::make_shared<std::string>();
  auto* find =
      app.add_subcommand("find", "Search names, titles, emails, tags, offers, needs, notes");
  find->add_option("TEXT", *find_text, "What to look for")->required();
  find->callback([&registry, find_text] {
    registry.selected = [find_text](Context& c) {
      return Emit(c, c.app.Find(*find_text), PrintPeople);
    };
  });

  RegisterOrg(app, registry);
  RegisterTeam(app, registry);
  RegisterVendor(app, registry);
}

}  // namespace allies::cli
