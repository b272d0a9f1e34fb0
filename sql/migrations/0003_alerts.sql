-- Data-quality alerts, one row per alert (grain: alert_id). The data-quality migrations (0010+)
-- own this table; it is created here too, with the same columns, so analysts can query it even
-- before any alert has been recorded.
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
