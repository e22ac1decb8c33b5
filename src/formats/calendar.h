#pragma once
// Meetings as a calendar file states them, one record per occurrence, before they meet the
// database. The iCalendar reader produces these; app/ matches attendees to people and turns each
// occurrence into an interaction. Plain values, no behaviour.

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"
#include "formats/contact.h"

namespace allies::formats {

struct CalendarPerson {
  std::string email;         // lower-case address without "mailto:" and without stray blanks;
                             // empty when the file gives none
  std::string name;          // CN, unquoted
  std::string partstat;      // upper-case PARTSTAT ("ACCEPTED", "DECLINED", "TENTATIVE",
                             // "NEEDS-ACTION", ...); empty when not stated
  std::string role;          // upper-case ROLE ("CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT", ...)
  bool is_resource = false;  // CUTYPE=RESOURCE or ROOM: a room or a projector, not a person
  bool operator==(const CalendarPerson&) const = default;
};

// The attendees of a meeting, read-only once built. The occurrences of one VEVENT (a recurring
// series) share one list: copying an AttendeeList copies a pointer, not the people, so a series
// of 50 meetings holds its attendees once (a calendar of a million occurrences and five million
// attendee entries copies and frees far less). Reads like a const std::vector.
class AttendeeList {
 public:
  using const_iterator = std::vector<CalendarPerson>::const_iterator;

  AttendeeList() = default;
  explicit AttendeeList(std::vector<CalendarPerson> people)
      : people_(people.empty()
                    ? nullptr
                    : std::make_shared<const std::vector<CalendarPerson>>(std::move(people))) {}
  AttendeeList(std::initializer_list<CalendarPerson> people)
      : AttendeeList(std::vector<CalendarPerson>(people)) {}

  // The names of std::vector, so that range-for, algorithms and code written for a vector work.
  // NOLINTBEGIN(readability-identifier-naming)
  [[nodiscard]] std::size_t size() const { return people_ ? people_->size() : 0; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] const_iterator begin() const {
    return people_ ? people_->begin() : Empty().begin();
  }
  [[nodiscard]] const_iterator end() const { return people_ ? people_->end() : Empty().end(); }
  [[nodiscard]] const CalendarPerson& operator[](std::size_t i) const { return (*people_)[i]; }
  [[nodiscard]] const CalendarPerson& at(std::size_t i) const {
    return people_ ? people_->at(i) : Empty().at(i);
  }
  // NOLINTEND(readability-identifier-naming)
  // The same people in the same order (whether shared or not).
  bool operator==(const AttendeeList& other) const {
    return people_ == other.people_ || std::equal(begin(), end(), other.begin(), other.end());
  }

  // Identifies the shared list: equal for copies of one list (the occurrences of one VEVENT),
  // null for an empty one. Lets a reader work out what depends only on the people once per list.
  [[nodiscard]] const void* Identity() const { return people_.get(); }
  // How many occurrences hold this list (0 when empty).
  [[nodiscard]] long Holders() const { return people_.use_count(); }

 private:
  static const std::vector<CalendarPerson>& Empty() {
    static const std::vector<CalendarPerson> empty;
    return empty;
  }
  std::shared_ptr<const std::vector<CalendarPerson>> people_;
};

// One occurrence of a meeting: a single event, or one instance of a recurring series (with any
// RECURRENCE-ID override applied). Cancelled events and cancelled or excluded instances are
// never produced.
struct CalendarEvent {
  std::size_t line = 0;  // line of the BEGIN:VEVENT that defines this occurrence
  std::string uid;       // UID; when the file has none, a stable hash of the event's text
  // Empty for a single event; else the instance's original start, as "YYYYMMDDTHHMMSSZ" (UTC) or
  // "YYYYMMDD" for all-day series. (uid, recurrence_id) identifies the occurrence across
  // re-imports.
  std::string recurrence_id;
  core::TimePoint start{};  // UTC
  core::TimePoint end{};    // UTC; equals start when a date-time event states no end or
                            // duration (an all-day event without one lasts one day, RFC 5545)
  bool all_day = false;     // DTSTART;VALUE=DATE: start is local midnight of that day
  std::string summary;
  std::string location;
  std::string description;  // empty unless CalendarOptions::descriptions
  std::string status;       // upper-case STATUS ("CONFIRMED", "TENTATIVE", or empty)
  std::optional<CalendarPerson> organizer;
  AttendeeList attendees;  // as listed; the organizer may appear here too. Shared by the
                           // occurrences of one series
};

struct CalendarOptions {
  // Occurrences starting in [since, until) are produced; recurring series are expanded there.
  core::TimePoint since{};
  core::TimePoint until{};
  // IANA zone for floating times (no TZID, no Z) and all-day events, e.g. "Europe/Paris".
  std::string default_zone = "UTC";
  // Threads that read the VEVENTs and expand the series (0: one per core). The result is the
  // same for any number.
  std::size_t threads = 0;
  // Whether DESCRIPTION is kept. Often the longest text of an event, and repeated in every
  // occurrence of a series: the import asks for it only with --keep-notes.
  bool descriptions = true;
};

struct CalendarFile {
  std::vector<CalendarEvent> events;  // sorted by start, then uid, then recurrence_id
  std::vector<RecordError> errors;    // VEVENTs refused (with the line and property)
  std::size_t cancelled = 0;          // occurrences in the window skipped as cancelled/excluded
  std::string producer;               // PRODID, when stated
  // Added for the iCalendar reader: TZIDs that neither a VTIMEZONE of the file nor the IANA or
  // Windows zone tables know; their times were read in options.default_zone. The app can warn.
  std::vector<std::string> unknown_zones;
};

}  // namespace allies::formats
