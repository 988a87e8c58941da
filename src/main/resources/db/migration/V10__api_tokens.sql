-- API tokens for the management API. The secret is never stored: only SHA-256 over a per-token salt and
-- the secret, so a leaked table does not leak working tokens. A token is found by its id (part of the
-- token text), then its secret's hash is compared in constant time.
create table api_token (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(16) not null,
    salt         varchar(64) not null,
    secret_hash  varchar(64) not null,
    created_at   timestamp(6) with time zone not null,
    created_by   varchar(100) not null,
    expires_at   timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone
);
create index ix_api_token_created on api_token (created_at desc, id desc);
