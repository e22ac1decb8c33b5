#!/usr/bin/env bash
# Section 4 of bench/run.sh (issue 4), also runnable alone: `bash bench/run_import.sh build`.
# Importing 100,000 generated vCards and a year of generated calendar (400,000 VEVENTs, about
# 1,000,000 occurrences with recurrences, exceptions and attendees from the address book), by
# Allies and, just parsing the same files, by Debian's python3-vobject and python3-icalendar.
#  - bench_import: the readers alone (ReadVcard, ReadCalendar), the files already in memory;
#  - compare_import.py allies: the whole `allies import` into a fresh database, the vCards
#    first, then the calendar (so that its attendees are matched to those people), under
#    /usr/bin/time -v (skipped, and said so, when the build has no `allies import`);
#  - compare_import.py python: vobject.readComponents and icalendar.Calendar.from_ical;
#  - compare_import.py table: side by side, the ratios and the targets (vCard import ≥ 20× faster
#    than vobject's parse, calendar import ≥ 5× faster than icalendar's).
# The files are generated under $BENCH_DIR (default BUILD/bench-data), the same bytes for the
# same seed, and rewritten only when the generator's output changed. icalendar needs about
# 11 GB of memory for the calendar (27 KB per VEVENT).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=${BENCH_DIR:-$build/bench-data}
mkdir -p "$data"
allies=$build/src/allies

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$build/bench/gen_import_files" --cards 100000 --events 400000 --occurrences 1000000 \
  --year 2026 --seed 20261126 --vcf "$data/import-100k.vcf.new" --ics "$data/import-2026.ics.new"
for file in import-100k.vcf import-2026.ics; do
  if cmp -s "$data/$file.new" "$data/$file"; then
    rm -f "$data/$file.new"
  else
    mv "$data/$file.new" "$data/$file"
  fi
done
"$build/bench/bench_import" --vcf "$data/import-100k.vcf" --ics "$data/import-2026.ics" \
  --year 2026 --repeat 3 | tee "$data/bench_import.txt"
/usr/bin/python3 bench/compare_import.py allies "$allies" "$data"
/usr/bin/python3 bench/compare_import.py python "$data"
echo
/usr/bin/python3 bench/compare_import.py table "$data" | tee "$data/import-table.txt"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
