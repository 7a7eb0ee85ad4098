-- Runs unchanged on H2 and PostgreSQL. What comes back from Instagram (webhooks) and what
-- Feedgram answers (replies), each stored before it is acknowledged or sent.

-- Every signed delivery, stored before Meta gets its 200. Meta retries the same bytes for up to
-- 36 hours, so a second copy is recognised by the SHA-256 of its body and counted, not stored again.
create table webhook_delivery (
    id            varchar(36)     primary key,
    body_sha256   varchar(64)     not null,
    body          varchar(1000000) not null,
    received_at   timestamp with time zone not null,
    copies        integer         not null default 1,
    processed_at  timestamp with time zone,               -- null until the webhooks route has parsed it
    lease_until   timestamp with time zone,
    attempts      integer         not null default 0,
    error         varchar(2000),
    constraint webhook_delivery_body_unique unique (body_sha256)
);
create index webhook_delivery_pending_idx on webhook_delivery (processed_at, received_at);

-- One row per event (a comment, a message, a reaction...), whichever delivery carried it first:
-- event_key names the event itself (kind and Instagram's id), so a batch redelivered in
-- another shape is still recognised.
create table inbound_event (
    id               varchar(36)   primary key,
    event_key        varchar(255)  not null,
    delivery_id      varchar(36)   not null references webhook_delivery (id),
    account_id       varchar(64),                          -- null when no configured account has the entry's id
    ig_account_id    varchar(64)   not null,
    type             varchar(32)   not null,               -- COMMENT, MENTION, MESSAGE, POSTBACK, REACTION, SEEN, ...
    occurred_at      timestamp with time zone not null,
    received_at      timestamp with time zone not null,
    sender_id        varchar(64),
    sender_username  varchar(255),
    conversation_id  varchar(36),
    media_id         varchar(64),
    comment_id       varchar(64),
    message_id       varchar(512),
    text             varchar(8000),
    raw              varchar(100000) not null,             -- the event as Instagram sent it, every field kept
    constraint inbound_event_key_unique unique (event_key)
);
create index inbound_event_list_idx on inbound_event (received_at, id);
create index inbound_event_account_idx on inbound_event (account_id, received_at);

-- A direct-message thread: one per account and Instagram-scoped user id (IGSID).
create table conversation (
    id                 varchar(36)  primary key,
    account_id         varchar(64)  not null,
    participant_id     varchar(64)  not null,
    participant_name   varchar(255),
    last_inbound_at    timestamp with time zone,           -- the person's last message: the reply window runs from it
    last_message_at    timestamp with time zone not null,
    created_at         timestamp with time zone not null,
    constraint conversation_participant_unique unique (account_id, participant_id)
);
create index conversation_recent_idx on conversation (last_message_at, id);

-- What Feedgram sends: direct-message replies, private replies and public replies to comments.
-- send_started_at is written before the call and the Instagram id right after it, as for
-- media_publish: a send whose answer was lost is read back, never sent blindly again.
create table outgoing_message (
    id               varchar(36)   primary key,
    account_id       varchar(64)   not null,
    kind             varchar(16)   not null,               -- MESSAGE, PRIVATE_REPLY, COMMENT_REPLY
    conversation_id  varchar(36),
    recipient_id     varchar(64),                          -- the IGSID a message goes to
    comment_id       varchar(64),                          -- the comment a reply answers
    text             varchar(4000) not null,
    idempotency_key  varchar(300),                         -- per API key and kind; a repeat returns the first
    status           varchar(16)   not null,               -- QUEUED, SENDING, UNCONFIRMED, SENT, FAILED
    due_at           timestamp with time zone not null,
    lease_owner      varchar(80),
    lease_until      timestamp with time zone,
    attempts         integer       not null default 0,
    send_started_at  timestamp with time zone,
    sent_at          timestamp with time zone,
    instagram_id     varchar(512),                         -- message id or comment id Instagram returned
    error_code       integer,
    error_subcode    integer,
    reason           varchar(2000),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint outgoing_message_key_unique unique (idempotency_key)
);
create index outgoing_message_due_idx on outgoing_message (status, due_at);
create index outgoing_message_pace_idx on outgoing_message (account_id, send_started_at);
create index outgoing_message_conversation_idx on outgoing_message (conversation_id, created_at);

-- The webhook fields each account's app is subscribed to, as last set.
create table account_subscription (
    account_id     varchar(64)   primary key,
    fields         varchar(1000),
    subscribed_at  timestamp with time zone,
    last_result    varchar(2000),
    updated_at     timestamp with time zone not null
);
