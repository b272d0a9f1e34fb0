"""What a failed expectation does, and which rows a row-level failure quarantines.

Each expectation's ``meta.on_failure`` in its suite JSON says what happens when it fails:

- ``block``: the batch stops; nothing after this stage loads or publishes (critical alert).
- ``quarantine``: the offending rows go to quarantine with the reason and the rest goes on
  (warning alert).
- ``warn``: an alert only (rates, volume, feed silence), the batch goes on (warning alert).

Quarantine needs the offending rows, so every ``quarantine`` expectation must be of a type
:data:`ROW_CHECKS` can evaluate in pandas (a unit test holds every suite to that).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from pipeline.yamlio import load_yaml

ACTIONS = ("block", "quarantine", "warn")
SEVERITY = {"block": "critical", "quarantine": "warning", "warn": "warning"}
EARLIEST_PUBLISHED = "1990-01-01"
STANCES = ("asserted", "distanced", "contested")


def resolve(value: Any, parameters: dict[str, Any]) -> Any:
    """A kwarg with any ``{"$PARAMETER": name}`` replaced by its value."""
    if isinstance(value, dict) and "$PARAMETER" in value:
        return parameters[value["$PARAMETER"]]
    return value


def _not_null(df: pd.DataFrame, kw: dict) -> pd.Series:
    return df[kw["column"]].isna()


def _unique(df: pd.DataFrame, kw: dict) -> pd.Series:
    col = df[kw["column"]]
    return col.notna() & col.duplicated(keep="first")  # the first occurrence stays


def _compound_unique(df: pd.DataFrame, kw: dict) -> pd.Series:
    return df.duplicated(subset=list(kw["column_list"]), keep="first")


def _in_set(df: pd.DataFrame, kw: dict) -> pd.Series:
    col = df[kw["column"]]
    return col.notna() & ~col.isin(list(kw["value_set"]))


def _between(df: pd.DataFrame, kw: dict) -> pd.Series:
    col = df[kw["column"]]
    bad = pd.Series(False, index=df.index)
    if kw.get("min_value") is not None:
        bad |= col < kw["min_value"]
    if kw.get("max_value") is not None:
        bad |= col > kw["max_value"]
    return col.notna() & bad


def _lengths_between(df: pd.DataFrame, kw: dict) -> pd.Series:
    col = df[kw["column"]]
    lengths = col.str.len()
    return col.notna() & ((lengths < kw.get("min_value", 0)) | (lengths > kw.get("max_value", float("inf"))))


def _a_greater_than_b(df: pd.DataFrame, kw: dict) -> pd.Series:
    a, b = df[kw["column_A"]], df[kw["column_B"]]
    ok = a >= b if kw.get("or_equal") else a > b
    return a.notna() & b.notna() & ~ok


ROW_CHECKS: dict[str, Callable[[pd.DataFrame, dict], pd.Series]] = {
    "expect_column_values_to_not_be_null": _not_null,
    "expect_column_values_to_be_unique": _unique,
    "expect_compound_columns_to_be_unique": _compound_unique,
    "expect_column_values_to_be_in_set": _in_set,
    "expect_column_values_to_be_between": _between,
    "expect_column_value_lengths_to_be_between": _lengths_between,
    "expect_column_pair_values_a_to_be_greater_than_b": _a_greater_than_b,
}


def failing_rows(df: pd.DataFrame, expectation: str, kwargs: dict[str, Any],
                 parameters: dict[str, Any]) -> pd.Series:
    """A boolean mask of the rows that break one (row-level) expectation."""
    if expectation not in ROW_CHECKS:
        raise ValueError(f"{expectation} has no row-level check; it cannot quarantine rows")
    kw = {k: resolve(v, parameters) for k, v in kwargs.items()}
    return ROW_CHECKS[expectation](df, kw).fillna(False).astype(bool)


def taxonomy_sets(taxonomy_path: Path) -> dict[str, list[str]]:
    """Member codes, actor codes, framing ids and stances, read from the taxonomy YAML."""
    path = Path(taxonomy_path).resolve()
    stat = path.stat()
    # Every validated stage asks; the YAML is read again only when the file changes.
    sets = _taxonomy_sets(path, stat.st_mtime_ns, stat.st_size)
    return {name: list(values) for name, values in sets.items()}


@lru_cache(maxsize=4)
def _taxonomy_sets(path: Path, mtime_ns: int, size: int) -> dict[str, tuple[str, ...]]:
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    members = sorted(data.get("members") or {})
    others = sorted(data.get("others") or {})
    stances = sorted(set(STANCES) | set(data.get("stance") or {}))
    return {"member_codes": tuple(members), "actor_codes": tuple(members + others),
            "framing_ids": tuple(sorted(data.get("framings") or {})), "stances": tuple(stances)}


def expectation_parameters(settings: Any, now: datetime | None = None) -> dict[str, Any]:
    """The values the suites' ``$PARAMETER`` placeholders take for this run."""
    now = now or datetime.now(timezone.utc)
    params: dict[str, Any] = dict(taxonomy_sets(settings.taxonomy_path))
    params["languages"] = sorted(set(settings.allowed_languages) | {"und"})
    params["earliest_published_at"] = pd.Timestamp(EARLIEST_PUBLISHED, tz="UTC")
    # One day of slack: feeds in time zones east of UTC date articles "tomorrow".
    params["latest_published_at"] = pd.Timestamp(now + timedelta(days=1))
    params["feed_silence_days"] = float(settings.feed_silence_days)
    return params
