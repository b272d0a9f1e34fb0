"""Validation cost against the stages it guards, measured in one run on a synthetic batch.

Builds a batch of N articles (default 10,000) with two comments each, written in our own words,
runs the real language, tag and load stages on it and the real validation of each stage, and
prints the times and the overhead ratios. The GX set-up cost (import and file context) is timed
on its own first.

Each article carries eight sentences that name members and framings (about ten tags per article
with its comments, so 10,000 articles give about 100,000 tags) padded with neutral sentences to
``--article-chars`` characters: 12,000 by default, about the median length of a think-tank article.
``--article-chars 0`` leaves the eight sentences alone (~600 characters), the worst case for the
ratios, since the stages then have almost nothing to do besides the tags.

By default each article is rendered as an HTML page (WordPress-style comment list) into the raw
store and the real extract stage builds the records, so the article suites are set against the
stage whose output they check; ``--records`` writes the records directly instead (quicker; then
the language stage is the only work before the article suites).

Example: python bench/validate.py --articles 10000 --article-chars 12000 --workdir /tmp/crinkwatch-bench
"""

from __future__ import annotations

import argparse
import html
import random
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.batch import BatchPaths

SENTENCES = [
    "Officials in Moscow and Beijing described the talks as constructive.",
    "Analysts said Tehran wanted guarantees before the next round of talks.",
    "Pyongyang sent a delegation to the Russian Far East for the second time this year.",
    "Some commentators call the four governments an Axis of Upheaval.",
    "Others say the so-called natural allies share little beyond a rival in Washington.",
    "Trade between China and Iran grew, although the numbers remain small.",
    "The Kremlin said the partnership was not directed at any third country.",
    "Diplomats in Seoul and Tokyo watched the meeting closely.",
    "North Korea shipped shells, and Russia paid in fuel and food.",
    "The ministry published no figures on the agreement.",
    "Port traffic rose in the spring and fell again in the autumn.",
    "A spokesman declined to comment on the reports.",
]

# Padding that names no state, actor or framing (checked by the tag counts the bench prints).
NEUTRAL = [
    "The report runs to forty pages and relies on customs data collected over three years.",
    "Its authors interviewed shipping agents, port officials and insurance brokers.",
    "Freight rates on the longer routes rose sharply during the first half of the year.",
    "Several of the figures were revised after the initial release.",
    "The conference closed with a short statement and no press questions.",
    "Most of the trade still moves by rail, with trucks covering the last stretch.",
    "Economists disagree on how much of the increase reflects re-exports.",
    "The study does not cover services, which are harder to measure.",
    "A second volume, on energy prices, is planned for next spring.",
    "Officials declined to give a timetable for the next round of negotiations.",
]


def article_text(rng: random.Random, i: int, chars: int) -> str:
    """Eight tagged sentences, then neutral padding up to ``chars`` characters."""
    parts = [rng.choice(SENTENCES) for _ in range(8)] + [f"Story number {i}."]
    size = sum(len(p) + 1 for p in parts)
    while size < chars:
        parts.append(rng.choice(NEUTRAL))
        size += len(parts[-1]) + 1
    return " ".join(parts)


def render_page(title: str, published: str, text: str, comments: list[str]) -> bytes:
    """An article page with a WordPress-style comment list, as a news site would serve it."""
    sentences = text.split(". ")
    paragraphs = [". ".join(sentences[k:k + 5]) for k in range(0, len(sentences), 5)]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    items = "".join(
        f'<li class="comment" id="comment-{j}"><article class="comment-body"><footer class="comment-meta">'
        f'<cite class="fn">Reader {j}</cite></footer><div class="comment-content"><p>{html.escape(c)}</p>'
        f"</div></article></li>" for j, c in enumerate(comments))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="author" content="Desk"><meta property="article:published_time" content="{published}">'
            f"</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
            f"<main><article><h1>{title}</h1>{body}</article>"
            f'<section id="comments" class="comments-area"><h2>{len(comments)} comments</h2>'
            f'<ol class="comment-list">{items}</ol></section></main>'
            f"<footer><p>Example News, all rights reserved.</p></footer></body></html>").encode("utf-8")


def build_batch(root: Path, n: int, seed: int = 7, chars: int = 12_000, pages_only: bool = True) -> "BatchPaths":
    """The batch's raw pages (and their bodies in the raw store), or, with ``pages_only`` False,
    its extracted records written directly."""
    from pipeline.batch import BatchPaths
    from pipeline.fetch.rawstore import RawStore
    from pipeline.models import Article, Comment, RawPage, write_jsonl, write_parquet

    rng = random.Random(seed)
    paths = BatchPaths.for_batch(root / "runs", "20261127T060000Z-bench0")
    store = RawStore(root / "raw")
    articles, comments, pages = [], [], []
    for i in range(n):
        url = f"https://news.example.org/2026/11/story-{i}.html"
        text = article_text(rng, i, chars)
        day = 13 + i % 14
        published = f"2026-11-{day:02d}T08:00:00+00:00"
        said = [f"Reader view {j} on story {i}: Beijing will not like this." for j in range(2)]
        page = dict(url=url, canonical_url=url, source_ids=[f"src{i % 20}"], status=200,
                    fetched_at="2026-11-27T06:00:00+00:00", entry_language="en")
        if pages_only:
            sha, body_path = store.put(render_page(f"Story {i}", published, text, said), {"url": url})
            pages.append(RawPage(**page, body_path=str(body_path), content_sha256=sha, entry_title=f"Story {i}",
                                 entry_published_at=published, entry_authors=["Desk"]))
            continue
        articles.append(Article(article_id=f"{i:040x}", url=url, canonical_url=url, source_ids=[f"src{i % 20}"],
                                title=f"Story {i}", authors=["Desk"], published_at=published,
                                site_name="Example", text=text, batch_id=paths.batch_id))
        for j in range(2):
            comments.append(Comment(comment_id=f"{i:040x}-{j:04d}", article_id=f"{i:040x}", position=j,
                                    author="Reader", published_at=None,
                                    text=said[j],
                                    batch_id=paths.batch_id))
        pages.append(RawPage(**page, body_path=None, content_sha256=f"{i:064x}"))
    write_jsonl(paths.raw_pages, pages)
    if not pages_only:
        write_parquet(paths.extracted_articles, articles, Article)
        write_parquet(paths.extracted_comments, comments, Comment)
    return paths


def timed(label: str, times: dict[str, float], fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    times[label] = time.perf_counter() - t
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--article-chars", type=int, default=12_000,
                        help="pad each article to this length with neutral sentences (0: no padding)")
    parser.add_argument("--records", action="store_true",
                        help="write extracted records directly instead of running the extract stage")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/crinkwatch-bench-validate"))
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    times: dict[str, float] = {}
    t = time.perf_counter()
    import great_expectations  # noqa: F401  (the import is most of GX's set-up cost)

    times["gx_import"] = time.perf_counter() - t

    from pipeline.config import load_settings
    from pipeline.extraction import extract_batch
    from pipeline.fetch.rawstore import RawStore
    from pipeline.language import label_batch
    from pipeline.warehouse.load import load_batch
    from pipeline.warehouse.publish import publish
    from pipeline.quality import validate_stage
    from pipeline.quality.docs import quality_dir
    from pipeline.quality.suites import get_context
    from pipeline.tagging.stage import tag_batch

    settings = load_settings(data_dir=args.workdir, db_path=args.workdir / "warehouse.duckdb")
    timed("gx_context", times, get_context, settings.expectations_dir, quality_dir(settings))
    paths = build_batch(args.workdir, args.articles, chars=args.article_chars, pages_only=not args.records)

    report = {}
    report["raw"] = timed("validate_raw", times, validate_stage, "raw", paths, settings)
    times["extract"] = 0.0
    if not args.records:  # the extract stage also labels languages, as in a pipeline run
        extracted = timed("extract", times, extract_batch, paths, RawStore(args.workdir / "raw"))
        assert extracted["articles"] == args.articles, extracted
    timed("language", times, label_batch, paths)
    report["articles"] = timed("validate_articles", times, validate_stage, "articles", paths, settings)
    tags = timed("tag", times, tag_batch, paths, settings.taxonomy_path)
    report["tags"] = timed("validate_tags", times, validate_stage, "tags", paths, settings)
    timed("load", times, load_batch, paths, settings.private_db_path, settings.sql_dir)
    report["trends"] = timed("validate_trends", times, validate_stage, "trends", paths, settings)
    timed("publish", times, publish, settings)  # what the trend checks gate: nothing publishes before them

    n_tags = tags["mentions"] + tags["framings"]
    print(f"batch: {args.articles} articles of ~{max(args.article_chars, 600):,} characters, "
          f"{2 * args.articles} comments, {n_tags} tags "
          f"({tags['mentions']} mentions, {tags['framings']} framings)")
    for stage, r in report.items():
        print(f"  validate {stage:<8} {r.counts()}")
    print("times (s):")
    for k, v in times.items():
        print(f"  {k:<18} {v:8.3f}")
    setup = times["gx_import"] + times["gx_context"]
    validation = sum(v for k, v in times.items() if k.startswith("validate_"))
    guarded = times["extract"] + times["language"] + times["tag"] + times["load"] + times["publish"]
    print("ratios (raw validation has no fetch to set against here; it still counts in the totals):")
    print(f"  validate_articles / (extract+language) "
          f"{times['validate_articles'] / (times['extract'] + times['language']):.1%}")
    print(f"  validate_tags / tag               {times['validate_tags'] / times['tag']:.1%}")
    print(f"  validate_trends / load            {times['validate_trends'] / times['load']:.1%}")
    print(f"  validate_trends / (load+publish)  "
          f"{times['validate_trends'] / (times['load'] + times['publish']):.1%}")
    print(f"  all validation / (extract+language+tag+load+publish) {validation / guarded:.1%}")
    print(f"  all validation + GX set-up / (extract+language+tag+load+publish) "
          f"{(validation + setup) / guarded:.1%}")
    print(f"  GX set-up (once per process)      {setup:.2f} s")


if __name__ == "__main__":
    main()
