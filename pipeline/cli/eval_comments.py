"""`crinkwatch eval comments`: comment records scored against pages labelled comment by comment."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.cli.evaluate import eval_app

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "tests" / "gold" / "comments"


def _line(name: str, value: float, counts: str) -> None:
    typer.echo(f"{name:<34}{value:>7.3f}  ({counts})")


def print_score(score, title: str, pages: bool, errors: bool = False) -> None:
    """The scores as plain lines (pasted into notes and CI logs), then optionally each page, or
    each failing page with every missed, extra and wrong record."""
    typer.echo(title)
    typer.echo(f"pages {score.pages} ({score.comment_pages} with comments, {score.empty_pages} without), "
               f"errors {score.errors}")
    _line("record precision", score.precision, f"{score.found}/{score.records}")
    _line("recall", score.recall, f"{score.found}/{score.labelled}")
    _line("author correct", score.author_accuracy, f"{score.author_correct}/{score.with_author}")
    _line("date present where shown", score.date_rate, f"{score.date_present}/{score.with_date}, "
          f"parsed {score.date_parsed}")
    _line("body clean", score.clean_rate, f"{score.body_clean}/{score.found}")
    _line("false-comment pages", score.false_page_rate, f"{score.false_comment_pages}/{score.empty_pages}")
    typer.echo(f"{'replies with the right parent':<34}{score.parent_correct}/{score.with_parent}; "
               f"pingbacks kept apart {score.pingbacks_found}/{score.pingbacks_labelled}")
    if pages:
        for p in score.page_results:
            typer.echo(f"{p.page} [{p.split}] found {p.found}/{p.labelled}, records {p.records}"
                       + (f", error {p.error}" if p.error else ""))
            for text in p.missed:
                typer.echo(f"    missed: {text}")
            for text in p.extra:
                typer.echo(f"    extra:  {text}")
    if errors:
        for p in score.page_results:
            if not p.failed:
                continue
            typer.echo(f"{p.page} found {p.found}/{p.labelled}, records {p.records}"
                       + (f", error {p.error}" if p.error else ""))
            for kind, lines in (("missed", p.missed), ("extra", p.extra), ("wrong", p.faults)):
                for text in lines:
                    typer.echo(f"    {kind + ':':<8}{text}")


@eval_app.command("comments")
def eval_comments(
    corpus: Path = typer.Option(..., "--corpus", help="The labelled pages' folder (files under html/, optionally .gz)."),
    labels: Path = typer.Option(DEFAULT_LABELS, "--labels", help="Folder with dev.jsonl and test.jsonl."),
    split: str = typer.Option("all", "--split", help="dev, test or all."),
    pages: bool = typer.Option(False, "--pages", help="Also list each page's missed and extra records."),
    errors: bool = typer.Option(False, "--errors", help="Also list every failure on the dev pages: missed, extra, "
                                "wrong author, missing date, unclean body, wrong parent (refused on test pages)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score comment records (precision, recall, author, date, clean body, false-comment pages)
    against pages labelled comment by comment.

    Example: crinkwatch eval comments --corpus ../shared/corpus/trafilatura-eval --split test

    Example: crinkwatch eval comments --corpus ../shared/corpus/trafilatura-eval --split dev --errors
    """
    from pipeline.evaluation.comments import LabelError, evaluate_comments

    if errors and split != "dev":
        # the held-out pages are scored, never read: their failures would become the next rules
        typer.echo(f"error: --errors lists dev failures only (--split dev), not {split!r}", err=True)
        raise typer.Exit(code=2)
    if not corpus.is_dir():
        typer.echo(f"error: corpus folder not found: {corpus}", err=True)
        raise typer.Exit(code=2)
    try:
        score = evaluate_comments(corpus, labels, split)
    except LabelError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2)
    if as_json:
        print(json.dumps(score.as_dict(pages=pages), indent=2, ensure_ascii=False))
    else:
        print_score(score, f"comments on {corpus} [{split}]", pages, errors)
