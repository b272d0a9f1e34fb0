"""The comment scorer on pages and labels written for the project (tests/fixtures/pages): what each
score counts, and how bad labels are refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.evaluation.comments import (CommentScore, LabelError, RecordView, evaluate_comments, load_labels,
                                          score_page)

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def _label(author, date, start, parent=None, kind="comment"):
    return {"author": author, "date": date, "body_start": start, "parent": parent, "kind": kind}


WORDPRESS = {"page": "wordpress.html", "has_comments": True, "comments": [
    _label("Anna Brook", "November 10, 2026 at 8:15 am", "The insurers' warning is the real"),
    _label("Pedro", "November 10, 2026 at 9:40 am", "Agreed, and the premiums were", parent=0),
    _label("K. Osei", None, "Who would staff the inspection office"),
]}
EMPTY = {"page": "no_comments.html", "has_comments": False, "comments": []}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "html").mkdir()
    for name in ("wordpress.html", "no_comments.html"):
        shutil.copy(PAGES / name, tmp_path / "html" / name)
    return tmp_path


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    folder = tmp_path / "labels"
    folder.mkdir()
    (folder / "dev.jsonl").write_text(json.dumps(WORDPRESS) + "\n")
    (folder / "test.jsonl").write_text(json.dumps(EMPTY) + "\n")
    return folder


def test_the_extract_stage_on_written_pages(corpus, labels):
    score = evaluate_comments(corpus, labels, "all")
    assert (score.pages, score.labelled, score.records, score.found) == (2, 3, 3, 3)
    assert score.precision == score.recall == 1.0
    assert (score.author_correct, score.with_author) == (3, 3)
    assert (score.date_present, score.with_date) == (2, 2)
    assert score.body_clean == 3 and (score.parent_correct, score.with_parent) == (1, 1)
    assert (score.false_comment_pages, score.empty_pages) == (0, 1)
    assert evaluate_comments(corpus, labels, "test").pages == 1


def test_each_score_counts_its_own_failure():
    result = CommentScore()
    records = [RecordView("Bob says: The insurers' warning is the real story.\nReply", author=None),
               RecordView("Leave a reply"),
               RecordView("[…] linked from elsewhere […]", kind="comment")]
    labels = {"page": "p.html", "has_comments": True, "comments": [
        _label("Bob", "May 1", "The insurers' warning is the real"),
        _label(None, None, "linked from elsewhere", kind="pingback")]}
    page = score_page(labels, records, result)
    assert (result.found, result.labelled, result.records) == (1, 1, 3)  # 2 false records
    assert result.author_correct == 0 and result.date_present == 0 and result.body_clean == 0
    assert (result.pingbacks_found, result.pingbacks_labelled) == (0, 1)  # taken for a comment
    assert page.extra == ["Leave a reply", "[…] linked from elsewhere […]"]
    score_page({"page": "e.html", "has_comments": False, "comments": []}, [RecordView("Kommentare (0)")], result)
    assert (result.false_comment_pages, result.empty_pages) == (1, 1)


def test_a_missing_page_counts_as_an_error(corpus, labels):
    (corpus / "html" / "no_comments.html").unlink()
    score = evaluate_comments(corpus, labels, "test")
    assert score.errors == 1 and score.page_results[0].error == "page not found in the corpus"


@pytest.mark.parametrize("content,message", [("{not json", "not JSON"), ('{"comments": []}', "needs 'page'")])
def test_bad_label_files_are_refused(tmp_path, content, message):
    (tmp_path / "dev.jsonl").write_text(content + "\n")
    with pytest.raises(LabelError, match=message):
        load_labels(tmp_path, "dev")
    with pytest.raises(LabelError, match="unknown split"):
        load_labels(tmp_path, "train")


def test_each_failure_of_a_found_comment_is_listed_by_field():
    result = CommentScore()
    labels = {"page": "p.html", "has_comments": True, "comments": [
        _label("Bob", "May 1", "The insurers' warning is the real"), _label("Ann", None, "Agreed, and", parent=0)]}
    records = [RecordView("Bob\nThe insurers' warning is the real story.\nReply", author="Robert"),
               RecordView("Agreed, and the premiums rose.", author="Ann")]
    page = score_page(labels, records, result)
    assert [f.split(":")[0] for f in page.faults] == ["author", "date", "body", "parent"]
    assert page.failed and (result.author_correct, result.body_clean, result.parent_correct) == (1, 1, 0)


def test_the_error_listing_reads_dev_pages_only(corpus, labels):
    from typer.testing import CliRunner

    from pipeline.cli.app import app

    run = CliRunner().invoke
    refused = run(app, ["eval", "comments", "--corpus", str(corpus), "--labels", str(labels), "--split", "test", "--errors"])
    assert refused.exit_code == 2 and "dev failures only" in refused.output and "Traceback" not in refused.output
    listed = run(app, ["eval", "comments", "--corpus", str(corpus), "--labels", str(labels), "--split", "dev", "--errors"])
    assert listed.exit_code == 0 and "record precision" in listed.output


def test_a_label_without_words_and_one_with_soft_hyphens_are_matched():
    result = CommentScore()
    labels = {"page": "p.html", "has_comments": True, "comments": [
        _label("Ann", None, "🥰🥰"), _label("Bob", None, "*+"), _label("Kim", None, "Anzei\u00adge ver\u00admischt")]}
    records = [RecordView("🥰🥰🥰", author="Ann"), RecordView("*+", author="Bob"),
               RecordView("Anzeige vermischt mit Inhalt.", author="Kim")]
    score_page(labels, records, result)
    assert (result.found, result.labelled, result.records, result.body_clean) == (3, 3, 3, 3)
