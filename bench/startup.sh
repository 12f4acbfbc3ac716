#!/usr/bin/env bash
# Start-up and whole run of `agentic-ir replay samples/alerts` on a fresh database, N runs per build, builds taken in
# turn so that both see the same machine load. Prints, per build, the median wall time and the median CPU time
# (user + system, which other processes on the machine disturb far less).
#   bench/startup.sh [runs] <build-folder>...      e.g. bench/startup.sh 5 /tmp/before src/AgenticIR.Worker/bin/Release/net10.0
set -euo pipefail
home=$(cd "$(dirname "$0")/.." && pwd)
runs=$1; shift
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
for build in "$@"; do
  times=$(for _ in $(seq "$runs"); do
    work=$(mktemp -d)
    /usr/bin/time -f "%e %U %S" "$build/agentic-ir" replay "$home/samples/alerts" --home "$home" --db "$work/a.db" --out "$work/reports" --quiet 2>&1 >/dev/null | tail -1
    rm -rf "$work"
  done)
  wall=$(awk '{ print $1 }' <<< "$times" | median)
  cpu=$(awk '{ printf "%.2f\n", $2 + $3 }' <<< "$times" | median)
  echo "$build: median wall ${wall} s, median cpu ${cpu} s (walls: $(awk '{ print $1 }' <<< "$times" | sort -n | tr '\n' ' '))"
done
