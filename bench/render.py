"""Benchmark the rendering fallback (headless Chromium via Playwright) over the fixture pages.

Serves tests/fixtures/comment_sites on 127.0.0.1 (the page whose script loads its comments, and
the hostile page whose script calls private addresses), renders each page N times in one browser
(a fresh context per page, as the extract stage does) and prints pages/s, comments found per
page, requests refused, and the peak RSS of this process and of the browser processes.
Rendering is off by default: only sources marked ``render_comments: true`` pay this cost.

Usage: python bench/render.py [--repeat 20] [--budget 15]
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _parent(pid: int) -> int:
    return int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])


def _descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            pid = _parent(pid)
        except OSError:
            return False
    return False


def browser_rss_mb() -> float:
    """Summed RSS of the chromium processes running under this process now, in MB."""
    import os

    total_kb = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            status = (proc / "status").read_text()
        except OSError:
            continue
        name = status.split("\n", 1)[0]
        if "chrom" in name and _descends_from(int(proc.name), os.getpid()):
            total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="renders of each fixture page")
    parser.add_argument("--budget", type=float, default=15.0, help="time budget per page, seconds")
    args = parser.parse_args()
    logging.getLogger("pipeline").setLevel(logging.ERROR)  # the hostile page's refusals are counted below

    from pipeline.config import load_settings
    from pipeline.extraction.comments import find_comments
    from pipeline.extraction.page import parse_page
    from pipeline.extraction.render import PageRenderer
    from pipeline.extraction.settings import DEFAULT_SETTINGS
    from pipeline.fetch.client import Fetcher
    from pipeline.fetch.state import FetchState
    from tests.integration.comment_sites import comment_site

    import httpx

    with tempfile.TemporaryDirectory() as tmp, comment_site() as site:
        settings = load_settings(data_dir=Path(tmp), allow_private=("127.0.0.1",), per_host_interval_s=0.0)
        pages = {url: httpx.get(url).content for url in (site.base_url + "/ferry.html", site.base_url + "/hostile.html")}
        with FetchState(Path(tmp) / "fetch.sqlite") as state, Fetcher(settings, state, check_robots=False) as fetcher, \
                PageRenderer(fetcher, settings.allow_private, budget_s=args.budget) as renderer:
            start = time.perf_counter()
            renderer.render(*next(iter(pages.items())))  # browser start-up, timed apart
            startup = time.perf_counter() - start
            comments = refused = 0
            peak_browser = browser_rss_mb()
            start = time.perf_counter()
            for _ in range(args.repeat):
                for url, body in pages.items():
                    result = renderer.render(url, body)
                    refused += len(result.blocked)
                    tree = parse_page((result.html or "").encode() or body, DEFAULT_SETTINGS, "text/html")
                    comments += len(find_comments(tree, use_trafilatura=False).comments)
                peak_browser = max(peak_browser, browser_rss_mb())
            elapsed = time.perf_counter() - start
    n = args.repeat * len(pages)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages rendered: {n} ({len(pages)} fixture pages x {args.repeat}), budget {args.budget:.0f} s")
    print(f"browser start-up: {startup:.2f} s")
    print(f"rendering: {n / elapsed:.2f} pages/s ({elapsed:.1f} s)")
    print(f"comments found per rendered page: {comments / n:.1f}; requests refused: {refused}")
    print(f"peak RSS: this process {own:.0f} MB, browser processes {peak_browser:.0f} MB")


if __name__ == "__main__":
    main()
