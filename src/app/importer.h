#pragma once
// The working state of one `allies import`; private to the app layer. Contacts and calendars
// are folded into the people already known, record by record, inside the caller's transaction.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/import_views.h"
#include "app/people_index.h"
#include "core/model.h"
#include "core/result.h"
#include "formats/calendar.h"
#include "formats/contact.h"
#include "store/store.h"

namespace allies::app::internal {

class Importer {
 public:
  Importer(store::Store& store, core::TimePoint now, const ImportInput& input,
           ImportReport& report);

  // Loads the people and organizations there are, and whose records these are.
  [[nodiscard]] core::Result<void> Prepare();
  // Merges every contact of one file.
  [[nodiscard]] core::Result<void> AddContacts(const std::string& file,
                                               const formats::ContactFile& contacts);
  // Managers named on cards become reports-to links once every card is in.
  [[nodiscard]] core::Result<void> ResolveManagers();
  // Turns every meeting of one file into an interaction of the owner.
  [[nodiscard]] core::Result<void> AddCalendar(const std::string& file,
                                               const formats::CalendarFile& calendar);

  // What the people of a meeting come to; shared by the occurrences of a series.
  struct MeetingPeople {
    // The organizer it was worked out with (kept for the occurrences of a series only).
    std::optional<formats::CalendarPerson> organizer;
    bool declined = false;                  // the owner declined
    bool no_one_else = false;               // nobody but the owner (or no one with an address)
    std::vector<core::PersonId> attendees;  // the owner first, then each person once
  };

 private:
  struct PendingManager {
    core::PersonId person;
    std::string manager;  // an email or a name
  };

  [[nodiscard]] core::Result<void> AddContact(const formats::Contact& contact,
                                              const std::string& format);
  [[nodiscard]] core::Result<std::optional<core::OrgId>> OrgFor(const std::string& name);
  const std::string& OrgName(const std::optional<core::OrgId>& org) const;
  [[nodiscard]] core::Result<core::PersonId> Create(core::Person person);
  // The same with the person's index keys, already computed (moved from).
  [[nodiscard]] core::Result<core::PersonId> Create(core::Person person, PeopleIndex::Keys&& keys);
  [[nodiscard]] core::Result<void> Save(const core::Person& person);
  // `key`: EmailKey(who.email).
  [[nodiscard]] core::Result<std::optional<core::PersonId>> Attendee(
      const formats::CalendarPerson& who, std::string_view key);
  // Works out `out` for the people of `event` (creating unknown attendees unless known_only).
  [[nodiscard]] core::Result<void> ResolvePeople(const formats::CalendarEvent& event,
                                                 MeetingPeople& out);
  void Sample(std::string line);

  store::Store& store_;
  core::TimePoint now_;
  const ImportInput& input_;
  ImportReport& report_;

  core::PersonId owner_;                          // whose calendar and contacts these are
  std::unordered_set<std::string> owner_emails_;  // EmailKey of the owner's addresses
  std::unordered_map<core::PersonId, core::Person> people_;  // live people, as they now are
  std::unordered_map<std::string, core::OrgId> orgs_by_key_;
  std::unordered_map<core::OrgId, std::string> org_names_;
  PeopleIndex index_;
  std::unordered_set<core::PersonId> touched_;  // created or changed by this import
  std::vector<PendingManager> managers_;
  // A meeting imported from a calendar, earlier or by this import, by its source: what a
  // re-import needs to tell whether it changed and to update it. Not the whole interaction: a
  // calendar of a million meetings held them all, 257-310 MB more at the import's peak.
  struct Sourced {
    core::InteractionId id;
    std::uint64_t digest = 0;  // MeetingDigest
    int energy = 0;            // the user may have rated these by hand: kept on update
    core::Purpose purpose = core::Purpose::kWork;
  };
  std::unordered_map<std::string, Sourced> sourced_;
  std::string digest_buffer_;  // scratch space of MeetingDigest
  bool sourced_loaded_ = false;
  int notes_withheld_ = 0;
  // Scratch space of ResolvePeople, reused from meeting to meeting.
  std::vector<const formats::CalendarPerson*> listed_;
  std::vector<const formats::CalendarPerson*> others_;
  std::vector<std::string> keys_;  // keys_[0, others_.size()) are the meeting's; the rest spare
  std::string key_;                // contact notes not kept because the owner is a team member
};

}  // namespace allies::app::internal
