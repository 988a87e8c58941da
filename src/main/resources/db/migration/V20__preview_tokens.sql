-- Draft preview tokens. The token text is signed (HMAC, SharedSecrets "preview") and carries its id, scope
-- and expiry, so it is never stored; this row is what makes revocation work on every instance, and is read
-- on each preview request. scope is an article id, or 'all' for a site-wide preview.
create table preview_token (
    id          uuid primary key,
    scope       varchar(36) not null,
    created_by  varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    revoked_at  timestamp(6) with time zone
);
create index ix_preview_token_expires on preview_token (expires_at desc, id desc);
