"""A self-contained HTML report of the analyst database: member attention, framing stance and
dyad cohesion over time, as charts (PNG files, also embedded in the HTML as base64) and tables.

The report reads only the published marts, so every number in it can be traced with
``crinkwatch evidence``. One HTML file carries everything; it can be mailed or archived as is.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from pipeline.warehouse.trends import Filters, Result, dyad_cohesion, framing_stance, publish_info, run_query

MEMBER_COLOURS = {"CN": "#c0392b", "RU": "#2c3e80", "IR": "#1e8449", "KP": "#7d3c98"}
STANCE_COLOURS = {"asserted": "#d35400", "distanced": "#7f8c8d", "contested": "#2980b9"}
CHARTS = ("attention", "framing_stance", "dyad_cohesion")

# progress(step_name) is called once per step, for a progress bar.
Progress = Callable[[str], None]


@dataclass
class Chart:
    """One rendered chart: its file name, caption and PNG bytes."""

    name: str
    title: str
    caption: str
    png: bytes


def write_report(db_path: Path, out_dir: Path, filters: Filters | None = None,
                 progress: Progress | None = None) -> Path:
    """Write ``index.html`` and one PNG per chart into ``out_dir``; return the HTML path."""
    filters = filters or Filters()
    tick = progress or (lambda step: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = []
    for name, build in (("attention", _attention_chart), ("framing_stance", _stance_chart),
                        ("dyad_cohesion", _cohesion_chart)):
        chart = build(db_path, filters)
        (out_dir / f"{chart.name}.png").write_bytes(chart.png)
        charts.append(chart)
        tick(name)
    tables = [framing_stance(db_path, filters), _latest_cohesion(db_path, filters)]
    page = render_html(charts, tables, publish_info(db_path), filters)
    path = out_dir / "index.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    tick("html")
    return path


def render_html(charts: list[Chart], tables: list[Result], info: dict, filters: Filters) -> str:
    """The report page: charts embedded as data URIs, then the tables."""
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    scope = ", ".join(f"{k} {v}" for k, v in vars(filters).items() if v) or "all data"
    covered = (f"days {info.get('first_day')} to {info.get('last_day')}, {info.get('batch_count')} batch(es), "
               f"published {info.get('published_at')}") if info else "no publish information"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>crinkwatch report</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}"
        "figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;"
        "text-align:right}th{background:#f4f4f4}td:first-child{text-align:left}"
        "figcaption,.meta{color:#555;font-size:.9em}</style></head><body>",
        "<h1>crinkwatch report</h1>",
        f"<p class='meta'>Generated {generated}. Scope: {html.escape(scope)}. Data: {html.escape(covered)}.</p>",
    ]
    for chart in charts:
        data = base64.b64encode(chart.png).decode("ascii")
        parts.append(f"<figure id='{chart.name}'><h2>{html.escape(chart.title)}</h2>"
                     f"<img class='chart' alt='{html.escape(chart.title)}' data-file='{chart.name}.png' "
                     f"src='data:image/png;base64,{data}'>"
                     f"<figcaption>{html.escape(chart.caption)}</figcaption></figure>")
    for table in tables:
        parts.append(_html_table(table))
    # Records each chart's decoded size on the page, so a headless browser can prove they rendered.
    parts.append("<script>window.addEventListener('load',function(){var ok=0;"
                 "document.querySelectorAll('img.chart').forEach(function(i){"
                 "i.setAttribute('data-natural-size',i.naturalWidth+'x'+i.naturalHeight);"
                 "if(i.complete&&i.naturalWidth>0)ok++;});"
                 "document.body.setAttribute('data-charts-rendered',ok);});</script>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _html_table(result: Result) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in result.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row)
                   + "</tr>" for row in result.rows)
    if not result.rows:
        body = f"<tr><td colspan='{len(result.columns)}'>no rows</td></tr>"
    return f"<h2>{html.escape(result.title)}</h2><table><tr>{head}</tr>{body}</table>"


def _period(db_path: Path, filters: Filters) -> str:
    """Weekly points when the data spans more than eight weeks, else daily ones."""
    span = run_query(db_path, "span", "select min(day), max(day) from daily_attention_share").rows[0]
    if span[0] is None:
        return "day"
    return "week" if (span[1] - span[0]).days > 56 else "day"


def _attention_chart(db_path: Path, filters: Filters) -> Chart:
    period = _period(db_path, filters)
    params: list = []
    where = "where true"
    if filters.member:
        where += " and member = ?"
        params.append(filters.member)
    if filters.since:
        where += " and day >= cast(? as date)"
        params.append(filters.since)
    table = "daily_source_attention_share" if filters.source else "daily_attention_share"
    if filters.source:
        where += " and source_id = ?"
        params.append(filters.source)
    rows = run_query(db_path, "attention", f"""
        select date_trunc('{period}', day)::date as period, member,
               1000.0 * sum(article_count) / sum(total_article_count) as per_1000
        from {table} {where} group by all order by period, member""", params).rows
    fig, ax = _figure()
    for member in sorted({r[1] for r in rows}):
        pts = [(r[0], r[2]) for r in rows if r[1] == member]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=member,
                color=MEMBER_COLOURS.get(member))
    ax.set_ylabel("articles naming the member per 1,000 articles")
    ax.set_ylim(0, 1050)
    _finish(ax, rows, f"by {period}")
    return Chart("attention", "Member attention over time",
                 f"Share of attention by {period}: articles whose text names the member, per 1,000 "
                 "articles published (table daily_attention_share).", _png(fig))


def _stance_chart(db_path: Path, filters: Filters) -> Chart:
    period = _period(db_path, filters)
    table = "daily_source_framing_stance" if filters.source else "daily_framing_stance"
    where, params = "where true", []
    for column, value in (("framing_id", filters.framing), ("source_id", filters.source)):
        if value:
            where += f" and {column} = ?"
            params.append(value)
    if filters.since:
        where += " and day >= cast(? as date)"
        params.append(filters.since)
    rows = run_query(db_path, "stance", f"""
        select date_trunc('{period}', day)::date as period, stance, sum(mention_count)
        from {table} {where} group by all order by period""", params).rows
    periods = sorted({r[0] for r in rows})
    fig, ax = _figure()
    bottom = [0] * len(periods)
    width = 5 if period == "week" else 0.8
    for stance, colour in STANCE_COLOURS.items():
        counts = {r[0]: r[2] for r in rows if r[1] == stance}
        heights = [counts.get(p, 0) for p in periods]
        ax.bar(periods, heights, bottom=bottom, width=width, label=stance, color=colour)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_ylabel("framing mentions")
    _finish(ax, rows, f"by {period}")
    return Chart("framing_stance", "Framing stance over time",
                 f"Alliance framings by {period} and stance: asserted, distanced (\"so-called\") or "
                 "contested (table daily_framing_stance).", _png(fig))


def _cohesion_chart(db_path: Path, filters: Filters) -> Chart:
    result = dyad_cohesion(db_path, filters)
    rows = [r for r in result.rows if r[5] is not None]
    fig, ax = _figure()
    for pair in sorted({r[1] for r in rows}):
        pts = [(r[0], float(r[5]), r[2] + r[3]) for r in rows if r[1] == pair]
        line = ax.plot([p[0] for p in pts], [p[1] for p in pts], label=pair, alpha=0.8)[0]
        ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=[12 + 6 * p[2] for p in pts],
                   color=line.get_color())
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("cohesion index (−1 friction … +1 cooperation)")
    _finish(ax, rows, "by week")
    return Chart("dyad_cohesion", "Dyad cohesion by week",
                 "Per member pair and week: (cooperation − friction) / (cooperation + friction) "
                 "sentences; dot size grows with the number of such sentences (table weekly_dyad_cohesion).",
                 _png(fig))


def _latest_cohesion(db_path: Path, filters: Filters) -> Result:
    result = dyad_cohesion(db_path, filters)
    by_pair: dict[str, tuple] = {}
    for row in result.rows:
        by_pair[row[1]] = row
    return Result("Latest week's cohesion per pair", result.columns, sorted(by_pair.values(), key=lambda r: r[1]))


def _figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 4), dpi=100)
    return fig, fig.add_subplot(1, 1, 1)


def _finish(ax, rows: list, subtitle: str) -> None:
    if not rows:
        ax.text(0.5, 0.5, "no data for this selection", ha="center", va="center", transform=ax.transAxes)
    else:
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize="small", ncols=6, frameon=False)
    ax.set_title(subtitle, fontsize="small", loc="right")
    ax.grid(axis="y", alpha=0.3)
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()

