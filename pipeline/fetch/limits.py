"""Body limits enforced while reading: the cap applies to the decompressed bytes, so a small
gzip bomb cannot expand into gigabytes in memory."""

from __future__ import annotations

import zlib
from typing import Iterable, Iterator


class BodyTooLarge(ValueError):
    """The body (after decompression) exceeds the configured maximum."""


class UnsupportedEncoding(ValueError):
    """The server used a Content-Encoding we did not ask for."""


# We advertise only what we decode ourselves, with a bounded output per step.
ACCEPT_ENCODING = "gzip, deflate"


def _decoder(encoding: str) -> "zlib._Decompress | None":
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header, auto-detected
    raise UnsupportedEncoding(f"unsupported Content-Encoding '{encoding}'")


def _inflate(chunks: Iterable[bytes], decoder: "zlib._Decompress", room: int) -> Iterator[bytes]:
    """Decompress at most ``room + 1`` bytes in total, never much more at a time."""
    step = 64 * 1024
    for chunk in chunks:
        data = chunk
        while data:
            out = decoder.decompress(data, min(step, room + 1))
            yield out
            room -= len(out)
            if room < 0:
                return
            data = decoder.unconsumed_tail
    tail = decoder.flush()
    if tail:
        yield tail


def read_limited(raw_chunks: Iterable[bytes], content_encoding: str | None, max_bytes: int) -> bytes:
    """The decoded body of a response read from its raw (still encoded) chunks.

    Raises BodyTooLarge as soon as the raw or the decoded stream passes ``max_bytes``.
    """
    counted: list[int] = [0]

    def raw() -> Iterator[bytes]:
        for chunk in raw_chunks:
            counted[0] += len(chunk)
            if counted[0] > max_bytes:
                raise BodyTooLarge(f"body exceeds {max_bytes} bytes (compressed)")
            yield chunk

    encodings = [e for e in (content_encoding or "").split(",") if e.strip()]
    stream: Iterable[bytes] = raw()
    for enc in reversed(encodings):  # the last-applied coding is removed first
        decoder = _decoder(enc)
        if decoder is not None:
            stream = _inflate(stream, decoder, max_bytes)
    body = bytearray()
    for chunk in stream:
        body += chunk
        if len(body) > max_bytes:
            raise BodyTooLarge(f"body exceeds {max_bytes} bytes after decompression")
    return bytes(body)
