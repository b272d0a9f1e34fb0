import pytest

from pipeline.fetch.feeds import FeedError, read_feed
from pipeline.models import Source

SRC = Source(id="s", name="S", feed_url="https://ex.com/feed", type="news", language="en")
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>t</title><entry><title>One</title><link href="/one"/><updated>2026-11-20T10:00:00Z</updated>
<author><name>A. Writer</name></author></entry><entry><title>No link</title></entry></feed>"""


def test_atom_entries_resolve_relative_links_and_report_skipped_ones():
    parsed = read_feed(ATOM, SRC, "https://ex.com/feed.atom")
    assert parsed.format == "atom10"
    assert [e.url for e in parsed.entries] == ["https://ex.com/one"]
    assert parsed.entries[0].authors == ["A. Writer"]
    assert parsed.entries[0].published_at == "2026-11-20T10:00:00+00:00"
    assert parsed.skipped == ["entry 1 (No link): no link"]


@pytest.mark.parametrize("body, content_type, reason", [
    (b"", None, "empty body"),
    (b"<!doctype html><html><body><p>hi</p></body></html>", "text/html", "not a feed: got an HTML page"),
    (b'<rss version="2.0"><channel><title>x</title></channel></rss>', None, "has no entries"),
    (b"\x00\x01garbage", None, "no entries"),
])
def test_unusable_bodies_get_a_reason(body, content_type, reason):
    with pytest.raises(FeedError, match=reason):
        read_feed(body, SRC, content_type=content_type)
