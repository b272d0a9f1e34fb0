"""When to try a request again, and how long to wait first (pure functions)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to retry and how to space the attempts."""

    max_retries: int = 3
    base_s: float = 0.5
    max_s: float = 30.0
    max_retry_after_s: float = 120.0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_delay(attempt: int, policy: RetryPolicy, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(max, base * 2**attempt)].

    Full jitter spreads the retries of many workers hit by the same outage.
    """
    cap = min(policy.max_s, policy.base_s * (2 ** attempt))
    return (rng or random).uniform(0, cap)


def retry_wait(
    attempt: int, policy: RetryPolicy, retry_after: str | None = None,
    rng: random.Random | None = None,
) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or None when we should give up.

    The server's Retry-After wins over our backoff when it asks for longer; one asking for more
    than ``max_retry_after_s`` ends the attempts for this run.
    """
    if attempt >= policy.max_retries:
        return None
    delay = backoff_delay(attempt, policy, rng)
    asked = parse_retry_after(retry_after)
    if asked is not None:
        if asked > policy.max_retry_after_s:
            return None
        delay = max(delay, asked)
    return delay


def next_attempt_at(
    failures: int, failed_at: datetime, base_days: float, max_days: float,
) -> datetime:
    """When a page that has now failed ``failures`` runs in a row may be fetched again:
    1, 2, 4 … ``base_days`` after the last failure, at most ``max_days``.

    Across runs, not within one: a page that is gone or hostile (a gzip bomb, a redirect loop)
    should cost one request every few days, not one every run, and still be picked up if it
    comes back.
    """
    days = min(max_days, base_days * (2 ** max(0, failures - 1)))
    return failed_at + timedelta(days=days)
