#!/usr/bin/python3
"""Issue 4's import benchmark: the whole `allies import` and Python's vobject and icalendar
parsing the same generated files (bench/gen_import_files.cc), and the side-by-side table.

    /usr/bin/python3 bench/compare_import.py allies ALLIES DATA
        imports DATA/import-100k.vcf into a fresh database DATA/import.db (after `allies init`
        with the calendar owner's address, untimed), then
        DATA/import-2026.ics into the same database (so that attendees meet the people), each
        under /usr/bin/time -v; between the two, SQLite alone writes the vCard import's rows
        into DATA/floor.db (sqlite_floor, the ceiling of any import through SQLite); writes
        DATA/allies-import.json. Skipped (and said so) when the build has no `allies import`
        yet.
    /usr/bin/python3 bench/compare_import.py python DATA
        runs bench/parse_vobject.py on the vCards (best of VCARD_RUNS) and
        bench/parse_icalendar.py on the calendar (once), with Debian's /usr/bin/python3;
        writes DATA/python-import.json
    /usr/bin/python3 bench/compare_import.py table DATA
        prints Allies (reader only, from DATA/bench_import.txt, and whole import) next to
        vobject and icalendar, with the ratios and the targets

Repetitions: the vCard sides run VCARD_RUNS times each (best run counts, the machine is shared);
the calendar sides, minutes long, once each.
"""

import json
import os
import re
import resource
import subprocess
import sys
import time

VCARD_RUNS = 3
YEAR = 2026
VCF = "import-100k.vcf"
ICS = f"import-{YEAR}.ics"
HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, stdout_path=None):
    """Runs command; returns (wall seconds, peak RSS MB, stdout text); stdout is also written to
    stdout_path when given. /usr/bin/time -v gives
    the child's peak RSS; without it, the kernel's accounting of waited-for children."""
    started = time.perf_counter()
    if os.path.exists("/usr/bin/time"):
        result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    else:
        result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}")
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    match = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    if match:
        hours, minutes, seconds = match.groups()
        wall = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
        rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                               result.stderr).group(1)) / 1024
    if stdout_path:
        with open(stdout_path, "w", encoding="utf-8") as out:
            out.write(result.stdout)
    return wall, rss_mb, result.stdout


def fresh_database(allies, db):
    """Removes db and its WAL files and makes it anew with `allies init`, saying who "me" is
    (the calendar's owner, so that the calendar import recognises me among the attendees);
    never timed."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([allies, "--db", db, "init", "--name", "Alex Morgan", "--email",
                    "me@allies-bench.example"], check=True, stdout=subprocess.DEVNULL)


def has_import(allies):
    result = subprocess.run([allies, "import", "--help"], capture_output=True, text=True)
    return result.returncode == 0 and "import" in result.stdout + result.stderr


def run_allies(allies, data):
    out_path = os.path.join(data, "allies-import.json")
    if not has_import(allies):
        print("allies import: not in this build (`allies import --help` fails); the whole-import"
              " rows are left out")
        with open(out_path, "w", encoding="utf-8") as out:
            json.dump({"available": False}, out)
        return
    db = os.path.join(data, "import.db")
    vcf = os.path.join(data, VCF)
    ics = os.path.join(data, ICS)
    figures = {"available": True, "vcard_runs": []}
    # The vCards: VCARD_RUNS fresh databases, best run counts; the last one stays for the
    # calendar, whose attendees are matched to these people.
    for run in range(VCARD_RUNS):
        fresh_database(allies, db)
        # No influence refresh in the background after the imports (README.md, "The influence
        # snapshot"): it would compete with the next measurement for the two cores. The
        # import's own time never includes it.
        subprocess.run([allies, "--db", db, "config", "set", "influence.background_people", "0"],
                       check=True, stdout=subprocess.DEVNULL)
        wall, rss, stdout = timed([allies, "--db", db, "import", vcf, "--json"],
                                  os.path.join(data, "allies-import-vcf.json"))
        summary = json.loads(stdout)
        figures["vcard_runs"].append({"seconds": wall, "peak_mb": rss, "summary": summary})
        print(f"allies import {VCF} (run {run + 1}): {wall:.2f} s, peak {rss:.0f} MB, "
              f"created {summary.get('created')}, errors {len(summary.get('errors', []))}")
    figures["sqlite_floor"] = sqlite_floor(allies, data, db)
    wall, rss, stdout = timed([allies, "--db", db, "import", ics, "--since", f"{YEAR}-01-01",
                               "--until", f"{YEAR + 1}-01-01", "--json"],
                              os.path.join(data, "allies-import-ics.json"))
    summary = json.loads(stdout)
    figures["ics"] = {"seconds": wall, "peak_mb": rss, "summary": summary}
    print(f"allies import {ICS}: {wall:.2f} s, peak {rss:.0f} MB, interactions "
          f"{summary.get('interactions')}, created {summary.get('created')}, "
          f"errors {len(summary.get('errors', []))}")
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(figures, out, indent=1)


# What the person indexes are rebuilt with after a bulk load (SqliteStore::RecreateIndexes).
PERSON_INDEXES = ("person_name_key", "person_department_key", "person_org", "person_email_key",
                  "person_tag_key")
PERSON_TABLES = ("person_email", "person_phone", "person_tag", "person_note", "person_date")


def sqlite_floor(allies, data, source):
    """SQLite alone writing what the vCard import wrote: into a fresh database (`allies init`,
    untimed), with Allies' connection settings and bulk-load steps, set-based INSERT ... SELECT
    from the imported database `source` (organizations, people, their child rows and full-text
    rows), the person indexes dropped and rebuilt as the store rebuilds them, and the COMMIT
    with its WAL checkpoint. No parsing, no matching, no per-row statements: what any import
    through SQLite's one writer needs at least on this machine (reading `source` is the only
    work the import does not do). Best of VCARD_RUNS; returns the phases of the best run."""
    import sqlite3  # Debian's python3 uses Debian's libsqlite3, the one Allies links

    best = None
    floor_db = os.path.join(data, "floor.db")
    for _ in range(VCARD_RUNS):
        fresh_database(allies, floor_db)
        con = sqlite3.connect(floor_db, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                       "temp_store = MEMORY", "cache_size = -262144"):
            con.execute(f"PRAGMA {pragma}")
        started = time.perf_counter()
        con.execute("ATTACH DATABASE ? AS src", (source,))
        con.execute("BEGIN IMMEDIATE")
        (known,) = con.execute("SELECT coalesce(max(id), 0) FROM main.person").fetchone()
        indexes = []
        for name in PERSON_INDEXES:
            (sql,) = con.execute("SELECT sql FROM main.sqlite_schema WHERE name = ?",
                                 (name,)).fetchone()
            indexes.append(sql)
            con.execute(f"DROP INDEX main.{name}")
        con.execute("INSERT INTO main.org SELECT * FROM src.org")
        con.execute("INSERT INTO main.person SELECT * FROM src.person WHERE id > ?", (known,))
        for table in PERSON_TABLES:
            con.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table} "
                        f"WHERE person_id > ?", (known,))
        con.execute("INSERT INTO main.person_text (rowid, offers, needs, notes) "
                    "SELECT rowid, offers, needs, notes FROM src.person_text WHERE rowid > ?",
                    (known,))
        rows = time.perf_counter()
        for pragma in ("cache_size = -4096", "cache_spill = -262144", "threads = 2",
                       "temp_store = FILE"):
            con.execute(f"PRAGMA {pragma}")
        for sql in indexes:
            con.execute(sql)
        built = time.perf_counter()
        con.execute("COMMIT")
        committed = time.perf_counter()
        con.close()
        closed = time.perf_counter()
        run = {"seconds": closed - started, "rows": rows - started, "indexes": built - rows,
               "commit": committed - built, "close": closed - committed}
        if best is None or run["seconds"] < best["seconds"]:
            best = run
        print(f"SQLite alone, the same rows (INSERT ... SELECT): {run['seconds']:.2f} s: rows "
              f"{run['rows']:.2f} s, person indexes {run['indexes']:.2f} s, COMMIT with its "
              f"checkpoint {run['commit']:.2f} s, close {run['close']:.2f} s")
    return best


def lines_of(text):
    """KEY value lines -> dict of floats."""
    values = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and re.fullmatch(r"[A-Z_]+", parts[0]):
            values[parts[0]] = float(parts[1])
    return values


def run_python(data):
    figures = {"vcard_runs": []}
    for run in range(VCARD_RUNS):
        _, _, stdout = timed(["/usr/bin/python3", os.path.join(HERE, "parse_vobject.py"),
                              os.path.join(data, VCF)])
        values = lines_of(stdout)
        figures["vcard_runs"].append(values)
        print(f"vobject {VCF} (run {run + 1}): {values['VOBJECT_SECONDS']:.2f} s, "
              f"peak {values['VOBJECT_PEAK_MB']:.0f} MB, {values['VOBJECT_CARDS']:.0f} cards")
    _, _, stdout = timed(["/usr/bin/python3", os.path.join(HERE, "parse_icalendar.py"),
                          os.path.join(data, ICS)])
    values = lines_of(stdout)
    figures["ics"] = values
    print(f"icalendar {ICS}: {values['ICALENDAR_SECONDS']:.2f} s, "
          f"peak {values['ICALENDAR_PEAK_MB']:.0f} MB, {values['ICALENDAR_VEVENTS']:.0f} VEVENTs")
    with open(os.path.join(data, "python-import.json"), "w", encoding="utf-8") as out:
        json.dump(figures, out, indent=1)


def verdict(ratio, target):
    return "met" if ratio >= target else "MISSED"


def table(data):
    with open(os.path.join(data, "bench_import.txt"), encoding="utf-8") as f:
        reader = lines_of(f.read())
    with open(os.path.join(data, "python-import.json"), encoding="utf-8") as f:
        python = json.load(f)
    allies = {"available": False}
    path = os.path.join(data, "allies-import.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            allies = json.load(f)
    vobject_s = min(run["VOBJECT_SECONDS"] for run in python["vcard_runs"])
    vobject_mb = max(run["VOBJECT_PEAK_MB"] for run in python["vcard_runs"])
    ical_s = python["ics"]["ICALENDAR_SECONDS"]
    ical_mb = python["ics"]["ICALENDAR_PEAK_MB"]
    print(f"| step | Allies | Python | Python / Allies | target |")
    print(f"|---|---|---|---|---|")
    print(f"| 100,000 vCards: reader only (ReadVcard, file in memory) | "
          f"{reader['VCARD_SECONDS']:.3f} s | vobject {vobject_s:.1f} s, {vobject_mb:.0f} MB | "
          f"{vobject_s / reader['VCARD_SECONDS']:.1f}× | |")
    if allies.get("available"):
        best = min(allies["vcard_runs"], key=lambda run: run["seconds"])
        ratio = vobject_s / best["seconds"]
        print(f"| 100,000 vCards: whole `allies import` into a fresh database | "
              f"{best['seconds']:.2f} s, {best['peak_mb']:.0f} MB | vobject {vobject_s:.1f} s | "
              f"{ratio:.1f}× | ≥ 20×: {verdict(ratio, 20)} |")
    if allies.get("sqlite_floor"):
        floor = allies["sqlite_floor"]["seconds"]
        print(f"| 100,000 vCards: SQLite alone writing the same rows, indexes and commit "
              f"(`INSERT … SELECT`, no parsing or matching) | {floor:.2f} s | vobject "
              f"{vobject_s:.1f} s | {vobject_s / floor:.1f}× | the most any import through "
              f"SQLite could reach |")
    print(f"| calendar ({python['ics']['ICALENDAR_VEVENTS']:,.0f} VEVENTs, "
          f"{reader['ICS_OCCURRENCES']:,.0f} occurrences): reader only (ReadCalendar) | "
          f"{reader['ICS_SECONDS']:.2f} s | icalendar {ical_s:.1f} s, {ical_mb:.0f} MB | "
          f"{ical_s / reader['ICS_SECONDS']:.1f}× | |")
    if allies.get("available"):
        ics = allies["ics"]
        ratio = ical_s / ics["seconds"]
        print(f"| calendar: whole `allies import` (after the vCards) | {ics['seconds']:.2f} s, "
              f"{ics['peak_mb']:.0f} MB | icalendar {ical_s:.1f} s | {ratio:.1f}× | "
              f"≥ 5×: {verdict(ratio, 5)} |")
    else:
        print("| whole `allies import` | not in this build | | | not measured |")
    print()
    print(f"reader: {reader['VCARD_CONTACTS']:.0f} contacts ({reader['VCARD_ERRORS']:.0f} refused,"
          f" {reader['VCARD_PHOTOS']:.0f} photos skipped); {reader['ICS_OCCURRENCES']:.0f}"
          f" occurrences in {YEAR} ({reader['ICS_CANCELLED']:.0f} cancelled or excluded,"
          f" {reader['ICS_ERRORS']:.0f} VEVENTs refused), {reader['ICS_ATTENDEES']:.0f} attendee"
          f" entries; reader peak {reader['PEAK_MB']:.0f} MB")
    if allies.get("available"):
        def brief(summary):
            return ", ".join(f"{key} {summary[key]}" for key in
                             ("created", "merged", "skipped", "interactions") if key in summary) + \
                f", errors {len(summary.get('errors', []))}"
        print(f"import: vCards: {brief(allies['vcard_runs'][-1]['summary'])}; calendar: "
              f"{brief(allies['ics']['summary'])}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "allies":
        run_allies(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "python":
        run_python(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
