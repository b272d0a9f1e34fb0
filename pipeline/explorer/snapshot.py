"""A self-contained interactive snapshot of the explorer's views (one HTML file, script inlined,
no network) with each chart panel also written as an SVG file.

Every chart point opens its evidence inside the file: the sentences of up to ``EVIDENCE_POINTS``
points (the latest periods first), at most ``SENTENCES_PER_POINT`` each, are embedded; the other
points keep their counts in the tooltip.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from pipeline.explorer import queries
from pipeline.explorer.charts import Panel, panel_svg
from pipeline.explorer.evidence import group_evidence
from pipeline.explorer.filters import ViewFilters
from pipeline.explorer.panels import build_panels, periods
from pipeline.explorer.tables import table_html

EVIDENCE_POINTS = 400
SENTENCES_PER_POINT = 5
TITLES = {"attention": "Attention", "framings": "Framings", "dyads": "Dyad cohesion",
          "kinds": "Articles vs comments"}

SCRIPT = """
document.querySelectorAll('nav button').forEach(b => b.addEventListener('click', () => {
  document.querySelectorAll('section.view').forEach(s => s.hidden = s.id !== b.dataset.view);
  document.querySelectorAll('nav button').forEach(x => x.classList.toggle('on', x === b));
}));
// the report (index.html) links to snapshot.html#<view>: open that view
const linked = document.querySelector(`nav button[data-view="${location.hash.slice(1)}"]`);
if (linked) linked.click();
document.addEventListener('click', e => {
  const a = e.target.closest('a.pt'); if (!a) return;
  e.preventDefault();
  const box = document.getElementById('evidence');
  const src = document.getElementById(a.getAttribute('href').slice(1));
  box.innerHTML = src ? src.innerHTML : '<p>The evidence of this point is not embedded in the snapshot; '
    + 'open it in the explorer (crinkwatch serve).</p>';
  box.scrollIntoView({behavior: 'smooth'});
});
"""

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1rem 1.5rem; color: #222; }
nav button { font: inherit; margin-right: .4rem; } nav button.on { font-weight: 700; }
.panels { display: flex; flex-wrap: wrap; gap: .8rem; } svg.panel { border: 1px solid #e4e4e4; }
svg .ptitle { font-weight: 700; font-size: 13px; } svg .tick, svg .note, svg .ylabel, svg .legend { font-size: 10px; fill: #555; }
svg .grid { stroke: #eee; } table { border-collapse: collapse; margin-top: 1rem; font-size: 13px; }
th, td { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: right; }
mark { background: #ffe066; } .hint { color: #666; font-size: 12px; } template { display: none; }
#evidence { border-left: 3px solid #bcd; padding: .3rem .8rem; margin: 1rem 0; min-height: 2rem; }
"""


def _cell(href: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(href).query))


def _evidence_html(con, f: ViewFilters, cell: dict[str, str]) -> str:
    result = queries.evidence(con, f, {k: v for k, v in cell.items() if k not in
                                       ("source", "source_type", "language", "since", "until", "grain")})
    parts = [f"<h3>Evidence: {escape(' · '.join(v for k, v in cell.items() if k != 'grain'))}</h3>"]
    shown = 0
    for doc in group_evidence(result.records()):
        r = doc.row
        who = f" #{r['position']} by {escape(r['author'] or 'anonymous')}" if r["doc_kind"] == "comment" else ""
        parts.append(f"<p class='hint'>{r['day']} · {escape(r['sources'])} · {escape(r['language'])} · "
                     f"{r['doc_kind']}{who} — <strong>{escape(r['title'] or '')}</strong> "
                     f"<a href='{escape(r['url'])}'>original</a></p>")
        for s in doc.sentences:
            parts.append(f"<p>{s.html()} <span class='hint'>[{escape(', '.join(s.tags))}]</span></p>")
            shown += 1
            if shown >= SENTENCES_PER_POINT:
                break
        if shown >= SENTENCES_PER_POINT:
            break
    parts.append(f"<p class='hint'>{len(result.rows)} tag(s) in all; the snapshot shows up to "
                 f"{SENTENCES_PER_POINT} sentences.</p>")
    return "".join(parts)


def write_snapshot(db_path: Path, out_dir: Path, f: ViewFilters | None = None) -> Path:
    """Write ``snapshot.html`` and ``svg/<view>-<panel>.svg`` into ``out_dir``; return the HTML path."""
    f = f or ViewFilters()
    out_dir = Path(out_dir)
    (out_dir / "svg").mkdir(parents=True, exist_ok=True)
    con = queries.open_db(db_path)
    try:
        info = dict(zip(("published_at", "first_day", "last_day"), con.execute(
            "select published_at, first_day, last_day from publish_info").fetchone() or (None,) * 3))
        views, points = {}, {}
        for name in queries.VIEWS:
            result = queries.VIEWS[name](con, f)
            panels = build_panels(name, result, f)
            for panel in panels:
                for series in panel.series:
                    for p in series.points:
                        if p.href:
                            points.setdefault(p.href, None)
            views[name] = (result, panels)
        # the latest periods' points first: that is where an analyst looks
        ranked = sorted(points, key=lambda h: _cell(h).get("period", ""), reverse=True)
        ids = {href: f"ev{i}" for i, href in enumerate(ranked)}
        embedded = {ids[h]: _evidence_html(con, f, _cell(h)) for h in ranked[:EVIDENCE_POINTS]}
    finally:
        con.close()

    sections = []
    for name, (result, panels) in views.items():
        xs = periods(result)
        svgs = []
        for panel in panels:
            local = _local_links(panel, ids)
            svg = panel_svg(local, xs)
            slug = re.sub(r"[^A-Za-z0-9_-]+", "_", panel.title)
            (out_dir / "svg" / f"{name}-{slug}.svg").write_text(svg, encoding="utf-8")
            svgs.append(svg)
        table = re.sub(r'href="/evidence\?[^"]*"', "", table_html(name, result, f, limit=None))
        sections.append(f"<section class='view' id='{name}' {'hidden' if sections else ''}>"
                        f"<h2>{TITLES[name]}</h2><div class='panels'>{''.join(svgs)}</div>{table}</section>")
    evidence = "".join(f"<template id='{k}'>{v}</template>" for k, v in embedded.items())
    buttons = "".join(f"<button data-view='{n}' class='{'on' if i == 0 else ''}'>{TITLES[n]}</button>"
                      for i, n in enumerate(views))
    page = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>crinkwatch snapshot</title>"
            f"<style>{STYLE}</style></head><body><h1>crinkwatch snapshot</h1>"
            f"<p class='hint'>Published {info['published_at']}; days {info['first_day']} … {info['last_day']}; "
            f"by {f.grain}; filters: {escape(f.query_string() or 'none')}. Click a point for its evidence; "
            f"hover for its counts. Every panel is also an SVG file in svg/.</p>"
            f"<nav>{buttons}</nav>{''.join(sections)}<div id='evidence'><p class='hint'>Evidence of the "
            f"point you click appears here.</p></div>{evidence}<script>{SCRIPT}</script></body></html>")
    path = out_dir / "snapshot.html"
    path.write_text(page, encoding="utf-8")
    return path


def _local_links(panel: Panel, ids: dict[str, str]) -> Panel:
    series = [replace(s, points=[replace(p, href=f"#{ids[p.href]}" if p.href else "") for p in s.points])
              for s in panel.series]
    return replace(panel, series=series)
