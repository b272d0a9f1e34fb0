"""Trend queries analysts run, and the evidence behind each trend cell; the CLI prints them.

Every function opens the analyst database read-only for the length of one query, so it never
holds a file the publisher is about to replace. Results come back as a ``Result`` (column names
and rows) that the CLI, the report and notebooks can all use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.warehouse.connection import connect


@dataclass(frozen=True)
class Filters:
    """What an analyst narrowed a trend to; None means no restriction."""

    member: str | None = None
    framing: str | None = None
    source: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive


@dataclass
class Result:
    """A query's column names and rows."""

    title: str
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, r)) for r in self.rows]


def where_clause(filters: Filters, columns: dict[str, str]) -> tuple[str, list[Any]]:
    """A ``where`` clause (with parameters) for the filters this query's ``columns`` support.

    ``columns`` maps a filter name (member, framing, source, since, until) to the column it
    restricts; filters the query has no column for are ignored.
    """
    parts: list[str] = []
    params: list[Any] = []
    for name, op in (("member", "="), ("framing", "="), ("source", "="), ("since", ">="), ("until", "<=")):
        value = getattr(filters, name)
        if value is None or name not in columns:
            continue
        cast = "cast(? as date)" if name in ("since", "until") else "?"
        parts.append(f"{columns[name]} {op} {cast}")
        params.append(value)
    return (" where " + " and ".join(parts)) if parts else "", params


def run_query(db_path: Path, title: str, sql: str, params: list[Any] | None = None) -> Result:
    """Run one read-only query against the analyst database."""
    con = connect(db_path, read_only=True)
    try:
        cur = con.execute(sql, params or [])
        return Result(title, [d[0] for d in cur.description], cur.fetchall())
    finally:
        con.close()


def member_totals(db_path: Path, filters: Filters | None = None) -> list[tuple]:
    """Mentions and articles per member and source, over the filtered days."""
    where, params = where_clause(filters or Filters(), {"member": "member", "source": "source_id",
                                                        "since": "day", "until": "day"})
    return run_query(db_path, "Mentions by member and source", f"""
        select member, source_id, sum(mention_count) as mentions,
               sum(article_count) as article_days, min(day) as first_day, max(day) as last_day
        from daily_member_mentions {where}
        group by all order by member, mentions desc, source_id""", params).rows


def daily_mentions(db_path: Path, since: str | None = None, filters: Filters | None = None) -> list[tuple]:
    """Rows of ``daily_member_mentions`` (day, member, source, mentions, articles)."""
    filters = filters or Filters(since=since)
    where, params = where_clause(filters, {"member": "member", "source": "source_id",
                                           "since": "day", "until": "day"})
    return run_query(db_path, "Daily mentions", f"""
        select day, member, source_id, mention_count, article_count
        from daily_member_mentions {where}
        order by day, member, source_id""", params).rows


def attention_by_week(db_path: Path, filters: Filters | None = None) -> Result:
    """Share of attention per member and week: articles naming the member per 1,000 articles."""
    filters = filters or Filters()
    if filters.source:
        where, params = where_clause(filters, {"member": "member", "source": "source_id",
                                               "since": "day", "until": "day"})
        sql = f"""
            select date_trunc('week', day)::date as week, member,
                   sum(article_count) as articles, sum(total_article_count) as all_articles,
                   round(1000.0 * sum(article_count) / sum(total_article_count), 1) as per_1000
            from daily_source_attention_share {where}
            group by all order by week, member"""
    else:
        where, params = where_clause(filters, {"member": "member", "since": "week", "until": "week"})
        sql = f"""
            select week, member, article_count as articles, total_article_count as all_articles,
                   round(per_1000_articles, 1) as per_1000
            from weekly_attention_share {where}
            order by week, member"""
    return run_query(db_path, "Share of attention per 1,000 articles, by week", sql, params)


def framing_stance(db_path: Path, filters: Filters | None = None) -> Result:
    """Framing mentions by framing and stance (asserted, distanced, contested)."""
    filters = filters or Filters()
    table = "daily_source_framing_stance" if filters.source else "daily_framing_stance"
    where, params = where_clause(filters, {"framing": "framing_id", "source": "source_id",
                                           "since": "day", "until": "day"})
    return run_query(db_path, "Framings by stance", f"""
        select framing_id,
               coalesce(sum(mention_count) filter (where stance = 'asserted'), 0) as asserted,
               coalesce(sum(mention_count) filter (where stance = 'distanced'), 0) as distanced,
               coalesce(sum(mention_count) filter (where stance = 'contested'), 0) as contested,
               sum(mention_count)                                    as mentions,
               min(day) as first_day, max(day) as last_day
        from {table} {where}
        group by framing_id order by mentions desc, framing_id""", params)


def dyad_cohesion(db_path: Path, filters: Filters | None = None) -> Result:
    """Weekly cohesion index per member pair (cooperation vs friction sentences)."""
    filters = filters or Filters()
    where, params = where_clause(filters, {"since": "week", "until": "week"})
    if filters.member:
        where += (" and " if where else " where ") + "? in (member_a, member_b)"
        params.append(filters.member)
    return run_query(db_path, "Dyad cohesion by week", f"""
        select week, pair_id, cooperation_count as cooperation, friction_count as friction,
               neutral_count as neutral, cohesion_index
        from weekly_dyad_cohesion {where}
        order by week, pair_id""", params)


def member_evidence(db_path: Path, day: str, member: str, source: str | None = None,
                    kind: str | None = None, language: str | None = None, limit: int | None = None) -> Result:
    """The sentences behind one cell of the member trends (day × member [× source × kind × language])."""
    sql = """select day, member, source_id, doc_kind, language, surface, sentence, url, title,
                    start_offset, end_offset, doc_id, taxonomy_version
             from mention_evidence where day = cast(? as date) and member = ?"""
    params: list[Any] = [day, member]
    sql += _narrowed(params, (("source_id", source), ("doc_kind", kind), ("language", language)))
    sql += _ordered("source_id, doc_id, start_offset", limit)
    return run_query(db_path, f"Evidence: {member} on {day}", sql, params)


def framing_evidence(db_path: Path, day: str, framing: str, stance: str | None = None,
                     source: str | None = None, limit: int | None = None) -> Result:
    """The sentences behind one cell of the framing trends (day × framing [× stance × source])."""
    sql = """select day, framing_id, stance, source_id, doc_kind, surface, sentence, url, title,
                    start_offset, end_offset, doc_id, taxonomy_version
             from framing_evidence where day = cast(? as date) and framing_id = ?"""
    params: list[Any] = [day, framing]
    sql += _narrowed(params, (("stance", stance), ("source_id", source)))
    sql += _ordered("source_id, doc_id, start_offset", limit)
    return run_query(db_path, f"Evidence: {framing} on {day}", sql, params)


def dyad_evidence(db_path: Path, week: str, pair: str, relation: str | None = None,
                  limit: int | None = None) -> Result:
    """The sentences behind one cell of ``weekly_dyad_cohesion`` (week × pair [× relation])."""
    sql = """select day, pair_id, relation, source_id, doc_kind, sentence, url, title,
                    sentence_start, doc_id, taxonomy_version
             from dyad_evidence where week = date_trunc('week', cast(? as date))::date and pair_id = ?"""
    pair = "-".join(sorted(pair.upper().split("-")))  # pairs are stored alphabetically: CN-RU
    params: list[Any] = [week, pair]
    sql += _narrowed(params, (("relation", relation),))
    sql += _ordered("day, doc_id, sentence_start", limit)
    return run_query(db_path, f"Evidence: {pair} in the week of {week}", sql, params)


def _narrowed(params: list[Any], equal: tuple[tuple[str, str | None], ...]) -> str:
    """`` and column = ?`` for each given value (appended to ``params``)."""
    given = [(column, value) for column, value in equal if value is not None]
    params.extend(value for _, value in given)
    return "".join(f" and {column} = ?" for column, _ in given)


def _ordered(order: str, limit: int | None) -> str:
    return f" order by {order}" + (f" limit {int(limit)}" if limit else "")


def publish_info(db_path: Path) -> dict[str, Any]:
    """When the analyst database was published and what it covers."""
    result = run_query(db_path, "Published", "select * from publish_info")
    return result.records()[0] if result.rows else {}
