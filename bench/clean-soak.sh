#!/usr/bin/env bash
# Deletes what bench/soak.sh and bench/cost.sh wrote ("Soak …" articles, their sync log rows) from the
# database bench/run.sh pg loaded, empties the search index's pending list and vacuums, so that the next
# measurement starts from the benchmark's own articles:   bench/clean-soak.sh
# The soak's articles are dated now and hold none of the benchmark's words: left in place, every search
# walks the months between them and the benchmark's newest article (docs/performance.md, session 19).
set -euo pipefail
export PGOPTIONS="-c search_path=dateline_bench"
psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres test <<'SQL'
create temp table soak as select id from article where title like 'Soak %';
select count(*) as soak_articles_deleted from soak;
delete from sync_change where article_id in (select id from soak);
delete from article where id in (select id from soak);
select gin_clean_pending_list('ix_article_search_vector') as pending_pages_merged;
vacuum analyze;
SQL
