"""Benchmark the extract stage against bare trafilatura over a folder of pages.

Ours: text + split comments + metadata + language per page (pipeline.extraction.extract_page),
once without a feed entry (metadata from the page) and once "+ entry", where the page comes with
the title/date/author a feed entry would carry (taken from the corpus truth file), as in a real run.
Baseline: trafilatura.extract(include_comments=True, with_metadata=True).
Both run in the same process run, over the same pages, with 1 and with N worker processes
(multiprocessing over the page list). Prints docs/s, the ratio ours/baseline and peak RSS.

Usage: python bench/extract.py ../shared/corpus/trafilatura-eval [--limit N] [--workers 2] [--repeat 1] [--ours-only]
(--ours-only with --workers 1 compares two versions back to back: PYTHONPATH=<other checkout> for the other;
docs per CPU-second is the steadier figure on a busy machine)
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
ENTRIES: list[dict] = []  # what a feed entry would say about each page (title, date, author)


def load_pages(corpus: Path, limit: int | None) -> list[tuple[str, bytes]]:
    """(url, plain bytes) of the corpus pages, read once up front so I/O is not timed."""
    folder = corpus / "html" if (corpus / "html").is_dir() else corpus
    urls: dict[str, str] = {}
    truth = corpus / "truth.json"
    items: dict[str, dict] = {}
    if truth.is_file():
        items = json.loads(truth.read_text())
        urls = {name: item.get("url") or "" for name, item in items.items()}
    pages = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        name = path.name.removesuffix(".gz")
        pages.append((urls.get(name) or f"https://example.org/{name}", body))
        item = items.get(name, {})
        ENTRIES.append({"entry_title": item.get("title") or None,
                        "entry_published_at": item.get("date") or None,
                        "entry_authors": [item["author"]] if item.get("author") else []})
        if limit and len(pages) >= limit:
            break
    return pages


def run_ours(index: int, with_entry: bool = False) -> int:
    from pipeline.extraction import ExtractionError, extract_page
    from pipeline.models import RawPage

    url, body = PAGES[index]
    page = RawPage(url=url, canonical_url=url, source_ids=["bench"], status=200,
                   fetched_at="2026-11-28T00:00:00+00:00", body_path=None, content_sha256=None,
                   **(ENTRIES[index] if with_entry else {}))
    try:
        _, comments = extract_page(body, page)
    except ExtractionError:
        return 0
    return 1 + len(comments)


def run_ours_with_entry(index: int) -> int:
    return run_ours(index, with_entry=True)


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


CPU_SECONDS: dict[str, float] = {}  # single-process CPU time per run name: steady on a busy machine


def timed(fn, n: int, workers: int, pool: "mp.pool.Pool | None", name: str = "") -> float:
    start = time.perf_counter()
    cpu = time.process_time()
    if workers == 1:
        for i in range(n):
            fn(i)
        CPU_SECONDS[name] = min(CPU_SECONDS.get(name, float("inf")), time.process_time() - cpu)
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
    parser.add_argument("--ours-only", action="store_true",
                        help="skip bare trafilatura (to compare two versions of ours back to back)")
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
            runs = (("bare trafilatura", run_bare), ("crinkwatch extract", run_ours),
                    ("crinkwatch + entry", run_ours_with_entry))
            for name, fn in runs[1:] if args.ours_only else runs:
                best = min(timed(fn, n, workers, pool, name) for _ in range(args.repeat))
                results[(name, workers)] = n / best
                cpu = f", {n / CPU_SECONDS[name]:.1f} docs per CPU-second" if workers == 1 else ""
                print(f"{name:<20} workers={workers}  {n / best:7.1f} docs/s  ({best:.1f} s{cpu})")
        finally:
            if pool:
                pool.close()
                pool.join()
        for name in () if args.ours_only else ("crinkwatch extract", "crinkwatch + entry"):
            ratio = results[(name, workers)] / results[("bare trafilatura", workers)]
            print(f"ratio {name} / bare, workers={workers}: {ratio:.2f}")
    if args.workers > 1 and not args.ours_only:
        for name in ("crinkwatch extract", "crinkwatch + entry"):
            scale = results[(name, args.workers)] / results[("bare trafilatura", 1)]
            own = results[(name, args.workers)] / results[(name, 1)]
            print(f"{name} with {args.workers} processes vs bare single-process: {scale:.2f}x "
                  f"(vs itself single-process: {own:.2f}x)")
    own, children = peak_rss_mb()
    print(f"peak RSS: main process {own:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
