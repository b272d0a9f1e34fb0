"""Read-only and full disks: a real small filesystem (tmpfs) mounted for the test; each command
stops with one line naming the problem and the place, exit code 2, and no traceback.

Mounting needs root (CI and the dev machines run as root); elsewhere these tests skip saying so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.warehouse.load import load_batch
from pipeline.warehouse.publish import publish
from tests.integration.test_cli_errors import fails_in_one_line
from tests.unit.warehouse.batches import SOURCES, write_day


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    for var in ("CRINKWATCH_DATA_DIR", "CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(params=["64M"])
def tmpfs(tmp_path, request):
    """Mount a small tmpfs; yields (mount point, remount read-only function)."""
    point = tmp_path / "mnt"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={request.param}", "tmpfs", str(point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")

    def read_only() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    try:
        yield point, read_only
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _published(root: Path) -> None:
    settings = load_settings(data_dir=root)
    load_batch(write_day(settings.paths.runs_dir, "2026-11-20"), settings.private_db_path,
               settings.sql_dir, SOURCES)
    publish(settings)


def _sources(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text("sources:\n  - id: local\n    name: Local\n    feed_url: http://127.0.0.1:9/feed.xml\n"
                    "    type: news\n", encoding="utf-8")
    return path


def test_a_read_only_data_folder(tmp_path, tmpfs):
    point, read_only = tmpfs
    built = tmp_path / "built"
    _published(built)
    shutil.copytree(built, point / "data")
    read_only()
    data = str(point / "data")
    for args in (["db", "migrate"], ["db", "publish"],
                 ["run", "--sources", str(_sources(tmp_path))]):
        line = fails_in_one_line([*args, "--data-dir", data], after_progress=args[0] == "run")
        assert "read-only file system" in line and data in line, args
    # reading still works: nobody can be writing a read-only folder
    from typer.testing import CliRunner

    from pipeline.cli import app

    for args in (["trends"], ["alerts"], ["db", "status"]):
        result = CliRunner().invoke(app, [*args, "--data-dir", data])
        assert result.exit_code == 0, (args, result.output)


@pytest.mark.parametrize("tmpfs", ["2M"], indirect=True)
def test_a_full_disk(tmp_path, tmpfs):
    point, _ = tmpfs
    filler = point / "filler"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    data = str(point / "data")
    line = fails_in_one_line(["db", "migrate", "--data-dir", data])
    assert "disk full" in line and data in line
    line = fails_in_one_line(["run", "--sources", str(_sources(tmp_path)), "--data-dir", data],
                             after_progress=True)
    assert "disk full" in line and data in line
