-- Dashboard sign-ins. The browser holds a random session value in an HttpOnly cookie; only its
-- SHA-256 is stored, so a copy of this table signs nobody in. Kept in the database so that every
-- replica knows every session and a sign-out ends it everywhere.
create table dashboard_session (
    id_hash      varchar(64) primary key,
    csrf_token   varchar(64) not null,                   -- sent back with every action
    created_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null       -- for the idle timeout
);
create index dashboard_session_seen_idx on dashboard_session (last_seen_at);
