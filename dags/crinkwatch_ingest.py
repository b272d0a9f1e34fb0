"""Daily ingestion: fetch every enabled source in parallel, merge, announce ``raw_pages``.

One mapped task per source writes its own part of the batch; the merge dedups pages across
sources and emits the ``raw_pages`` asset event whose extra is the batch reference (id, paths,
counts) that ``crinkwatch_process`` reads.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Param, dag, task

from _crinkwatch import DEFAULT_ARGS, FETCH_POOL, RAW_PAGES, START_DATE, TAGS


@dag(
    dag_id="crinkwatch_ingest",
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    dagrun_timeout=timedelta(hours=3),
    params={"batch_id": Param(None, type=["null", "string"],
                              description="Reuse this batch id instead of a new one")},
    tags=TAGS,
    doc_md=__doc__,
)
def crinkwatch_ingest():
    @task
    def open_batch(params=None) -> dict:
        from pipeline.tasks import new_batch_stage
        return new_batch_stage(params.get("batch_id"))

    @task
    def list_sources() -> list[str]:
        from pipeline.tasks import list_sources_stage
        return list_sources_stage()

    @task(pool=FETCH_POOL, execution_timeout=timedelta(minutes=45))
    def fetch_source(ref: dict, source_id: str) -> dict:
        from pipeline.tasks import fetch_source_stage
        return fetch_source_stage(ref, source_id)

    @task(outlets=[RAW_PAGES])
    def merge(ref: dict, parts: list[dict], outlet_events=None) -> dict:
        from pipeline.tasks import merge_fetch_stage
        outlet_events[RAW_PAGES].extra = event = merge_fetch_stage(ref, parts)
        return event

    batch = open_batch()
    merge(batch, fetch_source.partial(ref=batch).expand(source_id=list_sources()))


dag = crinkwatch_ingest()
