-- W6 /articles?q=word (RecentMatches): the newest 256 rows tested in order; else month by month, up to 36 months, each
-- month's matches from one GIN lookup of the word and the month's lexeme (V26); else every match the index names, by date.
-- Each row is tested with its own language's parse (V23); the index is asked every configuration's distinct parse,
-- or-ed: here 'simple' and 'english', the app all 30.
\set i random(1, 500)
select word as w from bench_word where i = :i \gset
with m as materialized (
  with w as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where s.live_at is not null and s.live_at <= now() order by s.live_at desc, s.id desc
      fetch first 256 rows only) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only),
  b as materialized (select m.id, m.live_at, 0 as rank from generate_series(0, 35) i
      cross join (select date_trunc('month', s.live_at at time zone 'UTC') as origin from article_search s
        where (select count(*) from w) < 21 and s.live_at is not null and s.live_at <= now()
        order by s.live_at desc, s.id desc fetch first 1 rows only) e
      cross join lateral (select e.origin - interval '1 month' * i as start) mo
      cross join lateral (select s.id, s.live_at from (select s.id, s.live_at, s.search_vector, s.search_config
        from article_search s where s.live_at is not null and s.live_at <= now()
        and s.live_at >= mo.start at time zone 'UTC' and s.live_at < (mo.start + interval '1 month') at time zone 'UTC'
        and s.search_vector @@ ((select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery)
        from (select websearch_to_tsquery(cast(c.name as regconfig), :w) as q from (values ('simple'), ('english')) c(name)) p
        where numnode(p.q) > 0)
          && cast(quote_literal(dateline_search_month(mo.start)) as tsquery))
        order by s.live_at desc, s.id desc offset 0) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
        order by s.live_at desc, s.id desc fetch first 21 rows only) m
      fetch first 21 rows only),
  y as materialized (select s.id, s.live_at, 0 as rank from (select s.id, s.live_at, s.search_vector, s.search_config
      from article_search s where (select count(*) from w) < 21 and (select count(*) from b) < 21
      and s.live_at is not null and s.live_at <= now() and s.search_vector @@ (select cast(string_agg(distinct '(' || cast(p.q as text) || ')', ' | ') as tsquery)
        from (select websearch_to_tsquery(cast(c.name as regconfig), :w) as q from (values ('simple'), ('english')) c(name)) p
        where numnode(p.q) > 0)
      order by s.live_at desc, s.id desc offset 0) s where s.search_vector @@ websearch_to_tsquery(s.search_config, :w)
      order by s.live_at desc, s.id desc fetch first 21 rows only)
  select id, live_at, rank from w where not (select count(*) from w) < 21
  union all select id, live_at, rank from b where (select count(*) from w) < 21 and not (select count(*) from b) < 21
  union all select id, live_at, rank from y where (select count(*) from w) < 21 and (select count(*) from b) < 21)
select a.id as id, 0 as rank from m a where a.live_at <= now() order by a.live_at desc, a.id desc fetch first 21 rows only;
