-- W2 article by slug: the article with its section, tags and authors in one statement
\set n random(0, 99999)
select a.*, s.id, s.slug, s.name, t.id, t.slug, t.name, p.id, p.slug, p.name
from article a left join section s on s.id = a.section_id
left join article_tag x on x.article_id = a.id left join tag t on t.id = x.tag_id
left join article_author y on y.article_id = a.id left join author p on p.id = y.author_id
where a.slug = 'bench-' || :n;
