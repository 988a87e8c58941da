-- W5 related: the article (as W2), its curated list, then the ten chosen headlines by id (ranking is in memory)
\set n random(0, 99999)
\set m random(0, 99989)
select a.*, s.id, s.slug, s.name, t.id, t.slug, t.name
from article a left join section s on s.id = a.section_id
left join article_tag x on x.article_id = a.id left join tag t on t.id = x.tag_id
where a.slug = 'bench-' || :n;
select related_id from article_related where article_id = (select id from article where slug = 'bench-' || :n);
select a.id, a.slug, a.title, a.published_at, s.slug, s.name, a.excerpt, a.image_url
from article a left join section s on s.id = a.section_id
where a.live_at <= now() and a.id in (select id from article where slug in ('bench-' || :m, 'bench-' || :m + 1,
  'bench-' || :m + 2, 'bench-' || :m + 3, 'bench-' || :m + 4, 'bench-' || :m + 5, 'bench-' || :m + 6,
  'bench-' || :m + 7, 'bench-' || :m + 8, 'bench-' || :m + 9));
