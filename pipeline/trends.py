"""Trend queries analysts run; the CLI prints them."""

from __future__ import annotations

from pathlib import Path

from pipeline.load import connect


def member_totals(db_path: Path) -> list[tuple]:
    """Mentions and articles per member and source, over the whole warehouse."""
    con = connect(db_path, read_only=True)
    try:
        return con.execute("""
            select member, source_id, sum(mention_count) as mentions,
                   sum(article_count) as article_days, min(day) as first_day, max(day) as last_day
            from daily_member_mentions
            group by all order by member, mentions desc, source_id
        """).fetchall()
    finally:
        con.close()


def daily_mentions(db_path: Path, since: str | None = None) -> list[tuple]:
    """Rows of the ``daily_member_mentions`` view, optionally from a date on."""
    con = connect(db_path, read_only=True)
    try:
        sql = "select day, member, source_id, mention_count, article_count from daily_member_mentions"
        params: list = []
        if since:
            sql += " where day >= cast(? as date)"
            params.append(since)
        return con.execute(sql + " order by day, member, source_id", params).fetchall()
    finally:
        con.close()
