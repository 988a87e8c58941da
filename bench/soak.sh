#!/usr/bin/env bash
# Soak and overload against PostgreSQL with the articles a previous `bench/run.sh pg N` loaded:
#   [WARM=minutes of warm-up, 2] bench/soak.sh [minutes=30] [connections=32] [think ms=100]
# After the warm-up (on two cores the JIT still compiles the write path after 2 minutes: WARM=6 measures a compiled server), mixed traffic (bench/soak.lua: 90% delivery reads over W1-W6, 10% writes and publishes), each connection
# pausing about the think time between requests (0: as fast as answers come), then a minute far beyond
# capacity (512 connections, no pause), then one plain request to show the service is back at once.
# Samples RSS, heap, threads and database connections every 10 s into /tmp/dateline-soak.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}; CONNS=${2:-32}; THINK=${3:-100}; WARM=${WARM:-2}; BASE=http://localhost:8080; OUT=/tmp/dateline-bench-pg
source bench/mixed-server.sh
start_mixed_server soak

echo "seconds,rss_mb,heap_used_mb,threads,db_connections" > /tmp/dateline-soak.csv
( start=$(date +%s); while kill -0 $PID 2>/dev/null; do
    heap=$(curl -s "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}')
    conns=$(psql -At -h 127.0.0.1 -U postgres test -c "select count(*) from pg_stat_activity where datname = 'test' and usename = 'postgres'" 2>/dev/null || echo -)
    echo "$(( $(date +%s) - start )),$(( $(ps -o rss= -p $PID) / 1024 )),$heap,$(ps -o nlwp= -p $PID | tr -d ' '),$conns" >> /tmp/dateline-soak.csv
    sleep 10
  done ) &
SAMPLER=$!

echo "== warm-up: ${WARM} min of the same traffic, not measured (JIT compilation, connection pool, caches)"
THINK_MS="$THINK" SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="${DATELINE_TOKEN:-}" \
  wrk -t2 -c"$CONNS" -d"${WARM}m" -s bench/soak.lua "$BASE" > /dev/null
echo "== soak: ${MINUTES} min, ${CONNS} connections, ${THINK} ms think time"
THINK_MS="$THINK" SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="${DATELINE_TOKEN:-}" \
  wrk -t2 -c"$CONNS" -d"${MINUTES}m" --latency -s bench/soak.lua "$BASE" | grep -E "Requests/sec|Latency|50%|99%|status counts|Socket errors"
echo "== mean latency and count per route during the soak (from /q/metrics)"
curl -s "$BASE/q/metrics" | awk '/^http_server_requests_seconds_(count|sum)\{/ {
    match($0, /uri="[^"]*"/); uri = substr($0, RSTART + 5, RLENGTH - 6); match($0, /method="[^"]*"/); m = substr($0, RSTART + 8, RLENGTH - 9)
    k = m " " uri; if ($0 ~ /_count\{/) c[k] += $NF; else s[k] += $NF }
  END { for (k in c) if (c[k] > 100) printf "  %-60s %9d requests, mean %7.2f ms\n", k, c[k], 1000 * s[k] / c[k] }' | sort -k3 -nr
echo "== overload: 512 connections, 60 s"
THINK_MS=0 SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="${DATELINE_TOKEN:-}" \
  wrk -t2 -c512 -d60s --latency -s bench/soak.lua "$BASE" | grep -E "Requests/sec|99%|status counts|Socket errors"
echo "== right after: one request"
curl -s -o /dev/null -w "GET /api/v1/headlines -> %{http_code} in %{time_total} s\n" "$BASE/api/v1/headlines"
kill $SAMPLER 2>/dev/null || true
echo "== samples (first, middle, last):"
sed -n '2p' /tmp/dateline-soak.csv; sed -n "$(( ($(wc -l < /tmp/dateline-soak.csv) + 1) / 2 ))p" /tmp/dateline-soak.csv; tail -1 /tmp/dateline-soak.csv
