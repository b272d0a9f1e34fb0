"""`crinkwatch eval extraction`: snippet-based scores of the extract stage vs bare trafilatura."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.cli.evaluate import eval_app


def _table(scores: list) -> None:
    # plain columns: the output is pasted into notes and CI logs, where a boxed table wraps badly
    head = (f"{'extractor':<22}{'pages':>6}{'errors':>7}{'precision':>10}{'recall':>8}{'F1':>7}"
            f"{'accuracy':>9}  {'comment recall':<22}{'comment leakage':<20}")
    typer.echo(head)
    for s in scores:
        typer.echo(
            f"{s.name:<22}{s.pages:>6}{s.errors:>7}{s.main.precision:>10.3f}{s.main.recall:>8.3f}"
            f"{s.main.f1:>7.3f}{s.main.accuracy:>9.3f}  "
            f"{f'{s.comments_found}/{s.comment_snippets} = {s.comment_recall:.1%}':<22}"
            f"{f'{s.comments_leaked}/{s.comment_snippets} = {s.leakage_rate:.1%}':<20}")
    typer.echo("snippets: whitespace-normalised substring match; empty comment snippets "
               "are not counted")


@eval_app.command("extraction")
def extraction(
    corpus: Path = typer.Option(..., "--corpus", exists=True, file_okay=False,
                                help="Folder of pages named as in the truth file (optionally .gz, or under html/)."),
    truth: Path = typer.Option(..., "--truth", exists=True, dir_okay=False,
                               help="JSON truth: {file: {url, with, without, comments}}."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline",
                                  help="Also score bare trafilatura with its default settings."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N pages (sorted by name)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of a table."),
) -> None:
    """Score main text (precision, recall, F1 of expected-present and expected-absent snippets),
    comment recall and comment leakage into the article text, against snippet ground truth.

    Example: crinkwatch eval extraction --corpus ../shared/corpus/trafilatura-eval --truth ../shared/corpus/trafilatura-eval/truth.json
    """
    from pipeline.evaluation.extraction import evaluate_extraction

    scores = evaluate_extraction(corpus, truth, baseline=baseline, limit=limit)
    if as_json:
        print(json.dumps([s.as_dict() for s in scores], indent=2))
    else:
        _table(scores)
