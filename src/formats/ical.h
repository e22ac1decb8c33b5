#pragma once
// iCalendar (RFC 5545) files -> meeting occurrences (formats/calendar.h), with libical parsing the
// components and expanding recurrence rules.
//
// What is read. Every VEVENT of every VCALENDAR in the file; other components (VTODO,
// VFREEBUSY, VJOURNAL, X-...) are skipped. One CalendarEvent per occurrence whose start lies in
// [options.since, options.until):
//  - Recurring series (RRULE, RDATE incl. comma lists and VALUE=PERIOD, which also gives that
//    instance's end) are expanded; DTSTART is always an instance. EXDATEs (incl. comma lists)
//    remove instances; they match by instant, so a UTC EXDATE removes the instance of a TZID
//    series that starts then; a DATE EXDATE removes the instances on that local day.
//  - A VEVENT with RECURRENCE-ID replaces that instance of the series with the same UID,
//    wherever it appears in the file (before its master is fine): its own start, end and text
//    are used and recurrence_id names the original instance. With RANGE=THISANDFUTURE it also
//    applies to every later instance: each is shifted by the override's move (new start minus
//    RECURRENCE-ID) and takes the override's length and text. An override whose master is not
//    in the file is an occurrence of its own (expanded when it has RRULE/RDATE, as Lotus Notes
//    writes). On an all-day series a date-time RECURRENCE-ID (Exchange) names the instance on
//    its local date.
//  - Cancelled: STATUS:CANCELLED (any case) on an event, instance override or series master, or
//    METHOD:CANCEL on the calendar. Cancelled occurrences and EXDATE-removed instances that fall
//    in the window are not produced but counted in CalendarFile::cancelled. An instance that is
//    both EXDATE-removed and overridden (Apple iCal writes both) is the override's occurrence.
//  - Times: UTC ("Z"); TZID through the file's VTIMEZONEs, IANA names, Windows zone ids and OWA
//    display names (order in ical_zones.h); floating times and all-day dates in
//    options.default_zone. An unknown TZID falls back to options.default_zone and is listed in
//    CalendarFile::unknown_zones.
//  - All-day (DTSTART;VALUE=DATE): start is local midnight of that day in default_zone; the end
//    is DTEND's midnight, or DURATION rounded up to whole days, or one day (RFC 5545 3.6.1).
//    Date-time events: end from DTEND (in its own zone) or DTSTART + DURATION; else end = start.
//  - UID missing: "allies-" + 16 hex digits of a hash of the VEVENT's text (DTSTAMP lines and
//    line ends ignored), stable across re-exports of an unchanged event.
//  - People: ORGANIZER and ATTENDEE as CalendarPerson; the address from a mailto: value (any
//    case, blanks removed, lower-case), else from the EMAIL parameter (Apple).
//  - Text: SUMMARY, LOCATION, DESCRIPTION unescaped by libical, trimmed. Invalid UTF-8 is read
//    as windows-1252.
//
// Refused VEVENTs (CalendarFile::errors, the others still come through): DTSTART missing or not
// a date/date-time (e.g. a quote that swallows the value), a malformed DTEND, DURATION,
// RECURRENCE-ID, RRULE, RDATE or EXDATE. libical parses leniently and leaves X-LIC-ERROR
// properties where it dropped one; each error names the physical line of the property (lines
// counted with CRLF, LF or a bare CR as one line end). A DATE written with a trailing Z
// ("RDATE:20131210Z", Google's birthday calendar) is read as that date.
//
// Limits: one RRULE is followed for at most kMaxInstancesPerRule instances, counted from the
// window's start (libical skips ahead), or from DTSTART when the rule has a COUNT; later
// instances are not produced.
//
// Threads: the VEVENTs are parsed by libical on CalendarOptions::threads threads (one per core
// by default), each taking runs of consecutive VEVENTs and the results joined in file order, so
// the events, errors (with their lines) and unknown zones are the same for any number of
// threads. libical 3.0 as Debian builds it keeps its error number and temporary buffers per
// thread; its table of built-in zones is filled before the threads start and only read by them,
// and the reader never has libical look a zone up by name (see ical.cc, StatedValue); the
// races left in libical are on counters nothing reads (the parser's list ids) and on the state
// of one error the parser turns off and on (never fatal here). The file's zone table is shared
// behind a mutex. Series are then expanded the same way, runs of consecutive UIDs on each
// thread and the occurrences joined in order (libical's recurrence iterators are each their
// own; the zones are shared, see ical_zones.h), and sorted on the calling thread.
// Calls of ReadCalendar from several threads are safe but run one at a time (a mutex).
//
// Cost: O(bytes + occurrences produced) after one parse of each component by libical; each
// TZID is resolved once per call (and looked up in a small per-thread cache after that).

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "formats/calendar.h"

namespace allies::formats {

inline constexpr std::size_t kMaxInstancesPerRule = 100000;

// Reads an iCalendar file. Error (kInvalidArgument) only when `bytes` has no BEGIN:VCALENDAR line
// (not an iCalendar file) or options.default_zone is not an IANA zone name; problems inside the
// file are reported per VEVENT in CalendarFile::errors.
[[nodiscard]] core::Result<CalendarFile> ReadCalendar(std::string_view bytes,
                                                      const CalendarOptions& options);
// The same, taking the bytes, which are freed once the VEVENTs are read and before the series
// are expanded (a large file is then not held beside all its occurrences).
[[nodiscard]] core::Result<CalendarFile> ReadCalendarOwned(std::string&& bytes,
                                                           const CalendarOptions& options);

}  // namespace allies::formats
