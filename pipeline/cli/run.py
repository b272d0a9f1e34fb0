"""`crinkwatch run` and `crinkwatch demo`: the whole pipeline once."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.app import app, as_of_option, console, out, parse_as_of_or_exit, text
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, PRIVATE_DB_OPTION, command_settings
from pipeline.cli.progress import stage_progress
from pipeline.cli.trends import print_trends
from pipeline.config import load_settings
from pipeline.demo import DEMO_PORT
from pipeline.paths import DataPaths
from pipeline.quality import ValidationFailed
from pipeline.runner import NothingFetched, RunResult, run_once
from pipeline.sources import load_sources


def _run(settings, sources) -> RunResult:
    try:
        with stage_progress() as progress:
            return run_once(settings, sources, progress=progress)
    except ValidationFailed as exc:
        console.print(text("Validation failed.", "red"), text(exc), sep="\n")
        console.print(text("its alerts: crinkwatch alerts" + _data_dir_flag(settings)))
        raise typer.Exit(code=2)
    except NothingFetched as exc:
        console.print(text("Nothing fetched.", "red"), text(exc))
        raise typer.Exit(code=1)


def _data_dir_flag(settings) -> str:
    default = load_settings().data_dir
    return "" if settings.data_dir == default else f" --data-dir {settings.data_dir}"


def _summary(result: RunResult) -> None:
    for stage, counts in result.counts.items():
        console.print(text(f"  {stage:<9} " + ", ".join(f"{k}={v}" for k, v in counts.items())))


@app.command()
def run(
    sources: Path = typer.Option(..., "--sources", exists=True, dir_okay=False, help="Sources YAML file."),
    db: Path = DB_OPTION,
    data_dir: Path = DATA_DIR_OPTION,
    private_db: Path = PRIVATE_DB_OPTION,
    allow_private: list[str] = typer.Option(
        [], "--allow-private", help="Host or IP that may be fetched although it is private/loopback."),
    as_of: str = as_of_option(),
    workers: int = typer.Option(
        None, "--workers", min=1,
        help="Processes for extract, language and tag (default: CRINKWATCH_WORKERS, else every core)."),
) -> None:
    """Run every stage once: fetch, extract, language, tag, validate, load.

    Example: crinkwatch run --sources config/sources.yml --data-dir data --workers 2
    """
    settings = command_settings(data_dir, db, private_db, sources_path=sources,
                                allow_private=tuple(allow_private) or None,
                                as_of=parse_as_of_or_exit(as_of), workers=workers)
    result = _run(settings, load_sources(sources))
    _summary(result)
    out.print(text(f"batch {result.batch_id} loaded into {result.db_path}"))


@app.command()
def demo(
    data_dir: Path = typer.Option(None, "--data-dir", metavar="DIR",
                                  help="Where the demo's files go (default: the data folder's demo/: "
                                       "$CRINKWATCH_DATA_DIR/demo, else ./data/demo)."),
    port: int = typer.Option(DEMO_PORT, "--port", min=1, max=65535,
                             help="Port of the demo site on 127.0.0.1 (part of every article's URL)."),
) -> None:
    """Serve the bundled demo site on 127.0.0.1, run the pipeline over it, print the trends.

    Run it again and nothing is counted twice: the site keeps its port, so its articles keep
    their URLs (a busy port falls back to a free one, with a warning).

    Example: crinkwatch demo --data-dir data/demo
    """
    from pipeline.demo import DEMO_AS_OF, DEMO_SOURCES
    from pipeline.demo.server import serve_on_preferred_port

    # The demo never shares a warehouse with real runs: without --data-dir it gets its own
    # folder, and its databases are always that folder's (CRINKWATCH_DB does not apply).
    demo_paths = DataPaths.for_data_dir(data_dir or load_settings().data_dir / "demo")
    settings = command_settings(demo_paths.root, demo_paths.analyst_db, demo_paths.private_db,
                                sources_path=DEMO_SOURCES, allow_private=("127.0.0.1",),
                                as_of=DEMO_AS_OF)
    db = settings.db_path
    with serve_on_preferred_port(port) as server:
        console.print(text(f"demo site serving at {server.base_url}"))
        if not server.base_url.endswith(f":{port}"):
            console.print(text(f"port {port} is busy: the demo's article URLs differ from a run on "
                               f"port {port}, so a data dir reused across both counts them twice",
                               "yellow"))
        sources = load_sources(DEMO_SOURCES, {"BASE": server.base_url})
        result = _run(settings, sources)
    _summary(result)
    print_trends(db)
    out.print(text(f"\nDuckDB warehouse: {db.resolve()}"))
    out.print(text(f"Query it: crinkwatch sql --db {db} 'select * from daily_member_mentions'"), soft_wrap=True)
    out.print(text(f"Explore it: crinkwatch serve --db {db}"), soft_wrap=True)
