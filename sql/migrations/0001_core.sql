-- Core tables: one row per source, article, comment and tag, keyed on natural keys.
create table if not exists sources (
    source_id    varchar primary key,
    name         varchar not null,
    feed_url     varchar not null,
    source_type  varchar not null,   -- think_tank | news | state_media
    language     varchar,
    has_comments boolean,
    is_enabled   boolean
);

create table if not exists articles (
    article_id          varchar primary key,  -- sha1 of canonical_url
    url                 varchar not null,
    canonical_url       varchar not null unique,
    source_ids          varchar[] not null,
    title               varchar,
    authors             varchar[],
    published_at        timestamptz,
    site_name           varchar,
    text                varchar not null,
    language            varchar not null,
    language_confidence double,
    word_count          integer,
    extractor           varchar,
    batch_id            varchar not null
);

create table if not exists comments (
    comment_id          varchar primary key,
    article_id          varchar not null,
    position            integer not null,
    author              varchar,
    published_at        timestamptz,
    text                varchar not null,
    language            varchar not null,
    language_confidence double,
    batch_id            varchar not null
);

create table if not exists mentions (
    doc_id           varchar not null,
    doc_kind         varchar not null,   -- article | comment
    article_id       varchar not null,
    actor            varchar not null,   -- CN RU IR KP, or a tracked non-member
    is_member        boolean not null,
    start_offset     integer not null,
    end_offset       integer not null,
    surface          varchar not null,
    sentence         varchar not null,
    taxonomy_version varchar not null,
    batch_id         varchar not null,
    primary key (doc_id, start_offset, taxonomy_version)
);

create table if not exists framings (
    doc_id           varchar not null,
    doc_kind         varchar not null,
    article_id       varchar not null,
    framing_id       varchar not null,
    stance           varchar not null,   -- asserted | distanced | contested
    start_offset     integer not null,
    end_offset       integer not null,
    surface          varchar not null,
    sentence         varchar not null,
    taxonomy_version varchar not null,
    batch_id         varchar not null,
    primary key (doc_id, start_offset, taxonomy_version)
);
