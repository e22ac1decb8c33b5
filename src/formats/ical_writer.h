#pragma once
// Meeting invitations out as iCalendar (RFC 5545), for iTIP REQUEST (RFC 5546): what `allies plan
// --ics` writes so that a calendar program offers to send or accept each meeting.
//
// What is written: one VCALENDAR (VERSION:2.0, PRODID, CALSCALE:GREGORIAN, METHOD:REQUEST) with
// one VEVENT per invitation: UID, DTSTAMP, DTSTART and DTEND in UTC ("Z"), SUMMARY, DESCRIPTION,
// LOCATION when given, ORGANIZER and ATTENDEE (ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION,
// RSVP=TRUE) as mailto: addresses with CN, STATUS, SEQUENCE, TRANSP:OPAQUE. TEXT values are
// escaped (backslash, semicolon, comma, newline); CN parameters are quoted, with characters a
// quoted parameter cannot hold (DQUOTE, control characters) dropped. Lines end in CRLF and are
// folded at 75 octets without splitting a UTF-8 sequence. A person without an email address is
// left out (ORGANIZER or ATTENDEE needs a calendar address).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace allies::formats {

struct InvitationPerson {
  std::string name;
  std::string email;  // without "mailto:"; empty: left out
};

struct Invitation {
  std::string uid;  // stable across re-exports of the same meeting
  core::TimePoint start{};
  core::TimePoint end{};
  std::string summary;
  std::string description;
  std::string location;  // may be empty
  InvitationPerson organizer;
  std::vector<InvitationPerson> attendees;
  std::string status = "TENTATIVE";  // CONFIRMED, TENTATIVE or CANCELLED
  int sequence = 0;
};

// The iCalendar text of `invitations`; DTSTAMP is `stamp`. O(bytes written).
std::string WriteInvitations(std::span<const Invitation> invitations, core::TimePoint stamp,
                             std::string_view product_id);

// The TEXT value escaping of RFC 5545 §3.3.11: \\ \; \, and newlines as \n (CR dropped).
std::string EscapeText(std::string_view text);

// One content line folded at 75 octets (continuation lines start with a space), with CRLF at
// the end of every physical line. Never splits a UTF-8 sequence.
std::string FoldLine(std::string_view line);

}  // namespace allies::formats
