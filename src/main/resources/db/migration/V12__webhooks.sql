-- Webhook subscriptions and their transactional outbox. A delivery row is written in the same
-- transaction as the change it announces, so a committed change always produces its deliveries and a
-- rolled-back one never does; the dispatcher sends them afterwards, at least once.
create table webhook (
    id          uuid primary key,
    url         varchar(2048) not null,
    events      varchar(1000) not null,
    secret      varchar(100) not null,
    active      boolean not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);

create table webhook_delivery (
    id                uuid primary key,
    webhook_id        uuid not null references webhook (id) on delete cascade,
    event             varchar(64) not null,
    payload           varchar(65536) not null,
    created_at        timestamp(6) with time zone not null,
    status            varchar(16) not null,
    attempts          integer not null,
    next_attempt_at   timestamp(6) with time zone,
    last_attempt_at   timestamp(6) with time zone,
    last_status_code  integer,
    last_error        varchar(500),
    last_latency_ms   bigint,
    delivered_at      timestamp(6) with time zone,
    retry_from        timestamp(6) with time zone not null
);
-- The dispatcher's probe: pending rows that are due, oldest first.
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_log on webhook_delivery (webhook_id, created_at desc, id desc);
