"""`crinkwatch extract` and `crinkwatch eval extraction` on pages written for the tests."""

import json

from typer.testing import CliRunner

from pipeline.cli import app
from tests.unit.extraction.conftest import PAGES

runner = CliRunner()


def test_extract_prints_one_json_object_with_split_comments():
    result = runner.invoke(app, ["extract", str(PAGES / "wordpress.html"),
                                 "--url", "http://127.0.0.1/news/2026/11/port-talks.html"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"title", "author", "date", "lang", "text", "comments"}
    assert doc["lang"] == "en" and doc["author"] == "Ines Marlow"
    assert [c["author"] for c in doc["comments"]] == ["Anna Brook", "Pedro", "K. Osei"]
    assert set(doc["comments"][0]) == {"author", "date", "text", "lang"}
    assert all(c["text"] not in doc["text"] for c in doc["comments"])


def test_extract_reports_a_failed_page(tmp_path):
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["error"] == "empty page"


def test_eval_extraction_scores_fixture_pages():
    result = runner.invoke(app, ["eval", "extraction", "--corpus", str(PAGES),
                                 "--truth", str(PAGES / "truth.json"), "--json"])
    assert result.exit_code == 0, result.output
    ours, bare = json.loads(result.stdout)
    assert ours["name"] == "crinkwatch" and bare["name"] == "trafilatura-defaults"
    assert ours["pages"] == 5 and ours["comment_snippets"] == 10
    assert ours["comments_found"] == 10 and ours["comments_leaked"] == 0
    assert ours["main"]["recall"] == 1.0 and ours["main"]["precision"] == 1.0
    assert bare["pages"] == 5 and bare["main"]["recall"] > 0  # the baseline ran on the same pages
