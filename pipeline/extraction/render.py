"""Run a page's scripts in headless Chromium (Debian's package, driven by Playwright) to see the
comments they load, for sources marked ``render_comments: true``.

The browser never reaches the network itself. Every request the page makes is intercepted: the
page's own document is answered from the raw store (it was fetched already), every other GET goes
through the run's :class:`~pipeline.fetch.client.Fetcher` — the same address policy (checked on each
hop and again at connect time), robots, pacing and body limit as any fetch — and anything else
(POST, WebSocket, a refused address) is aborted and recorded. Chromium is started with a dead
proxy and background networking off, so a request that somehow escapes interception goes nowhere.
Each page has a time budget; whatever the scripts put in the page by then is what is read.
"""

from __future__ import annotations

import concurrent.futures
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.fetch.safety import BlockedURL, check_url

if TYPE_CHECKING:
    from pipeline.extraction.remote_comments import PageFetcher

log = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
# Nothing but intercepted requests: a dead proxy, no prefetch, no background calls home.
CHROMIUM_ARGS = (
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability",
    "--disable-sync", "--no-pings", "--dns-prefetch-disable", "--disable-features=NetworkPrediction",
    "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
)
ABORT_REASON = "blockedbyclient"


@dataclass
class RenderResult:
    """The page's HTML after its scripts ran, and every request that was refused (with why)."""

    html: str | None = None
    requests: int = 0
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class RenderError(RuntimeError):
    """The browser could not be started (not installed, or Playwright missing)."""


class PageRenderer:
    """One headless Chromium for a batch; :meth:`render` runs one page in a fresh context."""

    def __init__(self, fetcher: "PageFetcher", allow_private: tuple[str, ...] = (), budget_s: float = 15.0,
                 max_requests: int = 200, max_bytes: int = 5 * 1024 * 1024, user_agent: str | None = None,
                 executable: str = CHROMIUM) -> None:
        self.fetcher = fetcher
        self.allow_private = allow_private
        self.budget_s = budget_s
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.executable = executable
        self._playwright = None
        self._browser = None
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="render-fetch")

    def __enter__(self) -> "PageRenderer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        if self._browser is not None:
            return
        try:
            from playwright.sync_api import Error as PlaywrightError
            from playwright.sync_api import sync_playwright
        except ImportError as exc:
            raise RenderError(f"playwright is not installed: {exc}") from exc
        try:
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=self.executable, headless=True, args=list(CHROMIUM_ARGS))
        except PlaywrightError as exc:
            self.close()
            raise RenderError(f"cannot start Chromium at {self.executable}: {exc.message.splitlines()[0]}") from exc

    def close(self) -> None:
        """Stop the browser (safe to call twice)."""
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None
        self._pool.shutdown(wait=False, cancel_futures=True)

    def render(self, url: str, body: bytes) -> RenderResult:
        """The page at ``url`` (its stored ``body``) after its scripts ran within the budget."""
        from playwright.sync_api import Error as PlaywrightError

        self._start()
        result = RenderResult()
        started = time.monotonic()
        deadline = started + self.budget_s
        context = self._browser.new_context(service_workers="block", accept_downloads=False,
                                            user_agent=self.user_agent, java_script_enabled=True)
        try:
            page = context.new_page()
            page.route("**/*", lambda route: self._answer(route, url, body, result, deadline))
            page.route_web_socket("**/*", lambda ws: self._refuse_socket(ws, result))
            try:
                page.goto(url, wait_until="load", timeout=self.budget_s * 1000)
                remaining = max(0.0, deadline - time.monotonic())
                page.wait_for_load_state("networkidle", timeout=remaining * 1000)
            except PlaywrightError as exc:  # a timeout keeps what the page has so far
                result.problems.append(f"render: {exc.message.splitlines()[0]}")
            try:
                result.html = page.content()
            except PlaywrightError as exc:
                result.problems.append(f"render: cannot read the page ({exc.message.splitlines()[0]})")
        finally:
            context.close()
            result.seconds = time.monotonic() - started
        for blocked_url, reason in result.blocked:
            log.warning("render %s: refused %s (%s)", url, blocked_url, reason)
        return result

    def _refuse_socket(self, ws, result: RenderResult) -> None:
        result.blocked.append((ws.url, "WebSocket connections are not opened"))
        ws.close()

    def _answer(self, route, page_url: str, body: bytes, result: RenderResult, deadline: float) -> None:
        """Answer one request of the page: the stored document, a checked fetch, or an abort."""
        request = route.request
        result.requests += 1
        if request.url.split("#", 1)[0] == page_url.split("#", 1)[0] and request.is_navigation_request():
            route.fulfill(status=200, body=body, headers={"content-type": "text/html; charset=utf-8"})
            return
        reason = self._refusal(request, result, deadline)
        if reason:
            result.blocked.append((request.url, reason))
            route.abort(ABORT_REASON)
            return
        # the fetch runs beside the browser so the page's budget bounds it, however slow the server
        future = self._pool.submit(self.fetcher.fetch, request.url, max_bytes=self.max_bytes)
        try:
            fetched = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            result.blocked.append((request.url, "past the page's time budget"))
            route.abort("timedout")
            return
        if fetched.error or fetched.body is None:
            result.blocked.append((request.url, fetched.error or f"HTTP {fetched.status}"))
            route.abort("failed")
            return
        content_type = fetched.headers.get("content-type", "application/octet-stream")
        route.fulfill(status=fetched.status, body=fetched.body, headers={"content-type": content_type})

    def _refusal(self, request, result: RenderResult, deadline: float) -> str | None:
        if request.method not in ("GET", "HEAD"):
            return f"{request.method} requests are not sent"
        if result.requests > self.max_requests:
            return f"more than {self.max_requests} requests"
        if time.monotonic() > deadline:
            return "past the page's time budget"
        try:
            check_url(request.url, self.allow_private)
        except BlockedURL as exc:
            return str(exc)
        return None
