-- W5 related: the thirty best-ranked candidates' headlines by id (the article's outline and the ranking are in memory)
\set m random(0, 99969)
select a.id, a.slug, a.title, a.published_at, s.slug, coalesce(sn.name, s.name), a.teaser, a.image_url, a.locale,
  a.translation_group, a.lead_media_id
from article a left join section s on s.id = a.section_id left join section_name sn on sn.section_id = s.id and sn.locale = a.locale
where a.live_at <= now() and a.id in (select id from article where slug in ('bench-' || :m, 'bench-' || :m + 1,
  'bench-' || :m + 2, 'bench-' || :m + 3, 'bench-' || :m + 4, 'bench-' || :m + 5, 'bench-' || :m + 6, 'bench-' || :m + 7,
  'bench-' || :m + 8, 'bench-' || :m + 9, 'bench-' || :m + 10, 'bench-' || :m + 11, 'bench-' || :m + 12, 'bench-' || :m + 13,
  'bench-' || :m + 14, 'bench-' || :m + 15, 'bench-' || :m + 16, 'bench-' || :m + 17, 'bench-' || :m + 18, 'bench-' || :m + 19,
  'bench-' || :m + 20, 'bench-' || :m + 21, 'bench-' || :m + 22, 'bench-' || :m + 23, 'bench-' || :m + 24, 'bench-' || :m + 25,
  'bench-' || :m + 26, 'bench-' || :m + 27, 'bench-' || :m + 28, 'bench-' || :m + 29));
