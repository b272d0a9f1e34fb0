"""Which analyst database a command reads when it is not told, and `crinkwatch sql`.

``--db`` wins, then ``CRINKWATCH_DB``, then ``DATA_DIR/warehouse.duckdb`` (``--data-dir`` or
``CRINKWATCH_DATA_DIR``, else ``./data``). When none of those was given and ``./data`` holds no
warehouse but ``make demo`` left one in ``./data/demo``, analyst commands read the demo's, and
say so on stderr.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import typer

from pipeline.cli.app import app, console, out
from pipeline.cli.errors import InputError
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, command_settings
from pipeline.config import Settings
from pipeline.paths import default_analyst_db

DEMO_DATA_DIR = Path("data/demo")


def analyst_settings(data_dir: Path | None, db: Path | None) -> Settings:
    """The command's Settings, pointed at the demo database when nothing else was named or exists."""
    unnamed = (data_dir is None and db is None and not os.environ.get("CRINKWATCH_DB")
               and not os.environ.get("CRINKWATCH_DATA_DIR"))
    settings = command_settings(data_dir, db)
    demo_db = default_analyst_db(DEMO_DATA_DIR)
    if unnamed and not settings.db_path.exists() and demo_db.exists():
        console.print(f"[dim]reading the demo database {demo_db} (no {settings.db_path}; "
                      "--db or CRINKWATCH_DB picks another)[/dim]")
        settings = command_settings(DEMO_DATA_DIR, demo_db)
    return settings


def analyst_db(data_dir: Path | None, db: Path | None) -> Path:
    """The analyst database an analyst command reads (see :func:`analyst_settings`)."""
    return analyst_settings(data_dir, db).db_path


@app.command()
def sql(
    query: str = typer.Argument(..., help="One SQL statement; the database is opened read-only."),
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Run a query read-only on the analyst database and print the result (any README query works).

    Example: crinkwatch sql "select member, sum(article_count) from daily_attention_share group by 1"
    """
    from pipeline.cli.trends import print_result
    from pipeline.warehouse.connection import connect
    from pipeline.warehouse.trends import Result

    if fmt not in ("table", "csv", "json"):
        raise InputError(f"--format: unknown format {fmt!r} (use table, csv or json)")
    path = analyst_db(data_dir, db)
    if not path.exists():
        raise InputError(f"no warehouse at {path}; run `crinkwatch run` or `make demo` first")
    con = connect(path, read_only=True)
    try:
        cur = con.execute(query)
        columns = [d[0] for d in cur.description or []]
        result = Result("", columns, cur.fetchall() if columns else [])
    finally:
        con.close()
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    elif fmt == "json":
        out.print_json(json.dumps(result.records(), default=str, ensure_ascii=False))
    else:
        print_result(result)
        out.print(f"{len(result.rows)} row(s)")
