"""Exactly once, proven with kill -9: a real `crinkwatch run` over the demo site is SIGKILLed at
every stage boundary (and inside fetch, between load and its bookkeeping, and inside publish),
then run again. The analysts' database must equal a clean run's, row for row (batch ids and load
times aside), with nothing counted twice, no page left pending and no temp file left behind.

The run kills itself (``CRINKWATCH_TEST_KILL_AT``, :mod:`pipeline.killpoints`), so the kill lands
exactly at the named point, every time.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.demo import DEMO_SOURCES
from pipeline.demo.server import SITE_DIR, DemoServer
from pipeline.killpoints import KILL_AT_ENV
from pipeline.runner import STAGES

ROOT = Path(__file__).parents[2]
AS_OF = "2026-11-27T06:00"
# Before each stage; after 7 of the 14 pages; after the load's commit but before its pages are
# marked done; inside publish, with the new analyst copy built but not yet renamed into place.
KILL_POINTS = (*STAGES, "fetch:7", "loaded", "publish_built")
# Tables whose rows name the batch or the moment they were written: compared by count elsewhere.
BOOKKEEPING = {"loaded_batches", "publish_info", "schema_migrations", "schema_views"}
TEMP_PATTERNS = ("*.tmp", "*.publishing", "*.publishing.wal", "*.duckdb.wal")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site on 127.0.0.1 and a sources file pointing at it."""
    folder = tmp_path_factory.mktemp("site")
    with DemoServer(SITE_DIR) as server:
        sources = folder / "sources.yml"
        sources.write_text(DEMO_SOURCES.read_text(encoding="utf-8").replace("{{BASE}}", server.base_url),
                           encoding="utf-8")
        yield sources


def _run(sources: Path, data: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRINKWATCH_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if kill_at:
        env[KILL_AT_ENV] = kill_at
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--sources", str(sources), "--data-dir", str(data),
         "--allow-private", "127.0.0.1", "--as-of", AS_OF],
        env=env, capture_output=True, text=True, timeout=900)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table of the analysts' database as sorted rows, without batch ids and write times."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' "
            "and table_type = 'BASE TABLE' order by 1").fetchall()]
        out = {}
        for table in tables:
            if table in BOOKKEEPING:
                continue
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position", [table]).fetchall()]
            kept = [c for c in columns if c != "batch_id" and not (c.endswith("_at") and c != "published_at")]
            rows = con.execute(f"select {', '.join(kept)} from {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="module")
def reference(site, tmp_path_factory) -> dict[str, list[tuple]]:
    """A clean run's analyst database."""
    data = tmp_path_factory.mktemp("clean")
    done = _run(site, data)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = snapshot(data / "warehouse.duckdb")
    assert len(rows["articles"]) == 14 and rows["comments"] and rows["mentions"]
    return rows


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_a_run_killed_anywhere_is_healed_by_running_again(site, reference, tmp_path, kill_at):
    data = tmp_path / "data"
    killed = _run(site, data, kill_at)
    assert killed.returncode == -signal.SIGKILL, f"not killed at {kill_at}:\n{killed.stderr[-3000:]}"

    again = _run(site, data)
    assert again.returncode == 0, again.stderr[-3000:]

    rows = snapshot(data / "warehouse.duckdb")
    assert {t: len(r) for t, r in rows.items()} == {t: len(r) for t, r in reference.items()}
    assert rows == reference
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) = count(distinct canonical_url) from articles").fetchone()[0]
        assert con.execute("select count(*) = count(distinct comment_id) from comments").fetchone()[0]
    with sqlite3.connect(data / "state" / "fetch.sqlite") as state:
        assert state.execute("select count(*) from pending_pages").fetchone()[0] == 0
        assert state.execute("select count(*) from pages").fetchone()[0] == 14
    stray = [p for pattern in TEMP_PATTERNS for p in data.rglob(pattern)]
    assert stray == []
