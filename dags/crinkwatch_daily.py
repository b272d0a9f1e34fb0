"""Daily ingestion: fetch → extract → language → tag → validate → load → publish.

Wiring only: every task calls one function of ``pipeline.tasks`` and passes a small batch
reference (ids and paths) on; the data stays in the batch folder. Imports of the pipeline happen
inside the tasks, so parsing this file does no I/O and loads nothing heavy.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airflow.sdk import dag, task

DEFAULT_ARGS = {"retries": 2, "retry_delay": timedelta(minutes=5), "retry_exponential_backoff": True}


@dag(
    dag_id="crinkwatch_daily",
    schedule="@daily",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["crinkwatch"],
)
def crinkwatch_daily():
    @task(execution_timeout=timedelta(hours=1))
    def fetch() -> dict:
        from pipeline.tasks import fetch_stage
        return fetch_stage()

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

    @task(retries=0)
    def validate(ref: dict) -> dict:
        from pipeline.tasks import validate_stage
        return validate_stage(ref)

    @task
    def load(ref: dict) -> dict:
        from pipeline.tasks import load_stage
        return load_stage(ref)

    @task(retries=0)
    def validate_trends(ref: dict) -> dict:
        from pipeline.tasks import validate_trends_stage
        return validate_trends_stage(ref)

    @task
    def publish(ref: dict) -> dict:
        from pipeline.tasks import publish_stage
        return publish_stage(ref)

    publish(validate_trends(load(validate(tag(language(extract(fetch())))))))


dag = crinkwatch_daily()
