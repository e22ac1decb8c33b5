#!/usr/bin/env bash
# Tie strength of every pair of a 2,000-person demo, computed by Allies and by an independent
# plain-Python implementation of DESIGN.md §3 (bench/reference_ties.py): the sums must agree.
set -euo pipefail
bench_scoring=$1
reference=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench_scoring" --db "$dir/demo.db" --people 2000 --csv "$dir/interactions.csv" \
  --benchmark_filter=none >"$dir/ours.txt"
python3 "$reference" "$dir/interactions.csv" >"$dir/python.txt"
ours=$(sed -n 's/^ties: \([0-9]*\), sum of strengths \([0-9.]*\)$/\1 \2/p' "$dir/ours.txt")
theirs=$(sed -n 's/^python reference: \([0-9]*\) ties, sum of strengths \([0-9.]*\)$/\1 \2/p' "$dir/python.txt")
echo "allies: $ours; python: $theirs"
[ -n "$ours" ] && [ "$ours" = "$theirs" ]
