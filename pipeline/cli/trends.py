"""`crinkwatch trends`: the trend summary from the warehouse."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, console, out
from pipeline.trends import daily_mentions, member_totals


def print_trends(db: Path, since: str | None = None, daily: bool = False) -> None:
    """Print member totals per source (and the daily rows when asked)."""
    table = Table(title="Mentions by member and source")
    for col in ("member", "source", "mentions", "article-days", "first day", "last day"):
        table.add_column(col)
    for row in member_totals(db):
        table.add_row(*(str(v) for v in row))
    out.print(table)
    if daily:
        t = Table(title="Daily mentions")
        for col in ("day", "member", "source", "mentions", "articles"):
            t.add_column(col)
        for row in daily_mentions(db, since):
            t.add_row(*(str(v) for v in row))
        out.print(t)


@app.command()
def trends(
    db: Path = typer.Option(Path("data/warehouse.duckdb"), "--db", help="DuckDB warehouse."),
    since: str = typer.Option(None, "--since", help="Only days from this date (YYYY-MM-DD)."),
    daily: bool = typer.Option(False, "--daily", help="Also print the day-by-day rows."),
) -> None:
    """Print daily mentions by member and source.

    Example: crinkwatch trends --db data/warehouse.duckdb --daily --since 2026-11-01
    """
    if not db.exists():
        console.print(f"[red]no warehouse at {db}; run `crinkwatch run` first[/red]")
        raise typer.Exit(code=2)
    print_trends(db, since, daily)
