"""The `crinkwatch` command line: thin wrappers over the library, one module per command group."""

from pipeline.cli import evaluate, run, trends  # noqa: F401  (modules register their commands)
from pipeline.cli import eval_tags, tag  # noqa: F401
from pipeline.cli import eval_comments, eval_extraction, extract  # noqa: F401,E402
from pipeline.cli import sources  # noqa: F401
from pipeline.cli import validate  # noqa: F401  (data quality: validate, alerts)
from pipeline.cli import db, report  # noqa: F401
from pipeline.cli import analyst, serve  # noqa: F401  (sql; the web explorer)
from pipeline.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
