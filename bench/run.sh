#!/usr/bin/env bash
# Reproducible read benchmark: bench/run.sh [h2|pg] [articles] [seconds per workload]
# READS_ONLY=1 measures against the database a previous run loaded, without loading it again;
# PHASES=off (or on) measures only with the response cache off (or on).
# Builds Dateline for the database, starts it on a fresh database, loads synthetic articles through the
# NDJSON import API (bench/load.py), then measures W1-W6 with wrk -t1 -c16 and prints one line per workload.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}; N=${2:-100000}; SECS=${3:-20}
OUT=/tmp/dateline-bench-$DB; BASE=http://localhost:8080
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }

if [ "$DB" = pg ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  [ -n "${READS_ONLY:-}" ] || psql -q -h 127.0.0.1 -U postgres test -c 'drop schema if exists dateline_bench cascade'
  export QUARKUS_PROFILE=pg DATELINE_DB_SCHEMA=dateline_bench
else
  ./mvnw -B -q package -DskipTests
  [ -n "${READS_ONLY:-}" ] || rm -rf /tmp/dateline-bench-h2db
  # The same settings as the default URL (application.properties), in a file of its own.
  export DATELINE_DB_URL="jdbc:h2:file:/tmp/dateline-bench-h2db/dateline;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
fi
export DATELINE_DEMO_ENABLED=false
# The benchmark's own admin token (only its hash goes to Dateline), and no rate limits: every request
# comes from this one address.
export DATELINE_TOKEN=${DATELINE_TOKEN:-bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export DATELINE_ADMIN_TOKEN_HASH=$(printf %s "$DATELINE_TOKEN" | sha256sum | cut -d' ' -f1)
export DATELINE_RATE_LIMIT_DELIVERY=0 DATELINE_RATE_LIMIT_MANAGE=0
[ -z "${LOAD_ONLY:-}" ] || echo "LOAD_ONLY: loading, then stopping before the reads"

start() {
  java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$OUT-server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && return; sleep 1; done
  echo "Dateline did not start; see $OUT-server.log" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

start
if [ -z "${READS_ONLY:-}" ]; then
# Sample the server's resident memory while the import runs: it should stay flat, whatever N is.
( while kill -0 "$PID" 2>/dev/null; do ps -o rss= -p "$PID"; sleep 1; done > "$OUT-rss.txt" ) &
SAMPLER=$!
python3 bench/load.py "$BASE" "$N" "$OUT"
kill "$SAMPLER" 2>/dev/null || true
awk 'NR==1 {min=$1} {if ($1>max) max=$1; if ($1<min) min=$1; last=$1} END {printf "server RSS during import: min %d MB, max %d MB, at the end %d MB\n", min/1024, max/1024, last/1024}' "$OUT-rss.txt"
# What an operator does after a bulk import (autovacuum gets there later): fresh statistics, and a
# visibility map that lets the list and related queries answer from their indexes alone.
if [ "$DB" = pg ]; then PGOPTIONS="-c search_path=dateline_bench" psql -q -h 127.0.0.1 -U postgres test -c 'vacuum analyze'; fi
fi
TAG=tag-7
if [ -n "${LOAD_ONLY:-}" ]; then stop; exit 0; fi

# Requests every URL of a rotating workload once: the steady state of a hot set (each article's page or
# related list rendered once since it last changed) rather than the cost of filling a cold cache, which
# the "response cache off" runs measure.
visit_all() {
  env "$@" python3 -c 'import os
for line in open(os.environ["LIST_FILE"]):
    print("url = \"" + os.environ["BASE"] + os.environ["PATH_PREFIX"] + line.strip() + os.environ.get("PATH_SUFFIX", "") + "\"")
    print("output = \"/dev/null\"")' > "$OUT-visit.curl"
  curl -s --parallel --parallel-max 4 -K "$OUT-visit.curl" 2>/dev/null
}

measure() { # name url-or-lua [env...]
  local name=$1; shift
  local out
  [ -z "$LUA" ] || visit_all BASE="$BASE" "$@"
  # warm-up: let the JIT compile the path before measuring
  env "$@" wrk -t1 -c16 -d10s ${HDR:+-H "$HDR"} ${LUA:+-s bench/rotate.lua} "$URL" >/dev/null 2>&1
  out=$(env "$@" wrk -t1 -c16 -d"${SECS}s" --latency ${HDR:+-H "$HDR"} ${LUA:+-s bench/rotate.lua} "$URL" 2>&1)
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-4s %-34s %10s req/s  p50 %8s  p99 %8s  %s\n' "$name" "$DESC" "$rps" "$p50" "$p99" "${errs:-no errors}"
}

cursor_of_page() { # walk to page $1 of /headlines (or the last page, if fewer) and print its URL
  local url="$BASE/api/v1/headlines?limit=20" next page=1
  while [ "$page" -lt "$1" ]; do
    next=$(curl -s "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["page"]["next"] or "")')
    [ -n "$next" ] || break
    url="$BASE/api/v1/headlines?limit=20&cursor=$next"
    page=$((page + 1))
  done
  echo "W4 uses page $page" >&2
  echo "$url"
}

# The JIT compiles the serving paths over the first minute or more of traffic on two cores: without the
# cache, one server read W1 at 2,838 req/s after 30 s of it and at 5,491 after 90 s. So every workload
# runs unmeasured (WARM seconds each, 30 by default) before any is measured: figures of a warmed server.
jit_warmup() {
  local secs=${WARM:-30}
  wrk -t1 -c16 -d"${secs}s" "$BASE/api/v1/headlines" >/dev/null 2>&1
  wrk -t1 -c16 -d"${secs}s" "$P500" >/dev/null 2>&1
  LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/ wrk -t1 -c16 -d"${secs}s" -s bench/rotate.lua "$BASE" >/dev/null 2>&1
  LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/ PATH_SUFFIX=/related wrk -t1 -c16 -d"${secs}s" -s bench/rotate.lua "$BASE" >/dev/null 2>&1
  LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/articles?q=" wrk -t1 -c16 -d"${secs}s" -s bench/rotate.lua "$BASE" >/dev/null 2>&1
  LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/headlines?q=" wrk -t1 -c16 -d"${secs}s" -s bench/rotate.lua "$BASE" >/dev/null 2>&1
}

PHASES=${PHASES:-on,off}
P500=$(cursor_of_page 500)
if [[ $PHASES == *on* ]]; then
echo "== $DB, $N articles, wrk -t1 -c16 -d${SECS}s, response cache on"
jit_warmup
DESC="/headlines first page"; URL="$BASE/api/v1/headlines"; LUA= measure W1
DESC="article by slug (2000 slugs)"; URL=$BASE; LUA=1 measure W2 LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/
# The hit path with gzip: W1 and W2 again, asking for gzip as browsers and mobile clients do.
DESC="/headlines, gzip"; URL="$BASE/api/v1/headlines"; LUA= HDR="Accept-Encoding: gzip" measure W1g
DESC="article by slug, gzip"; URL=$BASE; LUA=1 HDR="Accept-Encoding: gzip" measure W2g LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/
DESC="/headlines?tag=$TAG"; URL="$BASE/api/v1/headlines?tag=$TAG"; LUA= measure W3
DESC="/headlines page 500 by cursor"; URL="$P500"; LUA= measure W4
DESC="related (2000 slugs)"; URL=$BASE; LUA=1 measure W5 LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/ PATH_SUFFIX=/related
DESC="/articles?q= (500 words)"; URL=$BASE; LUA=1 measure W6 LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/articles?q="
# The same searches as a results page asks for them: headlines, without 20 whole articles (115 kB) to render.
DESC="/headlines?q= (500 words)"; URL=$BASE; LUA=1 measure W6h LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/headlines?q="
fi
stop

[[ $PHASES == *off* ]] || exit 0
echo "== $DB, response cache off (W4 against W1)"
DATELINE_CACHE_ENABLED=false start
jit_warmup
DESC="/headlines first page"; URL="$BASE/api/v1/headlines"; LUA= measure W1
DESC="/headlines page 500 by cursor"; URL="$P500"; LUA= measure W4
DESC="article by slug (2000 slugs)"; URL=$BASE; LUA=1 measure W2 LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/
DESC="related (2000 slugs)"; URL=$BASE; LUA=1 measure W5 LIST_FILE="$OUT-slugs.txt" PATH_PREFIX=/api/v1/articles/ PATH_SUFFIX=/related
DESC="/articles?q= (500 words)"; URL=$BASE; LUA=1 measure W6 LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/articles?q="
# The same searches as a results page asks for them: headlines, without 20 whole articles (115 kB) to render.
DESC="/headlines?q= (500 words)"; URL=$BASE; LUA=1 measure W6h LIST_FILE="$OUT-words.txt" PATH_PREFIX="/api/v1/headlines?q="
# Each word's own cost, one request at a time: the target is every word under 20 ms at p99, not the average.
python3 bench/words.py "$BASE" "$OUT-words.txt"
stop
