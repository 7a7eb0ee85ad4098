-- Runs unchanged on H2 and PostgreSQL. The Facebook Page linked to a Facebook Login account: on
-- graph.facebook.com the Page, not the Instagram user, sends messages, lists conversations and
-- subscribes to webhooks (docs/instagram.md#facebook-login-page-node). Null on Instagram Login, and
-- for Facebook Login accounts connected before this column existed (they are connected again).
alter table account add column page_id varchar(64);
