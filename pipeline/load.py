"""The load stage: apply the SQL schema and load a validated batch into the private warehouse.

The schema is layered: numbered ``sql/migrations`` create the raw tables once (recorded in
``schema_migrations``); ``sql/staging`` views rename and cast them; ``sql/marts`` views are the
trend tables, named by grain; ``sql/analyst`` views lead from a trend cell to its sentences.
Loads read the stage's Parquet files directly (no row-by-row inserts) and replace the batch's
rows inside one transaction, keyed on natural keys, so re-running a batch changes nothing.
Analysts never open this database: ``pipeline.publish`` copies it to the one they read.
"""

from __future__ import annotations

import fcntl
import hashlib
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.batch import BatchPaths
from pipeline.models import Source

# Applied after the migrations, in this order; each file is an idempotent `create or replace`.
VIEW_LAYERS = ("staging", "marts", "analyst", "views")
TAG_TABLES = ("mentions", "framings", "dyads")


class PublishedDatabase(RuntimeError):
    """Something tried to migrate or load the analysts' copy instead of the private warehouse."""


class WarehouseBusy(RuntimeError):
    """Another process has held the warehouse lock for longer than we were willing to wait."""


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file (creating its folder when writing)."""
    if not read_only:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(db_path), read_only=read_only)


@contextmanager
def warehouse_lock(db_path: Path, timeout_s: float = 900.0) -> Iterator[None]:
    """Hold an exclusive lock beside the private warehouse, so loads, re-tags and publishes
    queue up instead of failing on DuckDB's single-writer lock."""
    lock_path = Path(db_path).with_name(Path(db_path).name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{db_path} is locked by another load or publish "
                                        f"(waited {timeout_s:.0f}s; lock file {lock_path})")
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def migration_files(sql_dir: Path) -> list[Path]:
    """The numbered migrations, in the order they apply."""
    return sorted((Path(sql_dir) / "migrations").glob("*.sql"))


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, object]]:
    """(version, applied_at) of every migration recorded in the database (none when unmigrated)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_name = 'schema_migrations'").fetchone()[0]
    if not exists:
        return []
    return con.execute("select version, applied_at from schema_migrations order by version").fetchall()


def view_files(sql_dir: Path, layer: str) -> list[Path]:
    """The view definitions of one layer (staging, marts, analyst), sorted by name."""
    return sorted((Path(sql_dir) / layer).glob("*.sql"))


def mart_names(sql_dir: Path) -> list[str]:
    """The trend tables: one per file in ``sql/marts``, named like the file."""
    return [p.stem for p in view_files(sql_dir, "marts")]


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Apply pending migrations in order, then (re)create the staging, mart and analyst views.

    Returns the migrations applied now; each runs in its own transaction with its record in
    ``schema_migrations``, so an interrupted migrate resumes where it stopped.
    """
    if con.execute("select count(*) from information_schema.tables where table_name = 'publish_info'").fetchone()[0]:
        raise PublishedDatabase("this is a published analyst database (it has publish_info); the pipeline "
                                "writes its private warehouse (settings.private_db_path) and publishes it")
    _ensure_version_table(con)
    done = {r[0] for r in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for path in migration_files(sql_dir):
        if path.stem in done:
            continue
        con.execute("begin")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migrations (version) values (?)", [path.stem])
        except Exception as exc:
            con.execute("rollback")
            raise RuntimeError(f"migration {path.name} failed: {exc}") from exc
        con.execute("commit")
        applied.append(path.stem)
    views = [p.read_text(encoding="utf-8") for layer in VIEW_LAYERS for p in view_files(sql_dir, layer)]
    digest = hashlib.sha256("\n".join(views).encode("utf-8")).hexdigest()
    con.execute("create table if not exists schema_views (digest varchar not null)")
    # Re-creating every view costs a load more than the load itself on small batches; only do it
    # when a definition changed (or a migration may have replaced what a view reads).
    if applied or con.execute("select digest from schema_views").fetchall() != [(digest,)]:
        con.execute("begin")
        for sql in views:
            con.execute(sql)
        con.execute("delete from schema_views")
        con.execute("insert into schema_views values (?)", [digest])
        con.execute("commit")
    return applied


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[Source]) -> None:
    """Replace the sources table's rows for these sources."""
    con.executemany(
        "insert or replace into sources values (?, ?, ?, ?, ?, ?, ?)",
        [[s.id, s.name, s.feed_url, s.type, s.language, s.comments, s.enabled] for s in sources],
    )


def load_batch(
    paths: BatchPaths, db_path: Path, sql_dir: Path, sources: list[Source] | None = None
) -> dict[str, int]:
    """Load one validated batch into ``db_path`` (the private warehouse); return its row counts."""
    with warehouse_lock(db_path):
        con = connect(db_path)
        try:
            migrate(con, sql_dir)
            con.execute("begin")
            try:
                _replace_batch(con, paths, sources)
                counts = _batch_counts(con, paths.batch_id)
                _record_batch(con, paths.batch_id, counts)
            except Exception:
                con.execute("rollback")
                raise
            con.execute("commit")
        finally:
            con.close()
    return counts


def _ensure_version_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "create table if not exists schema_migrations "
        "(version varchar primary key, applied_at timestamptz default current_timestamp)"
    )


def _batch_counts(con: duckdb.DuckDBPyConnection, batch_id: str) -> dict[str, int]:
    return {
        t: con.execute(f"select count(*) from {t} where batch_id = ?", [batch_id]).fetchone()[0]
        for t in ("articles", "comments", "mentions", "framings", "dyads")
    }


def _record_batch(con: duckdb.DuckDBPyConnection, batch_id: str, counts: dict[str, int]) -> None:
    con.execute("""
        insert or replace into loaded_batches
        select ?, current_timestamp, ?, ?, ?, ?, ?,
               (select list(distinct taxonomy_version order by taxonomy_version)
                from mentions where batch_id = ?)""",
                [batch_id, counts["articles"], counts["comments"], counts["mentions"],
                 counts["framings"], counts["dyads"], batch_id])


def _replace_batch(con: duckdb.DuckDBPyConnection, paths: BatchPaths, sources: list[Source] | None) -> None:
    if sources:
        upsert_sources(con, sources)
    articles, comments = str(paths.articles), str(paths.comments)
    # An article re-fetched in a later batch replaces its earlier rows, tags included.
    con.execute(f"""
        create or replace temp table batch_articles as
        select article_id from read_parquet('{articles}')""")
    seen_before = con.execute("select count(*) from articles where article_id in "
                              "(select article_id from batch_articles)").fetchone()[0]
    if seen_before:  # an article's rows are only ever written together, so new articles have none
        for table in (*TAG_TABLES, "comments"):
            con.execute(f"delete from {table} where article_id in (select article_id from batch_articles)")
        con.execute("delete from articles where article_id in (select article_id from batch_articles)")
    con.execute(f"""
        insert into articles
        select article_id, url, canonical_url, source_ids, title, authors,
               cast(published_at as timestamptz), site_name, text, language,
               language_confidence, word_count, extractor, batch_id, extractor_settings
        from read_parquet('{articles}')""")
    # batches extracted before comments had a raw date and a kind hold reader comments only
    have = {row[0] for row in con.execute(f"describe select * from read_parquet('{comments}')").fetchall()}
    date_raw = "date_raw" if "date_raw" in have else "null::varchar"
    kind = "kind" if "kind" in have else "'comment'"
    con.execute(f"""
        insert into comments
        select comment_id, article_id, position, author, cast(published_at as timestamptz),
               text, language, language_confidence, batch_id, parent_id, {date_raw}, {kind}
        from read_parquet('{comments}')""")
    for table, path, label in (("mentions", paths.mentions, "actor, is_member"),
                               ("framings", paths.framings, "framing_id, stance")):
        con.execute(f"""
            insert into {table}
            select doc_id, doc_kind, article_id, {label}, "start", "end", surface, sentence,
                   taxonomy_version, batch_id
            from read_parquet('{path}')""")
    if paths.dyads.exists():
        con.execute(f"""
            insert into dyads
            select doc_id, doc_kind, article_id, member_a, member_b, relation, sentence,
                   sentence_start, taxonomy_version, batch_id
            from read_parquet('{paths.dyads}')""")
    con.execute("drop table batch_articles")
