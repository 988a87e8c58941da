-- W5 related: the article's outline (row, tags, curated ids), then the ten chosen headlines by id
-- (the ranking itself is in memory)
\set n random(0, 99999)
\set m random(0, 99989)
select 0 as part, 0 as ord, a.id, a.published_at, a.live_at, a.section_id, s.slug
from article a left join section s on s.id = a.section_id where a.slug = 'bench-' || :n
union all select 1, x.sort_order, t.id, null, null, null, t.slug
from article a join article_tag x on x.article_id = a.id join tag t on t.id = x.tag_id where a.slug = 'bench-' || :n
union all select 2, r.sort_order, r.related_id, null, null, null, null
from article a join article_related r on r.article_id = a.id where a.slug = 'bench-' || :n
order by 1, 2;
select a.id, a.slug, a.title, a.published_at, s.slug, s.name, a.teaser, a.image_url
from article a left join section s on s.id = a.section_id
where a.live_at <= now() and a.id in (select id from article where slug in ('bench-' || :m, 'bench-' || :m + 1,
  'bench-' || :m + 2, 'bench-' || :m + 3, 'bench-' || :m + 4, 'bench-' || :m + 5, 'bench-' || :m + 6,
  'bench-' || :m + 7, 'bench-' || :m + 8, 'bench-' || :m + 9));
