-- Runs unchanged on H2 and PostgreSQL. Tokens and app secrets are stored encrypted
-- (AES-GCM, see account.TokenCipher), never in plain text.
create table account (
    id                    varchar(64)  primary key,
    login                 varchar(16)  not null,            -- INSTAGRAM or FACEBOOK
    ig_user_id            varchar(64),
    username              varchar(255),
    app_id                varchar(64),
    app_secret_enc        varchar(1024),
    access_token_enc      varchar(4096),
    token_expires_at      timestamp with time zone,         -- null: unknown, or never (Page tokens)
    token_issued_at       timestamp with time zone,         -- issue or last refresh (refresh needs 24 h)
    user_token_enc        varchar(4096),                    -- Facebook Login: the user token behind the Page token
    user_token_expires_at timestamp with time zone,
    token_source          varchar(16),                      -- CONFIG (application.yaml), CONNECT, REFRESH
    config_fingerprint    varchar(64),                      -- hash of the file's token when last loaded
    last_refresh_at       timestamp with time zone,
    last_refresh_result   varchar(1000),
    refresh_failures      integer      not null default 0,
    updated_at            timestamp with time zone not null
);
