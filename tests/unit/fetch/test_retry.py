import random
from datetime import datetime, timezone

from pipeline.fetch.retry import RetryPolicy, backoff_delay, parse_retry_after, retry_wait


def test_retry_after_seconds_and_http_date():
    now = datetime(2026, 11, 28, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Sat, 28 Nov 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Sat, 28 Nov 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_is_exponential_jittered_and_capped():
    policy = RetryPolicy(max_retries=10, base_s=1.0, max_s=8.0)
    rng = random.Random(1)
    for attempt in range(8):
        delays = [backoff_delay(attempt, policy, rng) for _ in range(200)]
        cap = min(8.0, 2 ** attempt)
        assert 0 <= min(delays) and max(delays) <= cap
        assert max(delays) > cap * 0.8  # full jitter reaches near the cap
        assert len(set(delays)) > 150  # and spreads the retries


def test_retry_wait_honours_retry_after_and_gives_up():
    policy = RetryPolicy(max_retries=2, base_s=0.01, max_s=0.01, max_retry_after_s=60)
    assert retry_wait(0, policy, "5") == 5.0
    assert retry_wait(0, policy, "120") is None  # longer than we are willing to wait
    assert retry_wait(2, policy) is None  # out of retries
    assert 0 <= retry_wait(1, policy) <= 0.01


def test_a_failed_page_waits_1_2_4_days_and_never_more_than_the_cap():
    from datetime import timedelta

    from pipeline.fetch.retry import next_attempt_at

    failed = datetime(2026, 11, 20, tzinfo=timezone.utc)
    waits = [next_attempt_at(n, failed, 1.0, 8.0) - failed for n in range(1, 7)]
    assert waits == [timedelta(days=d) for d in (1, 2, 4, 8, 8, 8)]
