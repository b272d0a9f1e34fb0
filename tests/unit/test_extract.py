from pathlib import Path

import pytest

from pipeline.extract import ExtractionError, extract_page
from pipeline.models import RawPage

MINISITE = Path(__file__).parents[1] / "fixtures" / "minisite"


def _page(url="http://127.0.0.1/news/accord.html", **kw) -> RawPage:
    return RawPage(url=url, canonical_url=url, source_ids=["harbour"], status=200,
                   fetched_at="2026-11-16T10:00:00+00:00", body_path=None, content_sha256=None, **kw)


def test_wordpress_comments_are_split_and_kept_out_of_the_article():
    body = (MINISITE / "news" / "accord.html").read_bytes()
    article, comments = extract_page(body, _page(entry_published_at="2026-11-16T09:30:00+00:00"))
    assert article.title == "Pyongyang and Moscow sign a logistics accord"
    assert "logistics" in article.text and article.word_count > 100
    assert [c.author for c in comments] == ["Lena K.", "Tomas"]  # the nested reply is its own record
    assert [c.position for c in comments] == [0, 1]
    assert comments[1].published_at.startswith("2026-11-16T13:10")
    for c in comments:
        assert c.text not in article.text
    assert "Rail gauges" not in article.text


def test_feed_date_is_used_and_future_dates_are_dropped():
    body = (MINISITE / "news" / "tea.html").read_bytes()
    article, comments = extract_page(body, _page(entry_published_at="2099-01-01T00:00:00+00:00"))
    assert comments == []
    assert article.published_at is None or article.published_at < "2027"


@pytest.mark.parametrize("body, reason", [
    (b"", "empty body"),
    (b"<html><body><p>Too short.</p></body></html>", "too short"),
])
def test_bad_pages_fail_with_a_reason(body, reason):
    with pytest.raises(ExtractionError, match=reason):
        extract_page(body, _page())
