"""Benchmark the extract stage against bare trafilatura over a folder of pages.

Ours: text + split comments + metadata + language per page (pipeline.extraction.extract_page).
Baseline: trafilatura.extract(include_comments=True, with_metadata=True).
Both run in the same process run, over the same pages, with 1 and with N worker processes
(multiprocessing over the page list). Prints docs/s, the ratio ours/baseline and peak RSS.

Usage: python bench/extract.py ../shared/corpus/trafilatura-eval [--limit N] [--workers 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

PAGES: list[tuple[str, bytes]] = []


def load_pages(corpus: Path, limit: int | None) -> list[tuple[str, bytes]]:
    """(url, plain bytes) of the corpus pages, read once up front so I/O is not timed."""
    folder = corpus / "html" if (corpus / "html").is_dir() else corpus
    urls: dict[str, str] = {}
    truth = corpus / "truth.json"
    if truth.is_file():
        urls = {name: item.get("url") or "" for name, item in json.loads(truth.read_text()).items()}
    pages = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        name = path.name.removesuffix(".gz")
        pages.append((urls.get(name) or f"https://example.org/{name}", body))
        if limit and len(pages) >= limit:
            break
    return pages


def run_ours(index: int) -> int:
    from pipeline.extraction import ExtractionError, extract_page
    from pipeline.models import RawPage

    url, body = PAGES[index]
    page = RawPage(url=url, canonical_url=url, source_ids=["bench"], status=200,
                   fetched_at="2026-11-28T00:00:00+00:00", body_path=None, content_sha256=None)
    try:
        _, comments = extract_page(body, page)
    except ExtractionError:
        return 0
    return 1 + len(comments)


def run_bare(index: int) -> int:
    import trafilatura

    url, body = PAGES[index]
    return 1 if trafilatura.extract(body, url=url, include_comments=True, with_metadata=True) else 0


def _warm(_: int) -> None:
    # import and load langdetect profiles / trafilatura once per worker, outside the timing
    from langdetect import detect_langs
    import trafilatura  # noqa: F401
    import pipeline.extraction  # noqa: F401

    detect_langs("warm up the language profiles once")


def timed(fn, n: int, workers: int, pool: "mp.pool.Pool | None") -> float:
    start = time.perf_counter()
    if workers == 1:
        for i in range(n):
            fn(i)
    else:
        list(pool.imap_unordered(fn, range(n), chunksize=4))
    return time.perf_counter() - start


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of the largest finished child, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    PAGES.extend(load_pages(args.corpus, args.limit))
    n = len(PAGES)
    print(f"pages: {n} from {args.corpus}  (python {sys.version.split()[0]})")
    _warm(0)
    run_ours(0)
    run_bare(0)
    results = {}
    for workers in sorted({1, args.workers}):
        pool = mp.get_context("fork").Pool(workers, initializer=_warm, initargs=(0,)) if workers > 1 else None
        try:
            for name, fn in (("bare trafilatura", run_bare), ("crinkwatch extract", run_ours)):
                best = min(timed(fn, n, workers, pool) for _ in range(args.repeat))
                results[(name, workers)] = n / best
                print(f"{name:<20} workers={workers}  {n / best:7.1f} docs/s  ({best:.1f} s)")
        finally:
            if pool:
                pool.close()
                pool.join()
        ratio = results[("crinkwatch extract", workers)] / results[("bare trafilatura", workers)]
        print(f"ratio ours/bare, workers={workers}: {ratio:.2f}")
    if args.workers > 1:
        scale = results[("crinkwatch extract", args.workers)] / results[("bare trafilatura", 1)]
        print(f"ours with {args.workers} processes vs bare single-process: {scale:.2f}x")
        own_scale = results[("crinkwatch extract", args.workers)] / results[("crinkwatch extract", 1)]
        print(f"ours {args.workers} processes vs ours 1 process: {own_scale:.2f}x")
    own, children = peak_rss_mb()
    print(f"peak RSS: main process {own:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
