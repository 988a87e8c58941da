#!/usr/bin/env bash
# Two instances on one PostgreSQL with Varnish in front, on the articles a previous `bench/run.sh pg N`
# loaded (schema dateline_bench):   bench/cluster.sh [seconds per workload=20] [soak seconds=60]
#  1. W1-W6 (cache on) directly on the instances (two wrk, -c8 each, one per instance, summed) and
#     through Varnish (one wrk -c16);
#  2. the mixed soak (bench/soak.lua: 90% reads, 10% creates and publishes; no think time) on instance A
#     alone, then spread over both (-c16 each): the response-cache hit rate of each instance from its
#     /q/metrics, against the single instance's;
#  3. the same soak through Varnish: Varnish's hit rate (varnishstat);
# while a probe edits an article through one instance every half second and times until the edit shows
# on the other instance and through Varnish: the worst staleness under load.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-20}; SOAK=${2:-60}; OUT=/tmp/dateline-bench-pg; A=18081; B=18082; V=16081
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[ -f "$OUT-slugs.txt" ] || { echo "run bench/run.sh pg first: it loads the articles and writes $OUT-slugs.txt" >&2; exit 1; }
./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
bash scripts/varnish.sh install
export DATELINE_TOKEN=${DATELINE_TOKEN:-cluster-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export QUARKUS_PROFILE=pg DATELINE_DB_SCHEMA=dateline_bench DATELINE_DEMO_ENABLED=false DATELINE_RATE_LIMIT_DELIVERY=0 \
  DATELINE_RATE_LIMIT_MANAGE=0 DATELINE_ADMIN_TOKEN_HASH=$(printf %s "$DATELINE_TOKEN" | sha256sum | cut -d' ' -f1) \
  DATELINE_CDN_PURGE=varnish DATELINE_CDN_VARNISH_URLS=http://127.0.0.1:$V/
WORK=$(mktemp -d)
PIDS=()
start() { # port name
  QUARKUS_HTTP_PORT=$1 DATELINE_CLUSTER_INSTANCE_NAME=$2 java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$WORK/$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return; sleep 1; done
  echo "instance $2 did not start; see $WORK/$2.log" >&2; exit 1
}
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; bash scripts/varnish.sh stop --workdir "$WORK/varnish" || true; }
trap cleanup EXIT
start $A a
start $B b
# 512 MB: the search and article workloads alone fill 64 MB, and an evicting cache measures evictions
bash scripts/varnish.sh start --port $V --workdir "$WORK/varnish" --backend 127.0.0.1:$A --backend 127.0.0.1:$B --memory 512m

hits() { # port -> "hits misses" of the response cache
  curl -s "http://127.0.0.1:$1/q/metrics" | awk '/^cache_gets_total/ && /cache="responses"/ {
    if ($0 ~ /result="hit"/) h += $NF; else if ($0 ~ /result="miss"/) m += $NF } END { printf "%d %d", h, m }'
}
rate() { # before after -> hit rate in percent over the interval
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); h = y[1] - x[1]; m = y[2] - x[2];
    if (h + m == 0) print "n/a"; else printf "%.1f%%", 100 * h / (h + m) }'
}
rps() { awk '/Requests\/sec/ {print $2}'; }
LUA_ENV=(SLUGS="$OUT-slugs.txt" WORDS="$OUT-words.txt" TOKEN="$DATELINE_TOKEN")

echo "== W1-W6, cache on, ${SECS}s each: directly (two wrk -c8, one per instance) and through Varnish (wrk -c16)"
workload() { # name path-or-empty list-file prefix suffix
  local name=$1 path=$2 list=$3 prefix=$4 suffix=$5 script=() url
  if [ -n "$list" ]; then script=(-s bench/rotate.lua); fi
  for target in "$A $B" "$V"; do
    local total=0 p99=""
    # warm-up, then the measured run
    local jobs=()
    for port in $target; do env LIST_FILE="$list" PATH_PREFIX="$prefix" PATH_SUFFIX="$suffix" \
      wrk -t1 -c8 -d3s "${script[@]}" "http://127.0.0.1:$port$path" >/dev/null 2>&1 & jobs+=($!); done
    wait "${jobs[@]}"
    local files=() jobs=()
    for port in $target; do
      local conns=8; [ "$port" = "$V" ] && conns=16
      env LIST_FILE="$list" PATH_PREFIX="$prefix" PATH_SUFFIX="$suffix" \
        wrk -t1 -c$conns -d"${SECS}s" --latency "${script[@]}" "http://127.0.0.1:$port$path" > "$WORK/wrk-$port.txt" 2>&1 &
      jobs+=($!)
      files+=("$WORK/wrk-$port.txt")
    done
    wait "${jobs[@]}"
    total=$(cat "${files[@]}" | rps | awk '{s += $1} END {printf "%.0f", s}')
    p99=$(cat "${files[@]}" | awk '$1=="99%" {print $2}' | tr '\n' ' ')
    printf '%-4s %-9s %9s req/s  p99 %s\n' "$name" "$([ "$target" = "$V" ] && echo varnish || echo direct)" "$total" "$p99"
  done
}
workload W1 /api/v1/headlines "" "" ""
workload W2 "" "$OUT-slugs.txt" /api/v1/articles/ ""
workload W3 "/api/v1/headlines?tag=tag-7" "" "" ""
workload W5 "" "$OUT-slugs.txt" /api/v1/articles/ /related
workload W6 "" "$OUT-words.txt" "/api/v1/articles?q=" ""

probe() { # seconds: edit an article through one instance, time until the other instance and Varnish show it
  python3 - "$1" "$A" "$B" "$V" "$DATELINE_TOKEN" "$(head -1 "$OUT-slugs.txt")" <<'PY'
import json, sys, time, urllib.request
secs, a, b, v, token, slug = float(sys.argv[1]), *sys.argv[2:]
def call(port, method, path, body=None, headers=None):
    h = {"Accept": "application/json", **(headers or {})}
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, headers=h,
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=10) as r:
        return dict(r.headers), json.loads(r.read() or b"null")
auth = {"Authorization": "Bearer " + token}
_, article = call(a, "GET", f"/api/v1/articles/{slug}")
worst, n, end = {"other instance": 0.0, "varnish": 0.0}, 0, time.time() + secs
while time.time() < end:
    n += 1
    writer, other = (a, b) if n % 2 else (b, a)
    h, _ = call(writer, "GET", f"/api/v1/manage/articles/{article['id']}", headers=auth)
    title = f"Probe {n} {time.time()}"
    call(writer, "PATCH", f"/api/v1/manage/articles/{article['id']}", {"title": title},
         {**auth, "Content-Type": "application/merge-patch+json", "If-Match": h["ETag"]})
    acked = time.monotonic()
    for name, port in (("other instance", other), ("varnish", v)):
        while call(port, "GET", f"/api/v1/articles/{slug}")[1]["title"] != title:
            if time.monotonic() - acked > 30:
                sys.exit(f"{name} still stale 30 s after the edit")
            time.sleep(0.01)
        worst[name] = max(worst[name], time.monotonic() - acked)
    time.sleep(0.5)
print(f"staleness probe: {n} edits; worst until seen on the other instance {worst['other instance'] * 1000:.0f} ms,"
      f" through Varnish {worst['varnish'] * 1000:.0f} ms")
PY
}

# Every soak starts from empty response caches on both instances: creating a tag changes everything.
empty_caches() {
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$A/api/v1/manage/tags" -H "Authorization: Bearer $DATELINE_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"slug\":\"bench-$RANDOM$RANDOM\",\"name\":\"Bench\"}"
  sleep 1
}

echo "== mixed soak (90% reads, 10% writes, no think time), ${SOAK}s"
empty_caches
before=$(hits $A)
env "${LUA_ENV[@]}" THINK_MS=0 wrk -t2 -c32 -d"${SOAK}s" --latency -s bench/soak.lua "http://127.0.0.1:$A" > "$WORK/single.txt"
echo "one instance (A, -c32): $(rps < "$WORK/single.txt") req/s, p99 $(awk '$1=="99%" {print $2}' "$WORK/single.txt"), $(grep 'status counts' "$WORK/single.txt"), response-cache hit rate $(rate "$before" "$(hits $A)")"
empty_caches
beforeA=$(hits $A); beforeB=$(hits $B)
probe "$SOAK" > "$WORK/probe.txt" &
PROBE=$!
env "${LUA_ENV[@]}" THINK_MS=0 wrk -t1 -c16 -d"${SOAK}s" --latency -s bench/soak.lua "http://127.0.0.1:$A" > "$WORK/two-a.txt" &
SOAK_A=$!
env "${LUA_ENV[@]}" THINK_MS=0 wrk -t1 -c16 -d"${SOAK}s" --latency -s bench/soak.lua "http://127.0.0.1:$B" > "$WORK/two-b.txt"
wait $SOAK_A $PROBE
echo "two instances (-c16 each): $(cat "$WORK/two-a.txt" "$WORK/two-b.txt" | rps | awk '{s += $1} END {printf "%.0f", s}') req/s,"\
" p99 $(cat "$WORK/two-a.txt" "$WORK/two-b.txt" | awk '$1=="99%" {print $2}' | tr '\n' ' '), hit rate A $(rate "$beforeA" "$(hits $A)"), B $(rate "$beforeB" "$(hits $B)")"
grep -h 'status counts' "$WORK/two-a.txt" "$WORK/two-b.txt"
cat "$WORK/probe.txt"

echo "== the same soak through Varnish (-c32), ${SOAK}s"
vstat() { varnishstat -n "$WORK/varnish" -1 -f MAIN.cache_hit -f MAIN.cache_miss | awk '{print $2}' | tr '\n' ' '; }
vbefore=$(vstat)
probe "$SOAK" > "$WORK/probe-v.txt" &
PROBE=$!
env "${LUA_ENV[@]}" THINK_MS=0 wrk -t2 -c32 -d"${SOAK}s" --latency -s bench/soak.lua "http://127.0.0.1:$V" > "$WORK/varnish.txt"
wait $PROBE
echo "through Varnish: $(rps < "$WORK/varnish.txt") req/s, p99 $(awk '$1=="99%" {print $2}' "$WORK/varnish.txt"), $(grep 'status counts' "$WORK/varnish.txt"), Varnish hit rate $(rate "$vbefore" "$(vstat)")"
cat "$WORK/probe-v.txt"
