-- Editorial workflow: scheduled publication, trash, revisions, slug history and import identities.

-- live_at is the instant from which delivery shows the article: its publication date while it is
-- PUBLISHED or SCHEDULED and not in the trash, null otherwise. Delivery asks "live_at <= now", so a
-- scheduled article appears at its publication instant exactly, whatever the scheduler is doing, and
-- lists stay one index range.
alter table article add column live_at timestamp(6) with time zone;
alter table article add column trashed_at timestamp(6) with time zone;
alter table article add column external_id varchar(200);
update article set live_at = published_at where status = 'PUBLISHED';

drop index ix_article_delivery;
drop index ix_article_section_delivery;
create index ix_article_live on article (live_at desc, id desc);
create index ix_article_section_live on article (section_id, live_at desc, id desc);
-- The scheduler's "due" probe and the trash expiry.
create index ix_article_status_published on article (status, published_at);
create index ix_article_trashed on article (trashed_at);
create unique index uk_article_external_id on article (external_id);

-- Every slug an article has had. The current slug is here too: no other article may take any of them
-- (links in the wild keep working) until an editor releases an old one.
create table article_slug (
    slug        varchar(120) primary key,
    article_id  uuid not null references article (id) on delete cascade,
    created_at  timestamp(6) with time zone not null
);
create index ix_article_slug_article on article_slug (article_id);
insert into article_slug (slug, article_id, created_at) select slug, id, created_at from article;

-- One row per management write: the full editable content as JSON, who, when and why.
create table article_revision (
    article_id  uuid not null references article (id) on delete cascade,
    number      integer not null,
    created_at  timestamp(6) with time zone not null,
    actor       varchar(200) not null,
    summary     varchar(500),
    status      varchar(16) not null,
    content     varchar(4000000) not null,
    primary key (article_id, number)
);
