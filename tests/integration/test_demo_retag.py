"""`crinkwatch retag` moves the demo warehouse to the current taxonomy and the trends follow.

The demo is first run with the previous taxonomy version (the current file with its version set
back, which is how the warehouse looked before the bump: every tag row carries that version).
A retag then rewrites every tag row with the current version, in the private warehouse and the
published one, and the trend tables agree with the new rows: framing counts (member targets
only) and cohesion (confident rows only).
"""

from __future__ import annotations

import duckdb
import pytest
import yaml
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import load_lexicon

PREVIOUS = "2026.11.4"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo-retag")
    old = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    old["version"] = PREVIOUS
    old_path = data_dir / "taxonomy-previous.yml"
    old_path.write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("CRINKWATCH_TAXONOMY", str(old_path))
    try:
        result = CliRunner().invoke(app, ["demo", "--data-dir", str(data_dir)])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return data_dir


def _versions(con) -> set[str]:
    return {r[0] for t in ("mentions", "framings", "dyads")
            for r in con.execute(f"select distinct taxonomy_version from {t}").fetchall()}


def test_retag_moves_the_demo_to_the_current_taxonomy_and_trends_follow(demo_dir):
    db = demo_dir / "warehouse.duckdb"
    con = duckdb.connect(str(db), read_only=True)
    assert _versions(con) == {PREVIOUS}
    con.close()

    current = load_lexicon(DEFAULT_TAXONOMY).version
    assert current != PREVIOUS
    result = CliRunner().invoke(app, ["retag", "--taxonomy", str(DEFAULT_TAXONOMY), "--db", str(db),
                                      "--data-dir", str(demo_dir)])
    assert result.exit_code == 0, result.output
    assert f"taxonomy {current}" in result.output and PREVIOUS in result.output

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert _versions(con) == {current}
        counted = con.execute("""
            select count(*) from framings f join articles a using (article_id)
            where len(f.target_members) > 0 and a.published_at is not null""").fetchone()[0]
        assert con.execute("select sum(mention_count) from daily_framing_stance").fetchone()[0] == counted > 0
        assert con.execute("select count(*) from framing_evidence").fetchone()[0] >= counted
        assert con.execute("select count(*) from framings where target_members is null").fetchone()[0] == 0
        confident = con.execute("""
            select count(*) filter (where relation = 'cooperation'), count(*) filter (where relation = 'friction')
            from dyads where confidence >= 0.7""").fetchone()
        assert con.execute("""select sum(cooperation_count), sum(friction_count)
                              from weekly_dyad_cohesion""").fetchone() == confident
        assert con.execute("select count(*) from dyads where confidence is null").fetchone()[0] == 0
    finally:
        con.close()
