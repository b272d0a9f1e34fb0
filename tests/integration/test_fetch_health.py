"""Feed health over several runs against the fixture server, and `crinkwatch sources status`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.batch import BatchPaths
from pipeline.cli import app
from pipeline.config import load_settings, parse_as_of
from pipeline.demo.server import DemoServer
from pipeline.fetch import fetch_batch
from pipeline.fetch.state import FetchState
from pipeline.models import Alert, read_jsonl
from pipeline.sources import load_sources
from tests.fixtures.faults import XML, respond, rss, write_page

AS_OF = parse_as_of("2026-11-28T12:00")  # the runs are judged on this day, whatever the calendar says


def test_failing_and_silent_feeds_raise_alerts_and_show_in_status(tmp_path):
    root = tmp_path / "site"
    write_page(root, "/a/old.html", "An old article")
    write_page(root, "/a/new.html", "A fresh article")
    with DemoServer(root) as server:
        base = server.base_url
        server.add_route("/broken.xml", respond(500, b"down"))
        server.add_route("/old.xml", respond(200, rss(base, [("Old", "/a/old.html")],
                                                       pub="Mon, 06 Jan 2020 08:00:00 GMT").encode(), XML))
        server.add_route("/fresh.xml", respond(200, rss(base, [("New", "/a/new.html")],
                                                         pub="Fri, 27 Nov 2026 08:00:00 GMT").encode(), XML))
        sources_file = tmp_path / "sources.yml"
        sources_file.write_text(
            "sources:\n" + "".join(
                f"  - {{id: {i}, name: {i}, feed_url: '{base}/{i}.xml', type: news, language: en, "
                f"comments: false}}\n" for i in ("broken", "old", "fresh"))
            + f"  - {{id: parked, name: parked, feed_url: '{base}/parked.xml', type: news, enabled: false}}\n",
            encoding="utf-8")
        settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",),
                                 max_retries=0, feed_failure_threshold=2, feed_silence_days=30,
                                 as_of=AS_OF)
        sources = [s for s in load_sources(sources_file) if s.enabled]
        alerts_per_run = []
        for run in range(4):
            paths = BatchPaths.for_batch(settings.paths.runs_dir, f"run{run}")
            fetch_batch(sources, paths, settings)
            alerts_per_run.append(list(read_jsonl(paths.alerts, Alert)) if paths.alerts.exists() else [])

    checks = [sorted((a.subject, a.check, a.severity) for a in alerts) for alerts in alerts_per_run]
    silence = ("old", "feed_silence", "warning")
    assert checks[0] == [silence]
    assert checks[1] == [("broken", "consecutive_failures", "warning"), silence]
    assert checks[3] == [("broken", "consecutive_failures", "critical"), silence]
    alert = next(a for a in alerts_per_run[3] if a.subject == "broken")
    assert alert.origin == "feed_health" and alert.suite == "feed_health" and alert.batch_id == "run3"
    assert alert.observed == "4" and "HTTP 500" in alert.details

    with FetchState(settings.paths.fetch_state) as state:
        fresh = state.feed_health("fresh")
        broken = state.feed_health("broken")
    assert fresh.consecutive_failures == 0 and fresh.entries_seen == 1 and fresh.runs == 4
    assert fresh.newest_entry_at.startswith("2026-11-27") and fresh.last_success_at
    assert broken.consecutive_failures == 4 and broken.last_success_at is None
    assert broken.last_error.startswith("HTTP 500")

    result = CliRunner().invoke(app, ["sources", "status", "--sources", str(sources_file),
                                      "--data-dir", str(settings.data_dir), "--failures", "2",
                                      "--silence-days", "30", "--as-of", "2026-11-28T12:00", "--json"])
    assert result.exit_code == 1, result.output
    rows = {r["source_id"]: r for r in map(json.loads, result.output.splitlines())}
    assert list(rows) == ["broken", "old", "fresh", "parked"]
    assert [(a["check"], a["severity"]) for a in rows["broken"]["alerts"]] == [
        ("consecutive_failures", "critical")]
    assert [a["check"] for a in rows["old"]["alerts"]] == ["feed_silence"]
    assert rows["old"]["silent_days"] > 30
    assert rows["fresh"]["alerts"] == [] and rows["fresh"]["newest_entry_at"].startswith("2026-11-27")
    assert rows["parked"]["enabled"] is False and rows["parked"]["last_success_at"] is None

    table = CliRunner().invoke(app, ["sources", "status", "--sources", str(sources_file),
                                     "--data-dir", str(settings.data_dir), "--failures", "2"])
    assert table.exit_code == 1 and "Feed health" in table.output

    # Six weeks on, the fresh feed has gone silent too.
    later = CliRunner().invoke(app, ["sources", "status", "--sources", str(sources_file),
                                     "--data-dir", str(settings.data_dir), "--silence-days", "30",
                                     "--as-of", "2027-01-10", "--json"])
    rows = {r["source_id"]: r for r in map(json.loads, later.output.splitlines())}
    assert [a["check"] for a in rows["fresh"]["alerts"]] == ["feed_silence"]
    assert 43 < rows["fresh"]["silent_days"] < 45


def test_a_bad_as_of_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["sources", "status", "--data-dir", str(tmp_path),
                                      "--as-of", "next tuesday"])
    assert result.exit_code == 2
    assert "--as-of" in result.output and "not an ISO date" in result.output


def test_status_without_any_run_says_so(tmp_path):
    sources_file = tmp_path / "sources.yml"
    sources_file.write_text("sources:\n  - {id: a, name: A, feed_url: 'http://127.0.0.1:9/a.xml', "
                            "type: news}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "status", "--sources", str(sources_file),
                                      "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0
    assert "no fetch state" in result.output and "never" in result.output
