from datetime import date, timedelta

import pytest

from pipeline.watch.evaluate import judge
from pipeline.watch.rules import BadRules, WatchRule, parse_rules

WEEKS = [date(2026, 10, 5) + timedelta(weeks=i) for i in range(6)]


def test_defaults_overlay_each_rule_and_pairs_are_put_in_order():
    [rule] = parse_rules({"defaults": {"min_count": 7, "ratio": 3},
                          "rules": [{"id": "r", "measure": "dyad", "pair_id": "ru-kp", "relation": "friction"}]})
    assert (rule.min_count, rule.ratio, rule.baseline_periods, rule.pair_id) == (7, 3, 4, "KP-RU")


@pytest.mark.parametrize("rules, message", [
    ({"rules": [{"id": "a", "measure": "mood"}]}, "measure 'mood'"),
    ({"rules": [{"id": "a", "measure": "framing"}]}, "needs framing_id"),
    ({"rules": [{"id": "a", "measure": "member", "member": "RU", "treshold": 3}]}, "unknown field"),
    ({"rules": [{"id": "a", "measure": "member", "member": "RU"}] * 2}, "used twice"),
    ({"rules": [{"id": "a", "measure": "dyad", "pair_id": "CN-RU", "relation": "love"}]}, "relation"),
    ({"rule": []}, "needs a `rules:` list"),
])
def test_bad_rules_name_the_rule_and_the_problem(rules, message):
    with pytest.raises(BadRules, match=message):
        parse_rules(rules)


def rule(**kw):
    return WatchRule(id="r", measure="member", member="KP", **kw)


def test_a_surge_over_the_trailing_baseline_fires():
    series = list(zip(WEEKS, [9, 2, 1, 3, 2, 6]))   # the oldest week is outside the baseline
    result = judge(rule(baseline_periods=4, min_count=3, ratio=2.0), series)
    assert result.is_hit and result.baseline == 2.0 and result.baseline_counts == (2, 1, 3, 2)
    assert result.period == WEEKS[-1] and "6 in the week of 2026-11-09" in result.summary


@pytest.mark.parametrize("counts, kw", [
    ([2, 1, 3, 2, 3], {"ratio": 2.0}),              # 3 < 2 × 2.0
    ([0, 0, 0, 0, 2], {"min_count": 3}),             # too few to mean anything
    ([4], {}),                                        # no history: no baseline, no alert
])
def test_no_alert_below_the_ratio_the_minimum_or_without_history(counts, kw):
    assert not judge(rule(**kw), list(zip(WEEKS, counts))).is_hit
