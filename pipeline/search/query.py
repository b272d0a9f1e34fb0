"""Run a search against the published index: required terms, the explorer's filters, ranked hits."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.search.text import QueryTerms, fts_phrase, parse_query, snippet_html


@dataclass(frozen=True)
class SearchFilters:
    """The explorer's filters as they apply to a document; None means no restriction."""

    source: str | None = None
    source_type: str | None = None
    language: str | None = None
    since: str | None = None   # YYYY-MM-DD inclusive
    until: str | None = None   # YYYY-MM-DD inclusive
    doc_kind: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """One matching article or comment."""

    doc_id: str
    doc_kind: str
    article_id: str
    day: str | None
    language: str | None
    source_ids: str
    title: str | None
    url: str | None
    author: str | None
    position: int | None
    snippet: str   # HTML, terms in <mark>
    score: float | None


MAX_COUNT = 10_000
HIT_COLUMNS = ("doc_id", "doc_kind", "article_id", "day", "language", "source_ids", "title", "url",
               "author", "position")


class IndexMissing(FileNotFoundError):
    """The analyst database has no search index yet (publish builds it)."""


def open_index(path: Path) -> sqlite3.Connection:
    """Open an index read-only; the file is replaced, never changed, so no locking is needed."""
    if not Path(path).exists():
        raise IndexMissing(f"no search index at {path}; it is built by `crinkwatch db publish`")
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def search(index: Path, query: str, filters: SearchFilters | None = None,
           limit: int = 50, offset: int = 0) -> tuple[int, list[SearchHit]]:
    """The number of matches (``MAX_COUNT + 1`` standing for "more than ``MAX_COUNT``") and one
    page of hits, best first (BM25; newest first without a term the trigram index can rank)."""
    terms = parse_query(query)
    if not terms.all:
        return 0, []
    source, where, params, score = _match_parts(terms, filters or SearchFilters())
    columns = ", ".join(f"d.{c}" for c in HIT_COLUMNS)
    con = open_index(index)
    try:
        # counting stops past MAX_COUNT: ranking needs only the page, and "more than 10,000"
        # tells an analyst as much as the exact number of a word that common
        total = con.execute(f"select count(*) from (select 1 from {source} where {where} "
                            f"limit {MAX_COUNT + 1})", params).fetchone()[0]
        rows = con.execute(f"select {columns}, d.text, {score} as score from {source} where {where} "
                           "order by score, d.day desc, d.doc_id limit ? offset ?",
                           [*params, int(limit), int(offset)]).fetchall()
    finally:
        con.close()
    hits = []
    for row in rows:
        record: dict[str, Any] = dict(zip(HIT_COLUMNS, row[:len(HIT_COLUMNS)]))
        text, score = row[len(HIT_COLUMNS)], row[-1]
        hits.append(SearchHit(**record, snippet=snippet_html(text, terms.all), score=score))
    return total, hits


def _match_parts(terms: QueryTerms, filters: SearchFilters) -> tuple[str, str, list[Any], str]:
    """The FROM source, WHERE condition, its parameters and the score expression of a search."""
    where: list[str] = []
    params: list[Any] = []
    if terms.trigram:
        source = "docs_fts join docs d on d.rowid = docs_fts.rowid"
        where.append("docs_fts match ?")
        params.append(" AND ".join(fts_phrase(t) for t in terms.trigram))
        score = "bm25(docs_fts)"
    else:
        source, score = "docs d", "0.0"
    if terms.bigram:
        where.append("d.rowid in (select rowid from docs_cjk where docs_cjk match ?)")
        params.append(" AND ".join(fts_phrase(t) for t in terms.bigram))
    for term in terms.scan:
        where.append("instr(lower(coalesce(d.title, '') || ' ' || d.text), lower(?)) > 0")
        params.append(term)
    for column, value, test in (("source_ids", filters.source, "instr(d.source_ids, ?) > 0"),
                                ("source_types", filters.source_type, "instr(d.source_types, ?) > 0"),
                                ("language", filters.language, "d.language = ?"),
                                ("since", filters.since, "d.day >= ?"),
                                ("until", filters.until, "d.day <= ?"),
                                ("doc_kind", filters.doc_kind, "d.doc_kind = ?")):
        if value:
            where.append(test)
            params.append(f" {value} " if column in ("source_ids", "source_types") else value)
    return source, " and ".join(where) or "1", params, score
