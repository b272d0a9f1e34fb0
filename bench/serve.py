"""Explorer benchmark on the synthetic warehouse: p50/p95 of every view, evidence page, export and
search over HTTP on 127.0.0.1, and the search index's build time and size.

    python bench/serve.py [--articles 100000] [--mentions 1000000] [--batches 52] [--runs 20]

The warehouse is bench/warehouse.py's synthetic one, with each article's text rebuilt from a pool
of English, Russian and Chinese sentences (written for the benchmark) so the search index sees
varied text in three scripts. Targets: every view and search p50 < 300 ms, p95 < 1 s.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.batch import BatchPaths  # noqa: E402
from pipeline.config import SQL_DIR, load_settings  # noqa: E402
from pipeline.explorer.app import create_app  # noqa: E402
from pipeline.models import Source  # noqa: E402
from pipeline.search.index import build_search_index, search_index_path  # noqa: E402
from pipeline.warehouse.load import load_batch  # noqa: E402
from pipeline.warehouse.publish import publish  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_warehouse", ROOT / "bench" / "warehouse.py")
bench_warehouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_warehouse)

SENTENCES = {
    "en": ["Moscow and Beijing deepened energy ties this quarter.",
           "Tehran hosted a delegation from Pyongyang to discuss drones.",
           "Analysts call the grouping an axis of upheaval.",
           "Sanctions have pushed the four states closer together.",
           "Officials in Seoul warned about missile transfers.",
           "The pipeline deal was signed after months of haggling.",
           "Shipping insurers face new rules in the Gulf of Oman.",
           "Critics say the so-called bloc is an alliance of convenience."],
    "ru": ["Москва и Пекин расширяют сотрудничество в энергетике.",
           "Делегация из Тегерана прибыла в Москву для переговоров.",
           "Эксперты обсуждают транспортный коридор Север — Юг.",
           "Товарооборот между Россией и Китаем вырос за год."],
    "zh": ["中俄两国在能源领域的合作不断深化。",
           "伊朗代表团访问了朝鲜首都平壤。",
           "所谓动荡轴心的说法受到学者质疑。",
           "俄罗斯对中国的原油出口保持增长。"],
}
SEARCHES = [("common word", {"q": "Moscow"}), ("rare phrase", {"q": "\"Gulf of Oman\""}),
            ("two words", {"q": "pipeline haggling"}), ("Russian", {"q": "Москва"}),
            ("Russian stem", {"q": "Тегеран"}), ("Chinese 2 chars", {"q": "中俄"}),
            ("Chinese 3 chars", {"q": "俄罗斯"}), ("filtered", {"q": "drones", "source": "s3",
                                                                 "since": "2026-06-01"}),
            ("comments only", {"q": "Tehran", "doc_kind": "comment"}), ("no match", {"q": "zeppelin"})]


def vary_texts(paths: BatchPaths) -> None:
    """Rebuild each article's text from eight sentences of its language, chosen by its id."""
    con = duckdb.connect()
    pools = {lang: "[" + ", ".join("'" + s.replace("'", "''") + "'" for s in pool) + "]"
             for lang, pool in SENTENCES.items()}
    pick = " || ' ' || ".join(
        f"(case language when 'ru' then {pools['ru']} when 'zh' then {pools['zh']} else {pools['en']} end)"
        f"[1 + (hash(article_id || '{k}') % 1000)::bigint % (case language when 'en' then 8 else 4 end)]"
        for k in range(8))
    con.execute(f"create table a as select * replace ({pick} || ' ' || article_id as text) "
                f"from read_parquet('{paths.articles}')")
    con.execute(f"copy a to '{paths.articles}' (format parquet)")
    con.close()


def timings(client: httpx.Client, url: str, params: dict, runs: int) -> tuple[float, float, float, int]:
    t = time.perf_counter()
    response = client.get(url, params=params)  # the first visit: nothing cached by the explorer
    first = (time.perf_counter() - t) * 1000
    response.raise_for_status()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        client.get(url, params=params).raise_for_status()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return first, statistics.median(times), p95, len(response.content)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=52)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="crinkwatch-bench-serve-"))
    try:
        settings = load_settings(data_dir=tmp / "data", db_path=tmp / "data" / "warehouse.duckdb")
        sources = [Source(id=f"s{i}", name=f"Source {i}", feed_url=f"https://example.org/{i}.xml",
                          type=bench_warehouse.TYPES[i % 3]) for i in range(bench_warehouse.N_SOURCES)]
        size = -(-args.articles // args.batches)
        per_article = max(1, args.mentions // args.articles)
        t = time.perf_counter()
        for n in range(args.batches):
            first = n * size
            if first >= args.articles:
                break
            paths = BatchPaths.for_batch(settings.paths.runs_dir, f"bench-{n:03d}")
            bench_warehouse.generate_batch(paths, first, min(size, args.articles - first), args.articles,
                                           per_article)
            vary_texts(paths)
            load_batch(paths, settings.private_db_path, SQL_DIR, sources)
        print(f"generated and loaded {args.articles:,} articles in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        publish(settings)
        print(f"publish (including the search index): {time.perf_counter() - t:.1f} s")

        db = settings.db_path
        index = search_index_path(db)
        t = time.perf_counter()
        docs = build_search_index(db, tmp / "rebuilt.sqlite", settings.paths.runs_dir)
        build_s = time.perf_counter() - t
        print(f"search index: {docs:,} documents, built in {build_s:.1f} s, "
              f"{index.stat().st_size / 1e6:.0f} MB (analyst database {db.stat().st_size / 1e6:.0f} MB)")

        con = duckdb.connect(str(db), read_only=True)
        week = str(con.execute("select max(week) from weekly_attention_share").fetchone()[0])
        con.close()
        pages = [
            ("attention (week)", "/attention", {}),
            ("attention (day)", "/attention", {"grain": "day"}),
            ("attention source+language", "/attention", {"source": "s3", "language": "ru"}),
            ("framings (week)", "/framings", {}),
            ("framings (day) source type", "/framings", {"grain": "day", "source_type": "news"}),
            ("dyads (week)", "/dyads", {}),
            ("dyads since", "/dyads", {"since": "2026-06-01", "language": "en"}),
            ("articles vs comments", "/kinds", {}),
            ("evidence attention cell", "/evidence", {"view": "attention", "period": week, "member": "RU",
                                                     "source": "s3"}),
            ("evidence framing cell", "/evidence", {"view": "framings", "period": week,
                                                   "framing_id": "bloc", "stance": "asserted"}),
            ("evidence dyad cell", "/evidence", {"view": "dyads", "period": week, "pair_id": "CN-RU"}),
            ("export attention.csv (day)", "/export/attention.csv", {"grain": "day"}),
            ("export dyads.parquet", "/export/dyads.parquet", {}),
            *((f"search: {name}", "/search", params) for name, params in SEARCHES),
        ]
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db, settings.data_dir), host="127.0.0.1",
                                               port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        print(f"\nover HTTP on 127.0.0.1: the first visit, then {args.runs} more "
              "(targets: p50 < 300 ms, p95 < 1000 ms)")
        worst50 = worst95 = worst_first = 0.0
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, url, params in pages:
                first, p50, p95, size_b = timings(client, url, params, args.runs)
                worst50, worst95, worst_first = max(worst50, p50), max(worst95, p95), max(worst_first, first)
                flag = "" if p50 < 300 and p95 < 1000 else "   <-- over target"
                print(f"  {name:<32} first {first:7.1f} ms   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                      f"{size_b / 1e3:7.1f} kB{flag}")
        server.should_exit = True
        thread.join()
        print(f"\nslowest p50 {worst50:.1f} ms ({worst50 / 300:.2f} of target); "
              f"slowest p95 {worst95:.1f} ms ({worst95 / 1000:.2f} of target); "
              f"slowest first visit {worst_first:.1f} ms")
        print("(a view's rows are kept per published file after the first visit; evidence, search "
              "and exports of evidence or search are queried every time)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
