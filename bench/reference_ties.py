#!/usr/bin/env python3
"""Tie strength of every pair, in plain Python: what a data-minded user would write.

Reads the interactions CSV written by `bench_scoring --csv` and scores every pair that attended
something together with the model of DESIGN.md section 3 (defaults). Prints the number of ties,
the sum of strengths (to check it against Allies) and the time taken.

This is an independent implementation of the same formulas, written from DESIGN.md, not from
the C++ code.
"""
import csv
import math
import sys
import time

NOW = 1795651200  # 2026-11-26T00:00:00Z, as bench_scoring uses
HALF_LIFE = 90.0
SATURATION = 6.0
FLOOR = 0.75
ONE_WAY_CAP = 0.2
IN_PERSON = {"lunch", "coffee", "walk", "meeting", "offsite"}


def weight(kind, setting, n):
    if kind == "message":
        return 0.5
    if kind == "event":
        return 1.0
    if n > 2:
        return 2.0 / (n - 1)
    if kind in ("call", "video"):
        return 1.5
    return 3.0 if setting == "relaxed" else 2.0


def main(path):
    started = time.perf_counter()
    with open(path, newline="") as f:
        rows = [(int(r["at"]), r["kind"], r["setting"], int(r["initiator"]),
                 [int(x) for x in r["attendees"].split(";")]) for r in csv.DictReader(f)]
    loaded = time.perf_counter()

    # The same work as ScoreTies: group contacts by pair, then score each pair.
    pairs = {}
    for at, kind, setting, initiator, attendees in rows:
        if at > NOW:
            continue
        people = sorted(set(attendees))
        n = len(people)
        if n < 2:
            continue
        w = weight(kind, setting, n)
        is_message = kind == "message"
        for i in range(n):
            for j in range(i + 1, n):
                pairs.setdefault((people[i], people[j]), []).append(
                    (at, w, initiator, is_message))

    total = 0.0
    for (a, b), contacts in pairs.items():
        best = {}
        mine = theirs = 0
        all_messages = True
        for at, w, initiator, is_message in contacts:
            day = at // 86400
            if day not in best or (w, at) > best[day]:
                best[day] = (w, at)
            mine += initiator == a
            theirs += initiator == b
            all_messages = all_messages and is_message
        contact = sum(w * 2 ** (-((NOW - at) / 86400.0) / HALF_LIFE) for w, at in best.values())
        s = 1 - math.exp(-contact / SATURATION)
        r = 1 - abs(mine - theirs) / (mine + theirs) if mine + theirs else 1.0
        s *= FLOOR + (1 - FLOOR) * r
        if all_messages and (mine == 0 or theirs == 0):
            s = min(s, ONE_WAY_CAP)
        total += s
    done = time.perf_counter()
    print(f"python reference: {len(pairs)} ties, sum of strengths {total:.6f}")
    print(f"python reference: read the CSV in {loaded - started:.2f} s; "
          f"grouped and scored in {done - loaded:.2f} s")
    print(f"SCORE_SECONDS {done - loaded:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
