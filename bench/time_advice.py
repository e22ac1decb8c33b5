#!/usr/bin/env python3
"""Times `allies plan` or `allies ask-for` on a copy of the 100,000-person demo (issue 5).

Usage: time_advice.py ALLIES DB NOW plan|ask-for [RUNS]

DB is worked on in place (the caller passes a fresh copy). Four measurements, each the wall
time of the whole process over RUNS runs (default 10), median and best, and its peak RSS:
  cold         --fresh-influence: influence recomputed over the whole network and stored
  warm         the stored snapshot is current
  after a log  each run right after an `allies log` (one interaction written, untimed): the
               snapshot survives the write
  outdated     each run 8 days after the snapshot: answered from it while a process started in
               the background recomputes it (waited for, untimed, before the next run)
"""
import datetime
import os
import statistics
import subprocess
import sys
import time

allies, db, now, command = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 10
if command not in ("plan", "ask-for"):
    sys.exit(f"unknown command {command!r} (expected plan or ask-for)")


def command_args(at):
    """The timed command as of the instant `at` (ISO text): the plan is for the next week."""
    base = [allies, "--db", db, "--now", at]
    if command == "ask-for":
        return base + ["--json", "ask-for", "e-discovery for a litigation hold", "--top", "10"]
    moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
    year, week, _ = (moment + datetime.timedelta(days=7)).isocalendar()
    return base + ["plan", "--week", f"{year}-W{week:02d}"]


base = [allies, "--db", db, "--now", now]
args = command_args(now)


def timed(extra=(), at=None):
    started = time.perf_counter()
    run_args = command_args(at) if at else args
    process = subprocess.Popen(list(run_args) + list(extra), stdout=subprocess.DEVNULL)
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
# Outdated: each run 8 days after the snapshot (influence.snapshot_days is 7), so that it is too
# old; the command answers from it and starts the refresh in the background. Untimed, the
# foreground `influence refresh --if-due` then waits for that refresh (or does it), so that the
# next run starts on a quiet machine with a snapshot 8 days older than its own `now`.
outdated = []
start = datetime.datetime.fromisoformat(now.replace("Z", "+00:00"))
for k in range(runs):
    at = (start + datetime.timedelta(days=8 * (k + 1))).strftime("%Y-%m-%dT%H:%M:%SZ")
    outdated.append(timed(at=at))
    subprocess.run([allies, "--db", db, "--now", at, "influence", "refresh", "--if-due"],
                   check=True, stdout=subprocess.DEVNULL)
report("outdated (8 days on: answered from it, recomputed in the background)", outdated)
print(f"load average after: {load()}")
