"""The analyst command line after `make demo`: README queries through `crinkwatch sql`, no-flag
defaults that find the demo database, and evidence grouped by sentence."""

from __future__ import annotations

import csv
import io
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.warehouse.connection import connect

README = Path(__file__).resolve().parents[3] / "README.md"
runner = CliRunner()


@pytest.fixture
def after_make_demo(demo_dir, tmp_path, monkeypatch):
    """A working folder laid out as `make demo` leaves it: data/demo and no data/warehouse.duckdb."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "demo").symlink_to(demo_dir)
    monkeypatch.chdir(tmp_path)
    for name in ("CRINKWATCH_DB", "CRINKWATCH_DATA_DIR", "CRINKWATCH_PRIVATE_DB"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_every_readme_sql_block_runs_through_crinkwatch_sql(demo_db):
    queries = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert len(queries) >= 6
    con = connect(demo_db, read_only=True)
    try:
        for query in queries:
            result = runner.invoke(app, ["sql", "--db", str(demo_db), "--format", "csv", query])
            assert result.exit_code == 0, (query, result.output)
            rows = list(csv.reader(io.StringIO(result.stdout)))
            expected = con.execute(query).fetchall()
            assert rows[1:] == [["" if v is None else str(v) for v in row] for row in expected]
    finally:
        con.close()


def test_every_readme_sql_command_runs_as_written_after_make_demo(after_make_demo):
    lines = [line.split("#")[0].strip() for line in README.read_text(encoding="utf-8").splitlines()
             if line.strip().startswith("crinkwatch sql ")]
    assert len(lines) >= 3
    for line in lines:
        result = runner.invoke(app, shlex.split(line)[1:])
        assert result.exit_code == 0, (line, result.output)
        assert "row(s)" in result.stdout or result.stdout.count("\n") > 1


def test_sql_is_read_only_and_errors_are_one_line(demo_db):
    result = runner.invoke(app, ["sql", "--db", str(demo_db), "delete from articles"])
    assert result.exit_code == 2
    assert "read-only" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["sql", "--db", str(demo_db), "selec 1"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_analyst_commands_find_the_demo_database_without_flags(after_make_demo):
    for args in (["trends"], ["evidence", "--member", "RU", "--day", "2026-11-19"],
                 ["sql", "select count(*) as n from articles"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert "reading the demo database data/demo/warehouse.duckdb" in result.stderr


def test_a_named_database_is_never_swapped_for_the_demo(after_make_demo, monkeypatch):
    monkeypatch.setenv("CRINKWATCH_DB", "elsewhere/warehouse.duckdb")
    result = runner.invoke(app, ["sql", "select 1"])
    assert result.exit_code == 2 and "elsewhere/warehouse.duckdb" in result.output
    assert "reading the demo database" not in result.output


def test_evidence_prints_each_sentence_whole_under_its_document(demo_db):
    result = runner.invoke(app, ["evidence", "--db", str(demo_db), "--member", "RU", "--day", "2026-11-19"])
    assert result.exit_code == 0, result.output
    con = connect(demo_db, read_only=True)
    try:
        sentences, docs = con.execute("""
            select list(distinct sentence), count(distinct doc_id) from mention_evidence
            where member = 'RU' and day = '2026-11-19'""").fetchone()
    finally:
        con.close()
    lines = result.stdout.splitlines()
    for sentence in sentences:
        head = sentence[:100]
        # a sentence starts on its own indented line and is not cut into narrow columns
        assert any(line.startswith("  " + head) for line in lines), sentence
        assert sum(line.strip().startswith(sentence[:60]) for line in lines) == 1
    assert f"in {len(sentences)} sentence(s) of {docs} document(s)" in result.stdout
