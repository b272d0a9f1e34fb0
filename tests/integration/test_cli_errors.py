"""Clear errors, never tracebacks: every bad input or broken store is one line on stderr naming
what and where, with exit code 2. Real DuckDB and SQLite files, the real CLI."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import load_settings
from pipeline.paths import lock_path
from pipeline.warehouse.load import load_batch
from pipeline.warehouse.publish import publish
from tests.unit.warehouse.batches import SOURCES, write_day

runner = CliRunner()
ENV_VARS = ("CRINKWATCH_DATA_DIR", "CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB", "CRINKWATCH_LOCK_TIMEOUT_S")
MARKUP = "Moscow [/b] and [bold]Beijing[/bold] called themselves natural allies this week."


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    for var in ENV_VARS:
        monkeypatch.delenv(var, raising=False)


def fails_in_one_line(args: list[str], env: dict[str, str] | None = None,
                      after_progress: bool = False) -> str:
    """Run the CLI; assert exit 2, one error line on stderr (``after_progress``: the last, after
    the stage progress lines of a run) and no traceback; return the error line."""
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    if after_progress:
        assert [line for line in lines if line.startswith("crinkwatch:")] == lines[-1:], result.stderr
    else:
        assert len(lines) == 1, result.stderr
    return lines[-1]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A data folder with one loaded and published day whose sentences hold markup-like text."""
    root = tmp_path_factory.mktemp("cli") / "da'ta"  # an apostrophe in the path must load too
    settings = load_settings(data_dir=root)
    day = write_day(settings.paths.runs_dir, "2026-11-20")
    for path in (day.mentions, day.framings, day.dyads):
        table = pq.read_table(path)
        column = table.schema.get_field_index("sentence")
        table = table.set_column(column, "sentence", [[MARKUP] * table.num_rows])
        pq.write_table(table, path)
    load_batch(day, settings.private_db_path, settings.sql_dir, SOURCES)
    publish(settings)
    return root


# --- bad values on the command line -------------------------------------------------------------

@pytest.mark.parametrize("args, expected", [
    (["trends", "--since", "2026-13-01"], "--since: not a date (use YYYY-MM-DD, e.g. 2026-11-20): '2026-13-01'"),
    (["evidence", "--member", "RU", "--day", "yesterday"], "--day: not a date (use YYYY-MM-DD, e.g. 2026-11-20): 'yesterday'"),
    (["evidence", "--member", "RU", "--day", "2026-11-20", "--limit", "-1"], "--limit: must be 0 or more"),
    (["alerts", "--since", "junk"], "--since: not an ISO date or date-time (e.g. 2026-11-20 or 2026-11-20T06:00): 'junk'"),
    (["alerts", "--limit", "-1"], "--limit: must be 0 or more"),
    (["report", "--out", "x", "--since", "2026/11/01"], "--since: not a date"),
    (["evidence", "--member", "RU", "--day", "2026-11-20", "--format", "xml"], "--format: unknown format"),
    (["sources", "status", "--as-of", "soon"], "--as-of: not an ISO date"),
])
def test_a_bad_value_is_one_line_naming_the_option(data_dir, args, expected):
    assert expected in fails_in_one_line([*args, "--data-dir", str(data_dir)])


def test_a_usage_mistake_is_one_line_too():
    assert "--nope" in fails_in_one_line(["trends", "--nope"])


# --- databases that are missing, not DuckDB, or damaged -----------------------------------------

def test_a_missing_database_names_the_file(tmp_path):
    line = fails_in_one_line(["trends", "--db", str(tmp_path / "none.duckdb")])
    assert f"no warehouse at {tmp_path / 'none.duckdb'}" in line


def test_a_file_that_is_not_duckdb(tmp_path):
    fake = tmp_path / "notes.duckdb"
    fake.write_text("these are my notes, not a database\n" * 50)
    for args in (["trends"], ["evidence", "--member", "RU", "--day", "2026-11-20"], ["alerts"],
                 ["report", "--out", str(tmp_path / "r")]):
        line = fails_in_one_line([*args, "--db", str(fake)])
        assert str(fake) in line and "not a readable DuckDB database" in line, args


def test_a_truncated_database(data_dir, tmp_path):
    whole = (data_dir / "warehouse.duckdb").read_bytes()
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(whole[: len(whole) // 3])
    line = fails_in_one_line(["trends", "--db", str(cut)])
    assert str(cut) in line


def test_a_duckdb_file_that_is_not_a_crinkwatch_warehouse(tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    line = fails_in_one_line(["trends", "--db", str(other)])
    assert "not a crinkwatch warehouse" in line and str(other) in line


def test_a_truncated_fetch_state(tmp_path):
    state = load_settings(data_dir=tmp_path).paths.fetch_state
    state.parent.mkdir(parents=True)
    state.write_bytes(b"SQLite format 3\x00" + b"\x00" * 40)
    line = fails_in_one_line(["sources", "status", "--data-dir", str(tmp_path)])
    assert f"fetch state {state}" in line


def test_a_truncated_private_warehouse_stops_migrate(data_dir, tmp_path):
    private = tmp_path / "private.duckdb"
    whole = (data_dir / "private" / "warehouse.duckdb").read_bytes()
    private.write_bytes(whole[:5000])
    line = fails_in_one_line(["db", "migrate", "--private-db", str(private)])
    assert str(private) in line


# --- locks ---------------------------------------------------------------------------------------

def test_a_locked_private_warehouse_is_waited_for_then_reported(data_dir):
    private = data_dir / "private" / "warehouse.duckdb"
    with lock_path(private).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            env = {"CRINKWATCH_LOCK_TIMEOUT_S": "0.3"}
            for args in (["db", "migrate"], ["db", "publish"], ["alerts"]):
                line = fails_in_one_line([*args, "--data-dir", str(data_dir)], env=env)
                assert f"{private} is locked by another writer" in line, args
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)


# --- what the commands print ----------------------------------------------------------------------

def test_page_text_is_printed_as_text_not_markup(data_dir):
    result = runner.invoke(app, ["evidence", "--data-dir", str(data_dir), "--member", "RU",
                                 "--day", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert "[/b]" in result.stdout and "[bold]Beij" in result.stdout


def test_a_data_folder_with_an_apostrophe_loads_and_reads(data_dir):
    result = runner.invoke(app, ["trends", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "RU" in result.stdout


def test_the_real_entry_point_prints_one_line(tmp_path):
    """The installed console script, in its own process: still one line, exit 2."""
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "evidence", "--member", "RU",
                           "--day", "yesterday", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "crinkwatch: --day: not a date (use YYYY-MM-DD, e.g. 2026-11-20): 'yesterday'"]


def test_a_hostile_source_id_stops_the_run_before_anything_is_written(tmp_path):
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: ../../x\n    name: X\n    feed_url: http://127.0.0.1:9/f\n"
                       "    type: news\n", encoding="utf-8")
    line = fails_in_one_line(["run", "--sources", str(sources), "--data-dir", str(tmp_path / "d")])
    assert f"{sources}: sources[0]: source id '../../x'" in line
    assert not (tmp_path / "d").exists()
    assert "does not exist" in fails_in_one_line(["run", "--sources", str(tmp_path / "none.yml")])


def test_a_database_another_process_holds_open_for_writing(data_dir, tmp_path):
    """Someone opened the analysts' file read-write (say, a notebook without read_only=True)."""
    db = tmp_path / "held.duckdb"
    db.write_bytes((data_dir / "warehouse.duckdb").read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', "
         "flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        line = fails_in_one_line(["trends", "--db", str(db)])
        assert f"{db} is open for writing by another process" in line
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_truncated_stage_file(tmp_path):
    paths = load_settings(data_dir=tmp_path).paths.batch("20261120T060000Z-cut")
    paths.root.mkdir(parents=True)
    paths.raw_pages.write_text('{"url": "http://127.0.0.1/a", "canonical_url": "http://127.0.0.1/a"}\n'
                               '{"url": "http://127.0.0.1/b", "canon', encoding="utf-8")
    line = fails_in_one_line(["validate", "--stage", "raw", "--data-dir", str(tmp_path)])
    assert f"{paths.raw_pages}, line 2: not valid JSON" in line
