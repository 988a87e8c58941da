-- W2 article by slug: one statement, the article's row with its section, then its tags, authors, published
-- translations and its terms' names in every locale (LiveArticleRead)
-- (the delivered columns only: not a.*, whose generated search_vector, 8.5 kB a row in the benchmark, the
-- delivery path never reads)
\set n random(0, 99999)
select 0 as part, 0 as ord, a.id as owner, a.id, a.slug, a.title, a.locale, a.subtitle, a.teaser, a.body, a.image_url, a.published_at, a.live_at, a.updated_at, a.word_count, a.translation_group, a.lead_media_id, s.id as section_id, s.slug as section_slug, s.name as section_name from article a left join section s on s.id = a.section_id where a.slug = 'bench-' || :n
union all select 1, x.sort_order, x.article_id, t.id, t.slug, t.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null from article_tag x join tag t on t.id = x.tag_id where x.article_id in (select a.id from article a where a.slug = 'bench-' || :n)
union all select 2, y.sort_order, y.article_id, p.id, p.slug, p.name, null, null, null, null, null, null, null, null, null, null, null, null, null, null from article_author y join author p on p.id = y.author_id where y.article_id in (select a.id from article a where a.slug = 'bench-' || :n)
union all select 3, 0, a.id, o.id, o.slug, o.title, o.locale, null, null, null, null, null, null, null, null, null, null, null, null, null from article a join article o on o.translation_group = a.translation_group and o.id <> a.id and o.live_at <= now() where a.slug = 'bench-' || :n
union all select 4, 0, null, n.section_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null from article a join section_name n on n.section_id = a.section_id where a.slug = 'bench-' || :n
union all select 5, 0, null, n.tag_id, null, n.name, n.locale, null, null, null, null, null, null, null, null, null, null, null, null, null from article_tag x join tag_name n on n.tag_id = x.tag_id where x.article_id in (select a.id from article a where a.slug = 'bench-' || :n)
order by 1, 2, 7;
