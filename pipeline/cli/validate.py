"""`crinkwatch validate` and `crinkwatch alerts`: data quality from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, console, out, text
from pipeline.cli.errors import InputError
from pipeline.cli.options import (DATA_DIR_OPTION, DB_OPTION, PRIVATE_DB_OPTION, command_settings,
                                  limit_option, moment_option)


def latest_batch(runs_dir: Path) -> str | None:
    """The newest batch folder's id (batch ids sort by time)."""
    batches = sorted(p.name for p in Path(runs_dir).glob("*") if p.is_dir()) if Path(runs_dir).exists() else []
    return batches[-1] if batches else None


@app.command()
def validate(
    stage: str = typer.Option(..., "--stage", help="raw, articles, tags or trends."),
    batch: str = typer.Option(None, "--batch", help="Batch id (default: the newest under DATA_DIR/runs)."),
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    private_db: Path = PRIVATE_DB_OPTION,
) -> None:
    """Validate one stage of a batch: run its suites, quarantine bad rows, send alerts.

    Exits 2 when a blocking expectation fails. Example: crinkwatch validate --stage articles --data-dir data
    """
    from pipeline.quality import STAGE_SUITES, ValidationFailed, validate_stage
    from pipeline.quality.docs import index_url

    if stage not in STAGE_SUITES:
        raise InputError(f"--stage: unknown stage {stage!r} (one of: {', '.join(STAGE_SUITES)})")
    settings = command_settings(data_dir, db, private_db)
    batch_id = batch or latest_batch(settings.paths.runs_dir)
    paths = settings.paths.batch(batch_id) if batch_id else None
    if paths is None or not paths.root.is_dir():
        raise InputError(f"no batch {batch_id or ''} under {settings.paths.runs_dir}; "
                         "run `crinkwatch run` first")
    try:
        report = validate_stage(stage, paths, settings)
        code = 0
    except ValidationFailed as exc:
        report, code = exc.report, 2
    table = Table(title=f"Stage {stage}, batch {paths.batch_id}")
    for col in ("suite", "rows", "expectations", "failed", "blocking", "quarantined"):
        table.add_column(col)
    for r in report.results:
        table.add_row(r.suite, str(r.rows), str(r.evaluated), str(len(r.failed)), str(len(r.blocking)),
                      str(report.quarantined.get(r.suite, 0)))
    out.print(table)
    for r in report.results:
        for f in r.failed:
            out.print(text(f"  {f.on_failure:<10} {f.suite}.{f.check}: observed {f.observed}"))
    out.print(text(f"Data Docs: {index_url(settings)}"))
    if code:
        console.print("[red]blocking expectations failed: this batch must not load or publish[/red]")
        raise typer.Exit(code=code)


@app.command()
def alerts(
    since: str = moment_option("--since", "Only alerts raised from this date/time (ISO 8601)."),
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = typer.Option(None, "--db", metavar="FILE",
                            help="Read an analysts' copy instead of the private warehouse."),
    private_db: Path = PRIVATE_DB_OPTION,
    limit: int = limit_option(200, "At most this many, newest first."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line, for scripts."),
) -> None:
    """List data-quality and feed-health alerts, newest first.

    Alerts are recorded in the private warehouse as they are raised, so a batch that validation
    blocked (and that was never published) shows its alerts here.

    Example: crinkwatch alerts --since 2026-11-20 --data-dir data
    """
    from pipeline.warehouse.quality_records import list_alerts

    settings = command_settings(data_dir, db, private_db)
    # An analyst's machine may hold only the published copy.
    if db is None and (settings.private_db_path.exists() or not settings.db_path.exists()):
        rows = list_alerts(settings.private_db_path, since, limit,
                           lock_timeout_s=settings.warehouse_lock_timeout_s)
    else:
        rows = list_alerts(settings.db_path, since, limit, private=False)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
        return
    table = Table(title=f"Alerts{' since ' + since if since else ''}")
    for col in ("raised at", "severity", "origin", "check", "subject", "observed", "batch"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(text(v) for v in (
            str(r["raised_at"])[:19], r["severity"], r["origin"], f"{r['suite']}.{r['check_name']}",
            r["subject"], str(r["observed"])[:80], r["batch_id"])))
    out.print(table)
    out.print(f"{len(rows)} alert(s)")
