"""Alerts reach a real webhook receiver and a real SMTP server on 127.0.0.1, and the warehouse."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import duckdb
import pytest

from pipeline.batch import BatchPaths
from pipeline.models import Alert, write_jsonl
from pipeline.quality.alerts import dispatch_alerts, on_task_failure, send_alerts
from pipeline.warehouse.quality_records import list_alerts
from pipeline.quality.notifiers import EmailNotifier, LogNotifier, WebhookNotifier, build_notifiers
from tests.integration.quality_receivers import SmtpReceiver, WebhookReceiver


def _alert(i: int = 1, severity: str = "critical", origin: str = "validation") -> Alert:
    return Alert(alert_id=f"a{i}", raised_at="2026-11-27T06:00:00+00:00", origin=origin,
                 suite="articles", check="text_length", severity=severity,
                 observed="3 of 14 rows (21.43%) unexpected", batch_id="b1", subject="articles.text",
                 details="shorter text is a teaser", docs_url="file:///data/docs/a.html")


@pytest.fixture
def webhook():
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def smtp():
    with SmtpReceiver() as receiver:
        yield receiver


@pytest.fixture
def channels(settings, webhook, smtp):
    """Settings with every channel pointed at the local receivers."""
    return settings.with_overrides(alert_webhook_url=webhook.url, smtp_host="127.0.0.1",
                                   smtp_port=smtp.port, smtp_to=("oncall@example.org",),
                                   smtp_from="crinkwatch@example.org")


def test_settings_choose_the_channels(settings, channels):
    assert [n.name for n in build_notifiers(settings)] == ["log"]
    assert [n.name for n in build_notifiers(channels)] == ["log", "webhook", "email"]


def test_alerts_go_to_the_warehouse_webhook_email_and_log(channels, webhook, smtp, caplog):
    with caplog.at_level(logging.WARNING, logger="pipeline.quality.alerts"):
        new = send_alerts([_alert(1), _alert(2, "warning")], channels)
    assert [a.alert_id for a in new] == ["a1", "a2"]
    # webhook: one Slack-compatible POST with text, blocks and the raw records
    (post,) = webhook.posts
    assert post["text"].startswith("crinkwatch: 2 data-quality alert(s), 1 critical")
    assert post["blocks"][0]["type"] == "header"
    assert "`articles.text_length`" in post["blocks"][1]["text"]["text"]
    assert {a["alert_id"] for a in post["alerts"]} == {"a1", "a2"}
    # email: one message to the on-call address with the Data Docs link
    ((rcpt, msg),) = smtp.messages
    assert rcpt == ["oncall@example.org"] and "1 critical" in msg["Subject"]
    assert "Data Docs: file:///data/docs/a.html" in smtp.bodies()[0]
    # log: critical as ERROR, warning as WARNING
    levels = [r.levelname for r in caplog.records if "articles.text_length" in r.getMessage()]
    assert levels == ["ERROR", "WARNING"]
    # warehouse
    rows = list_alerts(channels.private_db_path)
    assert {(r["severity"], r["check_name"]) for r in rows} == {("critical", "text_length"),
                                                                 ("warning", "text_length")}


def test_the_same_alert_is_sent_once(channels, webhook):
    send_alerts([_alert(1)], channels)
    assert send_alerts([_alert(1)], channels) == []
    assert len(webhook.posts) == 1
    con = duckdb.connect(str(channels.private_db_path), read_only=True)
    assert con.execute("select count(*) from alerts").fetchone()[0] == 1
    con.close()


def test_a_broken_webhook_does_not_stop_email(channels, smtp):
    with WebhookReceiver(status=500) as broken:
        send_alerts([_alert(3)], channels.with_overrides(alert_webhook_url=broken.url))
    assert len(broken.posts) == 1  # it was tried
    assert len(smtp.messages) == 1  # and email still went out


def test_feed_health_records_in_the_batch_file_are_routed(channels, webhook, tmp_path):
    paths = BatchPaths.for_batch(channels.paths.runs_dir, "20261127T060000Z-abcdef")
    feed = Alert(alert_id="fh1", raised_at="2026-11-27T06:00:00+00:00", origin="feed_health",
                 suite="feed_health", check="consecutive_failures", severity="warning",
                 observed="3 failures in a row", batch_id=paths.batch_id, subject="vestnik")
    write_jsonl(paths.alerts, [feed])
    assert [a.alert_id for a in dispatch_alerts(paths, channels)] == ["fh1"]
    assert webhook.alerts()[0]["origin"] == "feed_health"
    assert dispatch_alerts(paths, channels) == []  # already routed
    assert list_alerts(channels.private_db_path, since="2026-11-26")[0]["subject"] == "vestnik"
    assert list_alerts(channels.private_db_path, since="2026-11-28") == []


def test_airflow_failure_callback_sends_through_the_same_notifiers(channels, webhook, monkeypatch):
    for key, value in {"CRINKWATCH_DATA_DIR": str(channels.data_dir), "CRINKWATCH_DB": str(channels.db_path),
                       "CRINKWATCH_ALERT_WEBHOOK_URL": webhook.url}.items():
        monkeypatch.setenv(key, value)
    ti = SimpleNamespace(dag_id="crinkwatch_daily", task_id="validate", run_id="scheduled__2026-11-27",
                         try_number=2, log_url="http://127.0.0.1:8080/log")
    on_task_failure({"task_instance": ti, "exception": RuntimeError("suite 'articles' failed"),
                     "params": {"batch_id": "b9"}})
    (alert,) = webhook.alerts()
    assert alert["origin"] == "pipeline" and alert["check"] == "task_failed"
    assert alert["subject"] == "crinkwatch_daily.validate" and alert["batch_id"] == "b9"
    assert "suite 'articles' failed" in alert["observed"]
    assert list_alerts(channels.private_db_path)[0]["check_name"] == "task_failed"


def test_email_and_webhook_notifiers_directly(webhook, smtp):
    WebhookNotifier(webhook.url).send([_alert(4)])
    EmailNotifier("127.0.0.1", smtp.port, "a@example.org", ("b@example.org",)).send([_alert(4)])
    LogNotifier().send([_alert(4)])
    assert webhook.alerts()[0]["alert_id"] == "a4"
    assert "CRITICAL articles.text_length [articles.text]" in smtp.bodies()[0]
