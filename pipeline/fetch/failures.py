"""Pages that failed: when to try them again (backoff across runs) and how to record each try.

A failed page is kept in the state store's ``page_failures`` table; while its next attempt lies
in the future the fetch stage leaves it out (and says so in ``fetch_log.jsonl``), and
``crinkwatch sources status`` lists it. A success removes the row.
"""

from __future__ import annotations

from datetime import datetime

from pipeline.config import Settings
from pipeline.fetch.retry import next_attempt_at
from pipeline.fetch.state import FetchState, PageFailure
from pipeline.redaction import redact


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts)


def is_due(failure: PageFailure | None, now: datetime) -> bool:
    """True when the page may be fetched now (never failed, or its wait is over)."""
    return failure is None or _parse(failure.next_attempt_at) <= now


def failed_again(previous: PageFailure | None, canonical_url: str, status: int, error: str,
                 now: datetime, settings: Settings) -> PageFailure:
    """The page's failure row after one more failed attempt at ``now``."""
    failures = (previous.failures if previous else 0) + 1
    at = now.isoformat()
    return PageFailure(
        canonical_url=canonical_url, failures=failures,
        first_failed_at=previous.first_failed_at if previous else at, last_failed_at=at,
        last_status=status or None, last_error=redact(error),
        next_attempt_at=next_attempt_at(failures, now, settings.page_retry_base_days,
                                        settings.page_retry_max_days).isoformat(),
    )


def deferral_reason(failure: PageFailure) -> str:
    """The fetch log's reason for leaving a page out of this run."""
    return (f"not fetched: failed {failure.failures} run(s) in a row (last: {failure.last_error}); "
            f"next attempt after {failure.next_attempt_at[:19]}")


def record_attempt(state: FetchState, previous: PageFailure | None, canonical_url: str,
                   status: int, error: str | None, now: datetime, settings: Settings) -> None:
    """Store the outcome of one page fetch: a failure pushes the next attempt out, a success
    clears the row."""
    if error:
        state.save_page_failure(failed_again(previous, canonical_url, status, error, now, settings))
    elif previous is not None:
        state.clear_page_failure(canonical_url)


def failed_pages_by_source(state: FetchState) -> dict[str, list[PageFailure]]:
    """Every page waiting for a retry, under each source that listed it (``sources status``)."""
    out: dict[str, list[PageFailure]] = {}
    for failure in state.page_failures():
        for source_id in state.sources_of(failure.canonical_url) or ["?"]:
            out.setdefault(source_id, []).append(failure)
    return out
