"""Watch rules as data: read and check ``config/watch.yml``."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

MEASURES = {"framing": ("framing_id",), "dyad": ("pair_id", "relation"), "member": ("member",)}
RELATIONS = ("cooperation", "friction", "neutral")


class BadRules(ValueError):
    """The rules file cannot be used; the message names the rule and the problem."""


@dataclass(frozen=True)
class WatchRule:
    """One series to watch and when it counts as a surge."""

    id: str
    measure: str                 # framing | dyad | member
    description: str = ""
    framing_id: str | None = None
    stance: str | None = None
    pair_id: str | None = None
    relation: str | None = None
    member: str | None = None
    source: str | None = None
    source_type: str | None = None
    language: str | None = None
    grain: str = "week"
    baseline_periods: int = 4
    min_count: int = 3
    ratio: float = 2.0


def parse_rules(data: Any) -> list[WatchRule]:
    """Rules from the parsed YAML (``defaults`` overlaid by each rule), checked."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise BadRules("a watch file needs a `rules:` list")
    defaults = data.get("defaults") or {}
    known = {f.name for f in fields(WatchRule)}
    rules, seen = [], set()
    for i, raw in enumerate(data["rules"], 1):
        if not isinstance(raw, dict):
            raise BadRules(f"rule {i}: not a mapping")
        merged = {**defaults, **raw}
        unknown = set(merged) - known
        name = merged.get("id") or f"#{i}"
        if unknown:
            raise BadRules(f"rule {name}: unknown field(s) {', '.join(sorted(unknown))}")
        try:
            rule = WatchRule(**merged)
        except TypeError as exc:
            raise BadRules(f"rule {name}: {exc}") from None
        problem = _problem(rule)
        if problem:
            raise BadRules(f"rule {name}: {problem}")
        if rule.id in seen:
            raise BadRules(f"rule {rule.id}: the id is used twice")
        seen.add(rule.id)
        if rule.pair_id:  # pairs are stored alphabetically
            rule = replace(rule, pair_id="-".join(sorted(rule.pair_id.upper().split("-"))))
        rules.append(rule)
    return rules


def load_rules(path: Path) -> list[WatchRule]:
    """The rules of a watch file (no file: no rules)."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BadRules(f"{path}: not YAML ({str(exc).splitlines()[0]})") from None
    try:
        return parse_rules(data)
    except BadRules as exc:
        raise BadRules(f"{path}: {exc}") from None


def _problem(rule: WatchRule) -> str | None:
    if rule.measure not in MEASURES:
        return f"measure {rule.measure!r}: use framing, dyad or member"
    missing = [k for k in MEASURES[rule.measure] if not getattr(rule, k)]
    if missing:
        return f"a {rule.measure} rule needs {', '.join(missing)}"
    if rule.relation and rule.relation not in RELATIONS:
        return f"relation {rule.relation!r}: use {', '.join(RELATIONS)}"
    if rule.grain not in ("week", "day"):
        return f"grain {rule.grain!r}: use week or day"
    if rule.baseline_periods < 1 or rule.min_count < 1 or rule.ratio <= 0:
        return "baseline_periods and min_count must be 1 or more, ratio above 0"
    return None

