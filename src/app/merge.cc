// `allies duplicates` and `allies merge`: the same person arriving twice.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/people_index.h"
#include "app/transaction.h"
#include "core/text.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace {

using Pair = std::pair<core::PersonId, core::PersonId>;

// Adds `reason` to every pair of the people sharing one key.
void PairUp(const std::vector<core::PersonId>& ids, const std::string& reason,
            std::map<Pair, std::vector<std::string>>& pairs) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      Pair pair{std::min(ids[i], ids[j]), std::max(ids[i], ids[j])};
      auto& reasons = pairs[pair];
      if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
        reasons.push_back(reason);
      }
    }
  }
}

}  // namespace

Result<std::vector<DuplicateView>> App::Duplicates() {
  return InTransaction([&]() -> Result<std::vector<DuplicateView>> {
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    std::map<std::string, std::vector<core::PersonId>> by_email;
    std::map<std::string, std::vector<core::PersonId>> by_phone;
    std::map<std::string, std::vector<core::PersonId>> by_name;
    std::map<std::string, std::vector<core::PersonId>> by_words;
    std::vector<core::PersonId> ids;
    for (const auto& [id, person] : directory.people) {
      if (person.stamps.deleted_at) continue;
      ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    for (auto id : ids) {
      const auto& person = directory.people.at(id);
      for (const auto& email : person.emails) {
        auto& list = by_email[internal::EmailKey(email.address)];
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
      }
      for (const auto& phone : person.phones) {
        const std::string key = internal::PhoneKey(phone.number);
        if (key.empty()) continue;
        auto& list = by_phone[key];
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
      }
      by_name[core::NameKey(person.name)].push_back(id);
      by_words[internal::SortedNameKey(person.name)].push_back(id);
    }
    std::map<Pair, std::vector<std::string>> pairs;
    for (const auto& [email, list] : by_email) PairUp(list, "same email " + email, pairs);
    for (const auto& [phone, list] : by_phone) PairUp(list, "same phone number", pairs);
    for (const auto& [name, list] : by_name) PairUp(list, "same name", pairs);
    for (const auto& [words, list] : by_words) {
      if (list.size() < 2) continue;
      // Only pairs the plain name rule did not already find.
      for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          const auto& a = directory.people.at(list[i]);
          const auto& b = directory.people.at(list[j]);
          if (core::NameKey(a.name) != core::NameKey(b.name)) {
            PairUp({list[i], list[j]}, "same name in another order", pairs);
          }
        }
      }
    }
    std::vector<DuplicateView> views;
    for (auto& [pair, reasons] : pairs) {
      const auto& a = directory.people.at(pair.first);
      const auto& b = directory.people.at(pair.second);
      if (a.org && b.org && a.org != b.org &&
          std::all_of(reasons.begin(), reasons.end(),
                      [](const std::string& r) { return r.starts_with("same name"); })) {
        reasons.push_back("but at different organizations");
      }
      views.push_back({directory.Ref(pair.first), directory.Ref(pair.second), std::move(reasons)});
    }
    // Strongest evidence first: an email or phone beats a name.
    std::stable_sort(views.begin(), views.end(),
                     [](const DuplicateView& x, const DuplicateView& y) {
                       auto rank = [](const DuplicateView& v) {
                         return v.reasons.front().starts_with("same name") ? 1 : 0;
                       };
                       return rank(x) < rank(y);
                     });
    return views;
  });
}

Result<MergeView> App::Merge(const std::string& keep_ref, const std::string& other_ref) {
  return InTransaction([&]() -> Result<MergeView> {
    ALLIES_TRY(auto keep, internal::ResolvePerson(store_, keep_ref));
    ALLIES_TRY(auto other, internal::ResolvePerson(store_, other_ref));
    if (keep.id == other.id) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} and {} are the same person ({}, #{}); nothing to merge",
                              internal::Quote(keep_ref), internal::Quote(other_ref), keep.name,
                              keep.id.value));
    }
    // Me stays me: merging me into someone keeps my record.
    if (other.is_me) std::swap(keep, other);
    ALLIES_TRY_VOID(store_.ReassignPerson(other.id, keep.id));
    if (other.reports_to == keep.id) other.reports_to.reset();
    internal::MergePersonFields(keep, other);
    if (keep.reports_to == other.id) keep.reports_to.reset();
    keep.notes.push_back({now_, fmt::format("Merged with {} (#{})", other.name, other.id.value)});
    // The merged record stays, removed, for the record; `person undo` can bring it back.
    other.stamps.deleted_at = now_;
    other.is_team = false;
    other.reports_to.reset();
    ALLIES_TRY_VOID(store_.UpdatePerson(other));
    ALLIES_TRY_VOID(store_.UpdatePerson(keep));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    return MergeView{directory.Ref(keep.id), directory.Ref(other.id), keep};
  });
}

}  // namespace allies::app
