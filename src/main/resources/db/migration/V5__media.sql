-- What Feedgram made of each media item before its container is created: the URL Instagram
-- fetches (the original, or a compliant copy Feedgram serves), what was done, and the stored copy.
alter table post_media add column publish_url varchar(2048);
alter table post_media add column media_note varchar(1000);
alter table post_media add column stored_file varchar(64);
alter table post_media add column prepared_at timestamp with time zone;
