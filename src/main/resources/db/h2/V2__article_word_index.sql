-- Full-text search on H2: an inverted index of the words of each article (title, subtitle, excerpt and
-- body text), kept current by Dateline on every write, plus the normalised text to confirm phrases on the
-- few candidates the index leaves. No query scans bodies with LIKE.
create table article_word (
    word        varchar(64) not null,
    article_id  uuid not null references article (id) on delete cascade,
    primary key (word, article_id)
);
create index ix_article_word_article on article_word (article_id);

-- Kept beside the article rather than in it: article rows stay narrow for list queries.
create table article_text (
    article_id  uuid primary key references article (id) on delete cascade,
    text        varchar(1100000) not null
);
