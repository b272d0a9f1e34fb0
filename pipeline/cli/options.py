"""Options shared by every command, defined once: the data folder, the two databases, dates
and limits. Each command builds its Settings through :func:`command_settings`, so ``--data-dir``,
``--db``, ``--private-db`` and ``CRINKWATCH_DATA_DIR`` / ``CRINKWATCH_DB`` /
``CRINKWATCH_PRIVATE_DB`` mean the same everywhere: a flag beats the environment, which beats
the default (``./data``, ``DATA_DIR/warehouse.duckdb``, ``DATA_DIR/private/warehouse.duckdb``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import typer

from pipeline.cli.errors import InputError, current_settings
from pipeline.config import Settings, load_settings

DATA_DIR_OPTION = typer.Option(
    None, "--data-dir", metavar="DIR",
    help="The data folder (default: $CRINKWATCH_DATA_DIR, else ./data).")
DB_OPTION = typer.Option(
    None, "--db", metavar="FILE",
    help="The analysts' DuckDB database (default: $CRINKWATCH_DB, else DATA_DIR/warehouse.duckdb).")
PRIVATE_DB_OPTION = typer.Option(
    None, "--private-db", metavar="FILE",
    help="The pipeline's private warehouse (default: $CRINKWATCH_PRIVATE_DB, "
         "else DATA_DIR/private/warehouse.duckdb).")


def command_settings(data_dir: Path | None = None, db: Path | None = None,
                     private_db: Path | None = None, **more: Any) -> Settings:
    """The Settings of this command (flags over environment over defaults), remembered so an
    error message can say which data folder or database it concerns."""
    settings = load_settings(data_dir=data_dir, db_path=db, private_db_path=private_db, **more)
    current_settings.set(settings)
    return settings


def _checked_option(name: str, help: str, metavar: str, parse: Callable[[str], object],
                    expected: str) -> Any:
    """An optional option whose value ``parse`` must accept; anything else is a one-line error
    naming the option, the value and what was ``expected``."""
    def check(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse(value.strip()).isoformat()
        except ValueError:
            raise InputError(f"{name}: not {expected}: {value!r}")

    return typer.Option(None, name, metavar=metavar, help=help, callback=check)


def day_option(name: str, help: str) -> Any:
    """An optional ``YYYY-MM-DD`` option."""
    return _checked_option(name, help, "YYYY-MM-DD", date.fromisoformat,
                           "a date (use YYYY-MM-DD, e.g. 2026-11-20)")


def moment_option(name: str, help: str) -> Any:
    """An optional ISO 8601 date or date-time option."""
    return _checked_option(name, help, "DATE[THH:MM]", datetime.fromisoformat,
                           "an ISO date or date-time (e.g. 2026-11-20 or 2026-11-20T06:00)")


def limit_option(default: int | None, help: str) -> Any:
    """A ``--limit`` that must be 0 or more."""
    def check(value: int | None) -> int | None:
        if value is not None and value < 0:
            raise InputError(f"--limit: must be 0 or more, not {value}")
        return value

    return typer.Option(default, "--limit", metavar="N", help=help, callback=check)
