"""`crinkwatch eval tags`: precision, recall and F1 of the tagger against a gold file."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import out, text
from pipeline.cli.evaluate import eval_app
from pipeline.config import DEFAULT_TAXONOMY
from pipeline.cli.errors import InputError
from pipeline.evaluation.real import RealReport, check_corpus, dev_half, evaluate_real, read_labels
from pipeline.evaluation.tags import Counts, GoldError, TagReport, evaluate_tags, read_gold
from pipeline.tagging.lexicon import load_lexicon

REAL_LABELS = Path(__file__).resolve().parents[2] / "tests" / "gold" / "real"


def print_report(report: TagReport, title: str) -> None:
    """Per-label tables, then the headline figures."""
    for name, rows in (("member", report.members), ("framing", report.framings)):
        table = Table(title=text(f"{title}: {name}s"))
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


def print_real_report(report: RealReport, title: str) -> None:
    """Headline figures of the real-text evaluation, per framing and per language."""
    table = Table(title=text(title))
    for col in ("measure", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col)
    for name, c in (("members", report.members), ("framings", report.framings),
                    *((f"  {fid}", c) for fid, c in sorted(report.framings_by_id.items())),
                    ("dyads (pairs)", report.dyads), ("friction", report.friction)):
        table.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    out.print(table)
    langs = Table(title=text(f"{title}: per language"))
    for col in ("language", "sentences", "members P", "members R", "members F1", "pairs", "relation acc."):
        langs.add_column(col)
    for lang, n in report.languages.most_common():
        m = report.members_by_language.get(lang) or Counts()
        r = report.relations_by_language.get(lang) or {}
        acc = f"{r['correct'] / r['total']:.3f}" if r.get("total") else "-"
        langs.add_row(lang, str(n), f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(r.get("total", 0)), acc)
    out.print(langs)
    out.print(f"sentences         {report.sentences} ("
              + ", ".join(f"{lang} {n}" for lang, n in report.languages.most_common()) + ")")
    out.print(f"stance accuracy   {report.stance_accuracy:.3f} ({report.stance_correct}/{report.stance_total})")
    out.print(f"target accuracy   {report.target_accuracy:.3f} ({report.target_correct}/{report.target_total})")
    out.print(f"relation accuracy {report.relation_accuracy:.3f} ({report.relation_correct}/{report.relation_total})")
    print_relation_confusion(report)
    by_conf = report.relation_by_confidence
    out.print("relation accuracy by confidence: " + ", ".join(
        f"{name} {by_conf[(flag, True)]}/{by_conf[(flag, True)] + by_conf[(flag, False)]}"
        for name, flag in (("confident (>= 0.7)", True), ("unsure", False))))
    for line in report.stale:
        out.print(text(f"stale label (document text changed): {line}", style="yellow"))


def print_relation_confusion(report: RealReport) -> None:
    """Pairs by gold relation (rows) and predicted relation (columns): counts only, no sentences."""
    classes = ("cooperation", "friction", "neutral")
    table = Table(title="relations: gold (rows) by predicted (columns)")
    for col in ("gold", *classes):
        table.add_column(col)
    for g in classes:
        table.add_row(g, *(str(report.relation_confusion[(g, p)]) for p in classes))
    out.print(table)


@eval_app.command("tags")
def eval_tags(
    gold: Path = typer.Option(None, "--gold", exists=True, dir_okay=False,
                              help="Gold JSON Lines file with the sentence text in it (the project's own set)."),
    real: Path = typer.Option(None, "--real", help="The shared corpus folder: score on the real-text labels."),
    labels: Path = typer.Option(REAL_LABELS, "--labels", file_okay=False,
                                help="Folder of real-text label files (*.jsonl) read with --real."),
    split: str = typer.Option("all", "--split", help="dev, test or all."),
    taxonomy: Path = typer.Option(DEFAULT_TAXONOMY, "--taxonomy", help="Taxonomy YAML file."),
    errors: bool = typer.Option(False, "--errors", help="Also list every item the tagger got wrong."),
    half: str = typer.Option(None, "--half", help="With --real --split dev: score only dev half A (errors may be "
                                                 "read) or B (aggregates only, --errors refused)."),
) -> None:
    """Score the tagger: members and framings P/R/F1, stance, target and relation accuracy, friction.

    With --real, each labelled sentence is read from the shared corpus by document id and offsets and
    tagged inside its whole document; with --gold, the sentences of a self-contained gold file.

    Example: crinkwatch eval tags --real ../shared/corpus --split dev
    Example: crinkwatch eval tags --gold tests/gold/tags.jsonl --split test
    Example: crinkwatch eval tags --real ../shared/corpus --split dev --half B
    """
    if (gold is None) == (real is None):
        raise InputError("give exactly one of --gold FILE or --real CORPUS_DIR")
    if half is not None and (real is None or split != "dev" or half not in ("A", "B")):
        raise InputError("--half A or B goes with --real and --split dev only")
    if half == "B" and errors:
        raise InputError("dev half B is scored in aggregate only: no --errors")
    lexicon = load_lexicon(taxonomy)
    if real is not None:
        check_corpus(real)
        items = [i for i in read_labels(labels, split) if half is None or dev_half(i["doc"]) == half]
        if not items:
            raise GoldError(f"no labelled sentences of split {split!r} under {labels}")
        real_report = evaluate_real(items, real, lexicon)
        print_real_report(real_report, f"real text [{split}{' half ' + half if half else ''}] taxonomy {lexicon.version}")
        found, where = real_report.errors, "where"
    else:
        report = evaluate_tags(read_gold(gold, split), lexicon)
        print_report(report, f"{gold.name} [{split}] taxonomy {lexicon.version}")
        found, where = report.errors, "id"
    if errors:
        for e in found:
            out.print(text(f"{e[where]} {e.get('doc', '')}: {e['text']}"))
            for p in e["problems"]:
                out.print(text(f"    {p}"))
