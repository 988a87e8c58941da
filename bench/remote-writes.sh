#!/usr/bin/env bash
# Does targeted invalidation survive the trip between instances? Two instances on the database a previous
# `bench/run.sh pg` loaded; instance A's response-cache hit rate under the soak's reads (bench/soak.lua)
# while the soak's writes go (1) to A itself, (2) to instance B, whose changes reach A as notifications.
# Same connections, same think time: if A's hit rate drops in (2), remote changes invalidate more than
# local ones do.   bench/remote-writes.sh [seconds=60] [think ms=20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-60}; THINK=${2:-20}; OUT=/tmp/dateline-bench-pg; A=18081; B=18082
[ -f "$OUT-slugs.txt" ] || { echo "run bench/run.sh pg first" >&2; exit 1; }
./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
export DATELINE_TOKEN=${DATELINE_TOKEN:-remote-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export QUARKUS_PROFILE=pg DATELINE_DB_SCHEMA=dateline_bench DATELINE_DEMO_ENABLED=false DATELINE_RATE_LIMIT_DELIVERY=0 \
  DATELINE_RATE_LIMIT_MANAGE=0 DATELINE_ADMIN_TOKEN_HASH=$(printf %s "$DATELINE_TOKEN" | sha256sum | cut -d' ' -f1)
WORK=$(mktemp -d); PIDS=()
start() {
  QUARKUS_HTTP_PORT=$1 DATELINE_CLUSTER_INSTANCE_NAME=$2 java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$WORK/$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return; sleep 1; done
  echo "instance $2 did not start" >&2; exit 1
}
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
start $A a
start $B b
hits() {
  curl -s "http://127.0.0.1:$A/q/metrics" | awk '/^cache_gets_total/ && /cache="responses"/ {
    if ($0 ~ /result="hit"/) h += $NF; else if ($0 ~ /result="miss"/) m += $NF } END { printf "%d %d", h, m }'
}
rate() { awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); h = y[1] - x[1]; m = y[2] - x[2]; printf "%.1f%% of %d reads", 100 * h / (h + m), h + m }'; }
empty_caches() {
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$A/api/v1/manage/tags" -H "Authorization: Bearer $DATELINE_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"slug\":\"bench-$RANDOM$RANDOM\",\"name\":\"Bench\"}"
  sleep 1
}
soak() { # port mix connections output
  env SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="$DATELINE_TOKEN" THINK_MS="$THINK" MIX="$2" \
    wrk -t1 -c"$3" -d"${SECS}s" -s bench/soak.lua "http://127.0.0.1:$1" > "$4"
}
env SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="$DATELINE_TOKEN" THINK_MS="$THINK" MIX=all \
  wrk -t1 -c20 -d20s -s bench/soak.lua "http://127.0.0.1:$A" > /dev/null # warm-up (JIT)

echo "== writes on A itself: reads -c18 and writes -c2 to A, ${SECS}s, think ${THINK} ms"
empty_caches; before=$(hits)
soak $A reads 18 "$WORK/r1.txt" & R=$!; soak $A writes 2 "$WORK/w1.txt"; wait $R
echo "A: $(rate "$before" "$(hits)"); $(grep -h 'status counts' "$WORK/w1.txt")"
echo "== writes on B: reads -c18 to A, writes -c2 to B, ${SECS}s, think ${THINK} ms"
empty_caches; before=$(hits)
soak $A reads 18 "$WORK/r2.txt" & R=$!; soak $B writes 2 "$WORK/w2.txt"; wait $R
echo "A: $(rate "$before" "$(hits)"); $(grep -h 'status counts' "$WORK/w2.txt")"
