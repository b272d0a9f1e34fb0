import pytest

from pipeline.fetch.urls import canonical_url, origin_of, url_id


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://Example.COM:443/a/b?utm_source=x&id=3&fbclid=9#frag", "https://example.com/a/b?id=3"),
    ("https://ex.com/p?gclid=1&mc_cid=2&utm_medium=rss", "https://ex.com/p"),
    ("https://ex.com/x/?b=2&a=1&aid=5", "https://ex.com/x/?a=1&aid=5&b=2"),  # real params stay
    ("https://ex.com", "https://ex.com/"),
    ("http://ex.com:80/a#comments", "http://ex.com/a"),
])
def test_canonical_url_strips_tracking_and_fragments(url, expected):
    assert canonical_url(url) == expected


def test_two_links_to_one_article_share_an_id():
    a = canonical_url("https://ex.com/story?utm_campaign=feed#top")
    b = canonical_url("https://EX.com/story")
    assert a == b and url_id(a) == url_id(b)


def test_origin_keeps_non_default_ports_only():
    assert origin_of("https://Ex.com:443/a") == "https://ex.com"
    assert origin_of("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080"
