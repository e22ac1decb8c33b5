#!/usr/bin/python3
"""Reads the invitations `allies plan --ics` wrote with python3-icalendar and checks them against
the plan's JSON: one VEVENT per item with the same start, end, description and attendee.

Usage: check_invitations.py FILE.ics PLAN.json. Prints the number of events; exits 1 with a
message on the first mismatch."""
import json
import sys

import icalendar


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    with open(sys.argv[2], encoding="utf-8") as f:
        plan = json.load(f)
    calendar = icalendar.Calendar.from_ical(raw)
    if str(calendar.get("METHOD")) != "REQUEST":
        sys.exit(f"METHOD is {calendar.get('METHOD')!r}, expected REQUEST")
    if str(calendar.get("VERSION")) != "2.0":
        sys.exit("VERSION is not 2.0")
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    items = plan["items"]
    if len(events) != len(items):
        sys.exit(f"{len(events)} events for {len(items)} items")
    for event, item in zip(events, items):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        if start.utcoffset() is None or start.utcoffset().total_seconds() != 0:
            sys.exit(f"DTSTART {start} is not in UTC")
        if start.strftime("%Y-%m-%dT%H:%M:%SZ") != item["start"]:
            sys.exit(f"DTSTART {start} differs from {item['start']}")
        if end.strftime("%Y-%m-%dT%H:%M:%SZ") != item["end"]:
            sys.exit(f"DTEND {end} differs from {item['end']}")
        if str(event.get("DESCRIPTION")) != item["invitation"]:
            sys.exit(f"DESCRIPTION differs for {item['person']['name']}")
        for key in ("UID", "DTSTAMP", "SUMMARY", "ORGANIZER"):
            if event.get(key) is None:
                sys.exit(f"{key} missing for {item['person']['name']}")
        if str(event.get("STATUS")) != "TENTATIVE" or int(event.get("SEQUENCE")) != 0:
            sys.exit("STATUS or SEQUENCE is not TENTATIVE / 0")
        attendee = event.get("ATTENDEE")
        if item["person"]["email"]:
            if attendee is None:
                sys.exit(f"ATTENDEE missing for {item['person']['name']}")
            if str(attendee).lower() != "mailto:" + item["person"]["email"].lower():
                sys.exit(f"ATTENDEE {attendee} is not {item['person']['email']}")
            if attendee.params.get("RSVP") != "TRUE":
                sys.exit("ATTENDEE has no RSVP=TRUE")
            if attendee.params.get("CN") != item["person"]["name"]:
                sys.exit(f"ATTENDEE CN {attendee.params.get('CN')!r} is not the person's name")
    print(len(events))


if __name__ == "__main__":
    main()
