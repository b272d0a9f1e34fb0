"""The HTTP client: one polite, bounded, retrying GET with every hop checked.

It sends conditional requests when given validators, follows redirects itself (so each hop
passes the safety and robots checks), retries 429/5xx/timeouts with backoff and Retry-After,
and reads bodies through the decompressed-size limit. It never raises for a bad URL or a bad
response: the result carries the reason instead, so a batch goes on.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline.config import Settings
from pipeline.fetch.limits import ACCEPT_ENCODING, BodyTooLarge, UnsupportedEncoding, read_limited
from pipeline.fetch.politeness import HostGate
from pipeline.fetch.retry import RETRY_STATUSES, RetryPolicy, retry_wait
from pipeline.fetch.robots import RobotsRules
from pipeline.fetch.safety import BlockedURL, UnresolvableHost, check_url, is_allowed_private
from pipeline.fetch.state import FetchState
from pipeline.fetch.transport import guarded_transport
from pipeline.fetch.urls import origin_of

log = logging.getLogger(__name__)

ROBOTS_MAX_BYTES = 512 * 1024
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")


class _Retryable(Exception):
    """A failure worth another attempt (timeout, connection error, 429/5xx)."""

    def __init__(self, reason: str, retry_after: str | None = None, status: int = 0) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.status = status


class _SlowResponse(Exception):
    pass


@dataclass
class FetchResult:
    """The outcome of one GET: a body, a 304, or a failure with its reason."""

    url: str
    final_url: str
    status: int = 0  # 0 when no HTTP response was received
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None
    attempts: int = 0
    redirects: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error is None


@dataclass
class FetchStats:
    """Counters across a run (the benchmark prints them)."""

    requests: int = 0
    bodies: int = 0
    body_bytes: int = 0
    not_modified: int = 0
    retries: int = 0


def user_agent(settings: Settings) -> str:
    """``crinkwatch/<version> (+<contact URL>)``: who we are and where to reach us."""
    product = settings.user_agent.split(" ", 1)[0] or "crinkwatch"
    return f"{product} (+{settings.contact_url})" if settings.contact_url else settings.user_agent


def robots_agent(settings: Settings) -> str:
    """The product token robots.txt groups are matched against."""
    return user_agent(settings).split("/", 1)[0]


def _blocked_reason(exc: BlockedURL) -> str:
    """The logged reason for a refused URL (a DNS failure is not a refusal, so says so plainly)."""
    return str(exc) if isinstance(exc, UnresolvableHost) else f"blocked: {exc}"


class Fetcher:
    """GET URLs politely; share one per run across threads."""

    def __init__(self, settings: Settings, state: FetchState, rng: random.Random | None = None,
                 check_robots: bool = True, resolve=None) -> None:
        self.settings = settings
        self.policy = RetryPolicy(settings.max_retries, settings.backoff_base_s,
                                  settings.backoff_max_s, settings.max_retry_after_s)
        self.gate = HostGate(settings.per_host_interval_s, settings.per_host_concurrency,
                             settings.global_concurrency, interval_for=self._interval_for)
        self.stats = FetchStats()
        self._stats_lock = threading.Lock()
        self._rng = rng or random.Random()
        self.check_robots = check_robots
        self.robots = RobotsRules(state, self._fetch_robots_txt, robots_agent(settings),
                                  settings.robots_ttl_s, self.gate.slow_down)
        limits = httpx.Limits(max_connections=settings.global_concurrency + 4,
                              max_keepalive_connections=settings.global_concurrency)
        self.client = httpx.Client(
            headers={"User-Agent": user_agent(settings), "Accept": ACCEPT,
                     "Accept-Encoding": ACCEPT_ENCODING},
            timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
            follow_redirects=False,
            transport=guarded_transport(settings.allow_private, limits, resolve),
            trust_env=False,  # a stray HTTP(S)_PROXY must not reroute or bypass the safety checks
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _interval_for(self, origin: str) -> float | None:
        """Hosts the operator allowed as private are their own servers (a mirror, the demo, the
        test fixture): they get ``private_host_interval_s`` instead of the public interval."""
        host = urlsplit(origin).hostname or ""
        allowed = is_allowed_private(host, self.settings.allow_private)
        return self.settings.private_host_interval_s if allowed else None

    def _count(self, **inc: int) -> None:
        with self._stats_lock:
            for k, v in inc.items():
                setattr(self.stats, k, getattr(self.stats, k) + v)

    def _fetch_robots_txt(self, url: str) -> tuple[int, str, str | None]:
        result = self.fetch(url, max_bytes=ROBOTS_MAX_BYTES, robots=False)
        if result.body is not None:
            return result.status, result.body.decode("utf-8", errors="replace"), None
        return result.status, "", result.error

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None,
        max_bytes: int | None = None, robots: bool = True,
    ) -> FetchResult:
        """GET ``url`` (conditionally when validators are given); never raises for bad input."""
        result = FetchResult(url=url, final_url=url)
        seen = {url}
        current = url
        for hop in range(self.settings.max_redirects + 1):
            try:
                check_url(current, self.settings.allow_private)
            except BlockedURL as exc:
                result.error = _blocked_reason(exc)
                return result
            if robots and self.check_robots and not self.robots.allowed(current):
                result.error = self.robots.refusal(current)
                return result
            self._get_with_retries(current, result, etag, last_modified,
                                   max_bytes or self.settings.max_body_bytes)
            result.final_url = current
            if result.error or not (300 <= result.status < 400) or result.status == 304:
                return result
            location = result.headers.get("location")
            if not location:
                result.error = f"HTTP {result.status} without a Location header"
                return result
            current = urljoin(current, location)
            if current in seen:
                result.error = f"redirect loop at {current}"
                return result
            seen.add(current)
            result.redirects = hop + 1
        result.error = f"more than {self.settings.max_redirects} redirects"
        return result

    def _get_with_retries(self, url: str, result: FetchResult, etag: str | None,
                          last_modified: str | None, max_bytes: int) -> None:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            result.attempts += 1
            try:
                self._get_once(url, headers, result, max_bytes)
                return
            except _Retryable as exc:
                wait = retry_wait(attempt, self.policy, exc.retry_after, self._rng)
                if wait is None:
                    result.status = exc.status
                    extra = f"; Retry-After {exc.retry_after}" if exc.retry_after else ""
                    result.error = f"{exc} (gave up after {result.attempts} attempts{extra})"
                    return
                log.info("retrying %s in %.2fs: %s", url, wait, exc)
                self._count(retries=1)
                time.sleep(wait)
                attempt += 1

    def _get_once(self, url: str, headers: dict[str, str], result: FetchResult, max_bytes: int) -> None:
        origin = origin_of(url)
        with self.gate.slot(origin):
            self._count(requests=1)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    result.status = response.status_code
                    result.headers = {k.lower(): v for k, v in response.headers.items()}
                    result.body = None
                    status = response.status_code
                    if status in RETRY_STATUSES:
                        raise _Retryable(f"HTTP {status}", response.headers.get("retry-after"), status)
                    if status == 304:
                        self._count(not_modified=1)
                        return
                    if 300 <= status < 400:
                        return
                    if status >= 400:
                        result.error = f"HTTP {status}"
                        return
                    result.body = read_limited(self._raw(response), response.headers.get("content-encoding"),
                                               max_bytes)
                    self._count(bodies=1, body_bytes=len(result.body))
                    result.error = None
            except _Retryable:
                raise
            except BlockedURL as exc:  # the connection-time check (pipeline.fetch.transport)
                result.body = None
                result.error = _blocked_reason(exc)
            except _SlowResponse as exc:
                raise _Retryable(str(exc)) from exc
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timeout ({type(exc).__name__})") from exc
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                raise _Retryable(f"connection failed: {exc or type(exc).__name__}") from exc
            except (BodyTooLarge, UnsupportedEncoding) as exc:
                result.body = None
                result.error = str(exc)
            except zlib.error as exc:
                result.body = None
                result.error = f"corrupt compressed body: {exc}"
            except httpx.HTTPError as exc:
                result.body = None
                result.error = f"{type(exc).__name__}: {exc}"

    def _raw(self, response: httpx.Response) -> Iterator[bytes]:
        """The raw body stream, cut off when the whole response takes too long (slow drip)."""
        deadline = time.monotonic() + self.settings.max_response_s
        for chunk in response.iter_raw():
            if time.monotonic() > deadline:
                raise _SlowResponse(f"response took longer than {self.settings.max_response_s}s")
            yield chunk
