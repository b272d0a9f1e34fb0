"""Publish validated batches: load each into DuckDB → check its trends → publish → trends.

Triggered by ``validated_batch`` events. A batch whose trend-table checks block stops before
publish, so analysts never see its numbers. The warehouse takes one writer process, so every
task that touches it runs in the one-slot warehouse pool.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Param, dag, task

from _crinkwatch import (DEFAULT_ARGS, START_DATE, TAGS, TRENDS, VALIDATED_BATCH, WAREHOUSE_POOL,
                         upstream_refs)


@dag(
    dag_id="crinkwatch_publish",
    schedule=[VALIDATED_BATCH],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    dagrun_timeout=timedelta(hours=2),
    params={"batches": Param([], type="array",
                             description='Manual runs: [{"batch_id": "...", "batch_dir": "..."}]')},
    tags=TAGS,
    doc_md=__doc__,
)
def crinkwatch_publish():
    @task(retries=0)
    def batches(triggering_asset_events=None, params=None) -> list[dict]:
        return upstream_refs(VALIDATED_BATCH, {"triggering_asset_events": triggering_asset_events,
                                               "params": params})

    @task(pool=WAREHOUSE_POOL, max_active_tis_per_dag=1)
    def load(ref: dict) -> dict:
        from pipeline.tasks import load_stage
        return load_stage(ref)

    @task(pool=WAREHOUSE_POOL, max_active_tis_per_dag=1, retries=0)
    def check_trends(ref: dict) -> dict:
        from pipeline.tasks import validate_trends_stage
        return validate_trends_stage(ref)

    @task(pool=WAREHOUSE_POOL)
    def publish(checked: list[dict]) -> dict:
        from pipeline.tasks import publish_stage
        return publish_stage({"batch_ids": [ref["batch_id"] for ref in checked]})

    @task(pool=WAREHOUSE_POOL, outlets=[TRENDS])
    def trends(ref: dict, outlet_events=None) -> dict:
        from pipeline.tasks import trends_stage
        outlet_events[TRENDS].extra = event = trends_stage(ref)
        return event

    trends(publish(check_trends.expand(ref=load.expand(ref=batches()))))


dag = crinkwatch_publish()
