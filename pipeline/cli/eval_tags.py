"""`crinkwatch eval tags`: precision, recall and F1 of the tagger against a gold file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import out, text
from pipeline.cli.evaluate import eval_app
from pipeline.config import DEFAULT_TAXONOMY
from pipeline.evaluation.tags import TagReport, evaluate_tags, read_gold
from pipeline.tagging.lexicon import load_lexicon


def print_report(report: TagReport, title: str) -> None:
    """Per-label tables, then the headline figures."""
    for name, rows in (("member", report.members), ("framing", report.framings)):
        table = Table(title=f"{title}: {name}s")
        for col in (name, "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col)
        for label, c in sorted(rows.items()):
            table.add_row(label, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
        total = report.members_micro if name == "member" else report.framings_micro
        table.add_row("all (micro)", f"{total.precision:.3f}", f"{total.recall:.3f}", f"{total.f1:.3f}",
                      str(total.tp), str(total.fp), str(total.fn))
        out.print(table)
    d = report.dyads
    out.print(f"items {report.items}")
    out.print(f"stance accuracy   {report.stance_accuracy:.3f} ({report.stance_correct}/{report.stance_total})")
    out.print(f"dyads             precision {d.precision:.3f} recall {d.recall:.3f} F1 {d.f1:.3f}")
    out.print(f"relation accuracy {report.relation_accuracy:.3f} ({report.relation_correct}/{report.relation_total})")


@eval_app.command("tags")
def eval_tags(
    gold: Path = typer.Option(..., "--gold", exists=True, dir_okay=False, help="Gold JSON Lines file."),
    split: str = typer.Option("all", "--split", help="dev, test or all."),
    taxonomy: Path = typer.Option(DEFAULT_TAXONOMY, "--taxonomy", help="Taxonomy YAML file."),
    errors: bool = typer.Option(False, "--errors", help="Also list every item the tagger got wrong."),
) -> None:
    """Print precision, recall and F1 per member and framing, stance accuracy, dyad F1, relation accuracy.

    Example: crinkwatch eval tags --gold tests/gold/tags.jsonl --split test
    """
    items = read_gold(gold, split)
    lexicon = load_lexicon(taxonomy)
    report = evaluate_tags(items, lexicon)
    print_report(report, f"{gold.name} [{split}] taxonomy {lexicon.version}")
    if errors:
        for e in report.errors:
            out.print(text(f"{e['id']}: {e['text']}"))
            for p in e["problems"]:
                out.print(text(f"    {p}"))
