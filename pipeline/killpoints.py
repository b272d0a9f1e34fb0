"""Named crash points, so the crash-recovery tests can SIGKILL a real run exactly there.

When ``CRINKWATCH_TEST_KILL_AT`` names a point, the process kills itself with SIGKILL on
reaching it: no ``finally``, no atexit, no flush, as with ``kill -9`` or a power cut. Unset (always,
outside those tests) a point costs one environment lookup.
"""

from __future__ import annotations

import os
import signal

KILL_AT_ENV = "CRINKWATCH_TEST_KILL_AT"


def kill_point(name: str) -> None:
    """SIGKILL this process if ``CRINKWATCH_TEST_KILL_AT`` is ``name``."""
    if os.environ.get(KILL_AT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
