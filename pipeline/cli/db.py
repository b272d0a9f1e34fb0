"""`crinkwatch db …`: migrate, inspect and publish the warehouse."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, console, out
from pipeline.config import load_settings
from pipeline.warehouse.connection import connect, warehouse_lock
from pipeline.warehouse.migrate import applied_migrations, migrate, migration_files

db_app = typer.Typer(help="Manage the warehouse: migrations and publishing.\n\nExample: crinkwatch db migrate",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")

PRIVATE_OPTION = typer.Option(None, "--private-db",
                              help="The pipeline's private warehouse (default: DATA_DIR/private/warehouse.duckdb).")
DATA_DIR_OPTION = typer.Option(None, "--data-dir", help="The data folder (default: data, or CRINKWATCH_DATA_DIR).")


def _settings(data_dir: Path | None, private_db: Path | None, db: Path | None = None):
    return load_settings(data_dir=data_dir, private_db_path=private_db, db_path=db)


@db_app.command("migrate")
def migrate_command(private_db: Path = PRIVATE_OPTION, data_dir: Path = DATA_DIR_OPTION) -> None:
    """Apply pending SQL migrations to the private warehouse and refresh its views (idempotent).

    Example: crinkwatch db migrate --data-dir data
    """
    settings = _settings(data_dir, private_db)
    with warehouse_lock(settings.private_db_path):
        con = connect(settings.private_db_path)
        try:
            applied = migrate(con, settings.sql_dir)
        finally:
            con.close()
    for version in applied:
        out.print(f"applied {version}")
    out.print(f"{settings.private_db_path}: schema up to date "
              f"({len(applied)} migration(s) applied now)")


@db_app.command("status")
def status_command(private_db: Path = PRIVATE_OPTION, data_dir: Path = DATA_DIR_OPTION) -> None:
    """List every migration and whether the private warehouse has it.

    Example: crinkwatch db status --data-dir data
    """
    settings = _settings(data_dir, private_db)
    done: dict[str, object] = {}
    if settings.private_db_path.exists():
        con = connect(settings.private_db_path, read_only=True)
        try:
            done = dict(applied_migrations(con))
        finally:
            con.close()
    table = Table(title=f"Migrations of {settings.private_db_path}")
    table.add_column("version")
    table.add_column("applied at")
    for path in migration_files(settings.sql_dir):
        table.add_row(path.stem, str(done[path.stem]) if path.stem in done else "[yellow]pending[/yellow]")
    out.print(table)


@db_app.command("publish")
def publish_command(
    db: Path = typer.Option(None, "--db", help="The analyst database to replace (default: DATA_DIR/warehouse.duckdb)."),
    private_db: Path = PRIVATE_OPTION, data_dir: Path = DATA_DIR_OPTION,
) -> None:
    """Check the private warehouse and publish it as the analyst database (atomic replace).

    Example: crinkwatch db publish --data-dir data --db data/warehouse.duckdb
    """
    from pipeline.warehouse.publish import PublishFailed, publish

    settings = _settings(data_dir, private_db, db)
    try:
        with console.status(f"publishing {settings.private_db_path} to {settings.db_path}…"):
            path = publish(settings)
    except (PublishFailed, FileNotFoundError) as exc:
        console.print(f"[red]not published:[/red] {exc}")
        raise typer.Exit(code=2)
    out.print(f"published {path}")
