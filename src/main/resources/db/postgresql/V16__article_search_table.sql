-- Search moves to a narrow table of its own: each delivered article's date and tsvector, GIN-indexed.
-- A newest-first search used to walk the article table newest first and decompress each row's tsvector
-- until it had a page of matches: cheap when the word is in most recent articles, seconds when it is in
-- none of them. Now the GIN index names every match first and only their narrow rows are read and
-- sorted by date, so a search costs what its matches cost, wherever they lie. The article table keeps
-- its generated search_vector (this table's source); its GIN index is dropped, as nothing reads it now.
-- Copying and indexing every article's vector takes longer than Dateline's statement timeout allows a
-- request (about a minute for 100,000 articles on two cores): this migration's transaction has none, and
-- more memory to build the index in. The driver's socket timeout still applies: docs/operations.md says
-- how to upgrade a large archive.
set local statement_timeout = 0;
set local maintenance_work_mem = '256MB';

create table article_search (
    id uuid primary key references article (id) on delete cascade,
    live_at timestamp(6) with time zone,
    search_vector tsvector not null
);

insert into article_search (id, live_at, search_vector) select id, live_at, search_vector from article;
create index ix_article_search_vector on article_search using gin (search_vector);
drop index ix_article_search;

create function article_search_sync() returns trigger language plpgsql as $$
begin
    insert into article_search (id, live_at, search_vector) values (new.id, new.live_at, new.search_vector)
    on conflict (id) do update set live_at = excluded.live_at, search_vector = excluded.search_vector;
    return null;
end
$$;

create trigger article_search_sync after insert or update of title, subtitle, excerpt, body, live_at on article
    for each row execute function article_search_sync();
