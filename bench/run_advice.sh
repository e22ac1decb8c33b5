#!/usr/bin/env bash
# Issue 5, the advice commands on the 100,000-person demo database (each target: under 1 s):
#  - `allies plan --week 2026-W49` (the weekly plan; influence over my neighbourhood, since the
#    database holds more than plan.full_influence_people people), wall time of the whole
#    process, 10 runs after one to warm the page cache, median and best.
# Called by bench/run.sh; runs on its own too: bash bench/run_advice.sh [BUILD_DIR].
# The demo database is shared with section 1 of run.sh ($BENCH_DIR/demo-100k.db, written at
# 2026-11-26) and measured on a fresh copy, because a database is migrated on open.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=${BENCH_DIR:-$build/bench-data}
mkdir -p "$data"
allies=$build/src/allies

echo "== issue 5: allies plan on the 100,000-person demo"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ ! -f "$data/demo-100k.db" ]; then
  "$allies" --db "$data/demo-100k.db" --now 2026-11-26 demo --people 100000 >/dev/null
fi
cp "$data/demo-100k.db" "$data/plan-100k.db"
"$allies" --db "$data/plan-100k.db" --now 2026-11-26T09:00:00Z plan --week 2026-W49 >/dev/null
/usr/bin/python3 - "$allies" "$data/plan-100k.db" <<'PY'
import statistics, subprocess, sys, time
allies, db = sys.argv[1], sys.argv[2]
args = [allies, "--db", db, "--now", "2026-11-26T09:00:00Z", "plan", "--week", "2026-W49"]
times = []
for _ in range(10):
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - started)
median = statistics.median(times)
print(f"allies plan, 100,000 people: median {median * 1000:.0f} ms, best {min(times) * 1000:.0f} ms"
      f" over 10 runs (target: under 1 s: {'met' if median < 1 else 'MISSED'})")
PY
rm -f "$data/plan-100k.db" "$data/plan-100k.db-wal" "$data/plan-100k.db-shm"
