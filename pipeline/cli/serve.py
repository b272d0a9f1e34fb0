"""`crinkwatch serve`: the analysts' web explorer on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.app import app, out
from pipeline.cli.errors import InputError
from pipeline.cli.analyst import analyst_settings
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION
from pipeline.paths import default_analyst_db


@app.command()
def serve(
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    port: int = typer.Option(8050, "--port", min=1, max=65535, help="Port on 127.0.0.1."),
) -> None:
    """Serve the explorer (attention, framings, dyads, articles vs comments, evidence, search,
    CSV/Parquet export) on 127.0.0.1, read-only; each publish is picked up without a restart.

    Example: crinkwatch serve --db data/demo/warehouse.duckdb --port 8050
    """
    import uvicorn

    from pipeline.explorer.app import create_app

    settings = analyst_settings(data_dir, db)
    if not settings.db_path.exists():
        raise InputError(f"no warehouse at {settings.db_path}; run `crinkwatch run` or `make demo` first")
    out.print(f"crinkwatch explorer on http://127.0.0.1:{port}/ over {settings.db_path.resolve()}")
    # The raw store is the data folder's when the database is that folder's own, else beside the file.
    owner = settings.data_dir if settings.db_path == default_analyst_db(settings.data_dir) else None
    uvicorn.run(create_app(settings.db_path, owner, settings.watch_rules_path),
                host="127.0.0.1", port=port, log_level="warning")
