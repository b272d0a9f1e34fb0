"""The whole pipeline over the two-article test site, through the CLI, with real parts."""

import duckdb
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import MINISITE, write_sources


def test_run_command_loads_the_minisite(minisite_server, tmp_path):
    sources = write_sources(tmp_path / "sources.yml", minisite_server, MINISITE / "sources.yml")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["run", "--sources", str(sources), "--db", str(db),
                                      "--data-dir", str(tmp_path / "data"),
                                      "--allow-private", "127.0.0.1"])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    assert con.execute("select count(*) from comments").fetchone()[0] == 2
    # utm parameters are gone from the stored canonical URL
    assert con.execute("select count(*) from articles where canonical_url like '%utm_%'").fetchone()[0] == 0
    members = dict(con.execute(
        "select actor, count(distinct doc_id) from mentions where is_member group by actor").fetchall())
    assert members == {"KP": 1, "RU": 2, "CN": 1}  # RU: the article and one comment
    con.close()


def test_loopback_is_refused_without_allow_private(minisite_server, tmp_path):
    sources = write_sources(tmp_path / "sources.yml", minisite_server, MINISITE / "sources.yml")
    result = CliRunner().invoke(app, ["run", "--sources", str(sources), "--db", str(tmp_path / "w.duckdb"),
                                      "--data-dir", str(tmp_path / "data")])
    assert minisite_server.requests == []  # nothing was sent
    assert result.exit_code == 1
    assert "non-public address 127.0.0.1" in result.output
