#!/usr/bin/env bash
# Issue 2's benchmarks, side by side in one run:
#  1. scoring every tie of the 100,000-person demo: Allies (C++) against the same formulas in
#     plain Python (bench/reference_ties.py) on the same interactions; target under 2 s;
#  2. `allies today` on a 5,000-person database, wall time of the whole process; target 50 ms.
# Databases are made once under $BENCH_DIR (default build/bench-data) and reused.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
data=${BENCH_DIR:-$build/bench-data}
mkdir -p "$data"
allies=$build/src/allies

echo "== 1. score every tie of the 100,000-person demo"
"$build/bench/bench_scoring" --db "$data/demo-100k.db" --people 100000 --csv "$data/interactions-100k.csv" \
  --benchmark_counters_tabular=true | tee "$data/bench_scoring.txt"
python3 bench/reference_ties.py "$data/interactions-100k.csv" | tee "$data/reference.txt"
ours_ms=$(awk '/^BM_ScoreAllTies/ {print $2}' "$data/bench_scoring.txt")
py_s=$(awk '/^SCORE_SECONDS/ {print $2}' "$data/reference.txt")
python3 - "$ours_ms" "$py_s" <<'PY'
import sys
ours = float(sys.argv[1]) / 1000
py = float(sys.argv[2])
print(f"score all ties: Allies {ours:.3f} s, Python {py:.3f} s -> Allies is {py / ours:.1f}x faster"
      f" (target: under 2 s: {'met' if ours < 2 else 'MISSED'})")
PY

echo
echo "== 2. allies today on 5,000 people"
if [ ! -f "$data/demo-5k.db" ]; then
  "$allies" --db "$data/demo-5k.db" --now 2026-11-26 demo --people 5000 >/dev/null
fi
"$allies" --db "$data/demo-5k.db" --now 2026-11-26 today >/dev/null  # warm the page cache
python3 - "$allies" "$data/demo-5k.db" <<'PY'
import statistics, subprocess, sys, time
allies, db = sys.argv[1], sys.argv[2]
times = []
for _ in range(30):
    started = time.perf_counter()
    subprocess.run([allies, "--db", db, "--now", "2026-11-26", "today"], check=True,
                   stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - started) * 1000)
median = statistics.median(times)
print(f"allies today, 5,000 people: median {median:.1f} ms, min {min(times):.1f} ms over 30 runs"
      f" (target: under 50 ms: {'met' if median < 50 else 'MISSED'})")
PY
