"""The analyst side over the demo database: README queries, trends, evidence, report in a browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.warehouse.trends import dyad_evidence, framing_evidence, member_evidence

README = Path(__file__).resolve().parents[2] / "README.md"
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    return data_dir / "warehouse.duckdb"


@pytest.fixture
def con(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()


def readme_queries() -> list[str]:
    """The ```sql blocks of the README's "For analysts" section, in order."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## For analysts", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def test_every_readme_query_runs_and_agrees_with_the_raw_tables(con):
    queries = readme_queries()
    assert len(queries) == 6
    attention, natural_allies, bloc_sources, kinds, cohesion, evidence = (
        con.execute(q).fetchall() for q in queries)

    latest_month = con.execute("""select date_trunc('month', max(cast(timezone('UTC', published_at) as date)))
                                  from articles""").fetchone()[0]
    raw = dict(con.execute("""
        select m.actor, count(distinct m.article_id) from mentions m join articles a using (article_id)
        where m.is_member and m.doc_kind = 'article'
          and cast(timezone('UTC', a.published_at) as date) >= ? group by 1""", [latest_month]).fetchall())
    assert {r[0]: r[1] for r in attention if r[1]} == raw and len(attention) == 4

    raw = dict(con.execute("""select stance, count(*) from framings
                              where framing_id = 'natural_allies' group by 1""").fetchall())
    assert {r[0]: r[1] for r in natural_allies} == raw and raw
    assert round(sum(r[2] for r in natural_allies)) == 100

    raw = dict(con.execute("""
        select unnest(a.source_ids), count(*) from framings f join articles a using (article_id)
        where f.framing_id = 'bloc' and f.stance = 'asserted' group by 1""").fetchall())
    assert {r[0]: r[2] for r in bloc_sources} == raw and raw
    assert [r[2] for r in bloc_sources] == sorted((r[2] for r in bloc_sources), reverse=True)

    raw = dict(con.execute("""
        select m.actor || '/' || m.doc_kind, count(*) * any_value(len(a.source_ids))
        from mentions m join articles a using (article_id) where m.is_member group by 1""").fetchall())
    assert {f"{r[0]}/{r[1]}": r[2] for r in kinds} == raw
    assert {r[1] for r in kinds} == {"article", "comment"}

    raw = con.execute("""
        select date_trunc('week', cast(timezone('UTC', a.published_at) as date))::date,
               count(*) filter (where relation = 'cooperation'), count(*) filter (where relation = 'friction')
        from dyads d join articles a using (article_id) where member_a = 'CN' and member_b = 'RU'
        group by 1 order by 1""").fetchall()
    assert [(r[0], r[1], r[2]) for r in cohesion] == raw

    day, count = con.execute("""select max(day), null from daily_member_mentions where member = 'RU'""").fetchone()
    cell = con.execute("select sum(mention_count) from daily_member_mentions where member = 'RU' and day = ?",
                       [day]).fetchone()[0]
    assert len(evidence) == cell > 0
    assert all(r[4] for r in evidence)  # every row carries its sentence


def test_evidence_matches_every_trend_cell(demo_db, con):
    cells = con.execute("""select day::varchar, member, source_id, doc_kind, language, mention_count
                           from daily_member_mentions_by_kind_language""").fetchall()
    assert cells
    for day, member, source, kind, language, count in cells:
        rows = member_evidence(demo_db, day, member, source, kind, language).records()
        assert len(rows) == count, (day, member, source, kind, language)
        for row in rows:  # the offsets point at the surface form inside the sentence's document
            assert row["surface"] and row["surface"] in row["sentence"]
    for day, framing, stance, count in con.execute(
            "select day::varchar, framing_id, stance, mention_count from daily_framing_stance").fetchall():
        assert len(framing_evidence(demo_db, day, framing, stance).rows) == count
    for week, pair, count in con.execute(
            "select week::varchar, pair_id, sentence_count from weekly_dyad_cohesion").fetchall():
        assert len(dyad_evidence(demo_db, week, pair).rows) == count


def test_evidence_command_prints_the_sentences_of_one_cell(demo_db, con):
    day, count = con.execute("""select day::varchar, mention_count from daily_member_mentions
                                where member = 'RU' and source_id = 'vestnik' order by day limit 1""").fetchone()
    result = runner.invoke(app, ["evidence", "--db", str(demo_db), "--member", "ru", "--day", day,
                                 "--source", "vestnik", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == count and {r["member"] for r in rows} == {"RU"}
    assert {r["source_id"] for r in rows} == {"vestnik"}
    bad = runner.invoke(app, ["evidence", "--db", str(demo_db), "--day", day])
    assert bad.exit_code == 2 and "exactly one" in bad.output


def test_trends_command_filters_by_member_source_framing_and_day(demo_db):
    result = runner.invoke(app, ["trends", "--db", str(demo_db), "--member", "KP", "--source", "meridian",
                                 "--framing", "bloc", "--since", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert "Share of attention" in result.output and "Framings by stance" in result.output
    mention_table = result.output.split("Mentions by member and source", 1)[1].split("Framings by stance")[0]
    assert "KP" in mention_table and "meridian" in mention_table
    assert not re.search(r"\b(CN|RU|IR)\b", mention_table) and "ledger" not in mention_table
    assert "natural_allies" not in result.output.split("Framings by stance", 1)[1]


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed on first use when missing (CI machines start without it)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.geteuid() != 0:
            pytest.fail("the report test needs chromium: apt-get install --no-install-recommends chromium")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
                       check=True, env=env, capture_output=True)
    return path


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_report_renders_its_charts_in_a_headless_browser(demo_db, chromium, tmp_path):
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", "--db", str(demo_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pngs = {p.name: _png_size(p) for p in out.glob("*.png")}
    assert set(pngs) == {"attention.png", "framing_stance.png", "dyad_cohesion.png"}
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # self-contained: nothing to fetch

    profile = tmp_path / "profile"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--disable-domain-reliability",
         f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom",
         (out / "index.html").as_uri()],
        capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'data-charts-rendered="3"' in dom.stdout
    sizes = dict(re.findall(r'data-file="([\w.]+)"[^>]*data-natural-size="(\d+x\d+)"', dom.stdout)
                 or [(f, s) for s, f in re.findall(r'data-natural-size="(\d+x\d+)"[^>]*data-file="([\w.]+)"',
                                                   dom.stdout)])
    assert sizes == {name: f"{w}x{h}" for name, (w, h) in pngs.items()}


def test_db_migrate_is_idempotent_and_status_lists_every_migration(tmp_path):
    first = runner.invoke(app, ["db", "migrate", "--data-dir", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert "applied 0001_core" in first.output and "applied 0005_members" in first.output
    second = runner.invoke(app, ["db", "migrate", "--data-dir", str(tmp_path)])
    assert "applied" not in second.output.replace("applied now", "") and "0 migration(s)" in second.output
    status = runner.invoke(app, ["db", "status", "--data-dir", str(tmp_path)])
    assert status.exit_code == 0 and "0005_members" in status.output and "pending" not in status.output
    assert (tmp_path / "private" / "warehouse.duckdb").exists()
