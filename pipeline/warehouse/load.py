"""The load stage: load a validated batch into the private warehouse.

Loads read the stage's Parquet files directly (no row-by-row inserts) and replace the batch's
rows inside one transaction, keyed on natural keys, so re-running a batch changes nothing.
Analysts never open this database: ``pipeline.warehouse.publish`` copies it to the one they read.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.batch import BatchPaths
from pipeline.models import Source
from pipeline.warehouse.connection import DEFAULT_LOCK_TIMEOUT_S
from pipeline.warehouse.session import write_session

TAG_TABLES = ("mentions", "framings", "dyads")


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[Source]) -> None:
    """Replace the sources table's rows for these sources."""
    con.executemany(
        "insert or replace into sources values (?, ?, ?, ?, ?, ?, ?)",
        [[s.id, s.name, s.feed_url, s.type, s.language, s.comments, s.enabled] for s in sources],
    )


def load_batch(
    paths: BatchPaths, db_path: Path, sql_dir: Path, sources: list[Source] | None = None,
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
) -> dict[str, int]:
    """Load one validated batch into ``db_path`` (the private warehouse); return its row counts."""
    with write_session(db_path, sql_dir, lock_timeout_s) as con:
        _replace_batch(con, paths, sources)
        counts = _batch_counts(con, paths.batch_id)
        _record_batch(con, paths.batch_id, counts)
    return counts


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
    con.execute("""
        create or replace temp table batch_articles as
        select article_id from read_parquet(?)""", [articles])
    seen_before = con.execute("select count(*) from articles where article_id in "
                              "(select article_id from batch_articles)").fetchone()[0]
    if seen_before:  # an article's rows are only ever written together, so new articles have none
        for table in (*TAG_TABLES, "comments"):
            con.execute(f"delete from {table} where article_id in (select article_id from batch_articles)")
        con.execute("delete from articles where article_id in (select article_id from batch_articles)")
    con.execute("""
        insert into articles
        select article_id, url, canonical_url, source_ids, title, authors,
               cast(published_at as timestamptz), site_name, text, language,
               language_confidence, word_count, extractor, batch_id, extractor_settings
        from read_parquet(?)""", [articles])
    con.execute("""
        insert into comments
        select comment_id, article_id, position, author, cast(published_at as timestamptz),
               text, language, language_confidence, batch_id, parent_id
        from read_parquet(?)""", [comments])
    for table, path, label in (("mentions", paths.mentions, "actor, is_member"),
                               ("framings", paths.framings, "framing_id, stance")):
        con.execute(f"""
            insert into {table}
            select doc_id, doc_kind, article_id, {label}, "start", "end", surface, sentence,
                   taxonomy_version, batch_id
            from read_parquet(?)""", [str(path)])
    if paths.dyads.exists():
        con.execute("""
            insert into dyads
            select doc_id, doc_kind, article_id, member_a, member_b, relation, sentence,
                   sentence_start, taxonomy_version, batch_id
            from read_parquet(?)""", [str(paths.dyads)])
    con.execute("drop table batch_articles")
