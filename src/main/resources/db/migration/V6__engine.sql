-- The publishing engine. Runs unchanged on H2 and PostgreSQL.

-- The account's last reading of its publishing quota and the publishes Feedgram made since, so
-- that the quota is read again only near its limit or when the reading is old.
alter table account_state add column quota_usage integer;
alter table account_state add column quota_total integer;
alter table account_state add column quota_read_at timestamp with time zone;
alter table account_state add column published_since_quota_read integer default 0 not null;

-- When each container was created, how long it took until Feedgram first saw it ready, and the
-- kind of post it belongs to: adaptive polling learns from these, also across restarts.
alter table post_container add column created_at timestamp with time zone;
alter table post_container add column ready_after_ms bigint;
alter table post_container add column poll_bucket varchar(40);
