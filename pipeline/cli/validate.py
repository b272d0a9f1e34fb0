"""`crinkwatch validate` and `crinkwatch alerts`: data quality from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from pipeline.batch import BatchPaths
from pipeline.cli.app import app, console, out
from pipeline.config import load_settings


def latest_batch(runs_dir: Path) -> str | None:
    """The newest batch folder's id (batch ids sort by time)."""
    batches = sorted(p.name for p in Path(runs_dir).glob("*") if p.is_dir()) if Path(runs_dir).exists() else []
    return batches[-1] if batches else None


@app.command()
def validate(
    stage: str = typer.Option(..., "--stage", help="raw, articles, tags or trends."),
    batch: str = typer.Option(None, "--batch", help="Batch id (default: the newest under DATA_DIR/runs)."),
    data_dir: Path = typer.Option(Path("data"), "--data-dir", help="Where the batch folders are."),
    db: Path = typer.Option(None, "--db", help="Analyst database (default: DATA_DIR/warehouse.duckdb); checks run on the private warehouse under DATA_DIR/private."),
) -> None:
    """Validate one stage of a batch: run its suites, quarantine bad rows, send alerts.

    Exits 2 when a blocking expectation fails. Example: crinkwatch validate --stage articles --data-dir data
    """
    from pipeline.quality import STAGE_SUITES, ValidationFailed, validate_stage
    from pipeline.quality.docs import index_url

    if stage not in STAGE_SUITES:
        console.print(f"[red]unknown stage '{stage}'; one of: {', '.join(STAGE_SUITES)}[/red]")
        raise typer.Exit(code=2)
    settings = load_settings(data_dir=data_dir, db_path=db or data_dir / "warehouse.duckdb")
    batch_id = batch or latest_batch(settings.paths.runs_dir)
    paths = settings.paths.batch(batch_id) if batch_id else None
    if paths is None or not paths.root.is_dir():
        console.print(f"[red]no batch {batch_id or ''} under {settings.paths.runs_dir}; run `crinkwatch run` first[/red]")
        raise typer.Exit(code=2)
    try:
        report = validate_stage(stage, paths, settings)
        code = 0
    except ValidationFailed as exc:
        report, code = exc.report, 2
    except FileNotFoundError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2)
    table = Table(title=f"Stage {stage}, batch {paths.batch_id}")
    for col in ("suite", "rows", "expectations", "failed", "blocking", "quarantined"):
        table.add_column(col)
    for r in report.results:
        table.add_row(r.suite, str(r.rows), str(r.evaluated), str(len(r.failed)), str(len(r.blocking)),
                      str(report.quarantined.get(r.suite, 0)))
    out.print(table)
    for r in report.results:
        for f in r.failed:
            out.print(f"  {f.on_failure:<10} {f.suite}.{f.check}: observed {f.observed}")
    out.print(f"Data Docs: {index_url(settings)}")
    if code:
        console.print("[red]blocking expectations failed: this batch must not load or publish[/red]")
        raise typer.Exit(code=code)


@app.command()
def alerts(
    since: str = typer.Option(None, "--since", help="Only alerts raised from this date/time (ISO 8601)."),
    db: Path = typer.Option(Path("data/warehouse.duckdb"), "--db", help="DuckDB warehouse."),
    limit: int = typer.Option(200, "--limit", help="At most this many, newest first."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line, for scripts."),
) -> None:
    """List data-quality and feed-health alerts from the warehouse, newest first.

    Example: crinkwatch alerts --since 2026-11-20 --db data/warehouse.duckdb
    """
    from pipeline.quality.alerts import list_alerts

    if not db.exists():
        console.print(f"[red]no warehouse at {db}; run `crinkwatch run` first[/red]")
        raise typer.Exit(code=2)
    rows = list_alerts(db, since, limit)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"Alerts{' since ' + since if since else ''}")
    for col in ("raised at", "severity", "origin", "check", "subject", "observed", "batch"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["raised_at"])[:19], r["severity"], r["origin"], f"{r['suite']}.{r['check_name']}",
                      r["subject"] or "", str(r["observed"])[:80], r["batch_id"] or "")
    out.print(table)
    out.print(f"{len(rows)} alert(s)")
