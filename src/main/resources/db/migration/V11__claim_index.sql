-- The claim counts each account's posts under way; a QUEUED post counts while it is leased (its media are being
-- prepared or its containers created). Read through this index, that count costs the leased posts, not the backlog.
create index post_lease_idx on post (status, lease_until);
