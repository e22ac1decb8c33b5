#!/usr/bin/env bash
# Issue 5: `allies ask-for` on the 100,000-person demo database (target: under 1 s), through
# bench/time_advice.py: the cold run (--fresh-influence: influence over the whole network
# recomputed and stored as the snapshot), the warm run (the snapshot is current) and the run
# right after an `allies log` write (the snapshot survives it); median and best of 10 runs each,
# wall time of the whole `allies --json ask-for "e-discovery for a litigation hold" --top 10`.
# Usage: bash bench/run_advice_ask.sh [BUILD_DIR]   (a Release build; default build)
# The demo is written once to $BENCH_DIR/demo-100k.db (shared with run.sh and run_advice.sh)
# and the runs work on a fresh copy.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=${BENCH_DIR:-$build/bench-data}
mkdir -p "$data"
allies=$build/src/allies
now=2026-11-26T09:00:00Z

echo "== issue 5: allies ask-for on the 100,000-person demo"
if [ ! -f "$data/demo-100k.db" ]; then
  echo "writing the 100,000-person demo to $data/demo-100k.db"
  "$allies" --db "$data/demo-100k.db" --now 2026-11-26 demo --people 100000 | tail -1
fi
# A new demo database starts its influence snapshot in the background (README.md, "The influence
# snapshot"): wait for it (or compute it), untimed, before copying the file.
"$allies" --db "$data/demo-100k.db" --now 2026-11-26 influence refresh --if-due >/dev/null
work=$data/ask-100k.db
cp "$data/demo-100k.db" "$work"
rm -f "$work-wal" "$work-shm"
/usr/bin/python3 bench/time_advice.py "$allies" "$work" "$now" ask-for 10
rm -f "$work" "$work-wal" "$work-shm"
