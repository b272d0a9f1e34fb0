"""The root Typer app; each command module registers its commands on it."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console
from rich.text import Text

from pipeline.cli.errors import ErrorMappingGroup, InputError

app = typer.Typer(
    cls=ErrorMappingGroup,
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
    """``--as-of`` as a datetime, or a one-line error."""
    from pipeline.config import parse_as_of

    if value is None:
        return None
    try:
        return parse_as_of(value)
    except ValueError as exc:
        raise InputError(f"--as-of: {exc}")


def text(value: object, style: str = "") -> Text:
    """Data (page text, ids, error reasons) as a rich Text, so ``[/b]`` prints as written
    instead of being read as markup."""
    return Text("" if value is None else str(value), style=style)
