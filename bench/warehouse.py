"""Warehouse benchmark on synthetic data: load time, publish time, p50 latency of every documented
trend query, database sizes.

    python bench/warehouse.py [--articles 100000] [--mentions 1000000] [--batches 52] [--runs 15]

The data is generated here (DuckDB writes the stage Parquet files of each batch) into a temp
folder that is removed afterwards. Targets: every query p50 < 200 ms; the full load < 30 s.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.batch import BatchPaths  # noqa: E402
from pipeline.config import SQL_DIR, load_settings  # noqa: E402
from pipeline.warehouse.load import load_batch  # noqa: E402
from pipeline.models import Source  # noqa: E402
from pipeline.warehouse.publish import publish  # noqa: E402
from pipeline.warehouse import trends  # noqa: E402

README = Path(__file__).resolve().parents[1] / "README.md"
N_SOURCES = 20
TYPES = ("think_tank", "news", "state_media")


def generate_batch(paths: BatchPaths, first: int, count: int, n_articles: int, mentions_per_article: int,
                   start_day: str = "2025-12-01", days: int = 365) -> None:
    """Write one batch's stage files: articles [first, first+count) spread over ``days`` days."""
    paths.root.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    b = paths.batch_id
    con.execute(f"""create table a as
        select 'a' || i as article_id, 'https://example.org/' || i as url,
               'https://example.org/' || i as canonical_url,
               ['s' || (i % {N_SOURCES})] as source_ids, 'Title ' || i as title, ['Author'] as authors,
               strftime(date '{start_day}' + cast(floor(i * {days} / {n_articles}) as integer) + interval 8 hour,
                        '%Y-%m-%dT%H:%M:%S+00:00') as published_at,
               null::varchar as site_name,
               repeat('Moscow and Beijing deepen ties while Tehran watches. ', 25) as text,
               case when i % 10 = 0 then 'ru' when i % 10 = 1 then 'zh' else 'en' end as language,
               0.99 as language_confidence, 200 as word_count, 'bench' as extractor, '{b}' as batch_id,
               '' as extractor_settings, null::varchar as error
        from range({first}, {first + count}) t(i)""")
    con.execute(f"copy a to '{paths.articles}' (format parquet)")
    con.execute(f"""copy (select article_id || '-' || lpad(j::varchar, 4, '0') as comment_id, article_id,
               j::bigint as position, 'reader' as author, null::varchar as published_at,
               'Tehran is watching this closely.' as text, language, 0.9 as language_confidence,
               batch_id, null::varchar as parent_id
        from a, range(2) r(j)) to '{paths.comments}' (format parquet)""")
    # mentions: 70% in article text, 30% in comments; four members and some non-members
    con.execute(f"""copy (select case when k % 10 < 7 then article_id
                                 else article_id || '-' || lpad((k % 2)::varchar, 4, '0') end as doc_id,
               case when k % 10 < 7 then 'article' else 'comment' end as doc_kind, article_id,
               ['CN', 'RU', 'IR', 'KP', 'US'][1 + (k * 7 + (hash(article_id) % 1000)::bigint) % 5] as actor,
               ['CN', 'RU', 'IR', 'KP', 'US'][1 + (k * 7 + (hash(article_id) % 1000)::bigint) % 5] <> 'US' as is_member,
               (k * 40)::bigint as "start", (k * 40 + 6)::bigint as "end", 'Moscow' as surface,
               'Moscow and Beijing deepen ties while Tehran watches.' as sentence,
               'bench-1' as taxonomy_version, batch_id
        from a, range({mentions_per_article}) r(k)) to '{paths.mentions}' (format parquet)""")
    con.execute(f"""copy (select article_id as doc_id, 'article' as doc_kind, article_id,
               ['natural_allies', 'axis_of_upheaval', 'bloc', 'no_limits', 'convenience'][1 + (hash(article_id) % 5)::bigint]
                   as framing_id,
               ['asserted', 'distanced', 'contested'][1 + (hash(article_id || 's') % 1000)::bigint % 3] as stance,
               5::bigint as "start", 19::bigint as "end", 'natural allies' as surface,
               'They are natural allies, some say.' as sentence, 'bench-1' as taxonomy_version, batch_id
        from a where (hash(article_id) % 2)::bigint = 0) to '{paths.framings}' (format parquet)""")
    con.execute(f"""copy (select article_id as doc_id, 'article' as doc_kind, article_id,
               p[1] as member_a, p[2] as member_b,
               ['cooperation', 'friction', 'neutral'][1 + (hash(article_id || 'r') % 1000)::bigint % 3] as relation,
               'Moscow and Beijing deepen ties.' as sentence, 0::bigint as sentence_start,
               'bench-1' as taxonomy_version, batch_id
        from a, (select unnest([['CN', 'RU'], ['IR', 'RU'], ['KP', 'RU']]) as p)
        where (hash(article_id || p[1]) % 1000)::bigint % 2 = 0) to '{paths.dyads}' (format parquet)""")
    con.close()


def p50_ms(fn, runs: int) -> float:
    fn()  # warm the OS cache, as an analyst's second query would
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def readme_queries() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## For analysts", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=52, help="weekly batches by default")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    per_article = max(1, args.mentions // args.articles)
    tmp = Path(tempfile.mkdtemp(prefix="crinkwatch-bench-"))
    try:
        settings = load_settings(data_dir=tmp / "data", db_path=tmp / "data" / "warehouse.duckdb")
        sources = [Source(id=f"s{i}", name=f"Source {i}", feed_url=f"https://example.org/{i}.xml",
                          type=TYPES[i % 3]) for i in range(N_SOURCES)]
        t = time.perf_counter()
        size = -(-args.articles // args.batches)
        batches = []
        for n in range(args.batches):
            first = n * size
            if first >= args.articles:
                break
            paths = BatchPaths.for_batch(settings.paths.runs_dir, f"bench-{n:03d}")
            generate_batch(paths, first, min(size, args.articles - first), args.articles, per_article)
            batches.append(paths)
        print(f"generated {len(batches)} batches in {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        for paths in batches:
            load_batch(paths, settings.private_db_path, SQL_DIR, sources)
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        load_batch(batches[-1], settings.private_db_path, SQL_DIR, sources)
        reload_s = time.perf_counter() - t
        t = time.perf_counter()
        publish(settings)
        publish_s = time.perf_counter() - t

        con = duckdb.connect(str(settings.db_path), read_only=True)
        counts = {tbl: con.execute(f"select count(*) from {tbl}").fetchone()[0]
                  for tbl in ("articles", "comments", "mentions", "framings", "dyads")}
        day = str(con.execute("select max(day) from daily_member_mentions").fetchone()[0])
        week = str(con.execute("select max(week) from weekly_dyad_cohesion").fetchone()[0])
        print("rows: " + ", ".join(f"{k}={v:,}" for k, v in counts.items()))
        print(f"load ({len(batches)} batches, one transaction each): {load_s:.1f} s   (target < 30 s)")
        print(f"re-load of one batch (idempotent):  {reload_s:.2f} s")
        print(f"publish (copy, materialise marts, checks, rename): {publish_s:.1f} s")
        print(f"private warehouse: {settings.private_db_path.stat().st_size / 1e6:.0f} MB; "
              f"analyst database: {settings.db_path.stat().st_size / 1e6:.0f} MB")

        print(f"\np50 latency over {args.runs} runs (target < 200 ms each)")
        print("README example queries (one open read-only connection, as in a notebook):")
        worst = 0.0
        for i, sql in enumerate(readme_queries(), 1):
            ms = p50_ms(lambda: con.execute(sql).fetchall(), args.runs)
            worst = max(worst, ms)
            print(f"  q{i} {sql.splitlines()[0][:60]:<62} {ms:7.1f} ms")
        con.close()
        db = settings.db_path
        f = trends.Filters
        calls = {
            "trends attention_by_week": lambda: trends.attention_by_week(db),
            "trends attention_by_week --member --since": lambda: trends.attention_by_week(db, f(member="RU", since=day[:8] + "01")),
            "trends attention_by_week --source": lambda: trends.attention_by_week(db, f(source="s3")),
            "trends member_totals": lambda: trends.member_totals(db),
            "trends daily_mentions --since": lambda: trends.daily_mentions(db, day),
            "trends framing_stance": lambda: trends.framing_stance(db),
            "trends framing_stance --framing --source": lambda: trends.framing_stance(db, f(framing="bloc", source="s3")),
            "trends dyad_cohesion --member": lambda: trends.dyad_cohesion(db, f(member="RU")),
            "evidence member day": lambda: trends.member_evidence(db, day, "RU"),
            "evidence member day source kind language": lambda: trends.member_evidence(db, day, "RU", "s3", "article", "en"),
            "evidence framing day": lambda: trends.framing_evidence(db, day, "bloc"),
            "evidence dyad week": lambda: trends.dyad_evidence(db, week, "CN-RU"),
        }
        print("CLI / library queries (each opens and closes its own connection):")
        for name, call in calls.items():
            ms = p50_ms(call, args.runs)
            worst = max(worst, ms)
            print(f"  {name:<64} {ms:7.1f} ms")
        print(f"\nslowest p50: {worst:.1f} ms; load {load_s:.1f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
