"""A real ``dag.test()`` of each DAG over the fixture site, checking the asset events it emits.

``dag.test()`` does not start asset-triggered DAGs, so each downstream DAG is run with the
upstream event's extra passed as its ``batches`` param, the fallback its first task reads when
no asset event triggered the run. The real chaining is proven by the scheduler end-to-end test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import MINISITE
from tests.fixtures.faults import send
from tests.dags.conftest import asset_events, load_dag

pytestmark = [pytest.mark.airflow, pytest.mark.slow]

# Two sources list the same feed: the mapped fetch runs twice and the merge keeps one copy a page.
TWO_SOURCES = """\
version: 1
sources:
  - {{id: harbour, name: Harbour Test Wire, feed_url: "{base}/news/feed.xml", type: news,
     comments: true}}
  - {{id: harbour_mirror, name: Harbour Mirror, feed_url: "{base}/news/feed.xml", type: news}}
  - {{id: retired, name: Retired Wire, feed_url: "{base}/gone.xml", type: news, enabled: false}}
"""


@pytest.fixture(scope="module")
def chain_env(airflow_home, tmp_path_factory):
    """Env for a chain of DAG runs sharing one data folder and the fixture site."""
    from pipeline.demo.server import DemoServer

    tmp = tmp_path_factory.mktemp("chain")
    with DemoServer(MINISITE) as server:
        sources = tmp / "sources.yml"
        sources.write_text(TWO_SOURCES.format(base=server.base_url), encoding="utf-8")
        env = {"CRINKWATCH_SOURCES": str(sources), "CRINKWATCH_DATA_DIR": str(tmp / "data"),
               "CRINKWATCH_ALLOW_PRIVATE": "127.0.0.1"}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            yield {"server": server, "data": tmp / "data", "events": {}}
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def _states(run) -> dict[str, list[str]]:
    states: dict[str, list[str]] = {}
    for ti in run.get_task_instances():
        states.setdefault(ti.task_id, []).append(ti.state)
    return states


def test_ingest_maps_over_sources_and_emits_raw_pages(chain_env):
    run = load_dag("crinkwatch_ingest").test()

    assert run.state == "success", _states(run)
    assert sorted(_states(run)["fetch_source"]) == ["success", "success"]  # one per enabled source
    [event] = asset_events("raw_pages", "crinkwatch_ingest", run.run_id)
    assert event["origin"] == "ingest"
    assert event["sources"] == ["harbour", "harbour_mirror"]
    assert event["pages"] == 2 and event["pages_ok"] == 2 and event["duplicates"] == 2
    assert Path(event["raw_pages"]).is_file()
    assert Path(event["batch_dir"]).name == event["batch_id"]
    pages = [json.loads(line) for line in Path(event["raw_pages"]).read_text().splitlines()]
    # Either mapped task may fetch a page first; the merge keeps the copy marked new.
    assert [(sorted(p["source_ids"]), p["is_new"]) for p in pages] == \
        [(["harbour", "harbour_mirror"], True)] * 2
    chain_env["events"]["raw_pages"] = event


def test_process_reads_the_raw_pages_event_and_emits_validated_batch(chain_env, monkeypatch):
    monkeypatch.setenv("CRINKWATCH_CHUNK_SIZE", "1")  # two pages: two chunks, mapped
    raw = chain_env["events"]["raw_pages"]
    run = load_dag("crinkwatch_process").test(run_conf={"batches": [raw]})

    assert run.state == "success", _states(run)
    states = _states(run)
    assert all(states[t] == ["success"] * 2 for t in ("extract", "language", "tag")), states
    assert states["merge"] == ["success"] and states["validate"] == ["success"]
    [event] = asset_events("validated_batch", "crinkwatch_process", run.run_id)
    assert event["batch_id"] == raw["batch_id"] and event["batch_dir"] == raw["batch_dir"]
    assert event["validated"] is True
    assert event["extract"]["articles"] == 2 and event["chunks"] == 2
    assert Path(raw["batch_dir"], "articles.parquet").is_file()
    assert not Path(raw["batch_dir"], "chunks").exists()  # merged, then removed
    chain_env["events"]["validated_batch"] = event


def test_publish_loads_the_validated_batch_and_emits_trends(chain_env):
    validated = chain_env["events"]["validated_batch"]
    run = load_dag("crinkwatch_publish").test(run_conf={"batches": [validated]})

    assert run.state == "success", _states(run)
    [event] = asset_events("trends", "crinkwatch_publish", run.run_id)
    assert event["batch_ids"] == [validated["batch_id"]]
    assert event["trend_rows"] > 0 and event["members"]
    con = duckdb.connect(event["db_path"], read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
        assert con.execute("select count(*) from daily_member_mentions").fetchone()[0] == \
            event["trend_rows"]
    finally:
        con.close()


def test_retag_republishes_trends_under_the_requested_version(chain_env):
    import yaml

    from pipeline.config import DEFAULT_TAXONOMY

    version = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))["version"]
    run = load_dag("crinkwatch_retag").test(run_conf={"taxonomy_version": version})

    assert run.state == "success", _states(run)
    [event] = asset_events("trends", "crinkwatch_retag", run.run_id)
    assert event["taxonomy_version"] == version and event["trend_rows"] > 0


def test_retag_refuses_a_taxonomy_of_another_version(chain_env):
    run = load_dag("crinkwatch_retag").test(run_conf={"taxonomy_version": "0.0.0-not-this"})

    assert run.state == "failed"
    assert asset_events("trends", "crinkwatch_retag", run.run_id) == []


def test_adhoc_fetches_inbox_files_and_param_urls_into_a_raw_pages_event(chain_env):
    base = chain_env["server"].base_url
    inbox = chain_env["data"] / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / "desk.txt").write_text(f"# from the desk\n{base}/news/tea.html\nnot a url\n",
                                    encoding="utf-8")
    urls = [f"{base}/news/accord.html", f"{base}/news/tea.html?utm_source=x", f"{base}/missing"]
    run = load_dag("crinkwatch_adhoc").test(run_conf={"urls": urls})

    assert run.state == "success", _states(run)
    [event] = asset_events("raw_pages", "crinkwatch_adhoc", run.run_id)
    assert event["origin"] == "adhoc"
    assert event["pages"] == 3 and event["pages_ok"] == 2 and event["pages_failed"] == 1
    assert [Path(p).name for p in event["url_files"]] == ["desk.txt"]
    assert list(inbox.glob("*.txt")) == []  # claimed: a second run cannot take it again
    log = Path(event["fetch_log"]).read_text(encoding="utf-8")
    assert "not a url" in log and "/missing" in log


def test_the_next_ingest_carries_the_pages_of_a_batch_that_never_loaded(chain_env):
    """An ad-hoc batch whose process run never happened (as if it had crashed): its page, which
    no feed lists, is pending, so the next ingest carries it, and once that batch loads nothing
    is pending."""
    import sqlite3

    server = chain_env["server"]
    page = (MINISITE / "news" / "tea.html").read_bytes().replace(b"<title>", b"<title>Desk: ", 1)
    server.add_route("/desk/only-asked.html", lambda h: send(h, 200, page, {"Content-Type": "text/html"}))
    adhoc = load_dag("crinkwatch_adhoc").test(run_conf={"urls": [f"{server.base_url}/desk/only-asked.html"]})
    assert adhoc.state == "success", _states(adhoc)

    run = load_dag("crinkwatch_ingest").test()
    assert run.state == "success", _states(run)
    [raw] = asset_events("raw_pages", "crinkwatch_ingest", run.run_id)
    assert raw["requeued"] == 1  # from the raw store: no feed lists it
    pages = [json.loads(line) for line in Path(raw["raw_pages"]).read_text().splitlines()]
    assert [Path(p["canonical_url"]).name for p in pages if p["is_new"]] == ["only-asked.html"]

    process = load_dag("crinkwatch_process").test(run_conf={"batches": [raw]})
    assert process.state == "success", _states(process)
    [validated] = asset_events("validated_batch", "crinkwatch_process", process.run_id)
    publish = load_dag("crinkwatch_publish").test(run_conf={"batches": [validated]})
    assert publish.state == "success", _states(publish)
    [trends] = asset_events("trends", "crinkwatch_publish", publish.run_id)
    with duckdb.connect(trends["db_path"], read_only=True) as con:
        assert con.execute("select count(*), count(distinct canonical_url) from articles").fetchone() == (3, 3)
    with sqlite3.connect(chain_env["data"] / "state" / "fetch.sqlite") as state:
        assert state.execute("select count(*) from pending_pages").fetchone()[0] == 0

    again = load_dag("crinkwatch_ingest").test()
    [raw] = asset_events("raw_pages", "crinkwatch_ingest", again.run_id)
    assert raw["requeued"] == 0
    assert not [line for line in Path(raw["raw_pages"]).read_text().splitlines() if json.loads(line)["is_new"]]


def test_process_emits_nothing_when_validation_fails(chain_env):
    # A broken upstream manifest that lists one page twice: the article key check blocks it.
    raw = chain_env["events"]["raw_pages"]
    bad = Path(raw["batch_dir"]).parent / "20261120T000000Z-dupes"
    bad.mkdir()
    [first, *_] = Path(raw["raw_pages"]).read_text(encoding="utf-8").splitlines()
    (bad / "raw_pages.jsonl").write_text(f"{first}\n{first}\n", encoding="utf-8")
    ref = {"batch_id": bad.name, "batch_dir": str(bad), "raw_pages": str(bad / "raw_pages.jsonl")}

    run = load_dag("crinkwatch_process").test(run_conf={"batches": [ref]})

    assert run.state == "failed"
    assert _states(run)["validate"] == ["failed"]
    assert asset_events("validated_batch", "crinkwatch_process", run.run_id) == []
    assert "article_id" in (bad / "alerts.jsonl").read_text(encoding="utf-8")


def test_process_without_event_or_param_fails_with_a_clear_reason(chain_env):
    run = load_dag("crinkwatch_process").test()

    assert run.state == "failed"
    assert _states(run)["batches"] == ["failed"]
