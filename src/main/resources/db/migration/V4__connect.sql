-- Runs unchanged on H2 and PostgreSQL.

-- The connect flows' state nonces: a signed state is good once, until it expires (15 minutes).
create table connect_state (
    nonce       varchar(64)  primary key,
    account_id  varchar(64)  not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
