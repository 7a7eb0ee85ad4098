-- A post with no first comment is marked NONE when it is stored (PostRepository.insert), so that the first
-- comments' due read, bounded by the (status, first_comment_status) index, passes over it instead of reading every
-- published post each tick. The posts stored before are marked here.
update post set first_comment_status = 'NONE'
where first_comment_status is null and (options is null or options not like '%"first_comment"%');
