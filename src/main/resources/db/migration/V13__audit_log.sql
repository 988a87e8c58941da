-- Every management write by an authenticated caller: who, what, on which target, when, and how it ended.
create table audit_entry (
    id          uuid primary key,
    at          timestamp(6) with time zone not null,
    actor       varchar(100) not null,
    action      varchar(100) not null,
    method      varchar(10) not null,
    path        varchar(2048) not null,
    target      varchar(200),
    status      integer not null,
    outcome     varchar(16) not null
);
create index ix_audit_at on audit_entry (at desc, id desc);
create index ix_audit_actor on audit_entry (actor, at desc, id desc);
create index ix_audit_target on audit_entry (target, at desc, id desc);
