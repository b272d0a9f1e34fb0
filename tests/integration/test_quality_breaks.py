"""Break every expectation on purpose and watch what happens.

A clean two-article batch is built once by the real pipeline; each case copies it, breaks one
thing in one stage file (or the warehouse), and validates that stage for real. Each case must
raise its alert (warehouse row and log), and then:

- ``block``: ValidationFailed, and the load that would follow never runs, so the warehouse holds
  nothing of the batch;
- ``quarantine``: the rows go to the quarantine file and table with the check as reason, the stage
  file loses them, and the rest of the batch loads;
- ``warn``: the batch loads in full.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd
import pytest

from pipeline.batch import BatchPaths
from pipeline.config import load_settings
from pipeline.warehouse.load import load_batch
from pipeline.models import DyadMention, read_jsonl, write_jsonl, write_parquet
from pipeline.quality import ValidationFailed, validate_stage
from pipeline.quality.suites import load_suite_dict
from pipeline.runner import run_once
from pipeline.sources import load_sources
from tests.conftest import MINISITE


@pytest.fixture(scope="module")
def clean(tmp_path_factory, request):
    """A clean minisite batch, run through every stage and loaded: (batch dir, warehouse)."""
    from pipeline.demo.server import DemoServer

    root = tmp_path_factory.mktemp("clean")
    settings = load_settings(data_dir=root, db_path=root / "w.duckdb", allow_private=("127.0.0.1",))
    with DemoServer(MINISITE) as server:
        result = run_once(settings, load_sources(MINISITE / "sources.yml", {"BASE": server.base_url}))
    paths = BatchPaths(Path(result.batch_dir))
    mentions = pd.read_parquet(paths.mentions)
    row = mentions[mentions["doc_kind"] == "article"].iloc[0]
    text = pd.read_parquet(paths.articles).set_index("article_id").loc[row["article_id"], "text"]
    start = text.rfind(".", 0, row["start"]) + 1
    write_parquet(paths.dyads, [DyadMention(row["doc_id"], "article", row["article_id"], "KP", "RU",
                                            "cooperation", row["sentence"], start, row["taxonomy_version"],
                                            paths.batch_id)], DyadMention)
    return paths, settings.private_db_path  # the warehouse loads write and trend checks read


def _edit(path: Path, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    change(pd.read_parquet(path)).to_parquet(path, index=False)


def _raw(paths: BatchPaths, change: Callable[[list[dict]], None]) -> None:
    rows = list(read_jsonl(paths.raw_pages))
    change(rows)
    write_jsonl(paths.raw_pages, rows)


def _set(column: str, value, row: int = 0) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(df: pd.DataFrame) -> pd.DataFrame:
        df[column] = df[column].astype(object)
        df.at[df.index[row], column] = value
        return df
    return change


def _copy_row(column: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def change(df: pd.DataFrame) -> pd.DataFrame:
        df.at[df.index[1], column] = df.at[df.index[0], column]
        return df
    return change


def _duplicate_first(df: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([df, df.iloc[[0]]], ignore_index=True)


def _leak(paths: BatchPaths) -> None:
    articles = pd.read_parquet(paths.articles).set_index("article_id")["text"]
    _edit(paths.comments, lambda df: df.assign(
        text=[articles[a][:120] for a in df["article_id"]]))


def _sql(*statements: str) -> Callable[[BatchPaths, Path], None]:
    def change(paths: BatchPaths, db: Path) -> None:
        con = duckdb.connect(str(db))
        for s in statements:
            con.execute(s.replace("{batch}", paths.batch_id))
        con.close()
    return change


_VIEW = ("create or replace view daily_member_mentions as "
         "select cast(a.published_at as date) as day, m.actor as member, 'harbour' as source_id, "
         "count(*) as mention_count, count(distinct m.article_id) as article_count "
         "from mentions m join articles a using (article_id) where m.is_member group by all")
_HISTORY = ("insert into articles (article_id, url, canonical_url, source_ids, text, language, batch_id, "
            "published_at) select 'h' || i, 'http://h/' || i, 'http://h/' || i, ['harbour'], 'x', 'en', "
            "'20261101T000000Z-old000', timestamptz '2026-10-30 12:00:00+00' + i * interval 1 day "
            "from range(0, 16) t(i)")

# (stage, suite, check, file or warehouse change)
CASES: list[tuple[str, str, str, Callable]] = [
    ("raw", "raw_pages", "url_not_null", lambda p: _raw(p, lambda r: r[0].update(url=None))),
    ("raw", "raw_pages", "canonical_url_not_null", lambda p: _raw(p, lambda r: r[1].update(canonical_url=None))),
    ("raw", "raw_pages", "canonical_url_unique",
     lambda p: _raw(p, lambda r: r[1].update(canonical_url=r[0]["canonical_url"]))),
    ("raw", "raw_pages", "content_duplicate_rate",
     lambda p: _raw(p, lambda r: r[1].update(content_sha256=r[0]["content_sha256"]))),
    ("raw", "raw_pages", "fetch_success_rate",
     lambda p: _raw(p, lambda r: [x.update(error="HTTP 503") for x in r])),
    ("articles", "articles", "article_id_not_null", lambda p: _edit(p.articles, _set("article_id", None))),
    ("articles", "articles", "article_id_unique", lambda p: _edit(p.articles, _copy_row("article_id"))),
    ("articles", "articles", "canonical_url_unique", lambda p: _edit(p.articles, _copy_row("canonical_url"))),
    ("articles", "articles", "url_not_null", lambda p: _edit(p.articles, _set("url", None))),
    ("articles", "articles", "canonical_url_not_null", lambda p: _edit(p.articles, _set("canonical_url", None))),
    ("articles", "articles", "text_not_null", lambda p: _edit(p.articles, _set("text", None))),
    ("articles", "articles", "language_not_null", lambda p: _edit(p.articles, _set("language", None))),
    ("articles", "articles", "text_length", lambda p: _edit(p.articles, _set("text", "Too short."))),
    ("articles", "articles", "published_at_range",
     lambda p: _edit(p.articles, _set("published_at", "1985-06-01T00:00:00+00:00"))),
    ("articles", "articles", "published_at_rate", lambda p: _edit(p.articles, lambda df: df.assign(published_at=None))),
    ("articles", "articles", "language_allowed", lambda p: _edit(p.articles, _set("language", "it"))),
    ("articles", "articles", "text_duplicate_rate", lambda p: _edit(p.articles, _copy_row("text"))),
    ("articles", "comments", "comment_id_not_null", lambda p: _edit(p.comments, _set("comment_id", None))),
    ("articles", "comments", "comment_id_unique", lambda p: _edit(p.comments, _copy_row("comment_id"))),
    ("articles", "comments", "article_exists", lambda p: _edit(p.comments, _set("article_id", "no-such-article"))),
    ("articles", "comments", "text_not_null", lambda p: _edit(p.comments, _set("text", None))),
    ("articles", "comments", "text_length", lambda p: _edit(p.comments, _set("text", ""))),
    ("articles", "comments", "language_allowed", lambda p: _edit(p.comments, _set("language", "xx"))),
    ("articles", "comments", "published_at_range",
     lambda p: _edit(p.comments, _set("published_at", "2099-01-01T00:00:00+00:00"))),
    ("articles", "comments", "comment_leak_rate", _leak),
]
for _suite, _path in (("mentions", "mentions"), ("framings", "framings")):
    CASES += [
        ("tags", _suite, "doc_kind_allowed", lambda p, f=_path: _edit(getattr(p, f), _set("doc_kind", "page"))),
        ("tags", _suite, "doc_exists", lambda p, f=_path: _edit(getattr(p, f), _set("doc_id", "ghost"))),
        ("tags", _suite, "start_offset_min", lambda p, f=_path: _edit(getattr(p, f), _set("start", -1))),
        ("tags", _suite, "offsets_ordered",
         lambda p, f=_path: _edit(getattr(p, f), lambda df: df.assign(end=df["start"]))),
        ("tags", _suite, "offsets_inside_text", lambda p, f=_path: _edit(getattr(p, f), _set("end", 10**7))),
        ("tags", _suite, "offsets_match_surface", lambda p, f=_path: _edit(getattr(p, f), _set("surface", "Atlantis"))),
        ("tags", _suite, "primary_key_unique", lambda p, f=_path: _edit(getattr(p, f), _duplicate_first)),
    ]
CASES += [
    ("tags", "mentions", "actor_known",
     lambda p: _edit(p.mentions, lambda df: _set("is_member", False)(_set("actor", "XX")(df)))),
    ("tags", "mentions", "member_flag_consistent",
     lambda p: _edit(p.mentions, lambda df: df.assign(is_member=~df["is_member"].astype(bool)))),
    ("tags", "framings", "framing_known", lambda p: _edit(p.framings, _set("framing_id", "entente"))),
    ("tags", "framings", "stance_known", lambda p: _edit(p.framings, _set("stance", "ironic"))),
    ("tags", "dyads", "member_a_known", lambda p: _edit(p.dyads, _set("member_a", "JP"))),
    ("tags", "dyads", "member_b_known", lambda p: _edit(p.dyads, _set("member_b", "ZZ"))),
    ("tags", "dyads", "pair_ordered",
     lambda p: _edit(p.dyads, lambda df: df.assign(member_a=df["member_b"], member_b=df["member_a"]))),
    ("tags", "dyads", "relation_known", lambda p: _edit(p.dyads, _set("relation", "rivalry"))),
    ("tags", "dyads", "doc_exists", lambda p: _edit(p.dyads, _set("doc_id", "ghost"))),
    ("tags", "dyads", "sentence_inside_text", lambda p: _edit(p.dyads, _set("sentence_start", 10**7))),
    ("trends", "daily_member_mentions", "day_not_null",
     _sql(_VIEW.replace("cast(a.published_at as date) as day", "cast(null as date) as day"))),
    ("trends", "daily_member_mentions", "member_known", _sql(_VIEW.replace("where m.is_member", ""))),
    ("trends", "daily_member_mentions", "grain_unique",
     _sql(_VIEW.replace("group by all", "group by all union all " + _VIEW.split(" as ", 1)[1]))),
    ("trends", "daily_member_mentions", "mention_count_positive",
     _sql(_VIEW.replace("count(*) as mention_count", "0 as mention_count")
          .replace("count(distinct m.article_id) as article_count", "0 as article_count"))),
    ("trends", "daily_member_mentions", "articles_not_above_mentions",
     _sql(_VIEW.replace("count(*) as mention_count", "1 as mention_count")
          .replace("count(distinct m.article_id) as article_count", "5 as article_count"))),
    ("trends", "daily_article_volume", "volume_anomaly",
     _sql(_HISTORY, _HISTORY.replace("'h' || i", "'s' || i").replace("'http://h/' || i", "'http://s/' || i")
          .replace("'20261101T000000Z-old000'", "'{batch}'")
          .replace("timestamptz '2026-10-30 12:00:00+00' + i * interval 1 day", "timestamptz '2026-11-16 12:00:00+00'")
          .replace("range(0, 16)", "range(0, 30)"))),
    ("trends", "source_freshness", "feed_silence",
     _sql("insert into sources values ('quiet', 'Quiet', 'http://q/feed', 'news', 'en', false, true)",
          _HISTORY.replace("['harbour']", "['quiet']").replace("range(0, 16)", "range(0, 3)"))),
]


def _action(suite: str, check: str) -> str:
    for e in load_suite_dict(Path("expectations"), suite)["expectations"]:
        if e["meta"]["check"] == check:
            return e["meta"]["on_failure"]
    raise KeyError(check)


def test_every_expectation_has_a_case():
    from pipeline.quality.suites import suite_names
    from pipeline.config import EXPECTATIONS_DIR

    covered = {(suite, check) for _, suite, check, _ in CASES}
    every = {(s, e["meta"]["check"]) for s in suite_names(EXPECTATIONS_DIR)
             for e in load_suite_dict(EXPECTATIONS_DIR, s)["expectations"]}
    assert every - covered == set()


def _copy(clean, tmp_path: Path):
    paths, db = clean
    data = tmp_path / "data"
    copy = BatchPaths.for_batch(data / "runs", paths.batch_id)
    shutil.copytree(paths.root, copy.root, ignore=shutil.ignore_patterns("validation", "alerts.jsonl"))
    # one file plays the warehouse loads write, which the checks read and record into
    settings = load_settings(data_dir=data, db_path=data / "w.duckdb", private_db_path=data / "w.duckdb")
    return copy, settings, db


def _warehouse_count(db: Path, table: str, batch_id: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"select count(*) from {table} where batch_id = ?", [batch_id]).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("stage,suite,check,change", CASES, ids=[f"{c[1]}.{c[2]}" for c in CASES])
def test_breaking_an_expectation(clean, tmp_path, caplog, stage, suite, check, change):
    from pipeline.config import EXPECTATIONS_DIR

    action = next(e["meta"]["on_failure"] for e in load_suite_dict(EXPECTATIONS_DIR, suite)["expectations"]
                  if e["meta"]["check"] == check)
    paths, settings, clean_db = _copy(clean, tmp_path)
    if stage == "trends":
        shutil.copyfile(clean_db, settings.db_path)
        change(paths, settings.db_path)
    else:
        change(paths)
    before = len(pd.read_parquet(getattr(paths, suite))) if stage in ("articles", "tags") else None

    with caplog.at_level(logging.WARNING, logger="pipeline.quality.alerts"):
        if action == "block":
            with pytest.raises(ValidationFailed) as failed:
                validate_stage(stage, paths, settings)
            assert f"{suite}.{check}" in str(failed.value)
        else:
            validate_stage(stage, paths, settings)
            if stage != "trends":  # the runner's next step: the rest of the batch loads
                load_batch(paths, settings.db_path, settings.sql_dir)

    con = duckdb.connect(str(settings.db_path), read_only=True)
    alerts = con.execute("select severity, docs_url, observed from alerts where suite = ? and check_name = ?",
                         [suite, check]).fetchall()
    quarantined = con.execute("select row_key, reason from quarantine where table_name = ?", [suite]).fetchall()
    con.close()
    # the alert: in the warehouse, with severity from the policy and a Data Docs link, and in the log
    assert len(alerts) == 1, alerts
    severity, docs_url, observed = alerts[0]
    assert severity == ("critical" if action == "block" else "warning")
    assert docs_url and docs_url.startswith("file://") and Path(docs_url[7:]).exists()
    assert observed
    assert any(f"{suite}.{check}" in r.getMessage() for r in caplog.records)

    if action == "block":
        # nothing of the batch reached the warehouse
        if stage != "trends":
            assert _warehouse_count(settings.db_path, "articles", paths.batch_id) == 0
    elif action == "quarantine":
        lines = list(read_jsonl(paths.quarantine(stage)))
        assert any(check in line["checks"] and line["table_name"] == suite for line in lines)
        assert any(check in reason for _, reason in quarantined)
        after = pd.read_parquet(getattr(paths, suite)) if before is not None else None
        if after is not None:
            assert len(after) < before
        # the rest went on: the other article loaded
        assert _warehouse_count(settings.db_path, "articles", paths.batch_id) >= 1
    else:
        assert quarantined == []
        if stage != "trends":
            assert _warehouse_count(settings.db_path, "articles", paths.batch_id) == 2
