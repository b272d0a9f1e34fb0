"""robots.txt, fetched once per origin and cached in the state store (RFC 9309 semantics).

A robots.txt that answers 4xx allows everything; one that cannot be fetched (5xx, network
error) disallows everything for this run, as the RFC asks, and is not cached.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable
from urllib.robotparser import RobotFileParser

from pipeline.fetch.state import FetchState
from pipeline.fetch.urls import origin_of

log = logging.getLogger(__name__)

# fetch_text(url) -> (status, text, error); status 0 when no response was received.
FetchText = Callable[[str], tuple[int, str, str | None]]

MAX_CRAWL_DELAY_S = 60.0


def parse_robots(status: int, body: str) -> RobotFileParser:
    """A parser for one robots.txt response."""
    parser = RobotFileParser()
    if 200 <= status < 300:
        parser.parse(body.splitlines())
    elif 400 <= status < 500:
        parser.allow_all = True
    else:
        parser.disallow_all = True
    return parser


class RobotsRules:
    """``allowed(url)`` per the cached robots.txt of the URL's origin."""

    def __init__(
        self, state: FetchState, fetch_text: FetchText, agent: str, ttl_s: float,
        on_crawl_delay: Callable[[str, float], None] | None = None,
    ) -> None:
        self.state = state
        self.fetch_text = fetch_text
        self.agent = agent
        self.ttl_s = ttl_s
        self.on_crawl_delay = on_crawl_delay
        self._parsers: dict[str, RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.unreachable: dict[str, str] = {}  # origin -> why its robots.txt could not be read

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(origin, threading.Lock())

    def _load(self, origin: str) -> RobotFileParser:
        cached = self.state.robots(origin)
        if cached and time.time() - cached[2] < self.ttl_s:
            return parse_robots(cached[0], cached[1])
        status, body, error = self.fetch_text(origin + "/robots.txt")
        if status == 0 or status >= 500:
            self.unreachable[origin] = error or f"HTTP {status}"
            if cached:  # keep obeying the last good copy while the server is down
                log.warning("robots.txt of %s unreachable (status %s); using cached copy", origin, status)
                return parse_robots(cached[0], cached[1])
            log.warning("robots.txt of %s unreachable (status %s); not fetching from it", origin, status)
            return parse_robots(status or 503, "")
        self.state.save_robots(origin, status, body, time.time())
        return parse_robots(status, body)

    def parser_for(self, url: str) -> RobotFileParser:
        origin = origin_of(url)
        with self._origin_lock(origin):
            if origin not in self._parsers:
                parser = self._load(origin)
                self._parsers[origin] = parser
                delay = parser.crawl_delay(self.agent) if parser.last_checked else None
                if delay and self.on_crawl_delay:
                    self.on_crawl_delay(origin, min(float(delay), MAX_CRAWL_DELAY_S))
            return self._parsers[origin]

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our agent fetch ``url``."""
        return self.parser_for(url).can_fetch(self.agent, url)

    def refusal(self, url: str) -> str:
        """Why ``url`` is not allowed, for the log."""
        origin = origin_of(url)
        if origin in self.unreachable:
            return f"robots.txt of {origin} unreachable ({self.unreachable[origin]}); not fetching from it"
        return f"disallowed by robots.txt of {origin}"
