-- Member pairs per sentence, and where extracted rows came from.
create table if not exists dyads (
    doc_id           varchar not null,
    doc_kind         varchar not null,
    article_id       varchar not null,
    member_a         varchar not null,   -- member_a < member_b
    member_b         varchar not null,
    relation         varchar not null,   -- cooperation | friction | neutral
    sentence         varchar not null,
    sentence_start   integer not null,
    taxonomy_version varchar not null,
    batch_id         varchar not null,
    primary key (doc_id, sentence_start, member_a, member_b, taxonomy_version)
);

alter table articles add column if not exists extractor_settings varchar;
alter table comments add column if not exists parent_id varchar;
