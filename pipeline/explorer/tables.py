"""A view's rows as an HTML table whose counts link to their evidence (built in Python: a daily
view has thousands of cells, too many for a template loop to stay fast)."""

from __future__ import annotations

from html import escape

from pipeline.explorer.filters import ViewFilters
from pipeline.explorer.panels import CELL_KEYS, cell_href
from pipeline.warehouse.trends import Result

TABLE_ROWS = 500  # more is an export, not a page


def table_html(view: str, result: Result, f: ViewFilters, limit: int | None = TABLE_ROWS) -> str:
    """``<table>`` of the rows (the latest ``limit`` of them), each count a link to its evidence."""
    keys = {"period", *CELL_KEYS[view]}
    rows = result.records()
    shown = rows[-limit:] if limit else rows
    head = "".join(f"<th>{escape(c)}</th>" for c in result.columns)
    body = []
    for row in shown:
        cells = []
        for c in result.columns:
            value = row[c]
            label = "" if value is None else escape(str(value))
            href = cell_href(view, row, c, f)
            cls = ' class="key"' if c in keys else ""
            cells.append(f'<td{cls}><a href="{escape(href)}">{label}</a></td>' if href
                         else f"<td{cls}>{label}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table id="view-table"><thead><tr>{head}</tr></thead><tbody>'
            + "\n".join(body) + "</tbody></table>")
