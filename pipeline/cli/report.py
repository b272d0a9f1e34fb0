"""`crinkwatch report`: static charts (PNG, SVG) and tables on one HTML page, with the interactive
snapshot of the same views beside it."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.cli.app import app, console, out
from pipeline.cli.analyst import analyst_db
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, day_option
from pipeline.explorer.filters import ViewFilters
from pipeline.warehouse.report import CHARTS, ReportScope, write_report
from pipeline.warehouse.trends import publish_info


@app.command()
def report(
    out_dir: Path = typer.Option(..., "--out", help="Folder for index.html, snapshot.html and the charts."),
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    since: str = day_option("--since", "Only days from this date."),
    until: str = day_option("--until", "Only days up to this date."),
    member: str = typer.Option(None, "--member", help="Only this member's attention and pairs."),
    framing: str = typer.Option(None, "--framing", help="Only this framing's panel."),
    source: str = typer.Option(None, "--source", help="Only this source's articles (every chart)."),
    daily: bool = typer.Option(False, "--daily", help="Points per day instead of per week."),
) -> None:
    """Write the report: index.html (charts embedded, counts under every point, tables of the counts),
    each chart as PNG and SVG, and snapshot.html, the same views where every point opens its evidence.

    Weekly points by default; --daily on demand. Example:
    crinkwatch report --db data/warehouse.duckdb --out reports/2026-11 --source vestnik --daily
    """
    db = analyst_db(data_dir, db)
    publish_info(db)  # a missing, damaged or foreign database fails here, before any output
    scope = ReportScope(ViewFilters(source=source, since=since, until=until, grain="day" if daily else "week"),
                        member=member.upper() if member else None, framing=framing)
    bars = Progress(TextColumn("report"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    TimeElapsedColumn(), console=console)
    with bars:
        task = bars.add_task("charts", total=len(CHARTS) + 2)
        path = write_report(db, out_dir, scope, progress=lambda step: bars.advance(task, 1) or
                            bars.update(task, description=step))
    out.print(f"report written: {path.resolve()} (PNG and SVG per chart beside it)", markup=False)
    out.print(f"interactive snapshot (one file, no network; click a point for its evidence): "
              f"{(out_dir / 'snapshot.html').resolve()}", markup=False)
