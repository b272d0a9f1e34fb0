"""`eval tags --real` scoring on a corpus written for the test: matching rules and figures."""

import gzip
import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import DEFAULT_TAXONOMY
from pipeline.evaluation.corpus import span_digest
from pipeline.evaluation.real import evaluate_real, read_labels
from pipeline.tagging.lexicon import load_lexicon

TEXT = ("China, Russia, Iran and North Korea met again. Their trade grew. "
        "Yet they are far from a cohesive bloc. Washington sanctioned Iranian and Russian firms.")


def _corpus(tmp_path):
    folder = tmp_path / "corpus" / "thinktank" / "brookings-heritage" / "text"
    folder.mkdir(parents=True)
    (folder / "doc.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    return tmp_path / "corpus"


def _label(sentence, **fields):
    start = TEXT.index(sentence)
    end = start + len(sentence)
    return {"doc": "thinktank:doc", "start": start, "end": end, "sha": span_digest(TEXT[start:end]),
            "split": "dev", "lang": "en", "members": [], "framings": [], "dyads": [], **fields}


def _write(tmp_path, rows):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return labels


def test_framing_found_through_context_and_scored_with_target_and_stance(tmp_path):
    bloc = TEXT.index("bloc")
    rows = [_label("Yet they are far from a cohesive bloc.",
                   framings=[{"id": "bloc", "stance": "contested", "target": ["CN", "IR", "KP", "RU"],
                              "start": bloc, "end": bloc + 4}]),
            _label("Washington sanctioned Iranian and Russian firms.",
                   members=[{"code": "IR", "start": TEXT.index("Iranian"), "end": TEXT.index("Iranian") + 7},
                            {"code": "RU", "start": TEXT.index("Russian"), "end": TEXT.index("Russian") + 7}],
                   dyads=[{"pair": "IR-RU", "relation": "friction"}])]
    report = evaluate_real(read_labels(_write(tmp_path, rows)), _corpus(tmp_path), load_lexicon(DEFAULT_TAXONOMY))
    assert (report.framings.tp, report.framings.fp, report.framings.fn) == (1, 0, 0)
    assert report.stance_accuracy == 1.0 and report.target_accuracy == 1.0
    assert (report.members.tp, report.members.fp, report.members.fn) == (2, 0, 0)
    # the tagger says neutral (a third party acts on both), the label friction: a miss, counted
    assert report.relation_accuracy == 0.0 and (report.friction.tp, report.friction.fn) == (0, 1)
    assert report.languages == {"en": 2} and report.sentences == 2


def test_a_changed_document_is_reported_not_scored(tmp_path):
    row = _label("Their trade grew.")
    row["sha"] = "000000000000"
    report = evaluate_real(read_labels(_write(tmp_path, [row])), _corpus(tmp_path), load_lexicon(DEFAULT_TAXONOMY))
    assert report.sentences == 0 and len(report.stale) == 1


def test_eval_tags_real_command(tmp_path):
    labels = _write(tmp_path, [_label("Their trade grew.")])
    corpus = _corpus(tmp_path)
    result = CliRunner().invoke(app, ["eval", "tags", "--real", str(corpus), "--labels", str(labels),
                                      "--split", "dev"])
    assert result.exit_code == 0, result.output
    for figure in ("members", "framings", "friction", "stance accuracy", "target accuracy", "relation accuracy"):
        assert figure in result.stdout
    assert "[dev]" in result.stdout  # the split in the table titles, not read as markup
    bad = CliRunner().invoke(app, ["eval", "tags", "--real", str(tmp_path / "nowhere"), "--labels", str(labels)])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    both = CliRunner().invoke(app, ["eval", "tags"])
    assert both.exit_code == 2


def test_dev_halves_are_fixed_and_half_b_gives_aggregates_only(tmp_path):
    from pipeline.evaluation.real import dev_half

    assert dev_half("thinktank:doc") == dev_half("thinktank:doc") and dev_half("thinktank:doc") in ("A", "B")
    labels = _write(tmp_path, [_label("Their trade grew.")])
    corpus = _corpus(tmp_path)
    mine = dev_half("thinktank:doc")
    scored = CliRunner().invoke(app, ["eval", "tags", "--real", str(corpus), "--labels", str(labels),
                                      "--split", "dev", "--half", mine])
    assert scored.exit_code == 0 and "sentences         1 (en 1)" in scored.stdout
    other = CliRunner().invoke(app, ["eval", "tags", "--real", str(corpus), "--labels", str(labels),
                                     "--split", "dev", "--half", "B" if mine == "A" else "A"])
    assert other.exit_code == 2  # no sentence of that half
    for args in (["--split", "test", "--half", "A"], ["--split", "dev", "--half", "B", "--errors"],
                 ["--split", "dev", "--half", "C"]):
        refused = CliRunner().invoke(app, ["eval", "tags", "--real", str(corpus), "--labels", str(labels), *args])
        assert refused.exit_code == 2 and "Traceback" not in refused.output
