"""Ad-hoc URLs: fetch pages an analyst asked for and hand them to the same processing chain.

Two ways in: drop ``*.txt`` files of URLs (one a line) into ``$CRINKWATCH_DATA_DIR/inbox/`` and
then create the empty file ``inbox/READY`` — the triggerer's watcher sees it, deletes it and
starts this DAG — or trigger the DAG with ``{"urls": [...]}``. Either way the pages land in a new
batch and a ``raw_pages`` event sends it to ``crinkwatch_process``.
"""

from __future__ import annotations

import os
from datetime import timedelta

from airflow.providers.standard.triggers.file import FileDeleteTrigger
from airflow.sdk import Asset, AssetWatcher, Param, dag, task

from _crinkwatch import DEFAULT_ARGS, FETCH_POOL, RAW_PAGES, START_DATE, TAGS, data_dir

# pipeline.paths.DataPaths.ready_flag, spelled out here: DAG files never import the pipeline at parse.
READY_FLAG = os.path.join(data_dir(), "inbox", "READY")

ADHOC_REQUEST = Asset(
    "adhoc_request",
    group="crinkwatch",
    watchers=[AssetWatcher(name="crinkwatch_inbox",
                           trigger=FileDeleteTrigger(filepath=READY_FLAG, poke_interval=5.0))],
)


@dag(
    dag_id="crinkwatch_adhoc",
    schedule=[ADHOC_REQUEST],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    dagrun_timeout=timedelta(hours=1),
    params={"urls": Param([], type="array", items={"type": "string"},
                          description="URLs to fetch (inbox files are read as well)")},
    tags=TAGS,
    doc_md=__doc__,
)
def crinkwatch_adhoc():
    @task(pool=FETCH_POOL, outlets=[RAW_PAGES])
    def fetch_urls(params=None, outlet_events=None) -> dict:
        from pipeline.tasks import adhoc_fetch_stage
        outlet_events[RAW_PAGES].extra = event = adhoc_fetch_stage(params.get("urls"))
        return event

    fetch_urls()


dag = crinkwatch_adhoc()
