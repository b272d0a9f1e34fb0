"""Parsing what WordPress endpoints answer, and merging it with the page's own comments (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from pipeline.extraction.comments import FoundComment
from pipeline.extraction.remote_comments import (comments_api_url, find_wordpress_endpoints, merge_comments,
                                                 parse_comments_feed, parse_rest_comments)

SITE = Path(__file__).resolve().parents[2] / "fixtures" / "comment_sites"
BASE = "https://quay.example"


def _tree(name: str):
    return lxml.html.fromstring((SITE / name).read_bytes().replace(b"{{BASE}}", BASE.encode()))


def test_a_wordpress_page_names_its_api_post_and_comments_feed():
    found = find_wordpress_endpoints(_tree("wordpress_post.html"), f"{BASE}/2026/11/harbour-cranes/")
    assert found.api_root == f"{BASE}/wp-json/" and found.post_id == 42
    # the post's own comments feed, not the site-wide one
    assert found.comments_feed == f"{BASE}/2026/11/harbour-cranes/feed/"
    assert found.rest_url == comments_api_url(f"{BASE}/wp-json/", 42, 1, 100)
    assert "post=42" in found.rest_url and "page=1" in found.rest_url


def test_a_page_without_wordpress_links_has_no_endpoints():
    assert not find_wordpress_endpoints(_tree("script_comments.html"), f"{BASE}/ferry.html")


def test_rest_rows_become_comments_with_kind_and_parent_marks():
    rows = [{"id": 3, "parent": 0, "author_name": "Ann", "date_gmt": "2026-01-02T03:04:05", "type": "comment",
             "content": {"rendered": "<p>One <b>bold</b> line.</p><p>Second.</p>"}},
            {"id": 4, "parent": 3, "author_name": "", "date": "2026-01-03T00:00:00", "type": "trackback",
             "content": {"rendered": "<p>[…] linked […]</p>"}}]
    found = parse_rest_comments(rows)
    assert found[0].text == "One bold line.\nSecond." and found[0].author == "Ann"
    assert found[0].date_raw == "2026-01-02T03:04:05+00:00"
    assert found[1].author is None and "pingback" in found[1].marks  # trackbacks too


@pytest.mark.parametrize("payload", [{"code": "rest_no_route"}, [{"no": "id"}], "text"])
def test_anything_else_is_refused(payload):
    with pytest.raises(ValueError):
        parse_rest_comments(payload)


def test_a_comments_feed_reads_oldest_first():
    found = parse_comments_feed((SITE / "wordpress_feed.xml").read_bytes().replace(b"{{BASE}}", BASE.encode()))
    assert [c.author for c in found] == ["Marta Lind", "Per Holm"]
    assert found[1].text == "Who pays for the rails in the end? The town, as always."
    with pytest.raises(ValueError):
        parse_comments_feed(b"<html><body>not a feed</body></html>")


def test_merging_keeps_the_page_comments_and_repoints_replies():
    static = [FoundComment(text="Already on the page, word for word.")]
    remote = [FoundComment(text="Already on the page, word for word."),
              FoundComment(text="A reply to it.", parent=0), FoundComment(text="A new thread.")]
    merged = merge_comments(static, remote)
    assert [c.text for c in merged] == ["Already on the page, word for word.", "A reply to it.", "A new thread."]
    assert merged[1].parent == 0 and merged[2].parent is None
    assert json.dumps([c.text for c in merge_comments(static, [])]) == json.dumps([static[0].text])
