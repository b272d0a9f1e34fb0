"""Turn a view's rows into chart panels and evidence links (pure functions, no I/O)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from pipeline.explorer.charts import Panel, Point, Series
from pipeline.explorer.filters import ViewFilters
from pipeline.warehouse.trends import Result

STANCES = ("asserted", "distanced", "contested")
RELATIONS = ("cooperation", "friction", "neutral")


def evidence_href(f: ViewFilters, view: str, **cell: Any) -> str:
    """The link to the evidence of one cell, carrying the page's filters."""
    return _base(f, view) + "".join(f"&{k}={quote(str(v))}" for k, v in cell.items() if v is not None)


@lru_cache(maxsize=256)
def _base(f: ViewFilters, view: str) -> str:
    # one page draws thousands of links that share their filters: encode those once
    return "/evidence?" + f.query_string(view=view)


def periods(result: Result) -> list[date]:
    """The x axis: every period in the rows, in order."""
    return sorted({r["period"] for r in result.records()})


def _by(records: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(r[key], []).append(r)
    return groups


def attention_panels(result: Result, f: ViewFilters) -> list[Panel]:
    """One panel per member: articles naming it per 1,000, each point labelled with k/n."""
    panels = []
    for member, rows in _by(result.records(), "member").items():
        points = [Point(r["period"], r["per_1000"], r["all_articles"], f"{r['articles']}/{r['all_articles']}",
                        f"{member}, {f.grain} of {r['period']}: {r['articles']} of {r['all_articles']} "
                        f"articles ({r['per_1000']} per 1,000)",
                        evidence_href(f, "attention", period=r["period"], member=member)) for r in rows]
        panels.append(Panel(member, [Series("per 1,000", points)], 0, 1000,
                            "per 1,000 articles (k/n below)"))
    return panels


def framing_panels(result: Result, f: ViewFilters, xs: list[date]) -> list[Panel]:
    """One panel per framing; a line per stance; y is the count of framing mentions."""
    panels = []
    records = result.records()
    top = max((r["mentions"] for r in records), default=1)
    for framing, rows in sorted(_by(records, "framing_id").items()):
        cells = {(r["stance"], r["period"]): r for r in rows}
        series = []
        for stance in STANCES:
            points = []
            for x in xs:
                r = cells.get((stance, x))
                count = r["mentions"] if r else 0
                articles = r["articles"] if r else 0
                if not count:  # nothing to open: the line passes through zero without a point
                    points.append(Point(x, 0, 0, "", "", ""))
                    continue
                points.append(Point(x, count, 5, str(count),
                                    f"{framing} {stance}, {f.grain} of {x}: {count} mention(s) "
                                    f"in {articles} article(s) and their comments",
                                    evidence_href(f, "framings", period=x, framing_id=framing, stance=stance)))
            series.append(Series(stance, points))
        panels.append(Panel(framing, series, 0, max(top, 1), "mentions", low_n=1))
    return panels


def dyad_panels(result: Result, f: ViewFilters) -> list[Panel]:
    """One panel per pair: the cohesion index, each point labelled cooperation/friction/neutral/unsure."""
    panels = []
    for pair, rows in sorted(_by(result.records(), "pair_id").items()):
        points = [Point(r["period"], r["cohesion_index"], r["cooperation"] + r["friction"],
                        f"+{r['cooperation']} −{r['friction']} ·{r['neutral']}",
                        f"{pair}, {f.grain} of {r['period']}: {r['cooperation']} cooperation, "
                        f"{r['friction']} friction, {r['neutral']} neutral, {r.get('unsure', 0)} unsure sentence(s); index "
                        f"{r['cohesion_index']}",
                        evidence_href(f, "dyads", period=r["period"], pair_id=pair)) for r in rows]
        panels.append(Panel(pair, [Series("cohesion", points)], -1, 1,
                            "cohesion (+coop −friction ·neutral)", low_n=3))
    return panels


def kinds_panels(result: Result, f: ViewFilters) -> list[Panel]:
    """One panel per member: share of articles vs of comments naming it, per 1,000."""
    panels = []
    for member, rows in _by(result.records(), "member").items():
        series = []
        for kind, krows in sorted(_by(rows, "doc_kind").items()):
            series.append(Series(kind + "s", [
                Point(r["period"], r["per_1000"], r["all_documents"], f"{r['documents']}/{r['all_documents']}",
                      f"{member} in {kind}s, {f.grain} of {r['period']}: {r['documents']} of "
                      f"{r['all_documents']} {kind}s ({r['per_1000']} per 1,000; {r['mentions']} mentions)",
                      evidence_href(f, "kinds", period=r["period"], member=member, doc_kind=kind))
                for r in krows]))
        panels.append(Panel(member, series, 0, 1000, "per 1,000 documents"))
    return panels


def build_panels(view: str, result: Result, f: ViewFilters) -> list[Panel]:
    """The chart panels of a view."""
    xs = periods(result)
    if view == "attention":
        return attention_panels(result, f)
    if view == "framings":
        return framing_panels(result, f, xs)
    if view == "dyads":
        return dyad_panels(result, f)
    return kinds_panels(result, f)


# Which row columns identify a view's cell, and which columns count that cell's evidence (a
# total such as ``all_articles`` is not the cell's own evidence, so it gets no link).
CELL_KEYS = {"attention": ("member",), "kinds": ("member", "doc_kind"),
             "framings": ("framing_id", "stance"), "dyads": ("pair_id",)}
LINKED = {"attention": ("articles", "per_1000"), "kinds": ("documents", "mentions", "per_1000"),
          "framings": ("mentions", "articles"),
          "dyads": ("cooperation", "friction", "neutral", "sentences", "articles", "cohesion_index")}


def cell_href(view: str, row: dict[str, Any], column: str, f: ViewFilters) -> str | None:
    """The evidence link of one table cell, or None for a cell with nothing behind it."""
    cell = {k: row[k] for k in CELL_KEYS[view]}
    if view == "dyads" and column in RELATIONS:
        cell["relation"] = column
    value = row.get(column)
    if column not in LINKED[view] or not value:
        return None
    return evidence_href(f, view, period=row["period"], **cell)
