#include "app/people_index.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "core/text.h"

namespace allies::app::internal {

std::string EmailKey(std::string_view address) { return core::FoldCase(core::Trim(address)); }

void EmailKeyInto(std::string_view address, std::string& key) {
  address = core::Trim(address);
  const bool ascii = std::all_of(address.begin(), address.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    key = core::FoldCase(address);
    return;
  }
  // FoldCase of ASCII text: A-Z lowered, the rest as it is.
  key.assign(address);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string PhoneKey(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) digits += c;
  }
  if (digits.size() < 7) return {};
  if (digits.size() > 10) digits.erase(0, digits.size() - 10);
  return digits;
}

std::string NameOrgKey(std::string_view name, std::string_view org_name) {
  return core::NameKey(name) + '\x1f' + core::NameKey(org_name);
}

std::string SortedNameKey(std::string_view name) {
  std::string key = core::NameKey(name);
  std::vector<std::string> words;
  std::string word;
  for (char c : key) {
    if (c == ' ' || c == ',' || c == '.') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::sort(words.begin(), words.end());
  std::string sorted;
  for (const auto& w : words) {
    if (!sorted.empty()) sorted += ' ';
    sorted += w;
  }
  return sorted;
}

namespace {

template <class T, class Key>
bool AddMissing(std::vector<T>& into, const std::vector<T>& from, Key key) {
  bool changed = false;
  for (const auto& item : from) {
    const auto item_key = key(item);
    if (std::none_of(into.begin(), into.end(), [&](const T& x) { return key(x) == item_key; })) {
      into.push_back(item);
      changed = true;
    }
  }
  return changed;
}

template <class T>
bool FillOptional(std::optional<T>& into, const std::optional<T>& from) {
  if (into || !from) return false;
  into = from;
  return true;
}

bool FillText(std::string& into, const std::string& from) {
  if (!into.empty() || from.empty()) return false;
  into = from;
  return true;
}

}  // namespace

bool MergePersonFields(core::Person& into, const core::Person& from) {
  bool changed = FillText(into.name, from.name);
  changed |= FillText(into.title, from.title);
  changed |= FillText(into.department, from.department);
  changed |= FillOptional(into.org, from.org);
  if (from.reports_to != into.id) changed |= FillOptional(into.reports_to, from.reports_to);
  if (FillOptional(into.closeness, from.closeness)) {
    into.closeness_at = from.closeness_at;
    changed = true;
  }
  changed |= FillOptional(into.cadence_days, from.cadence_days);
  changed |= AddMissing(into.emails, from.emails,
                        [](const core::Email& e) { return EmailKey(e.address); });
  changed |= AddMissing(into.phones, from.phones, [](const core::Phone& p) {
    std::string key = PhoneKey(p.number);
    return key.empty() ? core::FoldCase(p.number) : key;
  });
  changed |=
      AddMissing(into.tags, from.tags, [](const std::string& t) { return core::FoldCase(t); });
  changed |= AddMissing(into.offers, from.offers,
                        [](const core::Offer& o) { return core::FoldCase(o.key); });
  changed |=
      AddMissing(into.needs, from.needs, [](const std::string& n) { return core::FoldCase(n); });
  changed |= AddMissing(into.notes, from.notes, [](const core::Note& n) { return n.text; });
  changed |=
      AddMissing(into.dates, from.dates, [](const core::ImportantDate& d) { return d.kind; });
  if (from.is_team && !into.is_team) {
    into.is_team = true;
    changed = true;
  }
  return changed;
}

std::size_t KeyMap::SlotOf(std::uint64_t hash, std::string_view key) const {
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32U);
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.entry == 0) return at;
    if (slot.tag == tag) {
      const Entry& entry = entries_[slot.entry - 1];
      if (entry.hash == hash && KeyOf(entry) == key) return at;
    }
  }
}

void KeyMap::Grow(std::size_t slots) {
  std::size_t size = 16;
  while (size < slots) size *= 2;
  if (size <= slots_.size()) return;
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    std::size_t at = entries_[i].hash & mask;
    while (slots_[at].entry != 0) at = (at + 1) & mask;
    slots_[at] = {static_cast<std::uint32_t>(entries_[i].hash >> 32U),
                  static_cast<std::uint32_t>(i + 1)};
  }
}

void KeyMap::Reserve(std::size_t keys) {
  entries_.reserve(keys);
  Grow(2 * keys);
}

bool KeyMap::TryEmplace(std::string_view key, core::PersonId id) {
  if (2 * (entries_.size() + 1) > slots_.size()) Grow(2 * (entries_.size() + 1));
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  const std::size_t at = SlotOf(hash, key);
  if (slots_[at].entry != 0) return false;
  entries_.push_back({hash, bytes_.size(), key.size(), id});
  bytes_.append(key);
  slots_[at] = {static_cast<std::uint32_t>(hash >> 32U),
                static_cast<std::uint32_t>(entries_.size())};
  return true;
}

const KeyMap::Entry* KeyMap::Find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  const Slot& slot = slots_[SlotOf(hash, key)];
  return slot.entry == 0 ? nullptr : &entries_[slot.entry - 1];
}

void PeopleIndex::Reserve(std::size_t people) {
  by_email_.Reserve(by_email_.Size() + people);
  by_phone_.Reserve(by_phone_.Size() + people);
  by_name_org_.Reserve(by_name_org_.Size() + people);
  by_name_.reserve(by_name_.size() + people);
}

PeopleIndex::Keys PeopleIndex::KeysOf(const core::Person& person, std::string_view org_name) {
  Keys keys;
  keys.emails.reserve(person.emails.size());
  for (const auto& email : person.emails) keys.emails.push_back(EmailKey(email.address));
  keys.phones.reserve(person.phones.size());
  for (const auto& phone : person.phones) keys.phones.push_back(PhoneKey(phone.number));
  keys.name = core::NameKey(person.name);
  keys.name_org = keys.name + '\x1f' + core::NameKey(org_name);
  return keys;
}

void PeopleIndex::Add(const core::Person& person, std::string_view org_name) {
  Add(person.id, KeysOf(person, org_name));
}

void PeopleIndex::Add(core::PersonId id, Keys&& keys) {
  for (const auto& key : keys.emails) by_email_.TryEmplace(key, id);
  for (const auto& key : keys.phones) {
    if (!key.empty()) by_phone_.TryEmplace(key, id);
  }
  by_name_org_.TryEmplace(keys.name_org, id);
  auto named = by_name_.find(keys.name);
  if (named == by_name_.end()) named = by_name_.try_emplace(std::move(keys.name)).first;
  if (std::find(named->second.begin(), named->second.end(), id) == named->second.end()) {
    named->second.push_back(id);
  }
}

std::optional<PeopleIndex::Match> PeopleIndex::Find(const std::vector<core::Email>& emails,
                                                    const std::vector<core::Phone>& phones,
                                                    std::string_view name,
                                                    std::string_view org_name) const {
  core::Person person;
  person.emails = emails;
  person.phones = phones;
  person.name = std::string(name);
  return Find(KeysOf(person, org_name), phones, name);
}

std::optional<PeopleIndex::Match> PeopleIndex::Find(const Keys& keys,
                                                    const std::vector<core::Phone>& phones,
                                                    std::string_view name) const {
  for (const auto& key : keys.emails) {
    if (const auto* found = by_email_.Find(key)) {
      return Match{found->id, "email " + std::string(by_email_.KeyOf(*found))};
    }
  }
  for (std::size_t i = 0; i < keys.phones.size(); ++i) {
    if (keys.phones[i].empty()) continue;
    if (const auto* found = by_phone_.Find(keys.phones[i])) {
      return Match{found->id, "phone " + phones[i].number};
    }
  }
  if (!core::Trim(name).empty()) {
    if (const auto* found = by_name_org_.Find(keys.name_org)) {
      return Match{found->id, "name and organization"};
    }
  }
  return std::nullopt;
}

std::optional<core::PersonId> PeopleIndex::FindEmail(std::string_view address) const {
  return FindEmailKey(EmailKey(address));
}

std::optional<core::PersonId> PeopleIndex::FindEmailKey(std::string_view key) const {
  if (const auto* found = by_email_.Find(key)) return found->id;
  return std::nullopt;
}

std::vector<core::PersonId> PeopleIndex::FindName(std::string_view name) const {
  auto found = by_name_.find(core::NameKey(name));
  if (found == by_name_.end()) return {};
  return found->second;
}

}  // namespace allies::app::internal
