"""Loads into a real DuckDB file: migrations are idempotent and so is loading a batch twice."""

from pathlib import Path

import duckdb

from pipeline.batch import BatchPaths
from pipeline.config import SQL_DIR
from pipeline.warehouse.connection import connect
from pipeline.warehouse.migrate import migrate
from pipeline.warehouse.load import load_batch
from pipeline.models import Article, Comment, FramingMention, Mention, write_parquet


def _batch(tmp_path: Path) -> BatchPaths:
    paths = BatchPaths.for_batch(tmp_path / "runs", "20261120T000000Z-abc123")
    article = Article(article_id="a1", url="http://x/1", canonical_url="http://x/1",
                      source_ids=["s1"], title="T", authors=["A"],
                      published_at="2026-11-20T08:00:00+00:00", site_name=None,
                      text="Moscow said " * 30, language="en", batch_id=paths.batch_id)
    comment = Comment(comment_id="a1-0000", article_id="a1", position=0, author="R",
                      published_at=None, text="Beijing too.", language="en", batch_id=paths.batch_id)
    mention = Mention(doc_id="a1", doc_kind="article", article_id="a1", actor="RU", is_member=True,
                      start=0, end=6, surface="Moscow", sentence="Moscow said", taxonomy_version="t1",
                      batch_id=paths.batch_id)
    write_parquet(paths.articles, [article], Article)
    write_parquet(paths.comments, [comment], Comment)
    write_parquet(paths.mentions, [mention], Mention)
    write_parquet(paths.framings, [], FramingMention)
    return paths


def test_migrate_is_idempotent(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    every = sorted(p.stem for p in (SQL_DIR / "migrations").glob("*.sql"))
    assert every[:2] == ["0001_core", "0002_dyads_and_provenance"]
    assert migrate(con, SQL_DIR) == every
    assert migrate(con, SQL_DIR) == []
    con.close()


def test_loading_a_batch_twice_changes_nothing(tmp_path):
    paths = _batch(tmp_path)
    db = tmp_path / "w.duckdb"
    first = load_batch(paths, db, SQL_DIR)
    second = load_batch(paths, db, SQL_DIR)
    assert first == second == {"articles": 1, "comments": 1, "mentions": 1, "framings": 0, "dyads": 0}
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert con.execute("select day, member, source_id, mention_count from daily_member_mentions").fetchall() \
        == [(__import__("datetime").date(2026, 11, 20), "RU", "s1", 1)]
    con.close()
