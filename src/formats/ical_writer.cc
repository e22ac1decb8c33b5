#include "formats/ical_writer.h"

#include <fmt/format.h>

namespace allies::formats {

namespace {

constexpr std::size_t kMaxOctets = 75;

// "20261201T120000Z".
std::string UtcStamp(core::TimePoint at) {
  auto day = std::chrono::floor<std::chrono::days>(at);
  core::Date date{day};
  std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

// A parameter value in DQUOTEs: RFC 5545 allows anything there but DQUOTE and control
// characters.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || byte < 0x20 || byte == 0x7f) continue;
    out += c;
  }
  return out + "\"";
}

// An address as a URI: blanks and control characters cannot be part of it.
std::string Mailto(std::string_view email) {
  std::string out = "mailto:";
  for (char c : email) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        // Other control characters are not allowed in TEXT (RFC 5545 §3.1); tabs are.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    // The length of the UTF-8 sequence starting here (continuation bytes travel with it).
    std::size_t length = 1;
    while (i + length < line.size() &&
           (static_cast<unsigned char>(line[i + length]) & 0xC0U) == 0x80U) {
      ++length;
    }
    if (used + length > kMaxOctets) {
      out += "\r\n ";
      used = 1;  // the leading space
    }
    out.append(line.substr(i, length));
    used += length;
    i += length;
  }
  out += "\r\n";
  return out;
}

std::string WriteInvitations(std::span<const Invitation> invitations, core::TimePoint stamp,
                             std::string_view product_id) {
  std::string out;
  auto line = [&](std::string_view text) { out += FoldLine(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(fmt::format("PRODID:{}", EscapeText(product_id)));
  line("CALSCALE:GREGORIAN");
  line("METHOD:REQUEST");
  for (const Invitation& invitation : invitations) {
    line("BEGIN:VEVENT");
    line(fmt::format("UID:{}", EscapeText(invitation.uid)));
    line(fmt::format("DTSTAMP:{}", UtcStamp(stamp)));
    line(fmt::format("DTSTART:{}", UtcStamp(invitation.start)));
    line(fmt::format("DTEND:{}", UtcStamp(invitation.end)));
    line(fmt::format("SUMMARY:{}", EscapeText(invitation.summary)));
    line(fmt::format("DESCRIPTION:{}", EscapeText(invitation.description)));
    if (!invitation.location.empty()) {
      line(fmt::format("LOCATION:{}", EscapeText(invitation.location)));
    }
    if (!invitation.organizer.email.empty()) {
      line(fmt::format("ORGANIZER;CN={}:{}", Quoted(invitation.organizer.name),
                       Mailto(invitation.organizer.email)));
    }
    for (const auto& attendee : invitation.attendees) {
      if (attendee.email.empty()) continue;
      line(fmt::format("ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:{}",
                       Quoted(attendee.name), Mailto(attendee.email)));
    }
    line(fmt::format("STATUS:{}", invitation.status));
    line(fmt::format("SEQUENCE:{}", invitation.sequence));
    line("TRANSP:OPAQUE");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace allies::formats
