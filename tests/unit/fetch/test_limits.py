import gzip
import zlib

import pytest

from pipeline.fetch.limits import BodyTooLarge, UnsupportedEncoding, read_limited


def _chunks(data: bytes, size: int = 4096):
    return (data[i:i + size] for i in range(0, len(data), size))


def test_plain_and_gzip_and_deflate_bodies_are_decoded():
    body = b"<html>" + b"text " * 1000 + b"</html>"
    assert read_limited(_chunks(body), None, 10_000) == body
    assert read_limited(_chunks(gzip.compress(body)), "gzip", 10_000) == body
    assert read_limited(_chunks(zlib.compress(body)), "deflate", 10_000) == body


def test_gzip_bomb_is_stopped_on_the_decompressed_size():
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 kB on the wire
    assert len(bomb) < 100_000
    consumed = []

    def counting():
        for c in _chunks(bomb):
            consumed.append(len(c))
            yield c
    with pytest.raises(BodyTooLarge, match="after decompression"):
        read_limited(counting(), "gzip", 1_000_000)
    assert sum(consumed) < len(bomb)  # it stopped reading early


def test_oversized_raw_body_is_stopped():
    with pytest.raises(BodyTooLarge):
        read_limited(_chunks(b"x" * 20_000), None, 10_000)


def test_unknown_encoding_is_refused():
    with pytest.raises(UnsupportedEncoding, match="br"):
        read_limited(_chunks(b"abc"), "br", 100)
