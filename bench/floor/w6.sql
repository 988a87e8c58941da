-- W6 /articles?q=word: the newest 256 rows tested in order; else the next 4,096 rows' index matches; else all the index's candidates by date; else every match
-- (each row tested with its own language's parse, V23; the index is asked every configuration's distinct parse, or-ed:
-- here 'simple' and 'english', the app all 30)
\set i random(1, 500)
select word as w from bench_word where i = :i \gset
with m as materialized (
  with w as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where s.live_at is not null and s.live_at <= now() order by s.live_at desc, s.id desc
      fetch first 256 rows only) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only),
  v as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where (select count(*) from w) < 21 and s.live_at is not null and s.live_at <= now()
      and s.live_at >= coalesce((select s.live_at from article_search s where s.live_at is not null and s.live_at <= now()
        order by s.live_at desc, s.id desc offset 4095 rows fetch first 1 rows only), cast('-infinity' as timestamptz))
      and s.search_vector @@ (select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery)
        from (select websearch_to_tsquery(cast(c.name as regconfig), :w) as q from (values ('simple'), ('english')) c(name)) p
        where numnode(p.q) > 0)
      order by s.live_at desc, s.id desc fetch first 1024 rows only) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only),
  x as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where (select count(*) from w) < 21 and (select count(*) from v) < 21 and s.live_at is not null
      and s.live_at <= now()
      and s.search_vector @@ (select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery)
        from (select websearch_to_tsquery(cast(c.name as regconfig), :w) as q from (values ('simple'), ('english')) c(name)) p
        where numnode(p.q) > 0)
      order by s.live_at desc, s.id desc fetch first 1024 rows only) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only)
  select id, live_at, rank from w where (select count(*) from w) >= 21
  union all select id, live_at, rank from v where (select count(*) from w) < 21 and (select count(*) from v) >= 21
  union all select id, live_at, rank from x where (select count(*) from w) < 21 and (select count(*) from v) < 21
    and (select count(*) from x) >= 21
  union all select s.id, s.live_at, 0 from article_search s where (select count(*) from w) < 21 and (select count(*) from v) < 21
    and (select count(*) from x) < 21 and s.live_at is not null
    and s.search_vector @@ (websearch_to_tsquery('simple', :w) || websearch_to_tsquery('english', :w))
    and s.search_vector @@ websearch_to_tsquery(s.search_config, :w))
select a.id as id, 0 as rank from m a where a.live_at <= now() order by a.live_at desc, a.id desc fetch first 21 rows only;
