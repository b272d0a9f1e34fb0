"""The `crinkwatch` command line: thin wrappers over the library, one module per command group."""

from pipeline.cli import db, evaluate, report, run, trends  # noqa: F401  (modules register their commands)
from pipeline.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
