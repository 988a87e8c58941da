-- W5 related: the ten chosen headlines by id (the article's outline, the ranking and the language choice are in memory)
\set m random(0, 99989)
select a.id, a.slug, a.title, a.published_at, s.slug, coalesce(sn.name, s.name), a.teaser, a.image_url, a.locale,
  a.translation_group, a.lead_media_id
from article a left join section s on s.id = a.section_id left join section_name sn on sn.section_id = s.id and sn.locale = a.locale
where a.live_at <= now() and a.id in (select id from article where slug in ('bench-' || :m, 'bench-' || :m + 1,
  'bench-' || :m + 2, 'bench-' || :m + 3, 'bench-' || :m + 4, 'bench-' || :m + 5, 'bench-' || :m + 6, 'bench-' || :m + 7,
  'bench-' || :m + 8, 'bench-' || :m + 9));
