-- W2 article by slug: the article with its section, tags and authors in one statement, then its published
-- translations with its section's and tags' names in its language in a second (the app binds the ids the
-- first statement gave; here subqueries find them)
-- (the article's mapped columns, as Hibernate selects them: not a.*, whose generated search_vector, 8.5 kB
-- a row in the benchmark, the delivery path never reads)
\set n random(0, 99999)
select a.id, a.slug, a.title, a.subtitle, a.excerpt, a.body, a.teaser, a.image_url, a.section_id, a.locale,
  a.status, a.published_at, a.live_at, a.trashed_at, a.created_by, a.external_id, a.word_count, a.created_at,
  a.updated_at, a.version, s.id, s.slug, s.name, t.id, t.slug, t.name, p.id, p.slug, p.name
from article a left join section s on s.id = a.section_id
left join article_tag x on x.article_id = a.id left join tag t on t.id = x.tag_id
left join article_author y on y.article_id = a.id left join author p on p.id = y.author_id
where a.slug = 'bench-' || :n;
select 1 as part, translation_group as owner, id, locale, title, slug from article
  where live_at <= now() and translation_group = (select translation_group from article where slug = 'bench-' || :n)
union all select 0, section_id, null, locale, name, null from section_name
  where section_id = (select section_id from article where slug = 'bench-' || :n) and locale in ('en', 'en')
union all select 0, tag_id, null, locale, name, null from tag_name
  where tag_id in (select x.tag_id from article_tag x join article a on a.id = x.article_id where a.slug = 'bench-' || :n)
  and locale in ('en', 'en')
order by 4;
