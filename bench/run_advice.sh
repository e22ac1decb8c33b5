#!/usr/bin/env bash
# Issue 5, `allies plan --week 2026-W49` on the 100,000-person demo database (target: under
# 1 s), through bench/time_advice.py: the cold run (--fresh-influence: influence over the whole
# network recomputed and stored as the snapshot), the warm run (the snapshot is current) and the
# run right after an `allies log` write (the snapshot survives it); median and best of 10 runs
# each, wall time of the whole process.
# Called by bench/run.sh; runs on its own too: bash bench/run_advice.sh [BUILD_DIR] (Release).
# The demo database is shared with section 1 of run.sh ($BENCH_DIR/demo-100k.db, written at
# 2026-11-26) and measured on a fresh copy, because a database is migrated on open and the
# runs write to it.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=${BENCH_DIR:-$build/bench-data}
mkdir -p "$data"
allies=$build/src/allies

echo "== issue 5: allies plan on the 100,000-person demo"
if [ ! -f "$data/demo-100k.db" ]; then
  "$allies" --db "$data/demo-100k.db" --now 2026-11-26 demo --people 100000 >/dev/null
fi
# A new demo database starts its influence snapshot in the background (README.md, "The influence
# snapshot"): wait for it (or compute it), untimed, before copying the file.
"$allies" --db "$data/demo-100k.db" --now 2026-11-26 influence refresh --if-due >/dev/null
work=$data/plan-100k.db
cp "$data/demo-100k.db" "$work"
rm -f "$work-wal" "$work-shm"
/usr/bin/python3 bench/time_advice.py "$allies" "$work" 2026-11-26T09:00:00Z plan 10
rm -f "$work" "$work-wal" "$work-shm"
