"""Evaluate watch rules on the analyst database: each rule's series, its trailing baseline, hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from pipeline.explorer import queries
from pipeline.explorer.filters import ViewFilters
from pipeline.explorer.panels import evidence_href
from pipeline.models import Alert
from pipeline.watch.rules import WatchRule


@dataclass(frozen=True)
class WatchResult:
    """A rule's latest period against its trailing baseline."""

    rule: WatchRule
    period: date | None
    count: int
    baseline: float | None      # mean of the trailing periods; None without history
    baseline_counts: tuple[int, ...]
    is_hit: bool
    evidence: str               # explorer link to the latest period's evidence

    @property
    def summary(self) -> str:
        base = "no baseline yet" if self.baseline is None else (
            f"baseline {self.baseline:.1f} over {len(self.baseline_counts)} {self.rule.grain}(s)")
        return f"{self.count} in the {self.rule.grain} of {self.period} ({base})"


def rule_filters(rule: WatchRule) -> ViewFilters:
    """The explorer filters a rule counts under."""
    return ViewFilters(source=rule.source, source_type=rule.source_type, language=rule.language,
                       grain=rule.grain)


def count_series(con: duckdb.DuckDBPyConnection, rule: WatchRule) -> list[tuple[date, int]]:
    """The rule's count for every period with articles under its filters, oldest first (0 when none)."""
    f = rule_filters(rule)
    counts: dict[date, int] = {r[0]: 0 for r in queries.attention(con, f).rows}
    if rule.measure == "framing":
        for r in queries.framings(con, f).records():
            if r["framing_id"] == rule.framing_id and rule.stance in (None, r["stance"]):
                counts[r["period"]] = counts.get(r["period"], 0) + r["mentions"]
    elif rule.measure == "dyad":
        column = rule.relation or "sentences"
        for r in queries.dyads(con, f).records():
            if r["pair_id"] == rule.pair_id:
                counts[r["period"]] = r[column]
    else:
        for r in queries.attention(con, f).records():
            if r["member"] == rule.member:
                counts[r["period"]] = r["articles"]
    return sorted(counts.items())


def judge(rule: WatchRule, series: list[tuple[date, int]]) -> WatchResult:
    """Compare the latest period with the mean of the ``baseline_periods`` before it."""
    if not series:
        return WatchResult(rule, None, 0, None, (), False, "")
    period, count = series[-1]
    trailing = tuple(c for _, c in series[-1 - rule.baseline_periods:-1])
    baseline = sum(trailing) / len(trailing) if trailing else None
    is_hit = (baseline is not None and count >= rule.min_count
              and count >= rule.ratio * baseline)
    return WatchResult(rule, period, count, baseline, trailing, is_hit, _evidence(rule, period))


def evaluate_rules(db_path: Path, rules: list[WatchRule]) -> list[WatchResult]:
    """Every rule's result on the analyst database (opened read-only for the evaluation)."""
    con = queries.open_db(db_path)
    try:
        return [judge(rule, count_series(con, rule)) for rule in rules]
    finally:
        con.close()


def watch_alert(result: WatchResult, now: str) -> Alert:
    """The alert for a hit: one per rule and period, so a re-publish does not repeat it."""
    from pipeline.quality.alerts import stable_id

    rule = result.rule
    return Alert(alert_id=stable_id("watch", rule.id, str(result.period)), raised_at=now, origin="watch",
                 suite="watch", check=rule.id, severity="warning", observed=result.summary,
                 subject=rule.description or rule.id,
                 details=f"explorer: {result.evidence}")


def _evidence(rule: WatchRule, period: date) -> str:
    f = rule_filters(rule)
    if rule.measure == "framing":
        return evidence_href(f, "framings", period=period, framing_id=rule.framing_id, stance=rule.stance)
    if rule.measure == "dyad":
        return evidence_href(f, "dyads", period=period, pair_id=rule.pair_id, relation=rule.relation)
    return evidence_href(f, "attention", period=period, member=rule.member)
