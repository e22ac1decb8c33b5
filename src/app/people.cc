// Use cases about people: me, the people I know, and my team.

#include <algorithm>

#include <fmt/format.h>

#include "advice/plan.h"
#include "app/app.h"
#include "app/internal.h"
#include "app/transaction.h"
#include "core/text.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;
using internal::Quote;

App::App(store::Store& store, core::TimePoint now) : store_(store), now_(now) {}

namespace {

bool SameKey(const std::string& a, const std::string& b) {
  return core::FoldCase(core::Trim(a)) == core::FoldCase(core::Trim(b));
}

template <class T, class KeyOf>
void RemoveByKey(std::vector<T>& items, const std::string& key, KeyOf key_of) {
  std::erase_if(items, [&](const T& item) { return SameKey(key_of(item), key); });
}

Result<void> ValidateName(const std::string& name) {
  if (core::Trim(name).empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a name cannot be empty");
  }
  return {};
}

Result<void> ValidateEmail(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size() ||
      email.find_first_of(" \t\r\n") != std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} is not an email address (expected name@domain)", Quote(email)));
  }
  return {};
}

// Adds `value` unless an equal one (by key) is there already.
template <class T, class KeyOf>
void AddUnique(std::vector<T>& items, T value, KeyOf key_of) {
  for (const auto& item : items) {
    if (SameKey(key_of(item), key_of(value))) return;
  }
  items.push_back(std::move(value));
}

}  // namespace

// Applies `input` to `person`, resolving references and validating every value; used by both
// add and edit so that they accept exactly the same things.
static Result<void> Apply(store::Store& store, const PersonInput& input, core::TimePoint now,
                          core::Person& person) {
  if (input.name) {
    ALLIES_TRY_VOID(ValidateName(*input.name));
    person.name = std::string(core::Trim(*input.name));
  }
  if (input.title) person.title = *input.title;
  if (input.department) person.department = std::string(core::Trim(*input.department));
  if (input.org) {
    if (core::Trim(*input.org).empty()) {
      person.org.reset();
    } else {
      auto org = internal::ResolveOrg(store, *input.org);
      if (!org && org.error().code == ErrorCode::kNotFound) {
        core::Organization created;
        created.name = std::string(core::Trim(*input.org));
        created.kind = core::OrgKind::kCompany;
        ALLIES_TRY(auto id, store.InsertOrg(created));
        person.org = id;
      } else if (!org) {
        return tl::unexpected(org.error());
      } else {
        person.org = org->id;
      }
    }
  }
  if (input.reports_to) {
    if (core::Trim(*input.reports_to).empty()) {
      person.reports_to.reset();
    } else {
      ALLIES_TRY(auto boss, internal::ResolvePerson(store, *input.reports_to));
      // Walking up from the new manager must never reach this person: no cycles in the tree.
      core::PersonId cursor = boss.id;
      for (int depth = 0; depth < 10000; ++depth) {
        if (person.id.value != 0 && cursor == person.id) {
          return Fail(ErrorCode::kInvalidArgument,
                      fmt::format("{} cannot report to {}: {} already reports to {}", person.name,
                                  boss.name, boss.name, person.name));
        }
        ALLIES_TRY(auto up, store.GetPerson(cursor));
        if (!up.reports_to) break;
        cursor = *up.reports_to;
      }
      person.reports_to = boss.id;
    }
  }
  for (const auto& email : input.emails) {
    ALLIES_TRY_VOID(ValidateEmail(email.address));
    AddUnique(person.emails, email, [](const core::Email& e) { return e.address; });
  }
  for (const auto& phone : input.phones) {
    if (core::Trim(phone.number).empty()) {
      return Fail(ErrorCode::kInvalidArgument, "a phone number cannot be empty");
    }
    AddUnique(person.phones, phone, [](const core::Phone& p) { return p.number; });
  }
  for (const auto& tag : input.tags) {
    if (core::Trim(tag).empty()) return Fail(ErrorCode::kInvalidArgument, "a tag cannot be empty");
    AddUnique(person.tags, std::string(core::Trim(tag)), [](const std::string& t) { return t; });
  }
  if (input.prefers) {
    // A preference is one tag, "prefers:<setting>" (issue 5, the weekly plan).
    std::string wanted = core::FoldCase(core::Trim(*input.prefers));
    std::optional<advice::Setting> setting;
    if (!wanted.empty() && wanted != "none") {
      setting = advice::ParsePreference(wanted);
      if (!setting) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("--prefers {} is not a setting (expected one of {}, or none)",
                                Quote(*input.prefers), advice::PreferenceNames()));
      }
    }
    std::erase_if(person.tags, [](const std::string& tag) {
      return core::FoldCase(tag).starts_with(advice::kPrefersTag);
    });
    if (setting) {
      person.tags.push_back(std::string(advice::kPrefersTag) + std::string(advice::Name(*setting)));
    }
  }
  for (const auto& offer : input.offers) {
    if (offer.rating < 0 || offer.rating > 5) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("offer rating {} for {} is out of range (expected 0 to 5)",
                              offer.rating, Quote(offer.key)));
    }
    RemoveByKey(person.offers, offer.key, [](const core::Offer& o) { return o.key; });
    person.offers.push_back(offer);
  }
  for (const auto& need : input.needs) {
    if (core::Trim(need).empty())
      return Fail(ErrorCode::kInvalidArgument, "a need cannot be empty");
    AddUnique(person.needs, need, [](const std::string& n) { return n; });
  }
  if (input.note && !core::Trim(*input.note).empty()) {
    person.notes.push_back(core::Note{now, *input.note});
  }
  auto set_date = [&](core::DateKind kind, const core::MonthDay& date) {
    std::erase_if(person.dates, [&](const core::ImportantDate& d) { return d.kind == kind; });
    person.dates.push_back(core::ImportantDate{kind, date});
  };
  if (input.birthday) set_date(core::DateKind::kBirthday, *input.birthday);
  if (input.work_anniversary) set_date(core::DateKind::kWorkAnniversary, *input.work_anniversary);
  if (input.anniversary) set_date(core::DateKind::kAnniversary, *input.anniversary);
  if (input.closeness) {
    if (*input.closeness == -1) {
      person.closeness.reset();
      person.closeness_at.reset();
    } else if (*input.closeness < 0 || *input.closeness > 5) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("closeness {} is out of range (expected 0 to 5)", *input.closeness));
    } else {
      person.closeness = *input.closeness;
      person.closeness_at = now;
    }
  }
  if (input.cadence_days) {
    if (*input.cadence_days == 0) {
      person.cadence_days.reset();
    } else if (*input.cadence_days < 1 || *input.cadence_days > 3650) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("cadence {} is out of range (expected 1 to 3650 days, or 0 to clear)",
                              *input.cadence_days));
    } else {
      person.cadence_days = *input.cadence_days;
    }
  }
  for (const auto& email : input.remove_emails) {
    RemoveByKey(person.emails, email, [](const core::Email& e) { return e.address; });
  }
  for (const auto& phone : input.remove_phones) {
    RemoveByKey(person.phones, phone, [](const core::Phone& p) { return p.number; });
  }
  for (const auto& tag : input.remove_tags) {
    RemoveByKey(person.tags, tag, [](const std::string& t) { return t; });
  }
  for (const auto& key : input.remove_offers) {
    RemoveByKey(person.offers, key, [](const core::Offer& o) { return o.key; });
  }
  for (const auto& need : input.remove_needs) {
    RemoveByKey(person.needs, need, [](const std::string& n) { return n; });
  }
  // An email belongs to one person, or `allies show EMAIL` could not name them.
  for (const auto& email : person.emails) {
    ALLIES_TRY(auto owners, store.FindPeopleByEmail(email.address, false));
    for (auto owner : owners) {
      if (owner != person.id) {
        ALLIES_TRY(auto other, store.GetPerson(owner));
        return Fail(ErrorCode::kAlreadyExists,
                    fmt::format("email {} already belongs to #{} {}", Quote(email.address),
                                owner.value, other.name));
      }
    }
  }
  return {};
}

Result<core::Person> App::Init(const std::string& name, const std::vector<std::string>& emails) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto existing, store_.FindMe());
    if (existing) {
      ALLIES_TRY(auto me, store_.GetPerson(*existing));
      return Fail(ErrorCode::kAlreadyExists,
                  fmt::format("this database already belongs to {} (#{}); use `allies person edit "
                              "me` to change it",
                              me.name, me.id.value));
    }
    PersonInput input;
    input.name = name;
    for (const auto& email : emails) input.emails.push_back(core::Email{email, "work"});
    core::Person me;
    me.is_me = true;
    ALLIES_TRY_VOID(Apply(store_, input, now_, me));
    ALLIES_TRY(me.id, store_.InsertPerson(me));
    return store_.GetPerson(me.id);
  });
}

Result<core::Person> App::AddPerson(const PersonInput& input) {
  return InTransaction([&]() -> Result<core::Person> {
    if (!input.name) return Fail(ErrorCode::kInvalidArgument, "a name cannot be empty");
    core::Person person;
    ALLIES_TRY_VOID(Apply(store_, input, now_, person));
    ALLIES_TRY(person.id, store_.InsertPerson(person));
    return store_.GetPerson(person.id);
  });
}

Result<core::Person> App::EditPerson(const std::string& ref, const PersonInput& input) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    ALLIES_TRY_VOID(Apply(store_, input, now_, person));
    ALLIES_TRY_VOID(store_.UpdatePerson(person));
    return store_.GetPerson(person.id);
  });
}

Result<core::Person> App::RemovePerson(const std::string& ref) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    if (person.is_me) {
      return Fail(ErrorCode::kConflict, "me cannot be removed (it is who this database is for)");
    }
    person.stamps.deleted_at = now_;
    ALLIES_TRY_VOID(store_.UpdatePerson(person));
    return person;
  });
}

Result<core::Person> App::UndoPerson(const std::string& ref) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref, /*include_deleted=*/true));
    if (!person.stamps.deleted_at) {
      return Fail(ErrorCode::kConflict, fmt::format("{} (#{}) is not removed; nothing to undo",
                                                    person.name, person.id.value));
    }
    // The email must still be free: someone may have taken it while this person was removed.
    for (const auto& email : person.emails) {
      ALLIES_TRY(auto owners, store_.FindPeopleByEmail(email.address, false));
      if (!owners.empty()) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("cannot bring back {}: email {} now belongs to #{}", person.name,
                                Quote(email.address), owners.front().value));
      }
    }
    person.stamps.deleted_at.reset();
    ALLIES_TRY_VOID(store_.UpdatePerson(person));
    return store_.GetPerson(person.id);
  });
}

static Result<std::vector<PersonRow>> Rows(store::Store& store,
                                           const std::vector<core::Person>& people) {
  ALLIES_TRY(auto directory, internal::LoadDirectory(store));
  std::vector<PersonRow> rows;
  rows.reserve(people.size());
  for (const auto& person : people) {
    PersonRow row{person, directory.OrgName(person.org), std::nullopt};
    if (person.reports_to) row.reports_to = directory.Ref(*person.reports_to);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<PersonRow>> App::ListPeople(const PeopleQuery& query) {
  return InTransaction([&]() -> Result<std::vector<PersonRow>> {
    store::PersonFilter filter;
    filter.department = query.department;
    filter.tag = query.tag;
    filter.include_deleted = query.include_deleted;
    if (query.org) {
      ALLIES_TRY(auto org, internal::ResolveOrg(store_, *query.org));
      filter.org = org.id;
    }
    ALLIES_TRY(auto people, store_.ListPeople(filter));
    return Rows(store_, people);
  });
}

Result<std::vector<PersonRow>> App::Find(const std::string& text) {
  return InTransaction([&]() -> Result<std::vector<PersonRow>> {
    if (core::Trim(text).empty()) {
      return Fail(ErrorCode::kInvalidArgument, "find needs some text to look for");
    }
    ALLIES_TRY(auto ids, store_.SearchPeople(std::string(core::Trim(text))));
    std::vector<core::Person> people;
    for (auto id : ids) {
      ALLIES_TRY(auto person, store_.GetPerson(id));
      people.push_back(std::move(person));
    }
    return Rows(store_, people);
  });
}

Result<core::Person> App::TeamAdd(const std::string& ref) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    if (person.is_me) return Fail(ErrorCode::kConflict, "me leads the team; add others to it");
    if (person.is_team) {
      return Fail(ErrorCode::kAlreadyExists, fmt::format("{} is already on the team", person.name));
    }
    person.is_team = true;
    ALLIES_TRY_VOID(store_.UpdatePerson(person));
    return person;
  });
}

Result<core::Person> App::TeamRemove(const std::string& ref) {
  return InTransaction([&]() -> Result<core::Person> {
    ALLIES_TRY(auto person, internal::ResolvePerson(store_, ref));
    if (!person.is_team) {
      return Fail(ErrorCode::kNotFound, fmt::format("{} is not on the team", person.name));
    }
    person.is_team = false;
    ALLIES_TRY_VOID(store_.UpdatePerson(person));
    return person;
  });
}

Result<std::vector<PersonRow>> App::TeamList() {
  return InTransaction([&]() -> Result<std::vector<PersonRow>> {
    store::PersonFilter filter;
    filter.only_team = true;
    ALLIES_TRY(auto people, store_.ListPeople(filter));
    return Rows(store_, people);
  });
}

}  // namespace allies::app
