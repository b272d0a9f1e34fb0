"""`crinkwatch eval …`: measure a stage against labelled data. Each stage adds its own command."""

from __future__ import annotations

import typer

from pipeline.cli.app import app

eval_app = typer.Typer(help="Measure extraction or tagging quality against labelled data.\n\nExample: crinkwatch eval --help",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")
