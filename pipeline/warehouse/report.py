"""`crinkwatch report`: the explorer's views as static charts (PNG and SVG files) on one
self-contained HTML page that opens the interactive snapshot beside it for the evidence.

The charts draw the explorer's own panels (``pipeline.explorer.panels`` over
``pipeline.explorer.queries``), so the report, the snapshot and ``crinkwatch serve`` show the same
numbers: one panel per member, framing or pair; every per-1,000 point labelled with its k/n and
drawn hollow when it rests on few documents.
"""

from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from pipeline.explorer import queries
from pipeline.explorer.charts import STYLES, Panel
from pipeline.explorer.filters import ViewFilters
from pipeline.explorer.panels import build_panels, periods
from pipeline.explorer.snapshot import write_snapshot
from pipeline.warehouse.trends import Result

# chart file name, the explorer view it draws, its title and what its numbers are
VIEWS = (
    ("attention", "attention", "Member attention",
     "Articles naming the member per 1,000 articles published; under each point k/n (k articles "
     "naming it of n in the period); grey bars: n; a hollow point rests on fewer than {low} articles. "
     "Tables daily_attention_share / stg_mentions."),
    ("framing_stance", "framings", "Framings by stance",
     "One panel per framing, a line per stance (asserted, distanced as in \"so-called\", contested); "
     "each point its count of framing mentions. Tables daily_framing_stance / stg_framings."),
    ("dyad_cohesion", "dyads", "Dyad cohesion",
     "One panel per member pair: (cooperation − friction) / (cooperation + friction) sentences; under "
     "each point +cooperation −friction ·neutral sentences; a hollow point rests on fewer than {low} "
     "cooperation or friction sentences. Tables weekly_dyad_cohesion / stg_dyads."),
    ("articles_vs_comments", "kinds", "Articles vs comments",
     "Per member: documents naming it per 1,000 articles, and per 1,000 reader comments; under each "
     "point k/n; a hollow point rests on fewer than {low} documents."),
)
CHARTS = tuple(name for name, *_ in VIEWS)
# what a hollow point has too few of, per view (framing points are counts: none is hollow)
FEW = {"attention": "articles", "dyads": "cooperation/friction sentences", "kinds": "documents"}

# progress(step_name) is called once per step, for a progress bar.
Progress = Callable[[str], None]


@dataclass
class Chart:
    """One rendered chart: its file name, the snapshot view it opens, caption, PNG and SVG."""

    name: str
    view: str
    title: str
    caption: str
    png: bytes
    svg: str = ""


@dataclass(frozen=True)
class ReportScope:
    """What the report covers: the explorer's filters, and optionally one member or framing."""

    filters: ViewFilters = ViewFilters()
    member: str | None = None
    framing: str | None = None

    def describe(self) -> str:
        """The scope in words, for the page header."""
        parts = [f"by {self.filters.grain}"] + [f"{k} {v}" for k, v in self.filters.params().items()
                                                  if k != "grain"]
        parts += [f"member {self.member}"] if self.member else []
        parts += [f"framing {self.framing}"] if self.framing else []
        return ", ".join(parts)


def write_report(db_path: Path, out_dir: Path, scope: ReportScope | None = None,
                 progress: Progress | None = None) -> Path:
    """Write ``index.html``, ``<chart>.png`` and ``<chart>.svg`` per view, and ``snapshot.html``
    (the interactive views with their evidence) into ``out_dir``; return the index path."""
    scope = scope or ReportScope()
    tick = progress or (lambda step: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = queries.open_db(db_path)
    try:
        info = dict(zip(("published_at", "first_day", "last_day", "batch_count"), con.execute(
            "select published_at, first_day, last_day, batch_count from publish_info").fetchone() or ()))
        results = {view: queries.VIEWS[view](con, scope.filters) for _, view, _, _ in VIEWS}
    finally:
        con.close()
    charts, tables = [], []
    for name, view, title, caption in VIEWS:
        result = results[view]
        panels = scoped_panels(view, build_panels(view, result, scope.filters), scope)
        low = min((p.low_n for p in panels), default=0)
        heading = f"{title}, by {scope.filters.grain}" + (f" (hollow points: fewer than {low} {FEW[view]})"
                                                          if view in FEW else "")
        fig = draw_panels(panels, periods(result), heading, scope.filters.grain)
        chart = Chart(name, view, title, caption.format(low=low), _export(fig, "png"), _export(fig, "svg").decode("utf-8"))
        (out_dir / f"{name}.png").write_bytes(chart.png)
        (out_dir / f"{name}.svg").write_text(chart.svg, encoding="utf-8")
        charts.append(chart)
        tables.append(scoped_rows(view, result, scope))
        tick(name)
    write_snapshot(db_path, out_dir, scope.filters)
    tick("snapshot")
    page = render_html(charts, tables, info, scope)
    path = out_dir / "index.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    tick("html")
    return path


def scoped_panels(view: str, panels: list[Panel], scope: ReportScope) -> list[Panel]:
    """The panels the scope's member or framing keeps (a pair panel stays when it has the member)."""
    if scope.member and view in ("attention", "kinds"):
        return [p for p in panels if p.title == scope.member]
    if scope.member and view == "dyads":
        return [p for p in panels if scope.member in p.title.split("-")]
    if scope.framing and view == "framings":
        return [p for p in panels if p.title == scope.framing]
    return panels


def scoped_rows(view: str, result: Result, scope: ReportScope) -> Result:
    """The rows behind the chart's panels (same scope as ``scoped_panels``)."""
    key = {"attention": "member", "kinds": "member", "framings": "framing_id", "dyads": "pair_id"}[view]
    wanted = scope.framing if view == "framings" else scope.member
    index = result.columns.index(key)
    if not wanted:
        rows = list(result.rows)
    elif view == "dyads":
        rows = [r for r in result.rows if wanted in r[index].split("-")]
    else:
        rows = [r for r in result.rows if r[index] == wanted]
    return Result(result.title, result.columns, rows)


def draw_panels(panels: list[Panel], xs: list, title: str, grain: str):
    """A matplotlib figure of small multiples, one axes per panel, sharing the x axis."""
    from matplotlib.dates import DateFormatter
    from matplotlib.figure import Figure

    cols = 2 if len(panels) > 1 else 1
    rows = max(1, math.ceil(len(panels) / cols))
    fig = Figure(figsize=(7 * cols, 3.3 * rows), dpi=100, layout="constrained")
    fig.suptitle(title, fontsize="medium")
    if not panels:
        ax = fig.add_subplot(1, 1, 1)
        ax.text(0.5, 0.5, "no data for this selection", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    axes = fig.subplots(rows, cols, sharex=True, squeeze=False).ravel()
    for ax, panel in zip(axes, panels):
        _draw_panel(ax, panel, xs, grain)
        if len(xs) <= 16:  # weekly points: a tick on each point's own date
            ax.set_xticks(xs)
        ax.xaxis.set_major_formatter(DateFormatter("%m-%d"))
        # dates under every panel: the last row may be short, and an unlabelled axis hides the week
        ax.tick_params(axis="x", labelrotation=45, labelsize="small", labelbottom=True)
    for ax in axes[len(panels):]:
        ax.set_axis_off()
    return fig


def _draw_panel(ax, panel: Panel, xs: list, grain: str) -> None:
    ax.set_title(panel.title, loc="left", fontweight="bold", fontsize="medium")
    ax.set_ylabel(panel.y_label, fontsize="small")
    pad = (panel.y_max - panel.y_min) * 0.08
    ax.set_ylim(panel.y_min - pad, panel.y_max + pad)
    ax.grid(axis="y", alpha=0.3)
    if panel.y_min < 0:
        ax.axhline(0, color="#999", linewidth=0.8)
    if "per 1,000" in panel.y_label and len(panel.series) == 1:
        _n_bars(ax, panel, grain)
    for i, series in enumerate(panel.series):
        colour, dash = STYLES[i % len(STYLES)]
        style = (0, tuple(float(d) for d in dash.split())) if dash else "-"
        run_x: list = []
        run_y: list = []
        for p in [*series.points, None]:
            if p is not None and p.y is not None:
                run_x.append(p.x)
                run_y.append(p.y)
                continue
            if run_x:
                ax.plot(run_x, run_y, color=colour, linestyle=style, linewidth=1.6,
                        label=series.name if len(panel.series) > 1 else None)
            run_x, run_y = [], []
        for p in series.points:
            if p.y is None or not p.href:
                continue
            hollow = p.n < panel.low_n
            ax.plot([p.x], [p.y], marker="o", markersize=6, color=colour,
                    markerfacecolor="white" if hollow else colour, markeredgewidth=1.6)
            ax.annotate(p.note, (p.x, p.y), xytext=(0, -11 - 8 * i), textcoords="offset points",
                        ha="center", fontsize=6.5, color=colour)
    if len(panel.series) > 1:
        # above the plot, right of the title: never over a line at the top of the range
        ax.legend(fontsize="x-small", loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  ncols=len(panel.series), borderaxespad=0.1)


def _n_bars(ax, panel: Panel, grain: str) -> None:
    """Grey bars of n on a right-hand axis, kept to the lower third so they never hide the line."""
    points = [p for p in panel.series[0].points if p.href]
    if not points:
        return
    twin = ax.twinx()
    twin.bar([p.x for p in points], [p.n for p in points], width=5 if grain == "week" else 0.8,
             color="#bbb", alpha=0.45, zorder=0)
    twin.set_ylim(0, max(p.n for p in points) * 3)
    twin.set_ylabel("n articles (bars)", fontsize="x-small", color="#777")
    twin.tick_params(axis="y", labelsize="x-small", colors="#777")
    ax.set_zorder(twin.get_zorder() + 1)
    ax.patch.set_visible(False)


def _export(fig, fmt: str) -> bytes:
    from matplotlib import rc_context

    buf = io.BytesIO()
    # SVG text stays text (searchable, selectable); no date, so identical data gives an identical file
    with rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return buf.getvalue()


def render_html(charts: list[Chart], tables: list[Result], info: dict, scope: ReportScope) -> str:
    """The report page: each chart embedded as a data URI and linked to its view in the snapshot,
    then the counts behind it."""
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    covered = (f"days {info.get('first_day')} to {info.get('last_day')}, {info.get('batch_count')} batch(es), "
               f"published {info.get('published_at')}") if info else "no publish information"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>crinkwatch report</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;color:#222}"
        "figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}"
        "table{border-collapse:collapse;margin:1em 0;font-size:.85em}td,th{border:1px solid #ccc;"
        "padding:.2em .5em;text-align:right}th{background:#f4f4f4}"
        "figcaption,.meta{color:#555;font-size:.9em}.open{font-weight:600}</style></head><body>",
        "<h1>crinkwatch report</h1>",
        f"<p class='meta'>Generated {generated}. Scope: {html.escape(scope.describe())}. "
        f"Data: {html.escape(covered)}.</p>",
        "<p class='open'><a href='snapshot.html'>Open the interactive snapshot</a> (snapshot.html, beside "
        "this file): the same views, where every point opens the sentences it counts.</p>",
    ]
    for chart, table in zip(charts, tables):
        data = base64.b64encode(chart.png).decode("ascii")
        parts.append(
            f"<figure id='{chart.name}'><h2>{html.escape(chart.title)}</h2>"
            f"<a href='snapshot.html#{chart.view}' title='open this view with its evidence'>"
            f"<img class='chart' alt='{html.escape(chart.title)}' data-file='{chart.name}.png' "
            f"src='data:image/png;base64,{data}'></a>"
            f"<figcaption>{html.escape(chart.caption)} Files: {chart.name}.png, {chart.name}.svg. "
            f"<a href='snapshot.html#{chart.view}'>Evidence of each point</a>.</figcaption>"
            f"{_html_table(table)}</figure>")
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
    return (f"<details><summary>The counts behind the chart ({len(result.rows)} rows)</summary>"
            f"<table><tr>{head}</tr>{body}</table></details>")
