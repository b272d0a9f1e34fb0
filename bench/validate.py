"""Validation cost against the stages it guards, measured in one run on a synthetic batch.

Builds a batch of N articles (default 10,000) with two comments each, written in our own words,
runs the real language, tag and load stages on it and the real validation of each stage, and
prints the times and the overhead ratios. The GX set-up cost (import and file context) is timed
on its own first.

Example: python bench/validate.py --articles 10000 --workdir /tmp/crinkwatch-bench
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from pathlib import Path

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


def build_batch(root: Path, n: int, seed: int = 7) -> "BatchPaths":
    from pipeline.batch import BatchPaths
    from pipeline.models import Article, Comment, RawPage, write_jsonl, write_parquet

    rng = random.Random(seed)
    paths = BatchPaths.for_batch(root / "runs", "20261127T060000Z-bench0")
    articles, comments, pages = [], [], []
    for i in range(n):
        url = f"https://news.example.org/2026/11/story-{i}.html"
        text = " ".join(rng.choice(SENTENCES) for _ in range(8)) + f" Story number {i}."
        day = 13 + i % 14
        articles.append(Article(article_id=f"{i:040x}", url=url, canonical_url=url, source_ids=[f"src{i % 20}"],
                                title=f"Story {i}", authors=["Desk"], published_at=f"2026-11-{day:02d}T08:00:00+00:00",
                                site_name="Example", text=text, batch_id=paths.batch_id))
        for j in range(2):
            comments.append(Comment(comment_id=f"{i:040x}-{j:04d}", article_id=f"{i:040x}", position=j,
                                    author="Reader", published_at=None,
                                    text=f"Reader view {j} on story {i}: Beijing will not like this.",
                                    batch_id=paths.batch_id))
        pages.append(RawPage(url=url, canonical_url=url, source_ids=[f"src{i % 20}"], status=200,
                             fetched_at="2026-11-27T06:00:00+00:00", body_path=None,
                             content_sha256=f"{i:064x}", entry_language="en"))
    write_jsonl(paths.raw_pages, pages)
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
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/crinkwatch-bench-validate"))
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    times: dict[str, float] = {}
    t = time.perf_counter()
    import great_expectations  # noqa: F401  (the import is most of GX's set-up cost)

    times["gx_import"] = time.perf_counter() - t

    from pipeline.config import load_settings
    from pipeline.language import label_batch
    from pipeline.load import load_batch
    from pipeline.quality import validate_stage
    from pipeline.quality.docs import quality_dir
    from pipeline.quality.suites import get_context
    from pipeline.tagging.stage import tag_batch

    settings = load_settings(data_dir=args.workdir, db_path=args.workdir / "warehouse.duckdb")
    timed("gx_context", times, get_context, settings.expectations_dir, quality_dir(settings))
    paths = build_batch(args.workdir, args.articles)

    report = {}
    report["raw"] = timed("validate_raw", times, validate_stage, "raw", paths, settings)
    timed("language", times, label_batch, paths)
    report["articles"] = timed("validate_articles", times, validate_stage, "articles", paths, settings)
    tags = timed("tag", times, tag_batch, paths, settings.taxonomy_path)
    report["tags"] = timed("validate_tags", times, validate_stage, "tags", paths, settings)
    timed("load", times, load_batch, paths, settings.private_db_path, settings.sql_dir)
    report["trends"] = timed("validate_trends", times, validate_stage, "trends", paths, settings)

    n_tags = tags["mentions"] + tags["framings"]
    print(f"batch: {args.articles} articles, {2 * args.articles} comments, {n_tags} tags "
          f"({tags['mentions']} mentions, {tags['framings']} framings)")
    for stage, r in report.items():
        print(f"  validate {stage:<8} {r.counts()}")
    print("times (s):")
    for k, v in times.items():
        print(f"  {k:<18} {v:8.3f}")
    setup = times["gx_import"] + times["gx_context"]
    validation = sum(v for k, v in times.items() if k.startswith("validate_"))
    guarded = times["language"] + times["tag"] + times["load"]
    print("ratios:")
    print(f"  validate_articles / language      {times['validate_articles'] / times['language']:.1%}")
    print(f"  validate_tags / tag               {times['validate_tags'] / times['tag']:.1%}")
    print(f"  validate_trends / load            {times['validate_trends'] / times['load']:.1%}")
    print(f"  all validation / (language+tag+load) {validation / guarded:.1%}")
    print(f"  all validation + GX set-up / (language+tag+load) {(validation + setup) / guarded:.1%}")
    print(f"  GX set-up (once per process)      {setup:.2f} s")


if __name__ == "__main__":
    main()
