"""The bundled offline demo site: invented sources, articles and comments, and their server."""

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
DEMO_SOURCES = DEMO_DIR / "sources.yml"
