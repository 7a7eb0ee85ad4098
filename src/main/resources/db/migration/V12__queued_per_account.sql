-- The claim reads the next QUEUED posts of each account that has room for another post under way: an index seek per
-- account, ordered by due time, instead of a scan of the whole backlog past the accounts that are full.
drop index post_account_idx;
create index post_account_idx on post (account_id, status, due_at);

-- Those accounts are the tracked ones (account_state), so every account with posts is tracked from now on.
insert into account_state (account_id, status, updated_at)
select distinct p.account_id, 'ACTIVE', current_timestamp from post p
where not exists (select 1 from account_state a where a.account_id = p.account_id);
