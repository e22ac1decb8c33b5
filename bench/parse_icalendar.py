"""Parses an iCalendar file with icalendar (Debian's python3-icalendar), as the import
benchmark's Python side (issue 4): icalendar.Calendar.from_ical over the whole file, which
builds every component and decodes every property value (dates with their time zones); then
counts the VEVENT components. Recurrences are not expanded: icalendar does not do that.
Prints the wall time (reading the file included) and the process's peak RSS.

    /usr/bin/python3 bench/parse_icalendar.py FILE.ics

Output lines (read by bench/run.sh):  ICALENDAR_VEVENTS n, ICALENDAR_SECONDS s,
ICALENDAR_PEAK_MB m.
"""
import resource
import sys
import time

import icalendar


def main():
    path = sys.argv[1]
    started = time.perf_counter()
    with open(path, "rb") as stream:
        calendar = icalendar.Calendar.from_ical(stream.read())
    events = sum(1 for component in calendar.subcomponents if component.name == "VEVENT")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ICALENDAR_VEVENTS {events}")
    print(f"ICALENDAR_SECONDS {seconds:.3f}")
    print(f"ICALENDAR_PEAK_MB {peak_mb:.0f}")


if __name__ == "__main__":
    main()
