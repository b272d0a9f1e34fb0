"""`crinkwatch serve`: the analysts' web explorer on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.app import app, console, out


@app.command()
def serve(
    db: Path = typer.Option(Path("data/warehouse.duckdb"), "--db", help="The analyst DuckDB database."),
    port: int = typer.Option(8765, "--port", help="Port on 127.0.0.1."),
    data_dir: Path = typer.Option(None, "--data-dir",
                                  help="The data folder with the raw store (default: the database's folder)."),
) -> None:
    """Serve the explorer (attention, framings, dyads, articles vs comments, evidence, search, export)
    on 127.0.0.1, read-only; each publish is picked up without a restart.

    Example: crinkwatch serve --db data/demo/warehouse.duckdb --port 8765
    """
    import uvicorn

    from pipeline.explorer.app import create_app

    if not db.exists():
        console.print(f"[red]no warehouse at {db}; run `crinkwatch run` or `make demo` first[/red]")
        raise typer.Exit(code=2)
    out.print(f"crinkwatch explorer on http://127.0.0.1:{port}/ over {db.resolve()}")
    uvicorn.run(create_app(db, data_dir), host="127.0.0.1", port=port, log_level="warning")
