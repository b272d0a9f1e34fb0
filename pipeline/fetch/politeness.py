"""Politeness: at most N requests in flight per host and overall, and a minimum interval between
the starts of two requests to the same host."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator


class HostGate:
    """Hand out request slots: ``with gate.slot(origin): send()``. Thread-safe."""

    def __init__(
        self, min_interval_s: float, per_host: int, global_cap: int,
        clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
        interval_for: Callable[[str], float | None] | None = None,
    ) -> None:
        self.min_interval_s = max(0.0, min_interval_s)
        # An origin-specific base interval (None: the default), e.g. for the operator's own hosts.
        self._interval_for = interval_for
        self.per_host = max(1, per_host)
        self._global = threading.BoundedSemaphore(max(1, global_cap))
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._intervals: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def _host_semaphore(self, origin: str) -> threading.BoundedSemaphore:
        with self._lock:
            if origin not in self._hosts:
                self._hosts[origin] = threading.BoundedSemaphore(self.per_host)
            return self._hosts[origin]

    def slow_down(self, origin: str, interval_s: float) -> None:
        """Space requests to ``origin`` at least ``interval_s`` apart (a robots.txt Crawl-delay)."""
        with self._lock:
            self._intervals[origin] = max(interval_s, self._intervals.get(origin, 0.0))

    def _reserve_start(self, origin: str) -> float:
        """Book the next free start time for ``origin``; return how long to wait for it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(origin, now))
            base = self._interval_for(origin) if self._interval_for else None
            base = self.min_interval_s if base is None else base
            interval = max(base, self._intervals.get(origin, 0.0))
            self._next_start[origin] = start + interval
            return start - now

    @contextmanager
    def slot(self, origin: str) -> Iterator[None]:
        """Hold one per-host and one global slot for the duration of a request."""
        host = self._host_semaphore(origin)
        with host:
            wait = self._reserve_start(origin)
            if wait > 0:
                self._sleep(wait)
            with self._global:
                yield
