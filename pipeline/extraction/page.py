"""Turn a fetched body into one parsed tree, or say clearly why it cannot be one."""

from __future__ import annotations

import gzip
import re
import zlib

from lxml.html import HtmlElement

from pipeline.extraction.errors import ExtractionError
from pipeline.extraction.settings import ExtractorSettings

# Leading bytes of formats that are never web pages.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"),
    (b"PK\x03\x04", "zip"), (b"\x7fELF", "executable"), (b"RIFF", "riff"), (b"OggS", "ogg"),
    (b"\x00\x00\x00", "binary"), (b"ID3", "mp3"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
)
HTML_CONTENT_TYPES = ("html", "xml", "text/plain")  # text/plain: some servers mislabel pages
MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|article|main|div|p|section|title)\b", re.I)


def _gunzip(body: bytes, limit: int) -> bytes:
    """Decompress a gzip body, refusing to inflate past ``limit`` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ExtractionError(f"corrupt gzip body: {exc}") from exc
    if len(out) > limit:
        raise ExtractionError(f"page too large after decompression (> {limit} bytes)")
    return out


def decode_body(body: bytes, settings: ExtractorSettings, content_type: str | None = None) -> str:
    """The page as text; raises ExtractionError for empty, oversized, binary or undecodable bodies."""
    if not body or not body.strip():
        raise ExtractionError("empty page")
    if len(body) > settings.max_page_bytes:
        raise ExtractionError(f"page too large ({len(body)} bytes > {settings.max_page_bytes})")
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, settings.max_page_bytes)
    if content_type and not any(t in content_type.lower() for t in HTML_CONTENT_TYPES):
        raise ExtractionError(f"not HTML (content type {content_type})")
    head = body[:4096]
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"binary content ({kind})")
    if head.count(b"\x00") > 4:
        raise ExtractionError("binary content (NUL bytes)")
    from trafilatura.utils import decode_file

    text = decode_file(body)
    if not isinstance(text, str):
        raise ExtractionError("undecodable text")
    sample = text[:200_000]
    if sample and sample.count("\ufffd") / len(sample) > settings.max_replacement_share:
        raise ExtractionError("broken encoding (too many undecodable characters)")
    if not MARKUP.search(text[:65536]):
        raise ExtractionError("not HTML (no markup found)")
    return text


def parse_page(body: bytes, settings: ExtractorSettings, content_type: str | None = None) -> HtmlElement:
    """Decode and parse a page once; the tree is reused by every later step."""
    from trafilatura.utils import load_html

    text = decode_body(body, settings, content_type)
    if "<html" not in text[:65536].lower():
        # trafilatura rejects documents without an html tag; wrap bare fragments
        text = f"<html><body>{text}</body></html>"
    tree = load_html(text)
    if tree is None:
        raise ExtractionError("not parseable as HTML")
    return tree


def gunzip_if_needed(body: bytes) -> bytes:
    """Plain bytes of a possibly gzip-compressed file (the evaluation corpus is gzipped)."""
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
