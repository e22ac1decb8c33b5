#pragma once
// How Allies decides that two records are the same person; private to the app layer. Used by
// `import` (to merge what arrives with who is there) and `duplicates`/`merge`.
//
// Keys: an email address case-folded; a phone's digits (the last 10 when longer, so "+1 (415)
// 555-0100" and "415.555.0100" meet; fewer than 7 digits is an extension and never matches);
// a name's NameKey together with its organization's (an empty organization is one of its own).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace allies::app::internal {

std::string EmailKey(std::string_view address);
// The same into `key`, reusing its storage (a calendar's million attendees).
void EmailKeyInto(std::string_view address, std::string& key);
// Empty when the number has too few digits to identify anyone.
std::string PhoneKey(std::string_view number);
std::string NameOrgKey(std::string_view name, std::string_view org_name);

// The same word set in another order: "Doe, John" and "john doe" meet.
std::string SortedNameKey(std::string_view name);

// Folds what `from` says into `into` without losing anything `into` has: empty fields are
// filled (name, title, department, organization, reports-to, closeness, cadence), and emails,
// phones, tags, offers, needs, notes and dates are added when not there yet (compared by key).
// Returns whether `into` changed.
bool MergePersonFields(core::Person& into, const core::Person& from);

// Strings to person ids, for the indexes that an import looks up for every record (a calendar's
// email index: millions of times):
// open addressing with linear probing over a power-of-two table of 8-byte slots (a 32-bit tag of
// the hash and an entry number), the keys' bytes one after another in a single string. A lookup
// touches a slot, an entry and the key's bytes, instead of std::unordered_map's bucket, node
// chain and rehashing of the neighbours' keys (its hash codes are not cached for a "fast" hash).
// The first key added wins; nothing is removed.
class KeyMap {
 public:
  // Adds `key` -> `id` unless `key` is there; returns whether it was added.
  bool TryEmplace(std::string_view key, core::PersonId id);
  // The id `key` maps to and the stored key; nullptr when absent.
  struct Entry {
    std::uint64_t hash = 0;
    std::size_t offset = 0;  // of the key in the key bytes
    std::size_t size = 0;
    core::PersonId id;
  };
  [[nodiscard]] const Entry* Find(std::string_view key) const;
  [[nodiscard]] std::string_view KeyOf(const Entry& entry) const {
    return std::string_view(bytes_).substr(entry.offset, entry.size);
  }
  void Reserve(std::size_t keys);
  [[nodiscard]] std::size_t Size() const { return entries_.size(); }

 private:
  struct Slot {
    std::uint32_t tag = 0;    // high half of the hash
    std::uint32_t entry = 0;  // entry number + 1; 0: empty
  };
  [[nodiscard]] std::size_t SlotOf(std::uint64_t hash, std::string_view key) const;
  void Grow(std::size_t slots);

  std::vector<Slot> slots_;  // size 0 or a power of two, at most half full
  std::vector<Entry> entries_;
  std::string bytes_;
};

// Live people by email, phone and name-within-organization. The first person to claim a key
// keeps it.
class PeopleIndex {
 public:
  // A person's keys, computed once for a Find and the Add that may follow it.
  struct Keys {
    std::vector<std::string> emails;  // EmailKey of each address, in order
    std::vector<std::string> phones;  // PhoneKey of each number, in order (empty ones too)
    std::string name_org;             // NameOrgKey
    std::string name;                 // NameKey
  };
  static Keys KeysOf(const core::Person& person, std::string_view org_name);

  void Add(const core::Person& person, std::string_view org_name);
  // The same with the person's keys (moved from).
  void Add(core::PersonId id, Keys&& keys);
  // Makes room for `people` more people without rehashing.
  void Reserve(std::size_t people);

  // The person `emails`, then `phones`, then (name, org) point to, in that order of trust.
  struct Match {
    core::PersonId id;
    std::string reason;  // "email ana@example.com", "phone 4155550100", "name and organization"
  };
  std::optional<Match> Find(const std::vector<core::Email>& emails,
                            const std::vector<core::Phone>& phones, std::string_view name,
                            std::string_view org_name) const;
  // The same with the keys of the person `phones` and `name` belong to.
  std::optional<Match> Find(const Keys& keys, const std::vector<core::Phone>& phones,
                            std::string_view name) const;
  std::optional<core::PersonId> FindEmail(std::string_view address) const;
  // The same for an address already made a key by EmailKey.
  std::optional<core::PersonId> FindEmailKey(std::string_view key) const;
  // Everyone whose NameKey is `name`'s, whatever their organization.
  std::vector<core::PersonId> FindName(std::string_view name) const;

 private:
  // Searched by string_view without building a std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };
  KeyMap by_email_;
  KeyMap by_phone_;
  KeyMap by_name_org_;
  std::unordered_map<std::string, std::vector<core::PersonId>, KeyHash, std::equal_to<>> by_name_;
};

}  // namespace allies::app::internal
