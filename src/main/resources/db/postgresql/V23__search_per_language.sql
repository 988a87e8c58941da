-- Search stems each article in its own language: the tsvector is built with the text search
-- configuration of the article's locale ('russian' for ru, 'english' for en, ...; 'simple', word for
-- word, for languages PostgreSQL has no dictionary for), so a query for "Москва" finds "Москве".
-- article_search keeps the configuration next to the vector: a search in a locale is parsed with that
-- locale's configuration, one in no locale with each row's own (TextSearch says how the index still serves it).
-- The table of languages is Locales.SEARCH_CONFIGURATIONS' as well; keep the two alike.
set local statement_timeout = 0;
set local maintenance_work_mem = '256MB';

create function dateline_search_config(locale varchar) returns regconfig language sql immutable parallel safe as $$
    select (case lower(split_part(locale, '-', 1))
        when 'ar' then 'pg_catalog.arabic' when 'hy' then 'pg_catalog.armenian' when 'eu' then 'pg_catalog.basque'
        when 'ca' then 'pg_catalog.catalan' when 'da' then 'pg_catalog.danish' when 'nl' then 'pg_catalog.dutch'
        when 'en' then 'pg_catalog.english' when 'fi' then 'pg_catalog.finnish' when 'fr' then 'pg_catalog.french'
        when 'de' then 'pg_catalog.german' when 'el' then 'pg_catalog.greek' when 'hi' then 'pg_catalog.hindi'
        when 'hu' then 'pg_catalog.hungarian' when 'id' then 'pg_catalog.indonesian' when 'ga' then 'pg_catalog.irish'
        when 'it' then 'pg_catalog.italian' when 'lt' then 'pg_catalog.lithuanian' when 'ne' then 'pg_catalog.nepali'
        when 'nb' then 'pg_catalog.norwegian' when 'nn' then 'pg_catalog.norwegian' when 'no' then 'pg_catalog.norwegian'
        when 'pt' then 'pg_catalog.portuguese' when 'ro' then 'pg_catalog.romanian' when 'ru' then 'pg_catalog.russian'
        when 'sr' then 'pg_catalog.serbian' when 'es' then 'pg_catalog.spanish' when 'sv' then 'pg_catalog.swedish'
        when 'ta' then 'pg_catalog.tamil' when 'tr' then 'pg_catalog.turkish' when 'yi' then 'pg_catalog.yiddish'
        else 'pg_catalog.simple' end)::regconfig
$$;

alter table article drop column search_vector;
alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector(dateline_search_config(locale), coalesce(title, '')), 'A') ||
    setweight(to_tsvector(dateline_search_config(locale), coalesce(subtitle, '')), 'B') ||
    setweight(to_tsvector(dateline_search_config(locale), coalesce(excerpt, '')), 'B') ||
    setweight(to_tsvector(dateline_search_config(locale), coalesce(body, '')), 'C')
) stored;

alter table article_search add column search_config regconfig not null default 'pg_catalog.simple';
update article_search s set search_vector = a.search_vector, search_config = dateline_search_config(a.locale)
    from article a where a.id = s.id;

create or replace function article_search_sync() returns trigger language plpgsql as $$
begin
    insert into article_search (id, live_at, search_vector, search_config)
        values (new.id, new.live_at, new.search_vector, dateline_search_config(new.locale))
    on conflict (id) do update set live_at = excluded.live_at, search_vector = excluded.search_vector,
        search_config = excluded.search_config;
    return null;
end
$$;

drop trigger article_search_sync on article;
create trigger article_search_sync after insert or update of title, subtitle, excerpt, body, locale, live_at on article
    for each row execute function article_search_sync();
