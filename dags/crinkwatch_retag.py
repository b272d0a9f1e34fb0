"""Re-tag the stored batches with a taxonomy version and republish the trends (manual).

Run it after a taxonomy change: every stored article and comment is tagged again with the given
taxonomy, the warehouse's tag rows are replaced (and the analyst copy republished when the
pipeline has a publish step), so the trend tables count mentions under one version.
"""

from __future__ import annotations

from datetime import timedelta

from airflow.sdk import Param, dag, task

from _crinkwatch import DEFAULT_ARGS, START_DATE, TAGS, TRENDS, WAREHOUSE_POOL


@dag(
    dag_id="crinkwatch_retag",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args={**DEFAULT_ARGS, "retries": 0},
    dagrun_timeout=timedelta(hours=6),
    params={
        "taxonomy_version": Param(None, type=["null", "string"],
                                  description="Fail unless the taxonomy file has this version"),
        "taxonomy_path": Param(None, type=["null", "string"],
                               description="Taxonomy YAML (default: the configured one)"),
    },
    tags=TAGS,
    doc_md=__doc__,
)
def crinkwatch_retag():
    @task(pool=WAREHOUSE_POOL, execution_timeout=timedelta(hours=4))
    def retag(params=None) -> dict:
        from pipeline.tasks import retag_stage
        return retag_stage(params.get("taxonomy_path"), params.get("taxonomy_version"))

    @task(pool=WAREHOUSE_POOL, outlets=[TRENDS])
    def trends(ref: dict, outlet_events=None) -> dict:
        from pipeline.tasks import trends_stage
        outlet_events[TRENDS].extra = event = trends_stage(ref)
        return event

    trends(retag())


dag = crinkwatch_retag()
