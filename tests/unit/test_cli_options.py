"""One shared --data-dir / --db definition: every command honours the flags and
CRINKWATCH_DATA_DIR the same way (flag over environment over ./data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import DEFAULT_TAXONOMY

runner = CliRunner()


@pytest.fixture
def env_dir(tmp_path, monkeypatch) -> Path:
    for var in ("CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB"):
        monkeypatch.delenv(var, raising=False)
    root = tmp_path / "from-env"
    monkeypatch.setenv("CRINKWATCH_DATA_DIR", str(root))
    monkeypatch.chdir(tmp_path)  # so a command that ignored the variable would use ./data here
    return root


def _sources(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text("sources:\n  - id: local\n    name: Local\n    feed_url: http://127.0.0.1:9/feed.xml\n"
                    "    type: news\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("args, expected", [
    (["trends"], "no warehouse at {root}/warehouse.duckdb"),
    (["evidence", "--member", "RU", "--day", "2026-11-20"], "no warehouse at {root}/warehouse.duckdb"),
    (["report", "--out", "r"], "no warehouse at {root}/warehouse.duckdb"),
    (["alerts"], "no warehouse at {root}/private/warehouse.duckdb"),
    (["retag", "--taxonomy", str(DEFAULT_TAXONOMY)], "no extracted store at {root}/runs"),
    (["validate", "--stage", "raw"], "under {root}/runs"),
    (["db", "publish"], "no private warehouse at {root}/private/warehouse.duckdb"),
    (["sources", "status"], "no fetch state at {root}/state/fetch.sqlite"),
    (["db", "status"], "Migrations of {root}/private/warehouse.duckdb"),
])
def test_every_command_reads_the_data_folder_from_the_environment(env_dir, args, expected):
    result = runner.invoke(app, args)
    squeezed = "".join(result.output.split())  # rich wraps long paths at the terminal width
    assert "".join(expected.format(root=env_dir).split()) in squeezed, result.output
    assert not (env_dir.parent / "data").exists()


def test_run_and_migrate_write_under_the_data_folder_from_the_environment(env_dir, tmp_path):
    assert runner.invoke(app, ["db", "migrate"]).exit_code == 0
    assert (env_dir / "private" / "warehouse.duckdb").exists()
    result = runner.invoke(app, ["run", "--sources", str(_sources(tmp_path))])
    assert result.exit_code == 1 and "Nothing fetched" in result.output  # 127.0.0.1 is not allowed
    assert any((env_dir / "runs").iterdir()) and (env_dir / "state" / "fetch.sqlite").exists()
    assert not (tmp_path / "data").exists()


def test_a_flag_beats_the_environment_and_db_beats_the_data_folder(env_dir, tmp_path):
    flagged = tmp_path / "flagged"
    result = runner.invoke(app, ["trends", "--data-dir", str(flagged)])
    assert f"no warehouse at {flagged}/warehouse.duckdb" in result.output
    result = runner.invoke(app, ["trends", "--data-dir", str(flagged), "--db", str(tmp_path / "x.duckdb")])
    assert f"no warehouse at {tmp_path}/x.duckdb" in result.output


def test_db_publish_writes_the_given_data_folders_analyst_database(tmp_path, monkeypatch):
    from pipeline.config import load_settings
    from pipeline.warehouse.load import load_batch
    from tests.unit.warehouse.batches import SOURCES, write_day

    for var in ("CRINKWATCH_DATA_DIR", "CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(data_dir=tmp_path / "x")
    load_batch(write_day(settings.paths.runs_dir, "2026-11-20"), settings.private_db_path,
               settings.sql_dir, SOURCES)
    result = runner.invoke(app, ["db", "publish", "--data-dir", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "warehouse.duckdb").exists()
    assert not (tmp_path / "data").exists()
