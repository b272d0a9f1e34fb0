"""`make demo` twice: the demo site keeps its port, so the second run counts nothing twice."""

from __future__ import annotations

import socket

import duckdb
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.demo.server import serve_on_preferred_port

TABLES = ("articles", "comments", "mentions", "framings", "dyads", "daily_member_mentions")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _counts(db) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def test_running_the_demo_twice_gives_the_same_counts(tmp_path):
    data = tmp_path / "demo"
    port = str(_free_port())  # the default port may be taken by a parallel run on this machine
    first = CliRunner().invoke(app, ["demo", "--data-dir", str(data), "--port", port])
    assert first.exit_code == 0, first.output
    once = _counts(data / "warehouse.duckdb")
    second = CliRunner().invoke(app, ["demo", "--data-dir", str(data), "--port", port])
    assert second.exit_code == 0, second.output
    assert f"127.0.0.1:{port}" in second.output and "busy" not in second.output
    assert once["articles"] == 14 and _counts(data / "warehouse.duckdb") == once
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        urls = {r[0] for r in con.execute("select url from articles").fetchall()}
    assert all(u.startswith(f"http://127.0.0.1:{port}/") for u in urls)


def test_a_busy_demo_port_falls_back_to_a_free_one():
    with serve_on_preferred_port(_free_port()) as taken:
        port = int(taken.base_url.rsplit(":", 1)[1])
        with serve_on_preferred_port(port) as fallback:
            assert fallback.base_url != taken.base_url
