"""`crinkwatch tag` (JSON Lines in, tags out) and `crinkwatch retag` (new taxonomy over the store)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pipeline.cli.app import app, console, out, text
from pipeline.cli.errors import InputError
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, PRIVATE_DB_OPTION, command_settings
from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import TaxonomyError, load_lexicon
from pipeline.tagging.retag import retag_warehouse
from pipeline.tagging.stream import tag_lines


def _lexicon(path: Path):
    try:
        return load_lexicon(path)
    except (OSError, TaxonomyError) as exc:
        raise TaxonomyError(f"cannot load taxonomy {path}: {exc}") from exc


@app.command()
def tag(
    taxonomy: Path = typer.Option(DEFAULT_TAXONOMY, "--taxonomy", help="Taxonomy YAML file."),
) -> None:
    """Tag JSON Lines from stdin: one {"id", "text"[, "lang"]} per line in, one result line out, in order.

    Output per line: {"id", "lang", "members", "framings": [{"id", "stance", "start", "end", "text"}],
    "dyads": [{"pair", "relation", "sentence"}]}; a bad line gives the same keys plus "error".

    Example: echo '{"id": "1", "text": "Moscow and Beijing signed a deal."}' | crinkwatch tag
    """
    lexicon = _lexicon(taxonomy)
    write, flush = sys.stdout.write, sys.stdout.flush
    for line in tag_lines(sys.stdin, lexicon):
        write(line + "\n")
        flush()  # streaming: a caller reading line by line gets each answer at once


@app.command()
def retag(
    taxonomy: Path = typer.Option(..., "--taxonomy", exists=True, dir_okay=False, help="New taxonomy YAML file."),
    db: Path = DB_OPTION,
    data_dir: Path = DATA_DIR_OPTION,
    private_db: Path = PRIVATE_DB_OPTION,
) -> None:
    """Re-tag every stored article and comment under a new taxonomy and swap the warehouse's tags.

    Example: crinkwatch retag --taxonomy pipeline/tagging/taxonomy.yml --data-dir data
    """
    _lexicon(taxonomy)
    settings = command_settings(data_dir, db, private_db, taxonomy_path=taxonomy)
    if not settings.paths.runs_dir.exists():
        raise InputError(f"no extracted store at {settings.paths.runs_dir}; run `crinkwatch run` first")
    result = retag_warehouse(settings, taxonomy)
    old = ", ".join(result.replaced_versions) or "none"
    out.print(text(f"retagged {result.articles} articles and {result.comments} comments with taxonomy "
                   f"{result.taxonomy_version} (replaced: {old}) in batch {result.batch_id}"))
    out.print(text("  " + ", ".join(f"{k}={v}" for k, v in result.rows.items())))
    if result.published_to:
        out.print(text(f"  published {result.published_to}"))
    if result.untagged_articles:
        console.print(f"[yellow]{result.untagged_articles} warehouse articles are not in the store "
                      "and have no tags now[/yellow]")
