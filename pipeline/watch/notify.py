"""After a publish: evaluate the watch rules and send the hits through the alert channels."""

from __future__ import annotations

import logging

from pipeline.config import Settings
from pipeline.quality.alerts import now_iso, send_alerts
from pipeline.watch.evaluate import WatchResult, evaluate_rules, watch_alert
from pipeline.watch.rules import load_rules

log = logging.getLogger(__name__)


def run_watch(settings: Settings) -> list[WatchResult]:
    """Evaluate ``settings.watch_rules_path`` on the analyst database; alert each new hit once
    (recorded in the warehouse's alerts table, sent to log, webhook and email)."""
    rules = load_rules(settings.watch_rules_path)
    if not rules:
        return []
    results = evaluate_rules(settings.db_path, rules)
    hits = [r for r in results if r.is_hit]
    if hits:
        now = now_iso()
        send_alerts([watch_alert(r, now) for r in hits], settings)
    log.info("watch: %d rule(s), %d hit(s)", len(results), len(hits))
    return results
