"""Alert text and payloads, and one failing channel not silencing the others."""

from dataclasses import dataclass

from pipeline.models import Alert
from pipeline.quality.alerts import alert_from_task_context, stable_id
from pipeline.quality.notifiers import EmailNotifier, WebhookNotifier, alert_text, notify

ALERT = Alert(alert_id="x", raised_at="2026-11-27T06:00:00+00:00", origin="validation", suite="comments",
              check="comment_leak_rate", severity="critical", observed="5 of 40 rows (12.50%) unexpected",
              batch_id="b1", subject="comments.is_in_article_text", details="extractor mixes comments",
              docs_url="http://docs.local/v.html")


def test_alert_text_has_what_where_and_the_docs_link():
    text = alert_text(ALERT)
    assert text.startswith("CRITICAL comments.comment_leak_rate [comments.is_in_article_text]: observed 5 of 40")
    assert "batch b1" in text and "Data Docs: http://docs.local/v.html" in text


def test_webhook_payload_is_slack_shaped():
    payload = WebhookNotifier("http://127.0.0.1:9/hook").payload([ALERT])
    assert payload["text"].startswith("crinkwatch: 1 data-quality alert(s), 1 critical")
    assert "<http://docs.local/v.html|Data Docs>" in payload["blocks"][1]["text"]["text"]
    assert payload["alerts"][0]["check"] == "comment_leak_rate"


def test_email_message_lists_every_alert():
    msg = EmailNotifier("127.0.0.1", 25, "a@example.org", ("b@example.org", "c@example.org")).message([ALERT])
    assert msg["To"] == "b@example.org, c@example.org"
    assert "comment_leak_rate" in msg.get_content()


@dataclass
class Recording:
    name: str
    fail: bool = False

    def __post_init__(self):
        self.got = []

    def send(self, alerts):
        if self.fail:
            raise ConnectionError("channel down")
        self.got.extend(alerts)


def test_a_failing_channel_does_not_stop_the_others():
    down, up = Recording("down", fail=True), Recording("up")
    assert notify([ALERT], [down, up]) == {"down": "error: channel down", "up": "ok"}
    assert up.got == [ALERT]
    assert notify([], [up]) == {}


def test_task_failure_alert_from_a_plain_context_dict():
    alert = alert_from_task_context({"dag_id": "crinkwatch_daily", "task_id": "load", "run_id": "r1",
                                     "exception": ValueError("disk full")})
    assert alert.severity == "critical" and alert.check == "task_failed"
    assert alert.subject == "crinkwatch_daily.load" and alert.observed == "disk full"
    assert stable_id("a", "b") == stable_id("a", "b") != stable_id("a", "c")
