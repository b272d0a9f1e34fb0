"""The bundled offline demo site: invented sources, articles and comments, and their server."""

from datetime import datetime, timezone
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
DEMO_SOURCES = DEMO_DIR / "sources.yml"
# The site is a snapshot of one week; the demo runs as of the day after its newest item, so its
# feeds do not start to look silent (and raise alerts) as the calendar moves on.
DEMO_AS_OF = datetime(2026, 11, 27, 6, 0, tzinfo=timezone.utc)
# The demo site's port on 127.0.0.1. Article URLs contain it, so it stays the same from run to run.
DEMO_PORT = 8765
