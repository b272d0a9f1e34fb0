"""Bad input fails with a clear reason instead of producing a half-empty article."""

import gzip

import pytest

from pipeline.extraction import ExtractionError, ExtractorSettings, extract_page


@pytest.mark.parametrize("body, reason", [
    (b"", "empty page"),
    (b"   \n\t ", "empty page"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 1 0 obj", "binary content (pdf)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (png)"),
    (b"\x00\x01\x02\x03" * 40, "binary content"),
    (b"just a line of plain words, no markup at all " * 20, "not HTML"),
    (b'{"title": "json, not a page", "items": [1, 2, 3]}', "not HTML"),
    (b"<html><body><p>Too short.</p></body></html>", "main text too short"),
    (b"<html><body>" + bytes(range(128, 256)) * 200 + b"</body></html>", "broken encoding"),
])
def test_bad_pages_fail_with_a_reason(raw_page, body, reason):
    with pytest.raises(ExtractionError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        extract_page(body, raw_page())


def test_oversized_page_is_refused_before_parsing(raw_page):
    body = b"<html><body>" + b"<p>" + b"x" * (20 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(ExtractionError, match="page too large"):
        extract_page(body, raw_page())


def test_gzip_bomb_is_refused(raw_page):
    body = gzip.compress(b"<html><body><p>" + b"a" * 2_000_000 + b"</p></body></html>")
    with pytest.raises(ExtractionError, match="too large after decompression"):
        extract_page(body, raw_page(), settings=ExtractorSettings(max_page_bytes=1_000_000))


def test_declared_non_html_content_type_is_refused(raw_page, page_bytes):
    with pytest.raises(ExtractionError, match="not HTML"):
        extract_page(page_bytes("no_comments.html"), raw_page(content_type="application/pdf"))


def test_legacy_encoding_is_decoded(raw_page, page_bytes):
    text = page_bytes("generic_list.html").decode("utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    article, comments = extract_page(text.encode("iso-8859-1"), raw_page())
    assert "Fährverbindung" in article.title and "Bucht" in article.text
    assert "fährt" in comments[1].text
