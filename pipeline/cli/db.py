"""`crinkwatch db …`: migrate, inspect and publish the warehouse."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, console, out, text
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, PRIVATE_DB_OPTION, command_settings
from pipeline.warehouse.migrate import applied_migrations, migration_files
from pipeline.warehouse.session import migrate_warehouse, read_session

db_app = typer.Typer(help="Manage the warehouse: migrations and publishing.\n\nExample: crinkwatch db migrate",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("migrate")
def migrate_command(private_db: Path = PRIVATE_DB_OPTION, data_dir: Path = DATA_DIR_OPTION) -> None:
    """Apply pending SQL migrations to the private warehouse and refresh its views (idempotent).

    Example: crinkwatch db migrate --data-dir data
    """
    settings = command_settings(data_dir, private_db=private_db)
    applied = migrate_warehouse(settings.private_db_path, settings.sql_dir,
                                settings.warehouse_lock_timeout_s)
    for version in applied:
        out.print(text(f"applied {version}"))
    out.print(text(f"{settings.private_db_path}: schema up to date "
                   f"({len(applied)} migration(s) applied now)"))


@db_app.command("status")
def status_command(private_db: Path = PRIVATE_DB_OPTION, data_dir: Path = DATA_DIR_OPTION) -> None:
    """List every migration and whether the private warehouse has it.

    Example: crinkwatch db status --data-dir data
    """
    settings = command_settings(data_dir, private_db=private_db)
    done: dict[str, object] = {}
    if settings.private_db_path.exists():
        with read_session(settings.private_db_path, settings.warehouse_lock_timeout_s) as con:
            done = dict(applied_migrations(con))
    table = Table(title=text(f"Migrations of {settings.private_db_path}"))
    table.add_column("version")
    table.add_column("applied at")
    for path in migration_files(settings.sql_dir):
        table.add_row(path.stem, str(done[path.stem]) if path.stem in done else text("pending", "yellow"))
    out.print(table)


@db_app.command("publish")
def publish_command(db: Path = DB_OPTION, private_db: Path = PRIVATE_DB_OPTION,
                    data_dir: Path = DATA_DIR_OPTION) -> None:
    """Check the private warehouse and publish it as the analyst database (atomic replace).

    Example: crinkwatch db publish --data-dir data
    """
    from pipeline.warehouse.publish import publish

    settings = command_settings(data_dir, db, private_db)
    with console.status(text(f"publishing {settings.private_db_path} to {settings.db_path}…")):
        path = publish(settings)
    out.print(text(f"published {path}"))
