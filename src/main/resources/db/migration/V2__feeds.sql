-- Runs unchanged on H2 and PostgreSQL.

-- What Feedgram knows about each configured feed between polls.
create table feed_state (
    feed_id        varchar(64)  primary key,
    next_poll_at   timestamp with time zone not null,
    lease_until    timestamp with time zone,
    etag           varchar(512),
    last_modified  varchar(128),
    first_polled_at timestamp with time zone,            -- null until the first successful poll (backfill)
    last_poll_at   timestamp with time zone,
    last_status    varchar(16),                          -- OK, NOT_MODIFIED, ERROR
    last_error     varchar(2000),
    polls          integer not null default 0,
    entries_seen   integer not null default 0,
    posts_created  integer not null default 0,
    entries_skipped integer not null default 0,
    updated_at     timestamp with time zone not null
);

-- Camel's JDBC idempotent repository (JdbcMessageIdRepository's own layout): one row per
-- feed entry ever taken, keyed by a SHA-256 of feed id and entry id, so restarts never re-take one.
create table CAMEL_MESSAGEPROCESSED (
    processorName varchar(255) not null,
    messageId     varchar(100) not null,
    createdAt     timestamp    not null,
    constraint camel_messageprocessed_pk primary key (processorName, messageId)
);
