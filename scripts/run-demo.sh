#!/usr/bin/env bash
# The main job: create the demo database if it does not exist, then print the daily briefing and
# the ten strongest ties. The demo lives in its own file, so a real database is never touched.
set -euo pipefail
allies=$1
db=$2
if [ ! -f "$db" ]; then
  "$allies" --db "$db" demo
  echo
fi
"$allies" --db "$db" today
echo
echo "Ten strongest ties"
"$allies" --db "$db" ties --top 10
