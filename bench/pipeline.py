"""Benchmark the whole pipeline (fetch through publish) against bare trafilatura on real pages.

The pages of CORPUS_DIR (e.g. ../shared/corpus/trafilatura-eval) are served as RSS feeds on
127.0.0.1, each feed entry carrying the page's title, date and author as a real feed would.
Then, in the same bench run and over the same page bytes, each in a fresh process:

- bare: ``trafilatura.extract(body, url=url, include_comments=True, with_metadata=True)`` over
  every page, one process (and ``--bare-workers`` processes, for reference);
- crinkwatch: the real ``run_once`` (fetch, validate, extract, language, tag, validate, load,
  validate, publish) into a fresh data folder, with 1 and with 2 workers (``--workers``).

Prints pages/s, CPU seconds (all processes of a run: on a shared machine they show the work
done, which the wall time hides), the ratio crinkwatch/bare (> 1: the pipeline is faster than
bare extraction), the highest ratio the run's CPU seconds allow on the cores it can use, peak RSS (each run's main process and its largest worker) and the time of each
stage. Runs are paired: ``--repeat R`` alternates bare and pipeline runs R times and reports the medians.

``--synthetic N`` serves N generated pages (own text, for the memory check of a large batch)
instead of a corpus: it measures scale, not extraction quality.

Usage: python bench/pipeline.py ../shared/corpus/trafilatura-eval [--pages 300] [--workers 1 2]
       python bench/pipeline.py --synthetic 10000 --workers 2 --no-bare
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if __name__ == "pipeline":
    # A sibling bench script run as ``python bench/x.py`` has bench/ first on sys.path, so its
    # ``import pipeline`` finds this file; hand it the real package instead.
    import importlib.util

    _spec = importlib.util.spec_from_file_location(
        "pipeline", ROOT / "pipeline" / "__init__.py",
        submodule_search_locations=[str(ROOT / "pipeline")])
    _package = importlib.util.module_from_spec(_spec)
    sys.modules["pipeline"] = _package
    _spec.loader.exec_module(_package)


@dataclass
class Page:
    """One page to serve: its file name, original URL, bytes and what its feed entry says."""

    name: str
    url: str
    body: bytes
    title: str | None = None
    date: str | None = None
    author: str | None = None


def corpus_pages(corpus: Path, limit: int) -> list[Page]:
    """The first ``limit`` pages of a corpus folder (``html/`` + ``truth.json`` when present)."""
    folder = corpus / "html" if (corpus / "html").is_dir() else corpus
    truth_file = corpus / "truth.json"
    truth = json.loads(truth_file.read_text()) if truth_file.is_file() else {}
    pages = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        name = path.name.removesuffix(".gz")
        item = truth.get(name, {})
        author = item.get("author") or None
        pages.append(Page(name, item.get("url") or f"https://example.org/{name}", body,
                          _text(item.get("title")), _text(item.get("date")), _text(author)))
        if len(pages) >= limit:
            break
    return pages


def _text(value: object) -> str | None:
    """A truth field as one string (some list several authors)."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return str(value) if value else None


SYNTHETIC = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>{title}</h1><p class="byline">By Desk Writer {n}</p>
<p>Report {n}. Officials in Moscow and Beijing described the talks as a step in a partnership
that critics call an axis of upheaval, while Tehran and Pyongyang sent observers.</p>
<p>Analysts in Seoul said the so-called alliance of convenience was far from a bloc, and trade
figures for the quarter showed a modest rise in energy deliveries along the northern route.</p>
<p>The ministry added that further meetings would follow in the spring; item {n} of the day's
coverage notes that shipping insurers remain cautious about the corridor.</p></article>
<section class="comments"><h2>3 comments</h2>
<div class="comment"><span class="author">reader{n}</span><p>Russia and Iran again? Comment {n}.</p></div>
<div class="comment"><span class="author">observer</span><p>China will not risk its markets for this.</p></div>
<div class="comment"><span class="author">kim</span><p>Interesting numbers on the corridor, thanks.</p></div>
</section><footer>© Synthetic Wire</footer></body></html>"""


def synthetic_pages(n: int) -> list[Page]:
    """``n`` distinct generated news pages with comments (text written for this bench)."""
    day = datetime(2026, 11, 1, tzinfo=timezone.utc)
    return [Page(f"s{i:06d}.html", f"https://wire.example.org/{i}", SYNTHETIC.format(
        n=i, title=f"Northern corridor talks, report {i}").encode(),
        f"Northern corridor talks, report {i}", (day + timedelta(days=i % 28)).date().isoformat(),
        f"Desk Writer {i}") for i in range(n)]


def build_site(site: Path, pages: list[Page], feeds: int) -> Path:
    """Pages under ``site/p/``, ``feeds`` RSS files listing them, and the sources file."""
    (site / "p").mkdir(parents=True)
    (site / "feeds").mkdir()
    for i, page in enumerate(pages):  # served under a plain name: corpus names have spaces
        page.name = f"{i:06d}.html"
        (site / "p" / page.name).write_bytes(page.body)
    per_feed = -(-len(pages) // feeds)
    sources = ["version: 1", "sources:"]
    for k in range(feeds):
        items = []
        for page in pages[k * per_feed:(k + 1) * per_feed]:
            date = _rfc822(page.date)
            items.append(
                f"<item><title>{escape(page.title or page.name)}</title>"
                f"<link>{{{{BASE}}}}/p/{page.name}</link><guid>{{{{BASE}}}}/p/{page.name}</guid>"
                + (f"<pubDate>{date}</pubDate>" if date else "")
                + (f"<dc:creator>{escape(page.author)}</dc:creator>" if page.author else "")
                + "</item>")
        (site / "feeds" / f"f{k}.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>bench feed {k}</title><link>{{{{BASE}}}}/</link><description>bench</description>"
            + "".join(items) + "</channel></rss>", encoding="utf-8")
        sources += [f"  - id: feed{k}", f"    name: bench feed {k}",
                    f'    feed_url: "{{{{BASE}}}}/feeds/f{k}.xml"', "    type: news",
                    "    comments: true"]
    (site.parent / "sources.yml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    (site.parent / "urls.json").write_text(json.dumps({p.name: p.url for p in pages}))
    return site.parent / "sources.yml"


def _rfc822(date: str | None) -> str | None:
    try:
        parsed = datetime.fromisoformat(date) if date else None
    except ValueError:
        return None
    return format_datetime(parsed.replace(tzinfo=parsed.tzinfo or timezone.utc)) if parsed else None


def _peaks() -> dict[str, float]:
    return {"rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children so far."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def child_bare(site: Path, workers: int) -> dict:
    """Bare trafilatura over the served page files, in this (fresh) process."""
    import multiprocessing as mp

    import trafilatura

    urls = json.loads((site.parent / "urls.json").read_text())
    files = sorted((site / "p").iterdir())
    trafilatura.extract(files[0].read_bytes(), url=urls[files[0].name], include_comments=True,
                        with_metadata=True)  # warm: lazy imports and caches outside the timing
    start, cpu = time.perf_counter(), _cpu_seconds()
    jobs = [(str(f), urls[f.name]) for f in files]
    if workers > 1:
        with mp.get_context("fork").Pool(workers) as pool:
            found = sum(pool.map(_bare_one, jobs, chunksize=8))
    else:
        found = sum(map(_bare_one, jobs))
    return {"seconds": time.perf_counter() - start, "cpu_seconds": _cpu_seconds() - cpu,
            "pages": len(files), "extracted": found, **_peaks()}


def _bare_one(job: tuple[str, str]) -> int:
    import trafilatura

    path, url = job
    text = trafilatura.extract(Path(path).read_bytes(), url=url, include_comments=True,
                               with_metadata=True)
    return 1 if text else 0


def child_pipeline(base_url: str, sources_file: Path, workers: int, chunk_size: int | None,
                   as_of: str, host_concurrency: int | None = None) -> dict:
    """The real ``run_once`` into a fresh data folder, in this (fresh) process."""
    from pipeline.config import load_settings, parse_as_of
    from pipeline.runner import run_once
    from pipeline.sources import load_sources

    with tempfile.TemporaryDirectory(prefix="crinkwatch-bench-") as data:
        settings = load_settings(data_dir=Path(data), allow_private=("127.0.0.1",),
                                 workers=workers, chunk_size=chunk_size,
                                 as_of=parse_as_of(as_of), per_host_concurrency=host_concurrency)
        sources = load_sources(sources_file, {"BASE": base_url})
        start, cpu = time.perf_counter(), _cpu_seconds()
        result = run_once(settings, sources)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu_seconds": cpu, "pages": result.counts["fetch"]["pages_ok"],
            "extracted": result.counts["extract"]["articles"],
            "loaded": result.counts["load"].get("articles"), "stages": result.seconds, **_peaks()}


def run_child(kind: str, **params) -> dict:
    """Run one measurement in a fresh Python process; return what it measured."""
    args = [sys.executable, __file__, "--child", json.dumps({"kind": kind, **params})]
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ,
                          "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get(
                              "PYTHONPATH")]))})
    if done.returncode:
        sys.exit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child_main(spec: str) -> None:
    params = json.loads(spec)
    kind = params.pop("kind")
    if kind == "bare":
        out = child_bare(Path(params["site"]), params["workers"])
    else:
        out = child_pipeline(params["base_url"], Path(params["sources"]), params["workers"],
                             params.get("chunk_size"), params["as_of"],
                             params.get("host_concurrency"))
    print(json.dumps(out))


def _entries_per_feed() -> int:
    """How many entries of one feed a run reads: more pages than feeds times this need more feeds."""
    from pipeline.config import load_settings

    return load_settings().max_entries_per_feed


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="folder of pages (html/ + truth.json)")
    parser.add_argument("--pages", type=int, default=300, help="pages served (default 300)")
    parser.add_argument("--synthetic", type=int, default=0, help="serve N generated pages instead")
    parser.add_argument("--feeds", type=int, default=10,
                        help="RSS feeds the pages are split over (more when a feed would list more"
                             " entries than a run reads from one)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--bare-workers", type=int, default=2,
                        help="also time bare trafilatura on this many processes (1: skip)")
    parser.add_argument("--chunk-size", type=int, default=None, help="pages per chunk")
    parser.add_argument("--host-concurrency", type=int, default=None,
                        help="requests in flight to the one loopback host (default: the setting, 2;"
                             " every page here is on one host, unlike a real day's feeds)")
    parser.add_argument("--repeat", type=int, default=1, help="paired runs; medians reported")
    parser.add_argument("--no-bare", action="store_true", help="skip bare trafilatura")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child_main(args.child)
        return
    if not args.synthetic and (args.corpus is None or not args.corpus.is_dir()):
        parser.error("give CORPUS_DIR (a folder of pages) or --synthetic N")

    from pipeline.demo.server import DemoServer

    pages = synthetic_pages(args.synthetic) if args.synthetic else corpus_pages(args.corpus,
                                                                                args.pages)
    dates = sorted(p.date for p in pages if p.date)
    as_of = dates[-1] if dates else "2026-11-28"  # judged as of the newest page: no silence alert
    what = f"{args.synthetic} synthetic pages" if args.synthetic else f"{len(pages)} pages of {args.corpus}"
    feeds = min(max(args.feeds, -(-len(pages) // _entries_per_feed())), len(pages))
    print(f"{what}, {feeds} feeds on 127.0.0.1; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores; python {sys.version.split()[0]}")
    n = len(pages)
    with tempfile.TemporaryDirectory(prefix="crinkwatch-bench-site-") as tmp:
        sources = build_site(Path(tmp) / "site", pages, feeds)
        del pages
        bare: dict[int, list[dict]] = {1: [], args.bare_workers: []}
        ours: dict[int, list[dict]] = {w: [] for w in args.workers}
        with DemoServer(Path(tmp) / "site") as server:
            for _ in range(args.repeat):
                if not args.no_bare:
                    for w in sorted(bare):
                        bare[w].append(run_child("bare", site=str(Path(tmp) / "site"), workers=w))
                for w in args.workers:
                    ours[w].append(run_child("pipeline", base_url=server.base_url,
                                             sources=str(sources), workers=w,
                                             chunk_size=args.chunk_size, as_of=as_of,
                                             host_concurrency=args.host_concurrency))
    report(bare if not args.no_bare else {}, ours, n)


def report(bare: dict[int, list[dict]], ours: dict[int, list[dict]], n: int) -> None:
    """Print pages/s, ratios, peak RSS and stage times (medians over the paired runs)."""
    bare_rate = {}
    for w, runs in sorted(bare.items()):
        bare_rate[w] = n / _median(runs, "seconds")
        print(f"bare trafilatura   processes={w}  {bare_rate[w]:7.1f} pages/s  "
              f"({_median(runs, 'seconds'):.1f} s, cpu {_median(runs, 'cpu_seconds'):.1f} s, "
              f"{runs[0]['extracted']} extracted)  "
              f"peak RSS {_median(runs, 'rss_main_mb'):.0f} MB"
              + (f", largest worker {_median(runs, 'rss_worker_mb'):.0f} MB" if w > 1 else ""))
    for w, runs in sorted(ours.items()):
        rate = n / _median(runs, "seconds")
        print(f"crinkwatch run     workers={w}    {rate:7.1f} pages/s  "
              f"({_median(runs, 'seconds'):.1f} s, cpu {_median(runs, 'cpu_seconds'):.1f} s; "
              f"fetched {runs[0]['pages']}, extracted "
              f"{runs[0]['extracted']}, loaded {runs[0]['loaded']})  peak RSS main "
              f"{_median(runs, 'rss_main_mb'):.0f} MB, largest worker "
              f"{_median(runs, 'rss_worker_mb'):.0f} MB")
        stages = {k: statistics.median(r["stages"].get(k, 0.0) for r in runs)
                  for k in runs[0]["stages"]}
        print("  seconds per stage: " + ", ".join(
            f"{k} {v:.1f}" for k, v in stages.items() if k not in ("extract", "language", "tag")))
        print("  inside process, summed over chunks (worker seconds): " + ", ".join(
            f"{k} {stages.get(k, 0.0):.1f}" for k in ("extract", "language", "tag")))
        if 1 in bare_rate:
            print(f"ratio crinkwatch/bare, workers={w}: {rate / bare_rate[1]:.2f} "
                  f"(vs bare single-process)")
            # The run's processes (this one and w workers) share the cores: its CPU seconds spread
            # over at most min(cores, w + 1) of them bound its wall time, and so its ratio.
            lanes = min(os.cpu_count() or 1, w + 1)
            best = (n / bare_rate[1]) / (_median(runs, "cpu_seconds") / lanes)
            print(f"  the CPU it used allows at most ratio {best:.2f} on {lanes} core(s)")


if __name__ == "__main__":
    main()
