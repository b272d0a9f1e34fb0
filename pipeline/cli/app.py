"""The root Typer app; each command module registers its commands on it."""

from __future__ import annotations

import logging

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
out = Console()


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
