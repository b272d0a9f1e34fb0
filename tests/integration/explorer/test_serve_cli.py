"""`crinkwatch serve` as an analyst runs it: a process on 127.0.0.1 over the demo database."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
from typer.testing import CliRunner

from pipeline.cli import app
from tests.integration.explorer.conftest import free_port


def test_serve_answers_on_loopback_until_stopped(demo_db):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(demo_db),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, text=True)
    try:
        assert "crinkwatch explorer on http://127.0.0.1:" in proc.stdout.readline()
        while True:  # the line is printed just before uvicorn binds
            assert proc.poll() is None, proc.stdout.read()
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/dyads?source=vestnik")
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert page.status_code == 200 and "CN-RU" in page.text
    finally:
        proc.terminate()
        proc.wait()


def test_serve_without_a_database_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no warehouse at" in result.output and "Traceback" not in result.output
