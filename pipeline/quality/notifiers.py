"""Where alerts go: the log (always), a Slack-compatible webhook, email over SMTP.

A notifier is anything with a ``name`` and ``send(alerts)``; :func:`build_notifiers` picks the
channels the settings configure. A channel that fails is logged and the others still get the
alerts: a broken webhook must never hide an alert or stop the pipeline.
"""

from __future__ import annotations

import logging
import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, Protocol, Sequence

from pipeline.models import Alert
from pipeline.redaction import redact, register_secret

log = logging.getLogger("pipeline.quality.alerts")


class Notifier(Protocol):
    name: str

    def send(self, alerts: Sequence[Alert]) -> None: ...


def alert_line(a: Alert) -> str:
    """One line an on-call person can act on."""
    where = f" [{a.subject}]" if a.subject else ""
    batch = f" batch {a.batch_id}" if a.batch_id else ""
    return redact(f"{a.severity.upper()} {a.suite}.{a.check}{where}: observed {a.observed};{batch}")


def summary(alerts: Sequence[Alert]) -> str:
    """The subject line for a group of alerts."""
    critical = sum(a.severity == "critical" for a in alerts)
    suites = sorted({a.suite for a in alerts})
    return (f"crinkwatch: {len(alerts)} data-quality alert(s), {critical} critical "
            f"({', '.join(suites)})")


def alert_text(a: Alert) -> str:
    """The full text of one alert: what, where, how bad, and where to look."""
    lines = [alert_line(a)]
    if a.details:
        lines.append(f"  {a.details}")
    if a.docs_url:
        lines.append(f"  Data Docs: {a.docs_url}")
    return redact("\n".join(lines))


@dataclass
class LogNotifier:
    """Alerts as log records (critical → ERROR, warning → WARNING)."""

    name: str = "log"

    def send(self, alerts: Sequence[Alert]) -> None:
        for a in alerts:
            log.log(logging.ERROR if a.severity == "critical" else logging.WARNING, "%s", alert_text(a))


@dataclass
class WebhookNotifier:
    """One JSON POST per group of alerts, in Slack's incoming-webhook shape plus the raw records."""

    url: str
    timeout_s: float = 10.0
    name: str = "webhook"

    def payload(self, alerts: Sequence[Alert]) -> dict[str, Any]:
        from dataclasses import asdict

        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": _mrkdwn(a)}} for a in alerts[:40]]
        return {"text": summary(alerts),
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": summary(alerts)[:150]}},
                           *blocks],
                "alerts": [{k: redact(v) if isinstance(v, str) else v for k, v in asdict(a).items()}
                           for a in alerts]}

    def send(self, alerts: Sequence[Alert]) -> None:
        import httpx

        response = httpx.post(self.url, json=self.payload(alerts), timeout=self.timeout_s)
        response.raise_for_status()


def _mrkdwn(a: Alert) -> str:
    text = f"*{a.severity.upper()}* `{a.suite}.{a.check}` {a.subject}\nobserved: {a.observed}"
    if a.details:
        text += f"\n{a.details[:500]}"
    if a.docs_url:
        text += f"\n<{a.docs_url}|Data Docs>"
    return redact(text)


@dataclass
class EmailNotifier:
    """One plain-text email per group of alerts, through an SMTP server."""

    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    user: str | None = None
    starttls: bool = False
    timeout_s: float = 20.0
    name: str = "email"

    def message(self, alerts: Sequence[Alert]) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = summary(alerts)
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.recipients)
        msg.set_content("\n\n".join(alert_text(a) for a in alerts) + "\n")
        return msg

    def send(self, alerts: Sequence[Alert]) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout_s) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, os.environ.get("CRINKWATCH_SMTP_PASSWORD", ""))
            smtp.send_message(self.message(alerts))


def build_notifiers(settings: Any) -> list[Notifier]:
    """The log notifier, plus webhook and email when the settings configure them."""
    notifiers: list[Notifier] = [LogNotifier()]
    register_secret(settings.alert_webhook_url)
    register_secret(os.environ.get("CRINKWATCH_SMTP_PASSWORD"))
    if settings.alert_webhook_url:
        notifiers.append(WebhookNotifier(settings.alert_webhook_url))
    if settings.smtp_host and settings.smtp_to:
        notifiers.append(EmailNotifier(settings.smtp_host, settings.smtp_port, settings.smtp_from,
                                       tuple(settings.smtp_to), settings.smtp_user, settings.smtp_starttls))
    return notifiers


def notify(alerts: Sequence[Alert], notifiers: Sequence[Notifier]) -> dict[str, str]:
    """Send alerts through every notifier; return each one's outcome ("ok" or the error)."""
    outcome: dict[str, str] = {}
    if not alerts:
        return outcome
    for n in notifiers:
        try:
            n.send(alerts)
            outcome[n.name] = "ok"
        except Exception as exc:  # one broken channel must not silence the others
            # The error of a failed webhook names its URL, token included: redact() masks it.
            log.error("alert channel %s failed: %s", n.name, redact(str(exc)))
            outcome[n.name] = redact(f"error: {exc}")
    return outcome
