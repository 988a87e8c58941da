-- Content model shared by H2 and PostgreSQL. Vendor-specific SQL lives in db/h2 and db/postgresql.

create table section (
    id          uuid primary key,
    slug        varchar(120) not null,
    name        varchar(200) not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint not null,
    constraint uk_section_slug unique (slug)
);

create table tag (
    id          uuid primary key,
    slug        varchar(120) not null,
    name        varchar(200) not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint not null,
    constraint uk_tag_slug unique (slug)
);

create table author (
    id          uuid primary key,
    slug        varchar(120) not null,
    name        varchar(200) not null,
    bio         varchar(4000),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint not null,
    constraint uk_author_slug unique (slug)
);

create table article (
    id            uuid primary key,
    slug          varchar(120) not null,
    title         varchar(300) not null,
    subtitle      varchar(300),
    excerpt       varchar(1000),
    body          varchar(1048576),
    image_url     varchar(2048),
    section_id    uuid references section (id),
    locale        varchar(35) not null,
    status        varchar(16) not null,
    published_at  timestamp(6) with time zone,
    word_count    integer not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    version       bigint not null,
    constraint uk_article_slug unique (slug)
);

-- Delivery lists: published articles newest first, keyset-paged on (published_at, id).
create index ix_article_delivery on article (status, published_at desc, id desc);
create index ix_article_section_delivery on article (section_id, status, published_at desc, id desc);
-- Management list: every article, newest created first.
create index ix_article_created on article (created_at desc, id desc);
-- Last-Modified of the whole content at start.
create index ix_article_updated on article (updated_at);

-- published_at repeats the article's publication date while it is published (null otherwise), so "recent
-- published articles with tag X" is one index range here instead of a join into the wide article rows.
create table article_tag (
    article_id    uuid not null references article (id) on delete cascade,
    sort_order    integer not null,
    tag_id        uuid not null references tag (id),
    published_at  timestamp(6) with time zone,
    primary key (article_id, sort_order)
);
create index ix_article_tag_timeline on article_tag (tag_id, published_at desc, article_id desc);

create table article_author (
    article_id  uuid not null references article (id) on delete cascade,
    sort_order  integer not null,
    author_id   uuid not null references author (id),
    primary key (article_id, sort_order)
);
create index ix_article_author_author on article_author (author_id, article_id);

-- The editor-curated "more on this" list, in the editor's order.
create table article_related (
    article_id  uuid not null references article (id) on delete cascade,
    sort_order  integer not null,
    related_id  uuid not null references article (id) on delete cascade,
    primary key (article_id, sort_order)
);
create index ix_article_related_target on article_related (related_id);
