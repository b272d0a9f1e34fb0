"""The load stage: apply the SQL migrations and load a validated batch into DuckDB.

Loads read the stage's Parquet files directly (no row-by-row inserts) and replace the batch's
rows inside one transaction, keyed on natural keys, so re-running a batch changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.batch import BatchPaths
from pipeline.models import Source


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (creating its folder when writing)."""
    if not read_only:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(db_path), read_only=read_only)


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Apply pending ``migrations/*.sql`` in order, then (re)create ``views/*.sql``.

    Returns the migrations applied now; applied ones are recorded in ``schema_migrations``.
    """
    con.execute(
        "create table if not exists schema_migrations "
        "(version varchar primary key, applied_at timestamptz default current_timestamp)"
    )
    done = {r[0] for r in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for path in sorted((Path(sql_dir) / "migrations").glob("*.sql")):
        if path.stem in done:
            continue
        con.execute("begin")
        con.execute(path.read_text(encoding="utf-8"))
        con.execute("insert into schema_migrations (version) values (?)", [path.stem])
        con.execute("commit")
        applied.append(path.stem)
    for path in sorted((Path(sql_dir) / "views").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
    return applied


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[Source]) -> None:
    """Replace the sources table's rows for these sources."""
    for s in sources:
        con.execute(
            "insert or replace into sources values (?, ?, ?, ?, ?, ?, ?)",
            [s.id, s.name, s.feed_url, s.type, s.language, s.comments, s.enabled],
        )


def load_batch(
    paths: BatchPaths, db_path: Path, sql_dir: Path, sources: list[Source] | None = None
) -> dict[str, int]:
    """Load one validated batch; return the row counts now in the warehouse for it."""
    con = connect(db_path)
    try:
        migrate(con, sql_dir)
        con.execute("begin")
        try:
            _replace_batch(con, paths, sources)
        except Exception:
            con.execute("rollback")
            raise
        con.execute("commit")
        counts = {
            t: con.execute(f"select count(*) from {t} where batch_id = ?", [paths.batch_id]).fetchone()[0]
            for t in ("articles", "comments", "mentions", "framings", "dyads")
        }
    finally:
        con.close()
    return counts


def _replace_batch(con: duckdb.DuckDBPyConnection, paths: BatchPaths, sources: list[Source] | None) -> None:
    if sources:
        upsert_sources(con, sources)
    articles, comments = str(paths.articles), str(paths.comments)
    con.execute(f"""
        create temp table batch_articles as
        select article_id from read_parquet('{articles}')""")
    for table in ("dyads", "mentions", "framings", "comments"):
        con.execute(f"delete from {table} where article_id in (select article_id from batch_articles)")
    con.execute("delete from articles where article_id in (select article_id from batch_articles)")
    con.execute(f"""
        insert into articles
        select article_id, url, canonical_url, source_ids, title, authors,
               cast(published_at as timestamptz), site_name, text, language,
               language_confidence, word_count, extractor, batch_id, extractor_settings
        from read_parquet('{articles}')""")
    con.execute(f"""
        insert into comments
        select comment_id, article_id, position, author, cast(published_at as timestamptz),
               text, language, language_confidence, batch_id, parent_id
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
