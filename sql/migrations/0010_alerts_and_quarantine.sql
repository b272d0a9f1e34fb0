-- Data-quality alerts (one row per failed expectation or feed-health problem) and the rows
-- validation quarantined, each with its reason. Grain: alert_id; batch × table × row_key.
-- The one migration that creates these tables (warehouses migrated before this was so also ran a
-- since-removed 0003_alerts with the same columns; `if not exists` keeps them as they are).
create table if not exists alerts (
    alert_id    varchar primary key,
    raised_at   timestamptz not null,
    origin      varchar not null,   -- validation | feed_health | pipeline
    suite       varchar not null,
    check_name  varchar not null,
    severity    varchar not null,   -- critical | warning
    observed    varchar,
    batch_id    varchar,
    subject     varchar,
    details     varchar,
    docs_url    varchar,
    recorded_at timestamptz default current_timestamp
);

create table if not exists quarantine (
    batch_id       varchar not null,
    stage          varchar not null,
    table_name     varchar not null,
    row_key        varchar not null,
    checks         varchar[] not null,
    reason         varchar not null,
    row_json       varchar not null,
    quarantined_at timestamptz not null,
    primary key (batch_id, table_name, row_key)
);
