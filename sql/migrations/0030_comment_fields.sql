-- Comment fields an analyst can trust: the date exactly as the page shows it (published_at is it
-- parsed, when the page gives one) and the kind of record, so pingbacks and trackbacks stay out of
-- comment counts and tags. Rows loaded before this migration are reader comments with no raw date.
alter table comments add column if not exists date_raw varchar;
alter table comments add column if not exists kind varchar default 'comment';
update comments set kind = 'comment' where kind is null;
