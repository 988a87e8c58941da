-- Translations and localised taxonomy (issue 17).
-- Every article belongs to a translation group: alone in its own (the group id is its own id) until it is
-- created as, or linked as, a translation of another article, when it takes that article's group. A group
-- holds at most one article per locale; the unique key is the last word when two editors race.
alter table article add column translation_group uuid;
update article set translation_group = id;
alter table article alter column translation_group set not null;
alter table article add constraint uk_article_translation_locale unique (translation_group, locale);

-- Section and tag names per locale; a term's own name is the one in the default locale.
create table section_name (
    section_id  uuid not null references section (id) on delete cascade,
    locale      varchar(35) not null,
    name        varchar(200) not null,
    primary key (section_id, locale)
);

create table tag_name (
    tag_id      uuid not null references tag (id) on delete cascade,
    locale      varchar(35) not null,
    name        varchar(200) not null,
    primary key (tag_id, locale)
);
