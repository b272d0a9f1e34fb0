-- The CRINK members every trend is reported for (grain: member), so days without a mention
-- show as zero rather than disappearing.
create table if not exists members (
    member      varchar primary key,   -- the tagger's actor code
    member_name varchar not null
);

insert or ignore into members values
    ('CN', 'China'), ('RU', 'Russia'), ('IR', 'Iran'), ('KP', 'North Korea');
