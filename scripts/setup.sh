#!/usr/bin/env bash
# Installs every Debian 12 package Allies needs to build, run, test and benchmark.
# Idempotent: installs only what is missing; run as root (or with sudo available).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config clang-format clang-tidy
  # libraries (see the dependency table in README.md)
  libexpected-dev libsqlite3-dev libsqlitecpp-dev sqlite3 nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libhowardhinnant-date-dev tzdata libical-dev libjemalloc-dev
  # CLDR's windowsZones.xml: the Windows time-zone names of Outlook and Exchange calendars
  unicode-cldr-core
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3
  # independent references and the tools benchmarks compare against
  python3-networkx python3-igraph python3-vobject python3-icalendar
  # /usr/bin/time for peak-memory figures in the benchmarks
  time
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
