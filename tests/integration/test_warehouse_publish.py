"""Publishing never fights an analyst's open connection: a reader in another process keeps a
consistent snapshot through a load and a publish, and sees the new day once it reconnects."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.config import load_settings
from pipeline.warehouse.connection import connect
from pipeline.warehouse.load import load_batch
from pipeline.warehouse.publish import PublishFailed, publish
from tests.unit.warehouse.batches import SOURCES, write_day

# One statement, so each observation is one snapshot of the file it reads.
STATE_SQL = """
    select (select count(*) from articles),
           (select count(*) from mentions),
           (select sum(mention_count) from daily_member_mentions),
           (select count(*) from mention_evidence),
           (select max(day)::varchar from daily_member_mentions),
           (select last_batch_id from publish_info)
"""

READER = textwrap.dedent('''
    import json, sys, time, duckdb
    db, out, stop, mode, sql = sys.argv[1:6]
    con = duckdb.connect(db, read_only=True) if mode == "hold" else None
    with open(out, "a") as fh:
        while True:
            c = con or duckdb.connect(db, read_only=True)
            fh.write(json.dumps(c.execute(sql).fetchone()) + "\\n"); fh.flush()
            if con is None:
                c.close()
            import os
            if os.path.exists(stop):
                break
            time.sleep(0.01)
''')


def _state(db: Path) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return list(con.execute(STATE_SQL).fetchone())
    finally:
        con.close()


def _observations(path: Path) -> list[list]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture
def published(tmp_path):
    settings = load_settings(data_dir=tmp_path / "data", db_path=tmp_path / "analyst" / "warehouse.duckdb")
    load_batch(write_day(settings.paths.runs_dir, "2026-11-20"), settings.private_db_path, settings.sql_dir, SOURCES)
    publish(settings)
    return settings


def test_a_reader_in_another_process_sees_the_old_or_the_new_day_never_a_mix(published, tmp_path):
    settings = published
    old = _state(settings.db_path)
    stop = tmp_path / "stop"
    readers = {}
    for mode in ("hold", "reconnect"):
        out = tmp_path / f"{mode}.jsonl"
        out.touch()
        proc = subprocess.Popen([sys.executable, "-c", READER, str(settings.db_path), str(out), str(stop),
                                 mode, STATE_SQL])
        readers[mode] = (proc, out)
    try:
        deadline = time.monotonic() + 30
        while not all(_observations(out) for _, out in readers.values()):
            assert time.monotonic() < deadline, "readers did not start"
            time.sleep(0.05)
        # The analysts' file is open in two processes: the load and the publish must still succeed.
        load_batch(write_day(settings.paths.runs_dir, "2026-11-21", n_articles=4), settings.private_db_path,
                   settings.sql_dir, SOURCES)
        assert _state(settings.db_path) == old  # loading alone publishes nothing
        publish(settings)
        new = _state(settings.db_path)
        assert new != old and new[4] == "2026-11-21"
        deadline = time.monotonic() + 30
        while new not in _observations(readers["reconnect"][1]):
            assert time.monotonic() < deadline, "the reconnecting reader never saw the new day"
            time.sleep(0.05)
        seen_before = len(_observations(readers["hold"][1]))
        while len(_observations(readers["hold"][1])) < seen_before + 5:
            time.sleep(0.05)
    finally:
        stop.touch()
        for proc, _ in readers.values():
            proc.wait(timeout=30)
    for proc, _ in readers.values():
        assert proc.returncode == 0
    held = _observations(readers["hold"][1])
    assert held and all(o == old for o in held)  # the open connection kept its snapshot
    reconnected = _observations(readers["reconnect"][1])
    assert {json.dumps(o) for o in reconnected} == {json.dumps(old), json.dumps(new)}
    # no observation after the first new one goes back to the old day
    first_new = reconnected.index(new)
    assert all(o == new for o in reconnected[first_new:])


def test_a_failed_check_keeps_the_old_analyst_database(published):
    settings = published
    before = _state(settings.db_path)
    con = connect(settings.private_db_path)
    con.execute("""insert into framings select doc_id, doc_kind, article_id, framing_id, 'sarcastic',
                   start_offset + 1, end_offset + 1, surface, sentence, taxonomy_version, batch_id
                   from framings limit 1""")
    con.close()
    with pytest.raises(PublishFailed, match="unknown stance"):
        publish(settings)
    assert _state(settings.db_path) == before
    leftovers = [p.name for p in settings.db_path.parent.iterdir() if p.name != settings.db_path.name]
    assert leftovers == []


def test_the_analyst_database_has_materialised_marts_and_publish_info(published):
    con = duckdb.connect(str(published.db_path), read_only=True)
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables").fetchall())
    for mart in ("daily_member_mentions", "daily_attention_share", "weekly_dyad_cohesion",
                 "daily_framing_stance", "daily_member_mentions_by_kind_language"):
        assert kinds[mart] == "BASE TABLE", mart
    assert kinds["mention_evidence"] == "BASE TABLE"
    assert kinds["stg_mentions"] == "VIEW"
    info = con.execute("select batch_count, first_day::varchar, last_day::varchar from publish_info").fetchone()
    assert info == (1, "2026-11-20", "2026-11-20")
    con.close()


def test_retag_replaces_the_private_tags_and_publishes_them(published):
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.config import DEFAULT_TAXONOMY
    from pipeline.tagging.lexicon import load_lexicon

    settings = published
    version = load_lexicon(DEFAULT_TAXONOMY).version
    result = CliRunner().invoke(app, ["retag", "--taxonomy", str(DEFAULT_TAXONOMY), "--db", str(settings.db_path),
                                      "--data-dir", str(settings.data_dir)])
    assert result.exit_code == 0, result.output
    assert f"published {settings.db_path}" in result.output.replace("\n", "")
    con = duckdb.connect(str(settings.db_path), read_only=True)
    assert con.execute("select list(distinct taxonomy_version) from mentions").fetchone()[0] == [version]
    assert con.execute("select taxonomy_versions from publish_info").fetchone()[0] == [version]
    assert con.execute("select sum(mention_count) from daily_member_mentions").fetchone()[0] \
        == con.execute("select count(*) from mention_evidence").fetchone()[0] > 0
    con.close()
