"""The root Typer app; each command module registers its commands on it."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

app = typer.Typer(
    name="crinkwatch",
    help="Follow how China, Russia, Iran and North Korea and their alliance framings are covered.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
# Piped or redirected output (a log, a file, `make demo` under CI) gets room for whole tables
# instead of rich's 80-column default; a terminal keeps its own width.
out = Console(width=None if sys.stdout.isatty() else 160)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def as_of_option() -> object:
    """The shared ``--as-of`` option: judge feed silence at this date instead of now."""
    return typer.Option(None, "--as-of", metavar="DATE",
                        help="Judge feed silence as of this ISO date/date-time (default: now; "
                             "or CRINKWATCH_AS_OF).")


def parse_as_of_or_exit(value: str | None):
    """``--as-of`` as a datetime, or a clean usage error."""
    from pipeline.config import parse_as_of

    if value is None:
        return None
    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--as-of")
