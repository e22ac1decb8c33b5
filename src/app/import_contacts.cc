// `allies import` of address books: formats::Contact records folded into people.

#include <algorithm>

#include <fmt/format.h>

#include "app/importer.h"
#include "app/internal.h"
#include "core/text.h"

namespace allies::app::internal {

using core::ErrorCode;
using core::Fail;

namespace {

bool LooksLikeEmail(std::string_view address) {
  const auto at = address.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find_first_of(" \t\r\n<>,;") == std::string_view::npos;
}

std::string JoinWords(std::initializer_list<std::string_view> words) {
  std::string out;
  for (auto word : words) {
    word = core::Trim(word);
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// The name a contact goes by: FN, else the parts of N, else the nickname, the organization (a
// company card) or the email address.
std::string NameOf(const formats::Contact& contact) {
  if (!core::Trim(contact.formatted_name).empty()) {
    return std::string(core::Trim(contact.formatted_name));
  }
  std::string name = JoinWords(
      {contact.prefix, contact.given, contact.additional, contact.family, contact.suffix});
  if (!name.empty()) return name;
  if (!core::Trim(contact.nickname).empty()) return std::string(core::Trim(contact.nickname));
  if (!core::Trim(contact.organization).empty()) {
    return std::string(core::Trim(contact.organization));
  }
  if (!contact.emails.empty()) return contact.emails.front().address;
  return {};
}

std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace

Importer::Importer(store::Store& store, core::TimePoint now, const ImportInput& input,
                   ImportReport& report)
    : store_(store), now_(now), input_(input), report_(report) {}

core::Result<void> Importer::Prepare() {
  ALLIES_TRY(auto orgs, store_.ListOrgs(/*include_deleted=*/false));
  for (auto& org : orgs) {
    orgs_by_key_.try_emplace(core::NameKey(org.name), org.id);
    org_names_.emplace(org.id, org.name);
  }
  ALLIES_TRY(auto people, store_.ListPeople(store::PersonFilter{}));
  for (auto& person : people) {
    index_.Add(person, OrgName(person.org));
    people_.emplace(person.id, std::move(person));
  }
  ALLIES_TRY(owner_, RequireMe(store_));
  if (input_.as_member) {
    ALLIES_TRY(auto member, ResolvePerson(store_, *input_.as_member));
    if (!member.is_team && !member.is_me) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--as {}: {} (#{}) is not on my team (add them with `allies team "
                              "add`)",
                              Quote(*input_.as_member), member.name, member.id.value));
    }
    owner_ = member.id;
  }
  for (const auto& email : people_.at(owner_).emails) owner_emails_.insert(EmailKey(email.address));
  return {};
}

const std::string& Importer::OrgName(const std::optional<core::OrgId>& org) const {
  static const std::string none;
  if (!org) return none;
  auto found = org_names_.find(*org);
  return found == org_names_.end() ? none : found->second;
}

core::Result<std::optional<core::OrgId>> Importer::OrgFor(const std::string& name) {
  const std::string trimmed(core::Trim(name));
  if (trimmed.empty()) return std::optional<core::OrgId>();
  const std::string key = core::NameKey(trimmed);
  if (auto found = orgs_by_key_.find(key); found != orgs_by_key_.end()) {
    return std::optional<core::OrgId>(found->second);
  }
  core::Organization org;
  org.name = trimmed;
  org.kind = core::OrgKind::kCompany;
  ALLIES_TRY(auto id, store_.InsertOrg(org));
  orgs_by_key_.emplace(key, id);
  org_names_.emplace(id, trimmed);
  return std::optional<core::OrgId>(id);
}

core::Result<core::PersonId> Importer::Create(core::Person person) {
  PeopleIndex::Keys keys = PeopleIndex::KeysOf(person, OrgName(person.org));
  return Create(std::move(person), std::move(keys));
}

core::Result<core::PersonId> Importer::Create(core::Person person, PeopleIndex::Keys&& keys) {
  ALLIES_TRY(person.id, store_.InsertPerson(person));
  index_.Add(person.id, std::move(keys));
  touched_.insert(person.id);
  ++report_.created;
  Sample(fmt::format("+ {}{}", person.name,
                     person.emails.empty() ? "" : " <" + person.emails.front().address + ">"));
  const core::PersonId id = person.id;
  people_.emplace(id, std::move(person));
  return id;
}

core::Result<void> Importer::Save(const core::Person& person) {
  ALLIES_TRY_VOID(store_.UpdatePerson(person));
  index_.Add(person, OrgName(person.org));
  return {};
}

void Importer::Sample(std::string line) {
  constexpr std::size_t kSampleLines = 10;
  if (report_.sample.size() < kSampleLines) report_.sample.push_back(std::move(line));
}

core::Result<void> Importer::AddContacts(const std::string& file,
                                         const formats::ContactFile& contacts) {
  report_.files.push_back({file, contacts.format, contacts.contacts.size()});
  for (const auto& error : contacts.errors) {
    report_.errors.push_back({file, error.line, error.message});
    ++report_.skipped;
  }
  index_.Reserve(contacts.contacts.size());
  people_.reserve(people_.size() + contacts.contacts.size());
  std::size_t done = 0;
  for (const auto& contact : contacts.contacts) {
    report_.photos += static_cast<std::size_t>(contact.photos);
    if (auto added = AddContact(contact, contacts.format); !added) {
      return Fail(added.error().code,
                  fmt::format("{}:{}: {}", file, contact.line, added.error().message));
    }
    if (input_.progress && (++done % 1024 == 0)) input_.progress(done, contacts.contacts.size());
  }
  return {};
}

core::Result<void> Importer::AddContact(const formats::Contact& contact,
                                        const std::string& format) {
  core::Person incoming;
  incoming.name = NameOf(contact);
  if (incoming.name.empty()) {
    ++report_.skipped;
    report_.warnings.push_back(fmt::format(
        "line {}: a record with no name, email or organization was skipped", contact.line));
    return {};
  }
  incoming.title = !contact.title.empty() ? contact.title : contact.role;
  incoming.department = contact.department;
  ALLIES_TRY(incoming.org, OrgFor(contact.organization));
  for (const auto& email : contact.emails) {
    if (!LooksLikeEmail(email.address)) {
      report_.warnings.push_back(fmt::format("line {}: {} is not an email address; left out",
                                             contact.line, Quote(email.address)));
      continue;
    }
    incoming.emails.push_back(email);
  }
  for (const auto& phone : contact.phones) {
    if (!core::Trim(phone.number).empty()) incoming.phones.push_back(phone);
  }
  incoming.tags = contact.categories;
  incoming.offers = contact.offers;
  incoming.needs = contact.needs;
  incoming.closeness = contact.closeness;
  if (incoming.closeness) incoming.closeness_at = now_;
  incoming.cadence_days = contact.cadence_days;
  for (const auto& note : contact.notes) {
    if (!core::Trim(note.text).empty())
      incoming.notes.push_back({note.at.value_or(now_), note.text});
  }
  if (contact.birthday) incoming.dates.push_back({core::DateKind::kBirthday, *contact.birthday});
  if (contact.anniversary) {
    incoming.dates.push_back({core::DateKind::kAnniversary, *contact.anniversary});
  }
  if (contact.work_anniversary) {
    incoming.dates.push_back({core::DateKind::kWorkAnniversary, *contact.work_anniversary});
  }
  std::string manager = contact.reports_to;
  // Notes from a team member's address book are theirs alone (DESIGN.md §6): personal notes
  // have no owner, so they are not kept when importing --as a member.
  const bool notes_are_mine = people_.at(owner_).is_me;
  for (const auto& relation : contact.related) {
    if (relation.name.empty()) continue;
    if (relation.kind == "manager" && manager.empty()) {
      manager = relation.name;
      continue;
    }
    incoming.notes.push_back(
        {now_, fmt::format("{}: {}", Capitalized(relation.kind), relation.name)});
  }
  if (contact.connected_on) {
    incoming.notes.push_back(
        {now_, fmt::format("Connected on {}{}", core::FormatDate(*contact.connected_on),
                           format.find("linkedin") != std::string::npos ? " (LinkedIn)" : "")});
  }

  if (!notes_are_mine) {
    notes_withheld_ += static_cast<int>(incoming.notes.size());
    incoming.notes.clear();
  }
  PeopleIndex::Keys keys = PeopleIndex::KeysOf(incoming, OrgName(incoming.org));
  const auto match = index_.Find(keys, incoming.phones, incoming.name);
  core::PersonId id;
  if (!match) {
    ALLIES_TRY(id, Create(std::move(incoming), std::move(keys)));
  } else {
    id = match->id;
    core::Person& person = people_.at(id);
    // Notes made at import time have no time of their own; compare them by text only.
    for (auto& note : incoming.notes) {
      for (const auto& had : person.notes) {
        if (had.text == note.text) note.at = had.at;
      }
    }
    const bool changed = MergePersonFields(person, incoming);
    if (changed) ALLIES_TRY_VOID(Save(person));
    if (touched_.contains(id)) {
      ++report_.merged;
    } else if (changed) {
      ++report_.updated;
      touched_.insert(id);
      Sample(fmt::format("~ {} (matched by {})", person.name, match->reason));
    } else {
      ++report_.unchanged;
    }
  }
  if (!manager.empty()) managers_.push_back({id, manager});
  return {};
}

core::Result<void> Importer::ResolveManagers() {
  for (const auto& pending : managers_) {
    core::Person& person = people_.at(pending.person);
    std::optional<core::PersonId> manager;
    if (pending.manager.find('@') != std::string::npos) {
      manager = index_.FindEmail(pending.manager);
    } else {
      auto named = index_.FindName(pending.manager);
      if (named.size() == 1) manager = named.front();
    }
    if (manager && *manager != person.id && !person.reports_to) {
      person.reports_to = *manager;
      ALLIES_TRY_VOID(Save(person));
      continue;
    }
    if (person.reports_to) continue;
    if (!people_.at(owner_).is_me) {
      ++notes_withheld_;
      continue;
    }
    // Not someone known (or not uniquely): keep the fact as a note.
    const std::string text = "Manager: " + pending.manager;
    if (std::none_of(person.notes.begin(), person.notes.end(),
                     [&](const core::Note& note) { return note.text == text; })) {
      person.notes.push_back({now_, text});
      ALLIES_TRY_VOID(Save(person));
    }
  }
  if (notes_withheld_ > 0) {
    report_.warnings.push_back(
        fmt::format("{} note{} from {}'s contacts not kept: a team member's notes are theirs alone",
                    notes_withheld_, notes_withheld_ == 1 ? "" : "s", people_.at(owner_).name));
  }
  return {};
}

}  // namespace allies::app::internal
