"""`crinkwatch eval extraction`: snippet-based scores of the extract stage vs bare trafilatura."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.cli.app import out
from pipeline.cli.evaluate import eval_app


def _table(scores: list) -> None:
    from rich.table import Table

    table = Table(title="Extraction (snippets, whitespace-normalised substring match)")
    for col in ("extractor", "pages", "errors", "precision", "recall", "F1", "accuracy",
                "comment recall", "comment leakage"):
        table.add_column(col, justify="right" if col != "extractor" else "left")
    for s in scores:
        table.add_row(
            s.name, str(s.pages), str(s.errors), f"{s.main.precision:.3f}", f"{s.main.recall:.3f}",
            f"{s.main.f1:.3f}", f"{s.main.accuracy:.3f}",
            f"{s.comments_found}/{s.comment_snippets} = {s.comment_recall:.1%}",
            f"{s.comments_leaked}/{s.comment_snippets} = {s.leakage_rate:.1%}",
        )
    out.print(table)


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
