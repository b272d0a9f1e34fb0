"""Loads into a real private DuckDB file: idempotent per batch and keyed on natural keys."""

from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.config import SQL_DIR
from pipeline.warehouse.connection import connect
from pipeline.warehouse.migrate import applied_migrations, migrate, migration_files
from pipeline.warehouse.load import load_batch
from tests.unit.warehouse.batches import SOURCES, write_day

TABLES = ("articles", "comments", "mentions", "framings", "dyads", "sources")


def _snapshot(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in TABLES}
    finally:
        con.close()


def test_migrate_applies_every_migration_once_in_order(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    first = migrate(con, SQL_DIR)
    assert first == [p.stem for p in migration_files(SQL_DIR)]
    assert first[:4] == ["0001_core", "0002_dyads_and_provenance", "0004_loaded_batches",
                         "0005_members"]
    assert migrate(con, SQL_DIR) == []
    assert [v for v, _ in applied_migrations(con)] == first
    con.close()


def test_reloading_a_day_changes_nothing(tmp_path):
    db = tmp_path / "private.duckdb"
    day = write_day(tmp_path / "runs", "2026-11-20")
    first = load_batch(day, db, SQL_DIR, SOURCES)
    before = _snapshot(db)
    second = load_batch(day, db, SQL_DIR, SOURCES)
    assert first == second == {"articles": 3, "comments": 3, "mentions": 9, "framings": 3, "dyads": 3}
    assert _snapshot(db) == before


def test_an_article_fetched_again_in_a_later_batch_replaces_its_rows(tmp_path):
    db = tmp_path / "private.duckdb"
    load_batch(write_day(tmp_path / "runs", "2026-11-20", tag="x"), db, SQL_DIR, SOURCES)
    again = write_day(tmp_path / "runs", "2026-11-20", tag="x", batch_suffix="later")  # same articles
    load_batch(again, db, SQL_DIR, SOURCES)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 3
    assert con.execute("select count(*) from mentions").fetchone()[0] == 9
    assert con.execute("select distinct batch_id from mentions").fetchall() == [(again.batch_id,)]
    con.close()


def test_a_failed_load_leaves_the_warehouse_as_it_was(tmp_path):
    db = tmp_path / "private.duckdb"
    load_batch(write_day(tmp_path / "runs", "2026-11-20"), db, SQL_DIR, SOURCES)
    before = _snapshot(db)
    broken = write_day(tmp_path / "runs", "2026-11-21")
    broken.framings.write_bytes(b"not parquet")
    try:
        load_batch(broken, db, SQL_DIR, SOURCES)
    except Exception as exc:
        assert "parquet" in str(exc).lower()
    else:
        raise AssertionError("a broken stage file must fail the load")
    assert _snapshot(db) == before


def test_marts_count_what_was_loaded(tmp_path):
    db = tmp_path / "private.duckdb"
    load_batch(write_day(tmp_path / "runs", "2026-11-20"), db, SQL_DIR, SOURCES)
    load_batch(write_day(tmp_path / "runs", "2026-11-23", n_articles=2), db, SQL_DIR, SOURCES)
    con = duckdb.connect(str(db), read_only=True)
    day = dt.date(2026, 11, 20)
    assert con.execute("""select member, source_id, mention_count, article_count, comment_mention_count
                          from daily_member_mentions where day = ? order by 1, 2""", [day]).fetchall() == [
        ("CN", "institute", 1, 1, 0), ("CN", "ledger", 2, 2, 0),
        ("IR", "institute", 1, 1, 1), ("IR", "ledger", 2, 2, 2),
        ("RU", "institute", 1, 1, 0), ("RU", "ledger", 2, 2, 0)]
    assert con.execute("""select source_type, doc_kind, language, sum(mention_count)
                          from daily_member_mentions_by_kind_language where day = ? and member = 'IR'
                          group by all order by 1""", [day]).fetchall() == [
        ("news", "comment", "en", 2), ("think_tank", "comment", "en", 1)]
    # share of attention: RU in the text of 3 of 3 articles; IR only in comments, so 0
    assert con.execute("""select member, article_count, total_article_count, per_1000_articles
                          from daily_attention_share where day = ? order by member""", [day]).fetchall() == [
        ("CN", 3, 3, 1000.0), ("IR", 0, 3, 0.0), ("KP", 0, 3, 0.0), ("RU", 3, 3, 1000.0)]
    # both days fall in the ISO week of Monday 2026-11-16 / 2026-11-23
    rows = con.execute("""select week, pair_id, cooperation_count, friction_count, cohesion_index
                          from weekly_dyad_cohesion order by week""").fetchall()
    assert rows == [(dt.date(2026, 11, 16), "CN-RU", 2, 1, round(1 / 3, 3)),
                    (dt.date(2026, 11, 23), "CN-RU", 1, 1, 0.0)]
    assert con.execute("""select framing_id, stance, mention_count from daily_framing_stance
                          where day = ?""", [day]).fetchall() == [("natural_allies", "asserted", 3)]
    assert con.execute("select count(*) from loaded_batches").fetchone()[0] == 2
    con.close()


def test_migrate_recreates_views_when_a_definition_changes(tmp_path):
    import shutil

    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    con = connect(tmp_path / "w.duckdb")
    migrate(con, sql)
    view = sql / "marts" / "daily_member_mentions.sql"
    view.write_text(view.read_text(encoding="utf-8").replace("as mention_count", "as mentions_n"),
                    encoding="utf-8")
    assert migrate(con, sql) == []
    columns = [r[0] for r in con.execute("describe daily_member_mentions").fetchall()]
    assert "mentions_n" in columns and "mention_count" not in columns
    con.close()
