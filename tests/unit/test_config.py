"""Settings: environment overrides and the run's as-of clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipeline.config import load_settings, parse_as_of


def test_as_of_defaults_to_the_wall_clock(monkeypatch):
    monkeypatch.delenv("CRINKWATCH_AS_OF", raising=False)
    now = load_settings().now()
    assert now.tzinfo is not None
    assert abs(now - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_as_of_from_the_environment_is_utc_unless_an_offset_is_given(monkeypatch):
    monkeypatch.setenv("CRINKWATCH_AS_OF", "2026-11-27")
    assert load_settings().now() == datetime(2026, 11, 27, tzinfo=timezone.utc)
    monkeypatch.setenv("CRINKWATCH_AS_OF", "2026-11-27T09:00+03:00")
    assert load_settings().now() == datetime(2026, 11, 27, 6, tzinfo=timezone.utc)


def test_an_explicit_as_of_beats_the_environment(monkeypatch):
    monkeypatch.setenv("CRINKWATCH_AS_OF", "2026-11-27")
    assert load_settings(as_of=parse_as_of("2025-01-02")).now().year == 2025


def test_a_malformed_as_of_names_the_value():
    with pytest.raises(ValueError, match="not an ISO date.*'yesterday'"):
        parse_as_of("yesterday")
