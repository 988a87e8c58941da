-- The media library: one row per uploaded image. The original's bytes live outside the database, in the
-- media store, under their SHA-256 (the same bytes uploaded twice are stored once); renditions are made
-- from them on first request and kept there too.
create table media (
    id                uuid primary key,
    sha256            varchar(64) not null,
    content_type      varchar(40) not null,
    byte_size         bigint not null,
    -- As shown: after the EXIF orientation is applied.
    width             integer not null,
    height            integer not null,
    -- The EXIF orientation (1-8) renditions apply; 1 when the file has none.
    orientation       integer not null,
    -- The point crops keep in view, as fractions of width and height from the top left; fixed at upload,
    -- since rendition URLs are cached as immutable.
    focus_x           double precision not null,
    focus_y           double precision not null,
    alt               varchar(1000),
    caption           varchar(2000),
    credit            varchar(300),
    copyright_holder  varchar(300),
    source            varchar(300),
    created_by        varchar(100),
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    version           bigint not null
);
-- The library's listing, newest first.
create index media_created on media (created_at, id);
-- Whether another item still uses a stored original.
create index media_sha256 on media (sha256);

alter table article add column lead_media_id uuid;
alter table article add constraint article_lead_media_fk foreign key (lead_media_id) references media (id);
create index article_lead_media on article (lead_media_id);
