"""`crinkwatch report`: a self-contained HTML report with charts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.cli.app import app, console, out
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, command_settings, day_option
from pipeline.warehouse.report import CHARTS, write_report
from pipeline.warehouse.trends import Filters, publish_info


@app.command()
def report(
    out_dir: Path = typer.Option(..., "--out", help="Folder for index.html and the chart PNGs."),
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    since: str = day_option("--since", "Only days from this date."),
    member: str = typer.Option(None, "--member", help="Only this member's attention and pairs."),
    framing: str = typer.Option(None, "--framing", help="Only this framing in the stance chart."),
    source: str = typer.Option(None, "--source", help="Only this source."),
) -> None:
    """Write an HTML report (charts embedded, PNGs beside it) of attention, framing stance and cohesion.

    Example: crinkwatch report --db data/warehouse.duckdb --out reports/2026-11
    """
    db = command_settings(data_dir, db).db_path
    publish_info(db)  # a missing, damaged or foreign database fails here, before any output
    filters = Filters(member=member.upper() if member else None, framing=framing, source=source, since=since)
    bars = Progress(TextColumn("report"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    TimeElapsedColumn(), console=console)
    with bars:
        task = bars.add_task("charts", total=len(CHARTS) + 1)
        path = write_report(db, out_dir, filters, progress=lambda step: bars.advance(task, 1) or
                            bars.update(task, description=step))
    out.print(f"report written: {path.resolve()}", markup=False)
