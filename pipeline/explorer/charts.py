"""Server-side SVG line panels: every point is a link to its evidence and carries its counts.

No JavaScript library and no network: the browser gets finished SVG. Points resting on few
documents are drawn hollow, so a swing made by one or two articles does not look like a trend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

# Distinguishable without colour too: each series has its own dash pattern.
STYLES = (("#1f77b4", ""), ("#d62728", "6 3"), ("#2ca02c", "2 3"), ("#9467bd", "8 3 2 3"),
          ("#ff7f0e", "1 2"), ("#8c564b", "4 4"))


@dataclass(frozen=True)
class Point:
    """One plotted value with the counts behind it and the evidence link."""

    x: date
    y: float | None
    n: int              # how many documents/sentences the value rests on
    note: str           # the counts printed under the point, e.g. "3/12"
    tooltip: str
    href: str


@dataclass
class Series:
    name: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Panel:
    """One small multiple: a title, its series, the y range and what y means."""

    title: str
    series: list[Series]
    y_min: float
    y_max: float
    y_label: str
    low_n: int = 5      # points on fewer documents are hollow


def panel_svg(panel: Panel, xs: list[date], width: int = 460, height: int = 210) -> str:
    """The panel as an inline ``<svg>`` element (the x axis shared by every panel of a view)."""
    left, right, top, bottom = 46, 12, 26, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    span = (panel.y_max - panel.y_min) or 1.0

    def px(i: int) -> float:
        return left + (plot_w * (i + 0.5) / max(len(xs), 1))

    def py(y: float) -> float:
        return top + plot_h * (1 - (y - panel.y_min) / span)

    index = {x: i for i, x in enumerate(xs)}
    out = [f'<svg class="panel" role="img" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f'<text x="{left}" y="16" class="ptitle">{escape(panel.title)}</text>',
           f'<text x="{width - right}" y="16" class="ylabel" text-anchor="end">'
           f'{escape(panel.y_label)}</text>']
    for k in range(5):
        y = panel.y_min + span * k / 4
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{py(y):.1f}" y2="{py(y):.1f}" class="grid"/>'
                   f'<text x="{left - 4}" y="{py(y) + 4:.1f}" text-anchor="end" class="tick">{y:g}</text>')
    step = max(1, len(xs) // 6)
    for i, x in enumerate(xs):
        if i % step == 0:
            out.append(f'<text x="{px(i):.1f}" y="{top + plot_h + 14}" text-anchor="middle" class="tick">'
                       f'{x:%m-%d}</text>')
    for s_i, series in enumerate(panel.series):
        colour, dash = STYLES[s_i % len(STYLES)]
        runs: list[list[str]] = [[]]
        for p in series.points:
            if p.y is None:
                runs.append([])
            else:
                runs[-1].append(f"{px(index[p.x]):.1f},{py(p.y):.1f}")
        for run in runs:
            if len(run) > 1:
                out.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                           f'stroke-width="2" stroke-dasharray="{dash}"/>')
        for p in series.points:
            if p.y is None or not p.href:
                continue
            cx, cy = px(index[p.x]), py(p.y)
            fill = colour if p.n >= panel.low_n else "white"
            out.append(f'<a href="{escape(p.href)}" class="pt"><circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" '
                       f'fill="{fill}" stroke="{colour}" stroke-width="2" data-series="{escape(series.name)}" '
                       f'data-x="{p.x.isoformat()}"><title>{escape(p.tooltip)}</title></circle></a>')
            if len(panel.series) == 1:
                out.append(f'<text x="{cx:.1f}" y="{top + plot_h + 28}" text-anchor="middle" '
                           f'class="note">{escape(p.note)}</text>')
    if len(panel.series) > 1:
        x = left
        for s_i, series in enumerate(panel.series):
            colour, dash = STYLES[s_i % len(STYLES)]
            out.append(f'<line x1="{x}" x2="{x + 18}" y1="{height - 9}" y2="{height - 9}" stroke="{colour}" '
                       f'stroke-width="2" stroke-dasharray="{dash}"/><text x="{x + 22}" y="{height - 5}" '
                       f'class="legend">{escape(series.name)}</text>')
            x += 30 + 7 * len(series.name)
    out.append("</svg>")
    return "".join(out)
