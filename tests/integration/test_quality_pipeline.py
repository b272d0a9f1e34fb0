"""Data quality through whole runs: a clean demo raises nothing; real faults on the site are
quarantined or block the batch, with alerts delivered to local receivers."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import EXPECTATIONS_DIR
from tests.conftest import MINISITE, MINISITE_AS_OF, write_sources
from tests.integration.quality_receivers import SmtpReceiver, WebhookReceiver

runner = CliRunner()

ITALIAN = """<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Tè e dazi</title></head>
<body><article><h1>Tè e dazi</h1>
<p>Il governo ha annunciato ieri nuovi dazi sulle importazioni di tè e porcellana, una decisione che
secondo molti commercianti del porto cambierà i prezzi nei negozi già dalla prossima settimana.</p>
<p>Gli importatori chiedono un periodo di transizione più lungo, mentre le associazioni dei consumatori
temono aumenti per le famiglie. Il ministero ha promesso una revisione entro la fine dell'anno.</p>
<p>Nel frattempo i magazzini del porto restano pieni e gli spedizionieri cercano nuove rotte.</p>
</article></body></html>"""


def _tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and "uncommitted" not in p.parts):
        h.update(str(f.relative_to(root)).encode() + f.read_bytes())
    return h.hexdigest()


def _serve(server, path: str, body: str) -> None:
    def handler(request) -> None:
        request._send(200, body.encode("utf-8"), "text/html; charset=utf-8")
    server.add_route(path, handler)


def _run(server, tmp_path: Path):
    sources = write_sources(tmp_path / "sources.yml", server, MINISITE / "sources.yml")
    db = tmp_path / "data" / "warehouse.duckdb"
    result = runner.invoke(app, ["run", "--sources", str(sources), "--db", str(db), "--data-dir",
                                 str(tmp_path / "data"), "--allow-private", "127.0.0.1",
                                 "--as-of", MINISITE_AS_OF])
    return result, db


@pytest.fixture
def receivers(monkeypatch):
    with WebhookReceiver() as webhook, SmtpReceiver() as smtp:
        monkeypatch.setenv("CRINKWATCH_ALERT_WEBHOOK_URL", webhook.url)
        monkeypatch.setenv("CRINKWATCH_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("CRINKWATCH_SMTP_PORT", str(smtp.port))
        monkeypatch.setenv("CRINKWATCH_SMTP_TO", "oncall@example.org")
        yield webhook, smtp


def test_clean_demo_run_raises_no_alert(tmp_path, receivers):
    webhook, smtp = receivers
    before = _tree_hash(EXPECTATIONS_DIR)
    data = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 14
    assert con.execute("select count(*) from alerts").fetchone()[0] == 0
    assert con.execute("select count(*) from quarantine").fetchone()[0] == 0
    con.close()
    (batch,) = (data / "runs").iterdir()
    assert not (batch / "alerts.jsonl").exists()
    assert {p.stem for p in (batch / "validation").glob("*.json")} >= {
        "raw_pages", "articles", "comments", "mentions", "framings", "dyads",
        "daily_member_mentions", "daily_article_volume", "source_freshness"}
    assert webhook.posts == [] and smtp.messages == []
    assert (data / "quality" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()
    assert _tree_hash(EXPECTATIONS_DIR) == before  # GX wrote nothing into the committed project
    listed = runner.invoke(app, ["alerts", "--db", str(data / "warehouse.duckdb")])
    assert listed.exit_code == 0 and "0 alert(s)" in listed.output


def test_a_blocking_failure_stops_the_run_before_load(minisite_server, tmp_path, receivers, monkeypatch):
    """A deployment that tightens a suite (here: a batch needs at least 5 articles, blocking)."""
    from pipeline.config import load_settings, parse_as_of
    from pipeline.quality import ValidationFailed
    from pipeline.runner import run_once
    from pipeline.sources import load_sources

    webhook, smtp = receivers
    project = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS_DIR, project, ignore=shutil.ignore_patterns("uncommitted"))
    suite_path = project / "gx" / "expectations" / "articles.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))
    suite["expectations"].append({"type": "expect_table_row_count_to_be_between",
                                  "kwargs": {"min_value": 5}, "meta": {
                                      "check": "min_articles", "on_failure": "block",
                                      "why": "fewer articles than any normal day means the feeds are broken"}})
    suite_path.write_text(json.dumps(suite), encoding="utf-8")
    settings = load_settings(data_dir=tmp_path / "data", db_path=tmp_path / "data" / "w.duckdb",
                             allow_private=("127.0.0.1",), expectations_dir=project,
                             as_of=parse_as_of(MINISITE_AS_OF))

    with pytest.raises(ValidationFailed) as failed:
        run_once(settings, load_sources(MINISITE / "sources.yml", {"BASE": minisite_server.base_url}))
    assert "articles.min_articles" in str(failed.value) and "nothing was loaded" in str(failed.value)
    # nothing was published; the alert is in the warehouse loads write (the on-call's view)
    assert not settings.db_path.exists()
    con = duckdb.connect(str(settings.private_db_path), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 0  # nothing loaded
    (row,) = con.execute("select severity, observed from alerts where check_name = 'min_articles'").fetchall()
    con.close()
    assert row == ("critical", "2")
    assert [a["check"] for a in webhook.alerts()] == ["min_articles"]
    assert "min_articles" in smtp.bodies()[0]
    # the README's command, with no flags, from the folder holding data/, shows the blocked batch's alert
    monkeypatch.chdir(tmp_path)
    for var in ("CRINKWATCH_DATA_DIR", "CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB"):
        monkeypatch.delenv(var, raising=False)
    listed = runner.invoke(app, ["alerts"])
    assert listed.exit_code == 0, listed.output
    assert "articles.min_articles" in listed.stdout and "1 alert(s)" in listed.stdout


def test_an_article_in_an_unexpected_language_is_quarantined_and_the_rest_loads(
        minisite_server, tmp_path, receivers, monkeypatch):
    webhook, smtp = receivers
    monkeypatch.setenv("CRINKWATCH_LANGUAGES", "en,ru,zh")
    _serve(minisite_server, "/news/tea.html", ITALIAN)

    result, db = _run(minisite_server, tmp_path)
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select title from articles").fetchall() == [("Pyongyang and Moscow sign a logistics accord",)]
    (q,) = con.execute("select stage, table_name, reason, row_json from quarantine").fetchall()
    (alert,) = con.execute("select severity, suite, check_name, docs_url from alerts").fetchall()
    con.close()
    assert q[:3] == ("articles", "articles", "language_allowed") and '"language": "it"' in q[3]
    assert alert[:3] == ("warning", "articles", "language_allowed") and alert[3].startswith("file://")
    assert webhook.alerts()[0]["check"] == "language_allowed"
    assert "language_allowed" in smtp.bodies()[0]
    (batch,) = (tmp_path / "data" / "runs").iterdir()
    assert "language_allowed" in (batch / "quarantine" / "articles.jsonl").read_text(encoding="utf-8")

    # re-validating the batch from the CLI finds it clean now and sends nothing again
    again = runner.invoke(app, ["validate", "--stage", "articles", "--data-dir", str(tmp_path / "data"),
                                "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "articles" in again.output and len(webhook.posts) == 1
    listed = runner.invoke(app, ["alerts", "--db", str(db), "--since", "2000-01-01", "--json"])
    (line,) = listed.output.strip().splitlines()
    assert json.loads(line)["check_name"] == "language_allowed"
