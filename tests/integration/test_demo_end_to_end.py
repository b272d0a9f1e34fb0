"""The whole pipeline over the bundled demo site, checked against the hand labels in
``pipeline/demo/expected.yml`` (written with the site, before any code ran on it)."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.demo import DEMO_DIR


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load((DEMO_DIR / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "DuckDB warehouse:" in result.output
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    yield con
    con.close()


def _members(con, doc_id: str) -> list[str]:
    rows = con.execute("select distinct actor from mentions where doc_id = ? and is_member order by 1",
                       [doc_id]).fetchall()
    return [r[0] for r in rows]


def _article_ids(con) -> dict[str, str]:
    rows = con.execute("select regexp_extract(url, '^https?://[^/]+(/.*)$', 1), article_id from articles")
    return dict(rows.fetchall())


def test_counts_match_the_hand_labels(demo_db, expected):
    articles = expected["articles"]
    assert demo_db.execute("select count(*) from articles").fetchone()[0] == len(articles) == 14
    n_comments = sum(len(a["comments"]) for a in articles)
    assert demo_db.execute("select count(*) from comments").fetchone()[0] == n_comments == 33
    by_source = Counter(a["source"] for a in articles)
    got = dict(demo_db.execute(
        "select source_ids[1], count(*) from articles group by 1").fetchall())
    assert got == dict(by_source)


def test_articles_mentioning_each_member(demo_db, expected):
    want = Counter(m for a in expected["articles"] for m in a["members"])
    got = dict(demo_db.execute("""
        select actor, count(distinct doc_id) from mentions
        where is_member and doc_kind = 'article' group by actor""").fetchall())
    assert got == dict(want) == {"CN": 12, "RU": 13, "IR": 10, "KP": 5}


def test_each_article_and_comment_as_labelled(demo_db, expected):
    ids = _article_ids(demo_db)
    for article in expected["articles"]:
        article_id = ids[article["path"]]
        row = demo_db.execute(
            "select title, language, cast(published_at as date)::varchar from articles where article_id = ?",
            [article_id]).fetchone()
        assert row == (article["title"], article["lang"], article["published"]), article["path"]
        assert _members(demo_db, article_id) == sorted(article["members"]), article["path"]
        framings = demo_db.execute(
            "select distinct framing_id from framings where doc_id = ? order by 1", [article_id]).fetchall()
        assert [f[0] for f in framings] == sorted(article["framings"]), article["path"]
        comments = demo_db.execute(
            "select comment_id, author, language from comments where article_id = ? order by position",
            [article_id]).fetchall()
        assert [(c[1], c[2]) for c in comments] == [(c["author"], c["lang"]) for c in article["comments"]]
        for (comment_id, _, _), labelled in zip(comments, article["comments"]):
            assert _members(demo_db, comment_id) == sorted(labelled["members"]), comment_id


def test_no_comment_leaks_into_article_text(demo_db):
    leaks = demo_db.execute("""
        select count(*) from comments c join articles a using (article_id)
        where contains(a.text, c.text)""").fetchone()[0]
    assert leaks == 0


def test_trend_view_covers_every_day_and_source(demo_db, expected):
    days = {a["published"] for a in expected["articles"] if a["members"]}
    got = {str(r[0]) for r in demo_db.execute("select distinct day from daily_member_mentions").fetchall()}
    assert got == days
    sources = {r[0] for r in demo_db.execute("select distinct source_id from daily_member_mentions").fetchall()}
    assert sources == {a["source"] for a in expected["articles"]}
