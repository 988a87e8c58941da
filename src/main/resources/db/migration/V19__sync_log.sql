-- The sync API's change log: one row per article delivery has ever shown, numbered in commit order.
-- Every transaction that changes what delivery shows takes the next numbers from sync_clock, whose row it
-- locks until it commits, so numbers are handed out in the order transactions commit and a reader that sees
-- number n sees every number below it. floor_seq: changes at or below it were forgotten (retention).
create table sync_clock (
    id          integer primary key,
    seq         bigint not null,
    floor_seq   bigint not null
);
create table sync_change (
    seq         bigint primary key,
    article_id  uuid not null unique,
    changed_at  timestamp(6) with time zone not null
);
insert into sync_change (seq, article_id, changed_at)
    select row_number() over (order by live_at, id), id, updated_at from article where live_at is not null;
insert into sync_clock (id, seq, floor_seq) select 1, coalesce(max(seq), 0), 0 from sync_change;
