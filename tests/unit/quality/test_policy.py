"""Row-level checks behind quarantine, and the parameters suites are run with."""

from datetime import datetime, timezone

import pandas as pd
import pytest

from pipeline.config import DEFAULT_TAXONOMY, load_settings
from pipeline.quality.policy import expectation_parameters, failing_rows, taxonomy_sets


def _mask(df, type_, **kwargs):
    return list(failing_rows(df, type_, kwargs, {"langs": ["en", "und"]}))


def test_row_checks_flag_exactly_the_offending_rows():
    df = pd.DataFrame({"a": ["x", None, "x", "y"], "n": [1, 5, -1, None], "t": ["abc", "a", None, "abcdef"],
                       "s": [2, 3, 3, 1], "e": [3, 3, 4, None]})
    assert _mask(df, "expect_column_values_to_not_be_null", column="a") == [False, True, False, False]
    assert _mask(df, "expect_column_values_to_be_unique", column="a") == [False, False, True, False]
    assert _mask(df, "expect_column_values_to_be_in_set", column="a", value_set={"$PARAMETER": "langs"}) \
        == [True, False, True, True]
    assert _mask(df, "expect_column_values_to_be_between", column="n", min_value=0, max_value=4) \
        == [False, True, True, False]
    assert _mask(df, "expect_column_value_lengths_to_be_between", column="t", min_value=2, max_value=5) \
        == [False, True, False, True]
    assert _mask(df, "expect_column_pair_values_a_to_be_greater_than_b", column_A="e", column_B="s",
                 or_equal=False) == [False, True, False, False]
    assert _mask(df, "expect_compound_columns_to_be_unique", column_list=["s", "e"]) == [False, False, False, False]


def test_an_expectation_without_a_row_check_cannot_quarantine():
    with pytest.raises(ValueError, match="no row-level check"):
        failing_rows(pd.DataFrame({"a": [1]}), "expect_column_mean_to_be_between", {"column": "a"}, {})


def test_taxonomy_sets_come_from_the_taxonomy():
    sets = taxonomy_sets(DEFAULT_TAXONOMY)
    assert sets["member_codes"] == ["CN", "IR", "KP", "RU"]
    assert {"US", "KR", "JP", "UA"} <= set(sets["actor_codes"])
    assert {"natural_allies", "axis_of_upheaval", "no_limits"} <= set(sets["framing_ids"])
    assert sets["stances"] == ["asserted", "contested", "distanced"]


def test_taxonomy_sets_follow_an_edited_taxonomy(tmp_path):
    taxonomy = tmp_path / "taxonomy.yml"
    taxonomy.write_text("members: {CN: {}, RU: {}}\nframings: {bloc: {}}\n", encoding="utf-8")
    first = taxonomy_sets(taxonomy)
    first["member_codes"].append("XX")  # a caller's change stays with that caller
    assert taxonomy_sets(taxonomy)["member_codes"] == ["CN", "RU"]
    taxonomy.write_text("members: {CN: {}, IR: {}, RU: {}}\nframings: {bloc: {}}\n", encoding="utf-8")
    assert taxonomy_sets(taxonomy)["member_codes"] == ["CN", "IR", "RU"]


def test_parameters_bound_dates_and_languages(monkeypatch):
    monkeypatch.setenv("CRINKWATCH_LANGUAGES", "en,ru")
    monkeypatch.setenv("CRINKWATCH_FEED_SILENCE_DAYS", "3")
    params = expectation_parameters(load_settings(), now=datetime(2026, 11, 28, tzinfo=timezone.utc))
    assert params["languages"] == ["en", "ru", "und"]
    assert params["earliest_published_at"] == pd.Timestamp("1990-01-01", tz="UTC")
    assert params["latest_published_at"] == pd.Timestamp("2026-11-29", tz="UTC")
    assert params["feed_silence_days"] == 3
