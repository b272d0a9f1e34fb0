"""The derived columns suites check: leaks, offsets, volume against history, feed silence."""

from datetime import date

import pandas as pd

from pipeline.quality import frames


def test_comment_found_inside_its_article_is_a_leak():
    articles = pd.DataFrame({"article_id": ["a"], "text": ["Moscow and Beijing met. Trade grew by a fifth in May."]})
    comments = pd.DataFrame({"comment_id": ["a-0", "a-1", "a-2", "x-0"], "article_id": ["a", "a", "a", "x"],
                             "text": ["Trade grew by a fifth in May.", "Not in the text.", "Trade grew.", "Orphan."],
                             "published_at": [None, "2026-11-20T10:00:00+00:00", None, None]})
    df = frames.comments_frame(comments, articles)
    # a short comment that happens to match ("Trade grew.") is not a leak
    assert list(df["is_in_article_text"]) == [True, False, False, False]
    assert list(df["has_article"]) == [True, True, True, False]
    assert df["published_at_ts"].iloc[1] == pd.Timestamp("2026-11-20 10:00", tz="UTC")


def test_tag_offsets_are_checked_against_the_document_text():
    texts = {"a": "Russia and China."}
    tags = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [0, 11, 0], "end": [6, 16, 6],
                         "surface": ["Russia", "Chine", "Russia"], "actor": ["RU", "CN", "RU"],
                         "is_member": [True, True, False]})
    df = frames.tags_frame(tags, texts, members={"RU", "CN"})
    assert list(df["offsets_match_surface"]) == [True, False, False]
    assert list(df["has_doc"]) == [True, True, False]
    assert list(df["doc_length"]) == [17, 17, -1]
    assert list(df["member_flag_ok"]) == [True, True, False]


def _daily(counts: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame({"day": [pd.Timestamp(d) for d in counts], "article_count": list(counts.values())})


def test_volume_is_not_judged_without_history():
    daily = _daily({"2026-11-18": 1, "2026-11-19": 30})
    df = frames.volume_frame(daily, [date(2026, 11, 19)], has_history=False)
    assert df["volume_ratio"].isna().all()
    # an earlier batch exists but the warehouse does not reach 14 days back either
    assert frames.volume_frame(daily, [date(2026, 11, 19)], has_history=True)["volume_ratio"].isna().all()


def test_volume_ratio_against_the_trailing_fourteen_days():
    history = {f"2026-11-{d:02d}": 2 for d in range(1, 15)}
    daily = _daily({**history, "2026-11-15": 20, "2026-11-16": 2})
    df = frames.volume_frame(daily, [date(2026, 11, 15), date(2026, 11, 16)], has_history=True)
    assert list(df["trailing_mean"]) == [2.0, round((13 * 2 + 20) / 14, 3)]
    assert df["volume_ratio"].iloc[0] == 10.0


def test_feed_silence_is_anchored_to_the_newest_article():
    sources = pd.DataFrame({"source_id": ["busy", "quiet", "new"]})
    seen = pd.DataFrame({"source_id": ["busy", "quiet"], "first_day": [pd.Timestamp("2026-10-01")] * 2,
                         "last_day": [pd.Timestamp("2026-11-26"), pd.Timestamp("2026-11-10")]})
    df = frames.freshness_frame(sources, seen, has_history=True).set_index("source_id")
    assert df.loc["busy", "days_silent"] == 0
    assert df.loc["quiet", "days_silent"] == 16
    assert df.loc["new", "days_silent"] == 56  # silent since the warehouse began
    assert frames.freshness_frame(sources, seen, has_history=False)["days_silent"].isna().all()
