#!/usr/bin/env bash
# What one request of the mixed soak costs, reads and writes apart, on the articles a previous
# `bench/run.sh pg N` loaded:   bench/cost.sh [warm-up seconds=60] [seconds per phase=20]
# Starts Dateline as bench/soak.sh does (cache on, -Xmx512m), sends the soak's traffic (bench/soak.lua)
# for the warm-up, then measures three phases: the mix (32 connections), its reads alone (32) and its
# writes alone (creates and publishes, 8). For each it prints requests/s, p99, and the CPU time the Java
# process and all PostgreSQL processes used, divided by the requests answered. Deletes nothing: the
# writes leave their articles, as the soak's do.
set -euo pipefail
cd "$(dirname "$0")/.."
WARM=${1:-60}; SECS=${2:-20}; BASE=http://localhost:8080; OUT=/tmp/dateline-bench-pg
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ -f "$OUT-slugs.txt" ] || { echo "run bench/run.sh pg first: it loads the articles and writes $OUT-slugs.txt" >&2; exit 1; }
source bench/mixed-server.sh
start_mixed_server cost
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

# CPU ticks (user + system) of the server and of every PostgreSQL process, from /proc.
ticks() {
  local java pg=0
  java=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  for p in $(pgrep -u postgres postgres); do pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  echo "$java $pg"
}

phase() { # mix connections seconds
  local j0 p0 j1 p1 out n
  read -r j0 p0 < <(ticks)
  out=$(MIX=$1 THINK_MS=0 SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="$DATELINE_TOKEN" \
    wrk -t2 -c"$2" -d"$3s" --latency -s bench/soak.lua "$BASE")
  read -r j1 p1 < <(ticks)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-6s c%-3s %8s req/s  p99 %9s  CPU per request: Java %5d us, PostgreSQL %5d us\n' "$1" "$2" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '/ 99%/ {print $2}' <<<"$out")" \
    $(( (j1 - j0) * TICK_US / n )) $(( (p1 - p0) * TICK_US / n ))
}

phase all 32 "$WARM" > /dev/null
phase all 32 "$SECS"
phase reads 32 "$SECS"
phase writes 8 "$SECS"
