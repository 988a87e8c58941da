-- W6 /articles?q=word: the newest-first page of matches, from the matches' own table (the articles' rows are then read as W2 reads one)
\set i random(1, 500)
select word as w from bench_word where i = :i \gset
with m as materialized (select s.id, s.live_at, 0 as rank from article_search s
  where s.live_at is not null and s.search_vector @@ websearch_to_tsquery('simple', :w))
select a.id as id, 0 as rank from m a where a.live_at <= now() order by a.live_at desc, a.id desc fetch first 21 rows only;
