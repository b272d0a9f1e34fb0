"""The explorer's views as SQL over the analyst database; each returns a ``Result`` to draw or export.

Views filter the articles first (date range, source, source type, and language where the view is
about articles) and count from the tag tables, so every number can be traced to rows in
``stg_mentions``, ``stg_framings`` or ``stg_dyads``. An article listed by two sources counts once
unless a source filter picks one of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from pipeline.explorer.filters import ViewFilters
from pipeline.warehouse.connection import connect
from pipeline.warehouse.trends import Result

def _period(grain: str, column: str) -> str:
    return f"date_trunc('week', {column})::date" if grain == "week" else column


def open_db(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Open the analyst database read-only for one request (a publish may rename a new file over it)."""
    return connect(db_path, read_only=True)


def _query(con: duckdb.DuckDBPyConnection, title: str, sql: str, params: list[Any]) -> Result:
    cur = con.execute(sql, params)
    return Result(title, [d[0] for d in cur.description], cur.fetchall())


def articles_in_view(f: ViewFilters, with_language: bool = True) -> tuple[str, list[Any]]:
    """A CTE body: the filtered articles with their ``period`` (week or day of publication)."""
    where, params = ["a.published_on is not null"], []
    for column, value in (("source_id", f.source), ("source_type", f.source_type)):
        if value:
            where.append(f"a.article_id in (select article_id from stg_article_sources where {column} = ?)")
            params.append(value)
    if with_language and f.language:
        where.append("a.language = ?")
        params.append(f.language)
    for op, value in ((">=", f.since), ("<=", f.until)):
        if value:
            where.append(f"a.published_on {op} cast(? as date)")
            params.append(value)
    sql = (f"select a.article_id, a.published_on as day, {_period(f.grain, 'a.published_on')} as period "
           f"from stg_articles a where {' and '.join(where)}")
    return sql, params


def _doc_language(f: ViewFilters, alias: str) -> tuple[str, list[Any]]:
    if not f.language:
        return "", []
    return (f" join stg_documents dl on dl.doc_id = {alias}.doc_id and dl.doc_kind = {alias}.doc_kind"
            " and dl.language = ?"), [f.language]


def uses_marts(f: ViewFilters) -> bool:
    """Whether the published trend tables answer these filters (they are per day and per source,
    not per source type or language)."""
    return not f.source_type and not f.language


def _mart_where(f: ViewFilters) -> tuple[str, list[Any]]:
    where, params = ["true"], []
    for clause, value in (("source_id = ?", f.source), ("day >= cast(? as date)", f.since),
                          ("day <= cast(? as date)", f.until)):
        if value:
            where.append(clause)
            params.append(value)
    return " and ".join(where), params


def attention(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """Articles naming each member per period, out of all articles in view (n), and per 1,000."""
    return attention_from_marts(con, f) if uses_marts(f) else attention_from_tags(con, f)


def attention_from_marts(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """``attention`` from ``daily_(source_)attention_share``."""
    table = "daily_source_attention_share" if f.source else "daily_attention_share"
    where, params = _mart_where(f)
    return _query(con, f"Attention per member, by {f.grain}", f"""
        select {_period(f.grain, 'day')} as period, member, sum(article_count) as articles,
               sum(total_article_count) as all_articles,
               round(1000.0 * sum(article_count) / sum(total_article_count), 1) as per_1000
        from {table} where {where} group by all order by period, member""", params)


def attention_from_tags(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """``attention`` counted from the mention rows (any filters)."""
    arts, params = articles_in_view(f)
    return _query(con, f"Attention per member, by {f.grain}", f"""
        with a as ({arts}),
        totals as (select period, count(*) as all_articles from a group by period),
        hits as (select a.period, m.member, count(distinct m.article_id) as articles
                 from stg_mentions m join a using (article_id)
                 where m.is_member and m.doc_kind = 'article' group by all)
        select t.period, mb.member, coalesce(h.articles, 0) as articles, t.all_articles,
               round(1000.0 * coalesce(h.articles, 0) / t.all_articles, 1) as per_1000
        from totals t cross join members mb
        left join hits h on h.period = t.period and h.member = mb.member
        order by t.period, mb.member""", params)


def framings(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """Framing mentions per period, framing and stance, and the articles (with their comments)
    they occur in."""
    return framings_from_marts(con, f) if uses_marts(f) else framings_from_tags(con, f)


def framings_from_marts(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """``framings`` from ``daily_(source_)framing_stance``."""
    table = "daily_source_framing_stance" if f.source else "daily_framing_stance"
    where, params = _mart_where(f)
    return _query(con, f"Framings by stance, by {f.grain}", f"""
        select {_period(f.grain, 'day')} as period, framing_id, stance, sum(mention_count) as mentions,
               sum(article_count) as articles
        from {table} where {where} group by all order by period, framing_id, stance""", params)


def framings_from_tags(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """``framings`` counted from the framing rows (any filters)."""
    arts, params = articles_in_view(f, with_language=False)
    lang_join, lang_params = _doc_language(f, "x")
    return _query(con, f"Framings by stance, by {f.grain}", f"""
        with a as ({arts})
        select a.period, x.framing_id, x.stance, count(*) as mentions,
               count(distinct x.article_id) as articles
        from stg_framings x join a using (article_id){lang_join}
        where x.has_member_target
        group by all order by a.period, x.framing_id, x.stance""", [*params, *lang_params])


def dyads(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """Per pair and period: cooperation, friction and neutral sentences and the cohesion index."""
    if f == ViewFilters(grain="week"):
        return _query(con, "Dyad cohesion, by week", """
            select week as period, pair_id, cooperation_count as cooperation, friction_count as friction,
                   neutral_count as neutral, low_confidence_count as unsure, sentence_count as sentences,
                   article_count as articles, cohesion_index
            from weekly_dyad_cohesion order by period, pair_id""", [])
    return dyads_from_tags(con, f)


def dyads_from_tags(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """``dyads`` counted from the pair rows (any filters)."""
    arts, params = articles_in_view(f, with_language=False)
    lang_join, lang_params = _doc_language(f, "x")
    return _query(con, f"Dyad cohesion, by {f.grain}", f"""
        with a as ({arts}),
        counts as (
            select a.period, x.pair_id,
                   -- as weekly_dyad_cohesion: only confident relations enter the index
                   count(*) filter (where x.relation = 'cooperation' and x.is_confident) as cooperation,
                   count(*) filter (where x.relation = 'friction' and x.is_confident)    as friction,
                   count(*) filter (where x.relation = 'neutral')                        as neutral,
                   count(*) filter (where x.relation <> 'neutral' and not x.is_confident) as unsure,
                   count(*) as sentences, count(distinct x.article_id) as articles
            from stg_dyads x join a using (article_id){lang_join}
            group by all)
        select *, round((cooperation - friction) / nullif(cooperation + friction, 0), 3) as cohesion_index
        from counts order by period, pair_id""", [*params, *lang_params])


def kinds(con: duckdb.DuckDBPyConnection, f: ViewFilters) -> Result:
    """Per period, member and document kind: documents naming the member out of all such documents."""
    arts, params = articles_in_view(f, with_language=False)
    if f.language:
        # a document's language: the article's for an article, the comment's own for a comment
        docs = """select a.period, a.article_id as doc_id, 'article' as doc_kind
                  from a join articles ar using (article_id) where ar.language = ?
                  union all
                  select a.period, c.comment_id, 'comment' from a join comments c using (article_id)
                  where c.language = ? and c.kind = 'comment'"""
        hits_from = "stg_mentions m join docs d on d.doc_id = m.doc_id and d.doc_kind = m.doc_kind"
        params += [f.language, f.language]
    else:
        docs = """select a.period, a.article_id as doc_id, 'article' as doc_kind from a
                  union all
                  select a.period, c.comment_id, 'comment' from a join comments c using (article_id)
                  where c.kind = 'comment'"""  # pingbacks are not reader comments
        hits_from = "stg_mentions m join a d using (article_id)"
    return _query(con, f"Articles vs comments, by {f.grain}", f"""
        with a as ({arts}),
        docs as ({docs}),
        totals as (select period, doc_kind, count(*) as all_documents from docs group by all),
        hits as (select d.period, m.doc_kind, m.member, count(distinct m.doc_id) as documents,
                        count(*) as mentions
                 from {hits_from} where m.is_member group by all)
        select t.period, mb.member, t.doc_kind, coalesce(h.documents, 0) as documents,
               t.all_documents, coalesce(h.mentions, 0) as mentions,
               round(1000.0 * coalesce(h.documents, 0) / t.all_documents, 1) as per_1000
        from totals t cross join members mb
        left join hits h on h.period = t.period and h.doc_kind = t.doc_kind and h.member = mb.member
        order by t.period, mb.member, t.doc_kind""", params)


VIEWS = {"attention": attention, "framings": framings, "dyads": dyads, "kinds": kinds}


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether this database's ``table`` has ``column`` (newer tagger fields are optional)."""
    return con.execute("select count(*) from information_schema.columns where table_name = ? "
                       "and column_name = ?", [table, column]).fetchone()[0] > 0


def evidence(con: duckdb.DuckDBPyConnection, f: ViewFilters, cell: dict[str, str]) -> Result:
    """The tag rows one chart point or table cell counts, with their documents.

    ``cell`` names the view (``attention``, ``kinds``, ``framings`` or ``dyads``), its ``period``
    and its keys (``member`` and ``doc_kind``; ``framing_id`` and ``stance``; ``pair_id`` and
    ``relation``); a key left out widens the cell.
    """
    view = cell.get("view", "attention")
    arts, params = articles_in_view(f, with_language=view == "attention")
    where, keys = ["true"], []
    if cell.get("period"):
        where.append("a.period = cast(? as date)")
        keys.append(cell["period"])
    if view in ("attention", "kinds"):
        table, span = "stg_mentions", "x.surface, x.start_offset, x.end_offset"
        where.append("x.is_member")
        extra, tag = "", "x.member as tag"
        cell_keys = (("member", "x.member"), ("doc_kind", "x.doc_kind"))
        if view == "attention":
            where.append("x.doc_kind = 'article'")
    elif view == "framings":
        table, span = "stg_framings", "x.surface, x.start_offset, x.end_offset"
        target = has_column(con, "framings", "target_members")
        extra = ", f0.target_members" if target else ""
        tag = "x.framing_id || ' · ' || x.stance as tag"
        cell_keys = (("framing_id", "x.framing_id"), ("stance", "x.stance"))
    elif view == "dyads":
        # the pair's own names in the sentence, so the page can mark them as it marks a mention
        table, span = "stg_dyads", ("(select list(distinct m.surface) from stg_mentions m "
                                    "where m.doc_id = x.doc_id and m.doc_kind = x.doc_kind "
                                    "and m.sentence = x.sentence and m.member in (x.member_a, x.member_b)) "
                                    "as surface, x.sentence_start as start_offset, null as end_offset")
        extra, tag = "", "x.pair_id || ' · ' || x.relation as tag"
        cell_keys = (("pair_id", "x.pair_id"), ("relation", "x.relation"))
    else:
        raise ValueError(f"unknown view {view!r}")
    for key, column in cell_keys:
        if cell.get(key):
            where.append(f"{column} = ?")
            keys.append(cell[key])
    lang, lang_params = "", []
    if f.language and view != "attention":
        lang, lang_params = " and d.language = ?", [f.language]
    target_join = ("left join framings f0 on f0.doc_id = x.doc_id and f0.start_offset = x.start_offset"
                   " and f0.taxonomy_version = x.taxonomy_version") if extra else ""
    return _query(con, "Evidence", f"""
        with a as ({arts})
        select a.day, x.doc_kind, x.doc_id, x.article_id, {tag}, x.sentence, {span}{extra},
               d.language, ar.title, ar.url, array_to_string(ar.source_ids, ' ') as sources,
               c.author, c.position
        from {table} x join a using (article_id)
        join stg_documents d on d.doc_id = x.doc_id and d.doc_kind = x.doc_kind{lang}
        join articles ar on ar.article_id = x.article_id
        left join comments c on x.doc_kind = 'comment' and c.comment_id = x.doc_id
        {target_join}
        where {' and '.join(where)}
        order by a.day, x.article_id, x.doc_kind, c.position, x.doc_id, start_offset
        limit 2000""", [*params, *lang_params, *keys])


def source_choices(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The values the filter menus offer: sources, source types, languages."""
    return {
        "source": [r[0] for r in con.execute("select source_id from sources order by 1").fetchall()],
        "source_type": [r[0] for r in con.execute(
            "select distinct source_type from sources order by 1").fetchall()],
        "language": [r[0] for r in con.execute(
            "select language from stg_documents group by 1 order by count(*) desc").fetchall()],
    }
