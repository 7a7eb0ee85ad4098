-- Runs unchanged on H2 and PostgreSQL. The first comment of a published post (options.first_comment),
-- posted by its own route under its own lease, never by the publishing pipeline. first_comment_started_at
-- is written before the call and first_comment_id right after it, as for media_publish.
alter table post add column first_comment_status varchar(16);        -- null (not looked at), POSTING, POSTED, FAILED, NONE
alter table post add column first_comment_id varchar(64);
alter table post add column first_comment_started_at timestamp with time zone;
alter table post add column first_comment_due_at timestamp with time zone;
alter table post add column first_comment_lease_owner varchar(80);
alter table post add column first_comment_lease_until timestamp with time zone;
alter table post add column first_comment_attempts integer not null default 0;
alter table post add column first_comment_reason varchar(2000);
create index post_first_comment_idx on post (status, first_comment_status);
