"""Retag on a real DuckDB file: tags change version, counts follow, the old version is gone."""

from pathlib import Path

import duckdb
import pytest
import yaml

from pipeline.batch import BatchPaths
from pipeline.config import DEFAULT_TAXONOMY, SQL_DIR
from pipeline.warehouse.load import load_batch
from pipeline.models import Article, Comment, write_parquet
from pipeline.tagging.retag import retag_store, stored_documents
from pipeline.tagging.stage import tag_batch


def _article(article_id: str, text: str, batch_id: str) -> Article:
    return Article(article_id=article_id, url=f"http://x/{article_id}", canonical_url=f"http://x/{article_id}",
                   source_ids=["s1"], title="T", authors=[], published_at="2026-11-20T08:00:00+00:00",
                   site_name=None, text=text, language="en", batch_id=batch_id)


def _batch(runs: Path, batch_id: str, articles: list[Article], comments: list[Comment]) -> BatchPaths:
    paths = BatchPaths.for_batch(runs, batch_id)
    write_parquet(paths.articles, articles, Article)
    write_parquet(paths.comments, comments, Comment)
    return paths


@pytest.fixture
def warehouse(tmp_path):
    """Two loaded batches (the second revises article a1) tagged with the default taxonomy."""
    runs, db = tmp_path / "runs", tmp_path / "w.duckdb"
    b1 = "20261120T000000Z-aaaaaa"
    p1 = _batch(runs, b1, [_article("a1", "Muscovy and China signed a deal.", b1),
                           _article("a2", "Tehran and Pyongyang are natural allies.", b1)],
                [Comment(comment_id="a2-0000", article_id="a2", position=0, author="r", published_at=None,
                         text="The Kremlin agrees with Muscovy.", language="en", batch_id=b1)])
    tag_batch(p1, DEFAULT_TAXONOMY)
    load_batch(p1, db, SQL_DIR)
    b2 = "20261121T000000Z-bbbbbb"
    p2 = _batch(runs, b2, [_article("a1", "Muscovy and China signed a deal; Russia agreed.", b2)], [])
    tag_batch(p2, DEFAULT_TAXONOMY)
    load_batch(p2, db, SQL_DIR)
    # In the store but never loaded (say, it failed validation): retag must not add its tags.
    b3 = "20261122T000000Z-cccccc"
    _batch(runs, b3, [_article("a3", "Iran and Russia met.", b3)], [])
    return runs, db


def _new_taxonomy(tmp_path: Path) -> Path:
    data = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    data["version"] = "test-2"
    data["members"]["RU"]["aliases"]["en"].append("Muscovy")
    path = tmp_path / "taxonomy-2.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_latest_batch_row_wins_in_the_store(warehouse):
    runs, _ = warehouse
    articles, comments = stored_documents(runs)
    texts = {a.article_id: a.text for a in articles}
    assert texts["a1"].endswith("Russia agreed.")
    assert set(texts) == {"a1", "a2", "a3"} and [c.comment_id for c in comments] == ["a2-0000"]


def test_retag_replaces_every_tag_row_with_the_new_version(warehouse, tmp_path):
    runs, db = warehouse
    old_version = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))["version"]
    before = dict(_rows(db, "select member, sum(mention_count) from daily_member_mentions group by 1"))
    assert before == {"CN": 1, "RU": 2, "IR": 1, "KP": 1}  # a1: China, Russia; a2; comment: Kremlin

    result = retag_store(runs, db, SQL_DIR, _new_taxonomy(tmp_path))

    assert result.taxonomy_version == "test-2" and result.replaced_versions == [old_version]
    for table in ("mentions", "framings", "dyads"):
        assert _rows(db, f"select distinct taxonomy_version from {table}") == [("test-2",)], table
    after = dict(_rows(db, "select member, sum(mention_count) from daily_member_mentions group by 1"))
    assert after == {"CN": 1, "RU": 4, "IR": 1, "KP": 1}  # "Muscovy" now counts, in a1 and the comment
    assert _rows(db, "select count(*) from mentions where doc_id = 'a3'") == [(0,)]
    assert _rows(db, "select doc_kind, surface from mentions where doc_id = 'a2-0000' order by 2") == \
        [("comment", "Kremlin"), ("comment", "Muscovy")]
    assert _rows(db, "select framing_id, stance from framings") == [("natural_allies", "asserted")]
    assert _rows(db, "select member_a, member_b, relation from dyads order by 1, 2") == \
        [("CN", "RU", "cooperation"), ("IR", "KP", "cooperation")]
    assert Path(result.batch_dir, "mentions.parquet").exists() and Path(result.batch_dir, "retag.json").exists()
    assert result.rows == {"mentions": 7, "framings": 1, "dyads": 2}

    again = retag_store(runs, db, SQL_DIR, _new_taxonomy(tmp_path))  # a rerun changes nothing
    assert again.rows == result.rows and again.replaced_versions == ["test-2"]


def test_a_failing_retag_leaves_the_old_tags(warehouse, tmp_path, monkeypatch):
    runs, db = warehouse
    before = _rows(db, "select count(*), min(taxonomy_version) from mentions")
    import pipeline.tagging.retag as retag

    def write_then_break(paths, tags):  # the dyads insert, last in the transaction, fails
        retag_write(paths, tags)
        paths.dyads.write_bytes(b"not parquet")

    retag_write = retag.write_tags
    monkeypatch.setattr(retag, "write_tags", write_then_break)
    with pytest.raises(duckdb.Error):
        retag_store(runs, db, SQL_DIR, _new_taxonomy(tmp_path))
    assert _rows(db, "select count(*), min(taxonomy_version) from mentions") == before


def test_retag_command(warehouse, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.config import load_settings

    runs, db = warehouse
    settings = load_settings(data_dir=runs.parent, db_path=db)
    target = settings.private_db_path  # where loads write
    if target != db:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(db.read_bytes())
    result = CliRunner().invoke(app, ["retag", "--taxonomy", str(_new_taxonomy(tmp_path)), "--db", str(db),
                                      "--data-dir", str(runs.parent)])
    assert result.exit_code == 0, result.output
    assert "taxonomy test-2" in result.stdout and "mentions=7" in result.stdout
    assert _rows(db, "select distinct taxonomy_version from mentions") == [("test-2",)]
    missing = CliRunner().invoke(app, ["retag", "--taxonomy", str(DEFAULT_TAXONOMY), "--db", str(db),
                                       "--data-dir", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
