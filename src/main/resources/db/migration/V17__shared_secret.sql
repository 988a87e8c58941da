-- Keys every instance on the database must agree on (the cursor-signing key), made by the first instance
-- that needs one, so nothing that has to match across instances needs configuring.
create table shared_secret (
    name        varchar(64) primary key,
    secret      varchar(128) not null,
    created_at  timestamp(6) with time zone not null
);
