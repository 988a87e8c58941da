-- Full-text search on PostgreSQL: a tsvector the database keeps current, and a GIN index on it.
-- The 'simple' configuration (no stemming, no stop words) matches the H2 word index word for word, so
-- a query finds the same articles on both databases. The parser skips HTML tags in the body.
alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(subtitle, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(excerpt, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(body, '')), 'C')
) stored;

create index ix_article_search on article using gin (search_vector);
