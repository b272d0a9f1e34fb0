"""Process each new batch: extract → language → tag → merge → validate; announce ``validated_batch``.

Triggered by ``raw_pages`` events (from the daily ingest or an ad-hoc request). Every event that
queued up is processed. Each batch's pages are split into chunks (``CRINKWATCH_CHUNK_SIZE``
pages each) and extract, language and tag are mapped over the chunks of all the batches, so the
workers of a Celery cluster share a day's pages; each batch's chunks are then merged and the
batch validated. A batch's ``validated_batch`` event is emitted only when its validation passed,
so nothing unvalidated reaches the warehouse.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Param, dag, task

from _crinkwatch import DEFAULT_ARGS, RAW_PAGES, START_DATE, TAGS, VALIDATED_BATCH, upstream_refs


@dag(
    dag_id="crinkwatch_process",
    schedule=[RAW_PAGES],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    dagrun_timeout=timedelta(hours=3),
    params={"batches": Param([], type="array",
                             description='Manual runs: [{"batch_id": "...", "batch_dir": "..."}]')},
    tags=TAGS,
    doc_md=__doc__,
)
def crinkwatch_process():
    @task(retries=0)
    def batches(triggering_asset_events=None, params=None) -> list[dict]:
        return upstream_refs(RAW_PAGES, {"triggering_asset_events": triggering_asset_events,
                                         "params": params})

    @task
    def plan(refs: list[dict]) -> list[dict]:
        from pipeline.tasks import plan_chunks_stage
        return plan_chunks_stage(refs)

    @task
    def extract(ref: dict) -> dict:
        from pipeline.tasks import extract_stage
        return extract_stage(ref)

    @task
    def language(ref: dict) -> dict:
        from pipeline.tasks import language_stage
        return language_stage(ref)

    @task
    def tag(ref: dict) -> dict:
        from pipeline.tasks import tag_stage
        return tag_stage(ref)

    @task
    def merge(ref: dict, chunks: list[dict]) -> dict:
        from pipeline.tasks import merge_chunks_stage
        return merge_chunks_stage(ref, chunks)

    # A failed expectation is a verdict on the data, not a glitch: retrying cannot change it.
    @task(retries=0, outlets=[VALIDATED_BATCH])
    def validate(ref: dict, outlet_events=None) -> dict:
        from pipeline.tasks import validate_stage
        outlet_events[VALIDATED_BATCH].extra = event = validate_stage(ref)
        return event

    refs = batches()
    chunks = tag.expand(ref=language.expand(ref=extract.expand(ref=plan(refs))))
    validate.expand(ref=merge.partial(chunks=chunks).expand(ref=refs))

dag = crinkwatch_process()
