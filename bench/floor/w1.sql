-- W1 /headlines: the one statement a first page of headlines runs
select p.rank, a.id, a.slug, a.title, a.published_at, s.slug, s.name, a.teaser, a.image_url
from (select a.id as id, 0 as rank from article a where a.live_at <= now()
      order by a.live_at desc, a.id desc fetch first 21 rows only) p
join article a on a.id = p.id left join section s on s.id = a.section_id order by a.live_at desc, a.id desc;
