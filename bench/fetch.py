"""Fetch benchmark: N feeds x M entries on the loopback fixture server with added latency.

Prints the wall time of a first run and of a second run with nothing changed, and how many
bodies each downloaded (the second must download no page body: every page is a 304 or is
skipped by its content hash). Traffic goes to 127.0.0.1 only.

    python bench/fetch.py --feeds 50 --entries 20 --latency-ms 20
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from pipeline.batch import BatchPaths
from pipeline.config import load_settings
from pipeline.demo.server import DemoServer
from pipeline.fetch import fetch_batch
from pipeline.fetch.handoff import mark_batch_loaded
from pipeline.models import Source

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Bench {f}-{e}</title></head>"
        "<body><article><h1>Bench article {f}-{e}</h1>" + "<p>Filler paragraph for the benchmark "
        "page, long enough to look like an article body.</p>" * 30 + "</article></body></html>")


def build_site(root: Path, feeds: int, entries: int) -> None:
    """One RSS file per feed under feeds/, each listing its own pages."""
    for f in range(feeds):
        items = []
        for e in range(entries):
            page = root / "p" / str(f) / f"{e}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(PAGE.format(f=f, e=e), encoding="utf-8")
            items.append(f"<item><title>Bench {f}-{e}</title><link>{{{{BASE}}}}/p/{f}/{e}.html?utm_source=rss"
                         f"</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>")
        (root / "feeds").mkdir(exist_ok=True)
        (root / "feeds" / f"{f}.xml").write_text(
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {f}</title>'
            f"{''.join(items)}</channel></rss>", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--latency-ms", type=float, default=20.0)
    ap.add_argument("--hosts", type=int, default=1, help="servers (ports) to spread the feeds over")
    ap.add_argument("--per-host", type=int, default=8, help="per-host concurrency cap")
    ap.add_argument("--global-cap", type=int, default=16, help="global concurrency cap")
    ap.add_argument("--interval-ms", type=float, default=0.0, help="per-host minimum interval")
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)  # failures are counted below, not listed

    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        root, data = Path(tmp) / "site", Path(tmp) / "data"
        build_site(root, args.feeds, args.entries)
        servers = [stack.enter_context(DemoServer(root, latency_s=args.latency_ms / 1000))
                   for _ in range(args.hosts)]
        sources = [Source(id=f"feed{f}", name=f"Feed {f}", type="news",
                          feed_url=f"{servers[f % args.hosts].base_url}/feeds/{f}.xml")
                   for f in range(args.feeds)]
        settings = load_settings(
            data_dir=data, allow_private=("127.0.0.1",), per_host_concurrency=args.per_host,
            global_concurrency=args.global_cap, private_host_interval_s=args.interval_ms / 1000)
        print(f"fetch benchmark: {args.feeds} feeds x {args.entries} entries, "
              f"{args.latency_ms:g} ms latency per response, {args.hosts} host(s), "
              f"per-host cap {args.per_host}, global cap {args.global_cap}, "
              f"per-host interval {args.interval_ms:g} ms")
        for run in ("first", "second"):
            paths = BatchPaths.for_batch(settings.paths.runs_dir, f"bench-{run}")
            before = sum(len(s.requests) for s in servers)
            t0 = time.perf_counter()
            report = fetch_batch(sources, paths, settings)
            wall = time.perf_counter() - t0
            s = report.stats
            requests = sum(len(s_.requests) for s_ in servers) - before
            print(f"{run:>6} run: wall {wall:6.2f} s | requests {requests:5d} | bodies downloaded "
                  f"{s.bodies:5d} ({s.body_bytes / 1e6:.1f} MB) | 304s {s.not_modified:5d} | "
                  f"feeds ok {report.feeds_ok}/{len(sources)} (not modified {report.feeds_not_modified}) | "
                  f"pages ok {report.pages_ok} new {report.pages_new} unchanged {report.pages_unchanged} "
                  f"failed {report.pages_failed} | {report.pages_ok / wall:6.1f} pages/s")
            # As a run does after its load: the pages are done, so the second run finds none new.
            mark_batch_loaded(paths, settings.paths.fetch_state)
        print(f"second run downloaded {s.bodies} bodies "
              f"({'OK: nothing re-downloaded' if s.bodies == 0 else 'UNEXPECTED'})")


if __name__ == "__main__":
    main()
