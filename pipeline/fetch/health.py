"""Feed health: update each feed's row after a run and raise alerts for failing or silent feeds.

The logic is pure (rows in, rows and Alert records out); the batch writes the results.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipeline.fetch.state import FeedHealth
from pipeline.models import Alert, read_jsonl, write_jsonl
from pipeline.redaction import redact


@dataclass(frozen=True)
class HealthThresholds:
    """When a feed deserves an alert."""

    failures: int = 3  # failed runs in a row
    silence_days: float = 14.0  # days without a new entry


@dataclass
class FeedOutcome:
    """What happened to one feed in one run."""

    source_id: str
    ok: bool
    status: int = 0
    error: str | None = None
    entries: int = 0
    newest_entry_at: str | None = None  # the newest published date among the entries
    new_entries: int = 0  # entries no earlier run had seen


def _parse(ts: str | None) -> datetime | None:
    if not ts:
        return None
    try:
        value = datetime.fromisoformat(ts)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def update_health(h: FeedHealth, outcome: FeedOutcome, now: datetime) -> FeedHealth:
    """The feed's row after this run."""
    at = now.isoformat()
    h = replace(h, last_attempt_at=at, last_status=outcome.status, runs=h.runs + 1)
    if not outcome.ok:
        return replace(h, last_error=redact(outcome.error or "") or None, consecutive_failures=h.consecutive_failures + 1,
                       failures=h.failures + 1)
    newest = max(filter(None, [_parse(h.newest_entry_at), _parse(outcome.newest_entry_at)]),
                 default=None)
    return replace(
        h, last_success_at=at, last_error=None, consecutive_failures=0,
        entries_seen=outcome.entries,
        newest_entry_at=newest.isoformat() if newest else None,
        last_new_entry_at=at if outcome.new_entries else h.last_new_entry_at,
    )


def last_activity(h: FeedHealth) -> datetime | None:
    """When the feed last published: its newest entry date, or, for a feed whose entries carry
    no dates, when a run last found an entry no earlier run had seen."""
    return _parse(h.newest_entry_at) or _parse(h.last_new_entry_at)


def silent_days(h: FeedHealth, now: datetime) -> float | None:
    """Days since the feed's last activity; None before its first success."""
    last = last_activity(h)
    return None if last is None else (now - last) / timedelta(days=1)


def _alert_id(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def health_alerts(
    h: FeedHealth, thresholds: HealthThresholds, now: datetime, batch_id: str = "",
) -> list[Alert]:
    """Alerts for one feed: N failed runs in a row (critical from 2N), or D days of silence."""
    alerts: list[Alert] = []
    at = now.isoformat()
    if thresholds.failures > 0 and h.consecutive_failures >= thresholds.failures:
        severity = "critical" if h.consecutive_failures >= 2 * thresholds.failures else "warning"
        alerts.append(Alert(
            alert_id=_alert_id("feed_health", "consecutive_failures", h.source_id, batch_id, at),
            raised_at=at, origin="feed_health", suite="feed_health", check="consecutive_failures",
            severity=severity, observed=str(h.consecutive_failures), batch_id=batch_id,
            subject=h.source_id,
            details=redact(f"feed {h.source_id} failed {h.consecutive_failures} runs in a row "
                           f"(threshold {thresholds.failures}); last error: {h.last_error}; "
                           f"last success: {h.last_success_at or 'never'}"),
        ))
    days = silent_days(h, now)
    if h.consecutive_failures == 0 and days is not None and days > thresholds.silence_days:
        alerts.append(Alert(
            alert_id=_alert_id("feed_health", "feed_silence", h.source_id, batch_id, at),
            raised_at=at, origin="feed_health", suite="feed_health", check="feed_silence",
            severity="warning", observed=f"{days:.1f} days", batch_id=batch_id, subject=h.source_id,
            details=(f"feed {h.source_id} has had no new entry for {days:.1f} days "
                     f"(threshold {thresholds.silence_days:g}); newest entry {h.newest_entry_at}"),
        ))
    return alerts


def append_alerts(path: Path, alerts: list[Alert]) -> int:
    """Add alerts to a batch's alerts file, keeping whatever other stages wrote there."""
    if not alerts:
        return 0
    existing = list(read_jsonl(path)) if path.exists() else []
    write_jsonl(path, existing + list(alerts))
    return len(alerts)


@dataclass
class FeedStatus:
    """One line of `sources status`: a feed's health row with its alert verdicts."""

    source_id: str
    enabled: bool
    health: FeedHealth
    silent_days: float | None
    alerts: list[Alert]


def feed_status(
    states: list[FeedHealth], source_ids: list[str], enabled: set[str],
    thresholds: HealthThresholds, now: datetime,
) -> list[FeedStatus]:
    """Every registered feed (and any with history but no longer registered), with its alerts."""
    by_id = {h.source_id: h for h in states}
    ids = list(source_ids) + sorted(set(by_id) - set(source_ids))
    out = []
    for sid in ids:
        h = by_id.get(sid, FeedHealth(source_id=sid))
        alerts = health_alerts(h, thresholds, now) if sid in enabled else []
        out.append(FeedStatus(sid, sid in enabled, h, silent_days(h, now), alerts))
    return out
