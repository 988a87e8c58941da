#!/usr/bin/env bash
# What PostgreSQL itself can do for each read's SQL, on the database bench/run.sh pg loaded:
#   bench/floor.sh [seconds=20]
# Runs each bench/floor/*.sql with pgbench -M prepared -c16 -j1 (the same 16 connections as wrk -c16) and
# prints transactions per second and latency; compare with bench/run.sh's "response cache off" lines.
set -euo pipefail
cd "$(dirname "$0")"
SECS=${1:-20}; OUT=/tmp/dateline-bench-pg
export PGOPTIONS="-c search_path=dateline_bench"
PSQL="psql -q -h 127.0.0.1 -U postgres test"
# W6's words, numbered, so a pgbench script can pick one at random.
$PSQL -c "drop table if exists bench_word" -c "create table bench_word (i int primary key, word text not null)"
nl -w1 -s, "$OUT-words.txt" | $PSQL -c "\copy bench_word from stdin with (format csv)"
# W6's page read: 200 pages of 21 live articles' ids.
$PSQL -c "drop table if exists bench_page" -c "create table bench_page as select n / 21 + 1 as i, cast(array_agg(id) as text) as ids
  from (select id, row_number() over (order by md5(cast(id as text))) - 1 as n from article where live_at is not null) x
  where n < 4200 group by n / 21"
# W5 has none: a live article's related list is answered from the related index alone.
for w in ${ONLY:-w1 w2 w6 w6p}; do
  out=$(pgbench -n -M prepared -c16 -j1 -T "$SECS" -r -f "floor/$w.sql" -h 127.0.0.1 -U postgres test 2>&1)
  tps=$(awk '/^tps/ {printf "%d", $3}' <<<"$out")
  lat=$(awk '/latency average/ {print $4}' <<<"$out")
  printf '%-4s pgbench %8s tx/s  mean latency %6s ms  (%s)\n' "${w^^}" "$tps" "$lat" "$(head -1 floor/$w.sql | sed 's/^-- //')"
done
$PSQL -c "drop table bench_word" -c "drop table bench_page"
