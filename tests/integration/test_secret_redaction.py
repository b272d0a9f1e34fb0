"""No secret in any log line, error, alert or fetch log: a real failing webhook, a real SMTP
server, a real feed whose URL carries a key."""

from __future__ import annotations

import json
import logging

import pytest

from pipeline.fetch import fetch_batch
from pipeline.fetch.state import FetchState
from pipeline.models import Alert, Source
from pipeline.quality.alerts import send_alerts
from pipeline.quality.notifiers import EmailNotifier, notify
from tests.fixtures.faults import respond
from tests.integration.quality_receivers import SmtpReceiver, WebhookReceiver

TOKEN = "XyZwebhookToken987"
PASSWORD = "hunter2-smtp-pass"
API_KEY = "feedKey55501"


def _alert(details: str = "") -> Alert:
    return Alert(alert_id="s1", raised_at="2026-11-27T06:00:00+00:00", origin="pipeline",
                 suite="pipeline", check="task_failed", severity="critical", observed=details,
                 batch_id="b1", subject="crinkwatch_process.load", details=details)


def test_a_failing_webhook_logs_no_token(settings, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)  # every library's records too (httpx, httpcore)
    with WebhookReceiver(status=500) as broken:
        url = f"{broken.url}/T0AAA/B0BBB/{TOKEN}?token={TOKEN}"
        # An exception text that quotes the webhook URL ends up in an alert: masked there too.
        send_alerts([_alert(f"POST {url} timed out")],
                    settings.with_overrides(alert_webhook_url=url))
    assert len(broken.posts) == 1  # it was tried (and answered 500)
    posted = json.dumps(broken.posts)
    assert TOKEN not in posted
    assert "alert channel webhook failed" in caplog.text
    assert TOKEN not in caplog.text


def test_a_failing_smtp_login_logs_no_password(monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("CRINKWATCH_SMTP_PASSWORD", PASSWORD)
    with SmtpReceiver() as smtp:  # no AUTH on this server: the login fails
        notifier = EmailNotifier("127.0.0.1", smtp.port, "a@example.org", ("b@example.org",),
                                 user="crinkwatch")
        outcome = notify([_alert(f"smtp://crinkwatch:{PASSWORD}@mail.example.org refused")], [notifier])
        sent = EmailNotifier("127.0.0.1", smtp.port, "a@example.org", ("b@example.org",))
        notify([_alert(f"the password is {PASSWORD}")], [sent])
        bodies = smtp.bodies()
    assert outcome["email"].startswith("error:")
    assert PASSWORD not in caplog.text and PASSWORD not in json.dumps(outcome)
    assert bodies and all(PASSWORD not in b for b in bodies)


def test_a_key_in_a_feed_url_stays_out_of_the_fetch_log_state_and_alerts(settings, caplog):
    from pipeline.demo.server import DemoServer

    caplog.set_level(logging.DEBUG)
    with DemoServer(settings.data_dir.parent / "empty") as server:
        server.add_route("/feed.xml", respond(503, b"down"))
        feed = f"{server.base_url}/feed.xml?api_key={API_KEY}"
        source = [Source(id="keyed", name="Keyed", feed_url=feed, type="news")]
        quick = settings.with_overrides(max_retries=0, feed_failure_threshold=1)
        paths = quick.paths.batch("b1")
        report = fetch_batch(source, paths, quick)
    assert report.feeds_failed == 1 and report.alerts == 1
    assert "api_key=***" in paths.fetch_log.read_text(encoding="utf-8")
    for path in (paths.fetch_log, paths.alerts):
        assert API_KEY not in path.read_text(encoding="utf-8")
    with FetchState(quick.paths.fetch_state) as state:
        assert API_KEY not in (state.feed_health("keyed").last_error or "")
    assert API_KEY not in caplog.text


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch):
    monkeypatch.delenv("CRINKWATCH_ALERT_WEBHOOK_URL", raising=False)
