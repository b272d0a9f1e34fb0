"""Swap every tag row of the private warehouse for a re-tag batch's, in one transaction, so
analysts never see a mix of two taxonomy versions."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch import BatchPaths
from pipeline.warehouse.connection import DEFAULT_LOCK_TIMEOUT_S
from pipeline.warehouse.load import TAG_TABLES
from pipeline.warehouse.session import write_session


def replace_tags(db_path: Path, sql_dir: Path, paths: BatchPaths, covered_articles: Path,
                 lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> tuple[list[str], dict[str, int], int]:
    """Replace the warehouse's tags with the batch's; return (old versions, row counts, articles
    left untagged because ``covered_articles`` (a Parquet file of article ids) lacks them).

    Only rows of documents the warehouse holds are inserted (a stored article that failed
    validation was never loaded).
    """
    with write_session(db_path, sql_dir, lock_timeout_s) as con:
        old = sorted({r[0] for t in TAG_TABLES
                      for r in con.execute(f"select distinct taxonomy_version from {t}").fetchall()})
        for table in TAG_TABLES:
            con.execute(f"delete from {table}")
        known = ("(doc_kind = 'article' and doc_id in (select article_id from articles)) or "
                 "(doc_kind = 'comment' and doc_id in (select comment_id from comments))")
        for table, path, cols in (
            ("mentions", paths.mentions, 'actor, is_member, "start", "end", surface, sentence'),
            ("framings", paths.framings, 'framing_id, stance, "start", "end", surface, sentence'),
            ("dyads", paths.dyads, "member_a, member_b, relation, sentence, sentence_start"),
        ):
            con.execute(f"""
                insert into {table}
                select doc_id, doc_kind, article_id, {cols}, taxonomy_version, batch_id
                from read_parquet(?) where {known}""", [str(path)])
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TAG_TABLES}
        untagged = con.execute(
            "select count(*) from articles where article_id not in (select article_id from read_parquet(?))",
            [str(covered_articles)]).fetchone()[0]
    return old, counts, untagged
