from pathlib import Path

import pytest

from pipeline.models import RawPage

PAGES = Path(__file__).parents[2] / "fixtures" / "pages"


@pytest.fixture
def page_bytes():
    def read(name: str) -> bytes:
        return (PAGES / name).read_bytes()
    return read


@pytest.fixture
def raw_page():
    def make(url="http://127.0.0.1/news/2026/11/story.html", **kw) -> RawPage:
        return RawPage(url=url, canonical_url=url, source_ids=["harbour"], status=200,
                       fetched_at="2026-11-16T10:00:00+00:00", body_path=None, content_sha256=None, **kw)
    return make
