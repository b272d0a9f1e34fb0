"""One typed Settings object: packaged defaults, overlaid by environment variables.

Options travel as this object, never as module globals, so the CLI, the DAGs and the tests can
each build their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from pipeline.paths import DataPaths, default_analyst_db, default_private_db

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SQL_DIR = PROJECT_DIR / "sql"
EXPECTATIONS_DIR = PROJECT_DIR / "expectations"
DEFAULT_TAXONOMY = PACKAGE_DIR / "tagging" / "taxonomy.yml"
DEFAULT_SOURCES = PROJECT_DIR / "config" / "sources.yml"
DEFAULT_WATCH_RULES = PROJECT_DIR / "config" / "watch.yml"

LANGDETECT_SEED = 0


@dataclass(frozen=True)
class Settings:
    """Everything a pipeline run needs to know, in one place."""

    data_dir: Path = Path("data")
    # The analysts' database; None means ``data_dir/warehouse.duckdb``.
    db_path: Path | None = None
    sources_path: Path = DEFAULT_SOURCES
    taxonomy_path: Path = DEFAULT_TAXONOMY
    expectations_dir: Path = EXPECTATIONS_DIR
    sql_dir: Path = SQL_DIR
    # Loopback/private hosts a run may fetch from; empty by default (SSRF guard).
    allow_private: tuple[str, ...] = ()
    user_agent: str = "crinkwatch/0.1 (+https://github.com/crinkwatch/crinkwatch)"
    timeout_s: float = 20.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_entries_per_feed: int = 200
    # Fetch politeness and limits (see pipeline/fetch/). The User-Agent names the project and,
    # when set, this contact URL, so site operators know who to write to.
    contact_url: str = "https://github.com/crinkwatch/crinkwatch"
    connect_timeout_s: float = 10.0
    max_response_s: float = 60.0  # whole response, so a slow trickle cannot hold a worker
    max_redirects: int = 5
    per_host_interval_s: float = 1.0
    private_host_interval_s: float = 0.0  # for hosts named in allow_private: the operator's own
    per_host_concurrency: int = 2
    global_concurrency: int = 8
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    max_retry_after_s: float = 120.0  # a longer Retry-After fails the URL for this run instead
    robots_ttl_s: float = 24 * 3600.0
    # A page that failed (4xx/5xx after retries, a gzip bomb, a redirect loop…) is fetched again
    # 1, 2, 4 … days later, at most this many days apart, instead of on every run.
    page_retry_base_days: float = 1.0
    page_retry_max_days: float = 32.0
    # Feed health: alert after this many failed runs in a row, or this many days without entries.
    feed_failure_threshold: int = 3
    feed_silence_days: float = 14.0  # also the source_freshness suite's window
    # Data quality: allowed article languages, alert channels (secrets from the environment only).
    allowed_languages: tuple[str, ...] = ("en", "ru", "zh", "fa", "ko", "fr", "de", "es", "pl", "ja", "ar", "und")
    alert_webhook_url: str | None = None  # Slack-compatible incoming webhook; a secret, env only
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "crinkwatch@localhost"
    smtp_to: tuple[str, ...] = ()
    smtp_user: str | None = None  # the password is read from CRINKWATCH_SMTP_PASSWORD when sending
    smtp_starttls: bool = False
    data_docs_url: str | None = None  # where the Data Docs folder is served, for links in alerts
    quality_retention_days: float = 90.0  # GX results and their Data Docs pages kept (0: forever)
    # The pipeline's own warehouse (loads write here); analysts open ``db_path``, which publish
    # replaces atomically. None means ``data_dir/private/warehouse.duckdb``.
    private_db_path: Path | None = None
    # The moment a run is judged at (feed silence); None means the wall clock. The demo passes its
    # site's snapshot date, so it does not start raising alerts as the calendar moves on.
    as_of: datetime | None = None

    # How long a writer waits for another to release the private warehouse before giving up.
    warehouse_lock_timeout_s: float = 900.0
    # Narrative watch rules evaluated after each publish (pipeline/watch/); a missing file: none.
    watch_rules_path: Path = DEFAULT_WATCH_RULES
    # Extract, language and tag run over chunks of this many pages (one process or one mapped
    # Airflow task each), on ``workers`` processes in a CLI run; None means every core.
    chunk_size: int = 100
    workers: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        object.__setattr__(self, "db_path", Path(self.db_path or default_analyst_db(self.data_dir)))
        object.__setattr__(self, "private_db_path",
                           Path(self.private_db_path or default_private_db(self.data_dir)))

    @property
    def worker_count(self) -> int:
        """Processes for the chunked stages of a CLI run: ``workers``, else the number of cores."""
        return max(1, self.workers or os.cpu_count() or 1)

    @property
    def paths(self) -> DataPaths:
        """Every path under the data folder, and the two warehouses."""
        return DataPaths(self.data_dir, self.db_path, self.private_db_path)

    def now(self) -> datetime:
        """``as_of`` if set, else the current UTC time (always timezone-aware)."""
        if self.as_of is None:
            return datetime.now(timezone.utc)
        return self.as_of if self.as_of.tzinfo else self.as_of.replace(tzinfo=timezone.utc)

    def with_overrides(self, **changes: object) -> "Settings":
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _host_list(value: str) -> tuple[str, ...]:
    return tuple(h.strip() for h in value.split(",") if h.strip())


# Environment variable -> (Settings field, parser). The quality and alert channels are read apart
# (``_quality_env``), since some of them are secrets that are only read when sending.
ENV_SETTINGS: dict[str, tuple[str, Callable[[str], object]]] = {
    "CRINKWATCH_DATA_DIR": ("data_dir", Path),
    "CRINKWATCH_DB": ("db_path", Path),
    "CRINKWATCH_SOURCES": ("sources_path", Path),
    "CRINKWATCH_TAXONOMY": ("taxonomy_path", Path),
    "CRINKWATCH_ALLOW_PRIVATE": ("allow_private", _host_list),
    "CRINKWATCH_USER_AGENT": ("user_agent", str),
    "CRINKWATCH_CONTACT_URL": ("contact_url", str),
    "CRINKWATCH_PRIVATE_DB": ("private_db_path", Path),
    "CRINKWATCH_AS_OF": ("as_of", lambda value: parse_as_of(value)),  # defined below
    "CRINKWATCH_WATCH_RULES": ("watch_rules_path", Path),
    "CRINKWATCH_LOCK_TIMEOUT_S": ("warehouse_lock_timeout_s", float),
    "CRINKWATCH_CHUNK_SIZE": ("chunk_size", int),
    "CRINKWATCH_WORKERS": ("workers", int),
}


def load_settings(**overrides: object) -> Settings:
    """Defaults, then ``CRINKWATCH_*`` environment variables, then explicit overrides."""
    env: dict[str, object] = {field: parse(os.environ[name]) for name, (field, parse) in ENV_SETTINGS.items()
                              if os.environ.get(name)}
    env.update(_quality_env())
    # Built once, so warehouse paths left unset follow the final data folder.
    return Settings(**{**env, **{k: v for k, v in overrides.items() if v is not None}})


def parse_as_of(value: str) -> datetime:
    """An ISO date or date-time (UTC when no offset is given), for ``--as-of``/``CRINKWATCH_AS_OF``."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"not an ISO date or date-time: {value!r} (e.g. 2026-11-27 or 2026-11-27T06:00)")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _quality_env() -> dict[str, object]:
    """Alert channels and data-quality knobs from ``CRINKWATCH_*`` variables."""
    env: dict[str, object] = {}
    text = {"CRINKWATCH_ALERT_WEBHOOK_URL": "alert_webhook_url", "CRINKWATCH_SMTP_HOST": "smtp_host",
            "CRINKWATCH_SMTP_FROM": "smtp_from", "CRINKWATCH_SMTP_USER": "smtp_user",
            "CRINKWATCH_DATA_DOCS_URL": "data_docs_url"}
    for var, name in text.items():
        if v := os.environ.get(var):
            env[name] = v
    if v := os.environ.get("CRINKWATCH_SMTP_PORT"):
        env["smtp_port"] = int(v)
    if v := os.environ.get("CRINKWATCH_SMTP_TO"):
        env["smtp_to"] = tuple(a.strip() for a in v.split(",") if a.strip())
    if v := os.environ.get("CRINKWATCH_SMTP_STARTTLS"):
        env["smtp_starttls"] = v.strip().lower() in ("1", "true", "yes")
    if v := os.environ.get("CRINKWATCH_QUALITY_RETENTION_DAYS"):
        env["quality_retention_days"] = float(v)
    if v := os.environ.get("CRINKWATCH_FEED_SILENCE_DAYS"):
        env["feed_silence_days"] = float(v)
    if v := os.environ.get("CRINKWATCH_LANGUAGES"):
        env["allowed_languages"] = tuple(c.strip() for c in v.split(",") if c.strip())
    return env
