"""Build the pandas frames each suite validates, with the derived columns its expectations need.

GX checks columns one at a time; facts that need a join (is this comment inside its article's
text? does this tag's offset range lie inside its document?) are computed here as plain columns.
Pure functions over frames, so tests can build small frames by hand.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.batch import BatchPaths

TRAILING_DAYS = 14
# Shorter comments ("Agreed.", a quoted phrase) match article text by chance, not by a leak; the
# extractor uses the same floor when it strips comment lines from the article text.
MIN_LEAK_CHARS = 25


def _timestamps(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601")


def raw_pages_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Raw fetch log rows, with ``is_fetched``."""
    cols = ["url", "canonical_url", "status", "content_sha256", "error"]
    df = pd.DataFrame(rows, columns=list(dict.fromkeys(cols + [k for r in rows[:1] for k in r])))
    df["is_fetched"] = df["error"].isna() & df["content_sha256"].notna()
    return df


def articles_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles with the parsed publication time and a hash of the text (duplicate rate)."""
    df = articles.copy()
    df["published_at_ts"] = _timestamps(df["published_at"])
    df["text_sha1"] = [hashlib.sha1(t.encode("utf-8")).hexdigest() if isinstance(t, str) else None
                       for t in df["text"].tolist()]
    return df


def comments_frame(comments: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Comments with ``has_article`` and ``is_in_article_text`` (the comment-leak test)."""
    df = comments.copy()
    text_of = dict(zip(articles["article_id"].tolist(), articles["text"].tolist()))
    df["has_article"] = df["article_id"].isin(text_of.keys())
    df["is_in_article_text"] = [
        isinstance(t, str) and len(t.strip()) >= MIN_LEAK_CHARS and t.strip() in (text_of.get(a) or "")
        for a, t in zip(df["article_id"].tolist(), df["text"].tolist())]
    df["published_at_ts"] = _timestamps(df["published_at"])
    return df


def doc_texts(articles: pd.DataFrame, comments: pd.DataFrame) -> dict[str, str]:
    """Every document's text by doc_id (article_id or comment_id)."""
    texts = dict(zip(articles["article_id"].tolist(), articles["text"].tolist()))
    texts.update(zip(comments["comment_id"].tolist(), comments["text"].tolist()))
    return texts


def tags_frame(tags: pd.DataFrame, texts: dict[str, str], members: set[str] | None = None) -> pd.DataFrame:
    """Mentions or framings with ``has_doc``, ``doc_length`` and ``offsets_match_surface``."""
    df = tags.copy()
    # .tolist() first: iterating Arrow-backed columns element by element is several times slower.
    doc = [texts.get(d) for d in df["doc_id"].tolist()]
    df["has_doc"] = [t is not None for t in doc]
    df["doc_length"] = [len(t) if t is not None else -1 for t in doc]
    df["offsets_match_surface"] = [
        t is not None and s is not None and e is not None and 0 <= s < e <= len(t) and t[s:e] == surface
        for t, s, e, surface in zip(doc, df["start"].tolist(), df["end"].tolist(), df["surface"].tolist())]
    if members is not None and "actor" in df:
        df["member_flag_ok"] = df["is_member"] == df["actor"].isin(members)
    if members is not None and "target_members" in df:
        df["target_is_member"] = [t is not None and len(t) > 0 and set(t) <= members
                                  for t in df["target_members"].tolist()]
    return df


def dyads_frame(dyads: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Dyads with ``has_doc`` and ``doc_length``."""
    df = dyads.copy()
    doc = [texts.get(d) for d in df["doc_id"].tolist()]
    df["has_doc"] = [t is not None for t in doc]
    df["doc_length"] = [len(t) if t is not None else -1 for t in doc]
    return df


def read_stage(path: Path, columns: list[str]) -> pd.DataFrame:
    """A stage's Parquet file as a frame (an empty frame with ``columns`` when it is absent)."""
    if not Path(path).exists():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return pd.read_parquet(path)


def batch_frames(paths: BatchPaths) -> dict[str, pd.DataFrame]:
    """The batch's article and comment files as frames."""
    return {"articles": read_stage(paths.articles, ["article_id", "canonical_url", "url", "text",
                                                    "language", "published_at"]),
            "comments": read_stage(paths.comments, ["comment_id", "article_id", "text", "language",
                                                    "published_at"])}


def volume_frame(daily: pd.DataFrame, batch_days: list[date], has_history: bool) -> pd.DataFrame:
    """Articles per day for the batch's days against the trailing 14-day mean.

    ``daily`` has columns day, article_count (the whole warehouse). ``volume_ratio`` is null,
    so not evaluated, when there is no earlier batch or the warehouse does not reach 14 days
    back from the day: a first run, or a new deployment, raises no volume alert.
    """
    counts = {pd.Timestamp(d).date(): int(n) for d, n in zip(daily["day"], daily["article_count"])}
    first = min(counts) if counts else None
    rows = []
    for day in sorted({pd.Timestamp(d).date() for d in batch_days}):
        window = [day - timedelta(days=i) for i in range(1, TRAILING_DAYS + 1)]
        mean = sum(counts.get(d, 0) for d in window) / TRAILING_DAYS
        covered = has_history and first is not None and first <= window[-1]
        ratio = counts.get(day, 0) / mean if covered and mean > 0 else None
        rows.append({"day": day, "article_count": counts.get(day, 0), "trailing_mean": round(mean, 3),
                     "volume_ratio": ratio})
    return pd.DataFrame(rows, columns=["day", "article_count", "trailing_mean", "volume_ratio"])


def freshness_frame(sources: pd.DataFrame, last_seen: pd.DataFrame, has_history: bool) -> pd.DataFrame:
    """Days since each enabled source's newest article, anchored to the warehouse's newest day.

    The anchor is the newest published day of any source (the data's own clock), so a replayed
    or back-dated batch is judged on its own dates; a source silent while others publish is the
    signal. ``days_silent`` is null (not evaluated) without an earlier batch to compare with.
    """
    last = {s: pd.Timestamp(d).date() for s, d in zip(last_seen["source_id"], last_seen["last_day"])}
    anchor = max(last.values()) if last else None
    first = pd.Timestamp(last_seen["first_day"].min()).date() if len(last_seen) else None
    rows = []
    for source_id in sources["source_id"]:
        seen = last.get(source_id, first)
        silent = (anchor - seen).days if has_history and anchor and seen else None
        rows.append({"source_id": source_id, "last_published_on": last.get(source_id),
                     "anchor_day": anchor, "days_silent": silent})
    return pd.DataFrame(rows, columns=["source_id", "last_published_on", "anchor_day", "days_silent"])
