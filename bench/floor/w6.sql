-- W6 /articles?q=word: the newest 256 delivered rows tested in order, the GIN index only if they hold less than a page
-- (each row parsed in its own language, V23; the app also or-s every configuration's parse for the index)
\set i random(1, 500)
select word as w from bench_word where i = :i \gset
with m as materialized (
  with w as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where s.live_at is not null and s.live_at <= now() order by s.live_at desc, s.id desc
      fetch first 256 rows only) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only)
  select id, live_at, rank from w where (select count(*) from w) >= 21
  union all select s.id, s.live_at, 0 from article_search s where (select count(*) from w) < 21
    and s.live_at is not null and s.search_vector @@ (websearch_to_tsquery('simple', :w) || websearch_to_tsquery('english', :w))
    and s.search_vector @@ websearch_to_tsquery(s.search_config, :w))
select a.id as id, 0 as rank from m a where a.live_at <= now() order by a.live_at desc, a.id desc fetch first 21 rows only;
