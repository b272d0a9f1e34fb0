from datetime import datetime, timedelta, timezone

from pipeline.fetch.health import (FeedOutcome, HealthThresholds, feed_status, health_alerts,
                                   update_health)
from pipeline.fetch.state import FeedHealth

NOW = datetime(2026, 11, 28, 6, 0, tzinfo=timezone.utc)
T = HealthThresholds(failures=3, silence_days=7)


def test_failures_count_up_and_a_success_resets_them():
    h = FeedHealth("s")
    for i in range(3):
        h = update_health(h, FeedOutcome("s", ok=False, status=503, error="HTTP 503"), NOW)
    assert h.consecutive_failures == 3 and h.failures == 3 and h.last_error == "HTTP 503"
    [alert] = health_alerts(h, T, NOW, "b1")
    assert (alert.check, alert.severity, alert.subject, alert.observed) == (
        "consecutive_failures", "warning", "s", "3")
    for i in range(3):
        h = update_health(h, FeedOutcome("s", ok=False, error="HTTP 503"), NOW)
    assert health_alerts(h, T, NOW)[0].severity == "critical"
    h = update_health(h, FeedOutcome("s", ok=True, status=200, entries=5,
                                     newest_entry_at=NOW.isoformat(), new_entries=5), NOW)
    assert h.consecutive_failures == 0 and h.entries_seen == 5 and health_alerts(h, T, NOW) == []


def test_silence_uses_the_newest_entry_date_and_undated_feeds_fall_back():
    old = (NOW - timedelta(days=10)).isoformat()
    h = update_health(FeedHealth("s"), FeedOutcome("s", ok=True, entries=2, newest_entry_at=old,
                                                   new_entries=2), NOW)
    [alert] = health_alerts(h, T, NOW)
    assert alert.check == "feed_silence" and alert.observed == "10.0 days"
    undated = update_health(FeedHealth("u"), FeedOutcome("u", ok=True, entries=2, new_entries=2),
                            NOW - timedelta(days=8))
    undated = update_health(undated, FeedOutcome("u", ok=True, entries=2, new_entries=0), NOW)
    assert [a.check for a in health_alerts(undated, T, NOW)] == ["feed_silence"]


def test_newest_entry_date_never_goes_backwards():
    h = update_health(FeedHealth("s"), FeedOutcome("s", ok=True, newest_entry_at="2026-11-20T00:00:00+00:00"), NOW)
    h = update_health(h, FeedOutcome("s", ok=True, newest_entry_at="2026-11-01T00:00:00+00:00"), NOW)
    assert h.newest_entry_at.startswith("2026-11-20")


def test_status_lists_registered_feeds_and_disabled_ones_do_not_alert():
    broken = FeedHealth("b", consecutive_failures=9)
    rows = feed_status([broken], ["a", "b"], {"a"}, T, NOW)
    assert [(r.source_id, r.enabled, r.alerts) for r in rows] == [("a", True, []), ("b", False, [])]
