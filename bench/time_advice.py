#!/usr/bin/env python3
"""Times `allies plan` or `allies ask-for` on a copy of the 100,000-person demo (issue 5).

Usage: time_advice.py ALLIES DB NOW plan|ask-for [RUNS]

DB is worked on in place (the caller passes a fresh copy). Four measurements, each the wall
time of the whole process over RUNS runs (default 10), median and best, and its peak RSS:
  cold         --fresh-influence: influence recomputed over the whole network and stored
  warm         the stored snapshot is current
  after a log  each run right after an `allies log` (one interaction written, untimed): the
               snapshot survives the write
"""
import os
import statistics
import subprocess
import sys
import time

allies, db, now, command = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 10
base = [allies, "--db", db, "--now", now]
if command == "plan":
    args = base + ["plan", "--week", "2026-W49"]
elif command == "ask-for":
    args = base + ["--json", "ask-for", "e-discovery for a litigation hold", "--top", "10"]
else:
    sys.exit(f"unknown command {command!r} (expected plan or ask-for)")


def timed(extra=()):
    started = time.perf_counter()
    process = subprocess.Popen(list(args) + list(extra), stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        sys.exit(f"{' '.join(args)} failed with status {status}")
    return elapsed, usage.ru_maxrss


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def report(label, samples):
    times = [t for t, _ in samples]
    median = statistics.median(times)
    verdict = "under 1 s" if median < 1 else "OVER 1 s"
    print(f"{command} {label}: median {median * 1000:.0f} ms, best {min(times) * 1000:.0f} ms, "
          f"peak RSS {max(r for _, r in samples) // 1024} MB over {len(times)} runs ({verdict})")


print(f"load average before: {load()} on {os.cpu_count()} cores")
cold = [timed(["--fresh-influence"]) for _ in range(runs)]
report("cold (--fresh-influence: recomputed and stored)", cold)
warm = [timed() for _ in range(runs)]
report("warm (snapshot current)", warm)
after = []
for k in range(runs):
    subprocess.run(base + ["log", "coffee", "--with", "42", "--at",
                           f"2026-11-25T{8 + k:02d}:00:00Z"],
                   check=True, stdout=subprocess.DEVNULL)
    after.append(timed())
report("right after an `allies log` write", after)
print(f"load average after: {load()}")
