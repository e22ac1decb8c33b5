#!/usr/bin/env bash
# Formatting (clang-format) and static analysis (clang-tidy) of every C++ file of ours. Fails on
# the first finding, so that main stays clean.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
mapfile -t files < <(find src tests bench \( -name '*.cc' -o -name '*.h' \) | sort)
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '^src/.*\.cc$' | grep -v '_test\.cc$')
echo "lint: clang-tidy on ${#sources[@]} files"
run-clang-tidy -quiet -p "$build" -j "$(nproc)" "${sources[@]/#/$PWD/}" >"$build/clang-tidy.log" 2>&1 || true
if grep -E "(warning|error): " "$build/clang-tidy.log" | grep -v "^Error while processing" >"$build/clang-tidy.findings"; then
  sort -u "$build/clang-tidy.findings" | head -50
  echo "lint: clang-tidy found $(sort -u "$build/clang-tidy.findings" | wc -l) problems (full log: $build/clang-tidy.log)"
  exit 1
fi
echo "lint: clean"
