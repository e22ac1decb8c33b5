#pragma once
// Meetings as a calendar file states them, one record per occurrence, before they meet the
// database. The iCalendar reader produces these; app/ matches attendees to people and turns each
// occurrence into an interaction. Plain values, no behaviour.

#include <cstddef>
#include <optional>
#include <string>
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
  std::string description;
  std::string status;  // upper-case STATUS ("CONFIRMED", "TENTATIVE", or empty)
  std::optional<CalendarPerson> organizer;
  std::vector<CalendarPerson> attendees;  // as listed; the organizer may appear here too
};

struct CalendarOptions {
  // Occurrences starting in [since, until) are produced; recurring series are expanded there.
  core::TimePoint since{};
  core::TimePoint until{};
  // IANA zone for floating times (no TZID, no Z) and all-day events, e.g. "Europe/Paris".
  std::string default_zone = "UTC";
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
