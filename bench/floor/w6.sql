-- W6 /articles?q=word: the newest-first page of matches (the articles' rows are then read as W2 reads one)
\set i random(1, 500)
select word as w from bench_word where i = :i \gset
select a.id, 0 as rank from article a
where a.live_at <= now() and a.search_vector @@ websearch_to_tsquery('simple', :'w')
order by a.live_at desc, a.id desc fetch first 21 rows only;
