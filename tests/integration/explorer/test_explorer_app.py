"""The explorer over the demo warehouse: numbers agree with the raw tables, every link opens its
evidence, exports equal the views, search finds all scripts, a publish shows up without a restart."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from html import unescape

import duckdb
import pyarrow.parquet as pq
import pytest
from starlette.testclient import TestClient

from pipeline.explorer.app import create_app
from pipeline.fetch.rawstore import RawStore
from pipeline.search.index import publish_search_index, search_index_path
from pipeline.warehouse.connection import connect


@pytest.fixture(scope="module")
def client(demo_db):
    return TestClient(create_app(demo_db))


@pytest.fixture
def con(demo_db):
    con = connect(demo_db, read_only=True)
    yield con
    con.close()


def links(html: str, prefix: str = "/evidence?") -> list[str]:
    return sorted({unescape(h) for h in re.findall(r'href="(' + re.escape(prefix) + r'[^"]*)"', html)})


RAW_ATTENTION = """
    select date_trunc('week', cast(timezone('UTC', a.published_at) as date))::date, m.actor,
           count(distinct m.article_id)
    from mentions m join articles a using (article_id)
    where m.is_member and m.doc_kind = 'article' {extra}
    group by all"""


def table_rows(client, url: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(client.get(url).text)))


def test_attention_counts_agree_with_the_raw_tables_with_and_without_a_source(client, con):
    for query, extra, params in (("", "", []),
                                 ("?source=vestnik", "and list_contains(a.source_ids, ?)", ["vestnik"])):
        raw = {(str(w), m): n for w, m, n in con.execute(RAW_ATTENTION.format(extra=extra), params).fetchall()}
        rows = table_rows(client, "/export/attention.csv" + query)
        shown = {(r["period"], r["member"]): int(r["articles"]) for r in rows if int(r["articles"])}
        assert shown == raw and raw
        assert all(int(r["all_articles"]) > 0 for r in rows)


def test_the_source_filter_narrows_the_dyads(client, con):
    everything = table_rows(client, "/export/dyads.csv")
    vestnik = table_rows(client, "/export/dyads.csv?source=vestnik")
    raw = con.execute("""
        select count(*) from dyads d join articles a using (article_id)
        where list_contains(a.source_ids, 'vestnik')""").fetchone()[0]
    assert sum(int(r["sentences"]) for r in vestnik) == raw > 0
    assert sum(int(r["sentences"]) for r in everything) > raw


def test_daily_grain_on_demand(client, con):
    days = {r["period"] for r in table_rows(client, "/export/attention.csv?grain=day")}
    raw = {str(d) for (d,) in con.execute(
        "select distinct cast(timezone('UTC', published_at) as date) from articles").fetchall()}
    assert days == raw


# What each view's point tooltip says the point counts: (tags, documents); None = not stated.
POINT_COUNTS = {
    "attention": (r": (\d+) of \d+ articles", lambda m: (None, int(m[1]))),
    "kinds": (r": (\d+) of \d+ (?:article|comment)s", lambda m: (None, int(m[1]))),
    "framings": (r": (\d+) mention\(s\) in \d+ article", lambda m: (int(m[1]), None)),
    "dyads": (r": (\d+) cooperation, (\d+) friction, (\d+) neutral, (\d+) unsure",
              lambda m: (int(m[1]) + int(m[2]) + int(m[3]) + int(m[4]), None)),
}


@pytest.mark.parametrize("view", ["attention", "framings", "dyads", "kinds"])
def test_every_chart_point_opens_the_evidence_it_counts(client, view):
    page = client.get(f"/{view}?language=en")
    assert page.status_code == 200
    points = re.findall(r'<a href="([^"]+)" class="pt">.*?<title>([^<]+)</title>', page.text)
    assert points
    pattern, counts = POINT_COUNTS[view]
    for href, tooltip in points:
        tags, docs = counts(re.search(pattern, unescape(tooltip)))
        evidence = client.get(unescape(href))
        assert evidence.status_code == 200 and "language=en" in unescape(href)
        shown = re.search(r"(\d+) tag\(s\) in (\d+) document", evidence.text)
        assert tags is None or int(shown[1]) == tags, (href, tooltip)
        assert docs is None or int(shown[2]) == docs, (href, tooltip)


def test_an_attention_cell_shows_exactly_the_articles_it_counts(client):
    rows = [r for r in table_rows(client, "/export/attention.csv") if int(r["articles"])]
    for r in rows:
        page = client.get(f"/evidence?view=attention&period={r['period']}&member={r['member']}")
        assert page.text.count('<div class="doc article">') == int(r["articles"])
        assert "<mark>" in page.text


def test_comment_evidence_names_author_and_position_and_links_the_stored_page(client, con, demo_dir):
    author, position, article_id = con.execute("""
        select c.author, c.position, c.article_id from comments c
        join mentions m on m.doc_id = c.comment_id where m.is_member and c.author is not null
        order by c.comment_id limit 1""").fetchone()
    page = client.get("/evidence?view=kinds&doc_kind=comment&member=RU")
    assert page.status_code == 200
    comment_rows = con.execute("""select count(distinct doc_id) from mentions
                                  where doc_kind = 'comment' and actor = 'RU'""").fetchone()[0]
    assert page.text.count('<div class="doc comment">') == comment_rows
    assert f"#{position} by {author}" in client.get(
        "/evidence?view=kinds&doc_kind=comment").text
    stored = client.get(f"/page/{article_id}")
    assert stored.status_code == 200
    assert "sandbox" in stored.headers["content-security-policy"]
    url = con.execute("select canonical_url from articles where article_id = ?", [article_id]).fetchone()[0]
    pages = [json.loads(line) for p in (demo_dir / "runs").glob("*/raw_pages.jsonl")
             for line in p.read_text(encoding="utf-8").splitlines()]
    sha = next(p["content_sha256"] for p in pages if p["canonical_url"] == url)
    assert stored.content == RawStore(demo_dir / "raw").get(sha)
    assert client.get("/page/no-such-article").status_code == 404


def test_csv_and_parquet_exports_equal_the_view(client, demo_db):
    from pipeline.explorer.filters import ViewFilters
    from pipeline.explorer.queries import dyads, open_db

    db = open_db(demo_db)
    try:
        expected = dyads(db, ViewFilters(language="en", grain="day"))
    finally:
        db.close()
    csv_rows = table_rows(client, "/export/dyads.csv?language=en&grain=day")
    assert [tuple(r.values()) for r in csv_rows] == [
        tuple("" if v is None else str(v) for v in row) for row in expected.rows]
    table = pq.read_table(io.BytesIO(client.get("/export/dyads.parquet?language=en&grain=day").content))
    assert table.column_names == expected.columns
    assert [tuple(r.values()) for r in table.to_pylist()] == expected.rows


@pytest.mark.parametrize("query, language", [("Москва", "ru"), ("中俄", "zh"), ("俄罗斯", "zh"),
                                             ("Pyongyang", "en")])
def test_search_finds_words_in_every_script_and_highlights_them(client, con, query, language):
    raw = con.execute("""select count(*) from (select title || ' ' || text as t from articles
                         union all select text from comments) where contains(t, ?)""", [query]).fetchone()[0]
    page = client.get("/search", params={"q": query})
    assert f"{raw} match(es)" in page.text and raw > 0
    assert f"<mark>{query}</mark>" in page.text
    only = client.get("/search", params={"q": query, "language": language, "doc_kind": "article"})
    shown = int(re.search(r"(\d+) match", only.text).group(1))
    assert 0 < shown <= raw


def test_search_ranks_and_exports(client):
    rows = table_rows(client, "/export/search.csv?q=Moscow")
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores) and len(rows) > 1  # bm25: lower is better


def test_bad_filters_answer_400_with_one_line(client):
    page = client.get("/dyads?since=yesterday")
    assert page.status_code == 400
    assert re.search(r'<p id="message">since .yesterday. is not a date', unescape(page.text))


def test_a_new_publish_is_served_without_a_restart(demo_db, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(demo_db, db)
    publish_search_index(db)
    client = TestClient(create_app(db))
    before = table_rows(client, "/export/attention.csv")
    assert client.get("/search", params={"q": "Москва"}).text.count('class="hit') > 0

    # a publish: a new file with fewer articles, renamed over the old one
    new = tmp_path / ".warehouse.new"
    shutil.copy(db, new)
    with duckdb.connect(str(new)) as w:
        w.execute("delete from articles where language = 'ru'")
        w.execute("delete from daily_attention_share where day = (select min(day) from daily_attention_share)")
    publish_search_index(new)
    os.replace(new, db)
    os.replace(search_index_path(new), search_index_path(db))

    after = table_rows(client, "/export/attention.csv")
    assert sum(int(r["all_articles"]) for r in after) < sum(int(r["all_articles"]) for r in before)
    assert "0 match(es)" in client.get("/search", params={"q": "Москва"}).text


@pytest.mark.parametrize("filters", [{}, {"grain": "day"}, {"source": "vestnik"},
                                     {"source": "meridian", "grain": "day", "since": "2026-11-20"},
                                     {"until": "2026-11-21"}])
def test_the_trend_tables_and_the_tag_rows_give_the_same_views(demo_db, filters):
    from pipeline.explorer import queries
    from pipeline.explorer.filters import ViewFilters

    f = ViewFilters(**filters)
    assert queries.uses_marts(f)
    db = queries.open_db(demo_db)
    try:
        assert queries.attention_from_marts(db, f).rows == queries.attention_from_tags(db, f).rows
        assert queries.framings_from_marts(db, f).rows == queries.framings_from_tags(db, f).rows
        if not filters:
            assert queries.dyads(db, f).rows == queries.dyads_from_tags(db, f).rows
    finally:
        db.close()


def test_a_killed_index_build_leaves_nothing_behind(demo_db, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(demo_db, db)
    stale = tmp_path / f".{search_index_path(db).name}.dead0001.building"
    stale.write_bytes(b"\0" * 4096)
    publish_search_index(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([db.name, search_index_path(db).name])


def test_dyad_evidence_marks_the_pairs_names(client, con):
    week = con.execute("select max(week) from weekly_dyad_cohesion where pair_id = 'CN-RU'").fetchone()[0]
    page = client.get(f"/evidence?view=dyads&period={week}&pair_id=CN-RU")
    sentences = re.findall(r'<p class="sentence">(.*?) <span class="tags">', page.text)
    assert sentences and all("<mark>" in s for s in sentences)
