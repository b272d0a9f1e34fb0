"""Pure parts of the analyst side: filter clauses, settings paths, the report page."""

from __future__ import annotations

import base64
from pathlib import Path

from pipeline.config import Settings, load_settings
from pipeline.warehouse.report import Chart, render_html
from pipeline.warehouse.trends import Filters, Result, where_clause


def test_where_clause_uses_only_the_filters_a_query_supports():
    filters = Filters(member="RU", framing="bloc", source="ledger", since="2026-11-01")
    sql, params = where_clause(filters, {"member": "member", "since": "day"})
    assert sql == " where member = ? and day >= cast(? as date)"
    assert params == ["RU", "2026-11-01"]
    assert where_clause(Filters(), {"member": "member"}) == ("", [])


def test_private_warehouse_follows_the_data_dir_unless_named(tmp_path, monkeypatch):
    monkeypatch.delenv("CRINKWATCH_PRIVATE_DB", raising=False)
    settings = load_settings(data_dir=tmp_path / "d", db_path=tmp_path / "analyst.duckdb")
    assert settings.private_db_path == tmp_path / "d" / "private" / "warehouse.duckdb"
    assert settings.db_path == tmp_path / "analyst.duckdb"
    named = load_settings(data_dir=tmp_path / "d", private_db_path=tmp_path / "p.duckdb")
    assert named.private_db_path == tmp_path / "p.duckdb"
    monkeypatch.setenv("CRINKWATCH_PRIVATE_DB", str(tmp_path / "env.duckdb"))
    assert load_settings(data_dir=tmp_path / "d").private_db_path == tmp_path / "env.duckdb"
    assert Settings(data_dir=Path("x")).private_db_path == Path("x/private/warehouse.duckdb")


def test_report_page_embeds_every_chart_and_escapes_text():
    png = b"\x89PNG\r\n\x1a\nfake"
    charts = [Chart(name=n, title=f"{n} <chart>", caption="c & d", png=png)
              for n in ("attention", "framing_stance", "dyad_cohesion")]
    table = Result("Framings", ["framing_id", "mentions"], [("bloc", 3), ("<b>", None)])
    page = render_html(charts, [table], {}, Filters(member="RU"))
    encoded = base64.b64encode(png).decode()
    assert page.count(f"src='data:image/png;base64,{encoded}'") == 3
    assert "attention &lt;chart&gt;" in page and "c &amp; d" in page and "<td>&lt;b&gt;</td>" in page
    assert "member RU" in page
    assert "src='http" not in page and "<link" not in page
