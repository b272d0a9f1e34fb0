-- One row per loaded batch: when it was loaded and what it held. Re-loading a batch replaces its row.
create table if not exists loaded_batches (
    batch_id          varchar primary key,
    loaded_at         timestamptz not null,
    article_count     integer not null,
    comment_count     integer not null,
    mention_count     integer not null,
    framing_count     integer not null,
    dyad_count        integer not null,
    taxonomy_versions varchar[]
);
