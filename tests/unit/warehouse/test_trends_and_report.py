"""Pure parts of the analyst side: filter clauses, settings paths, the report page and its charts."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from pipeline.config import Settings, load_settings
from pipeline.explorer.filters import ViewFilters
from pipeline.explorer.panels import dyad_panels, periods
from pipeline.warehouse import report
from pipeline.warehouse.report import Chart, ReportScope, draw_panels, render_html, scoped_panels, scoped_rows
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


def test_report_page_embeds_every_chart_links_the_snapshot_and_escapes_text():
    png = b"\x89PNG\r\n\x1a\nfake"
    charts = [Chart(name=n, view=v, title=f"{n} <chart>", caption="c & d", png=png)
              for n, v in (("attention", "attention"), ("framing_stance", "framings"),
                           ("dyad_cohesion", "dyads"))]
    table = Result("Framings", ["framing_id", "mentions"], [("bloc", 3), ("<b>", None)])
    scope = ReportScope(ViewFilters(source="ledger", grain="day"), member="RU")
    page = render_html(charts, [table] * 3, {}, scope)
    encoded = base64.b64encode(png).decode()
    assert page.count(f"src='data:image/png;base64,{encoded}'") == 3
    assert "attention &lt;chart&gt;" in page and "c &amp; d" in page and "<td>&lt;b&gt;</td>" in page
    assert "by day, source ledger, member RU" in page
    assert "href='snapshot.html#dyads'" in page and "href='snapshot.html#framings'" in page
    assert "src='http" not in page and "<link" not in page


def _dyad_rows() -> Result:
    week1, week2 = date(2026, 11, 16), date(2026, 11, 23)
    columns = ["period", "pair_id", "cooperation", "friction", "neutral", "sentences", "articles",
               "cohesion_index"]
    return Result("Dyads", columns, [
        (week1, "CN-RU", 4, 0, 1, 5, 3, 1.0), (week2, "CN-RU", 1, 0, 0, 1, 1, 1.0),
        (week1, "IR-RU", 6, 2, 0, 8, 4, 0.5), (week2, "KP-RU", 0, 0, 2, 2, 1, None)])


def test_each_pair_gets_its_own_panel_with_counts_and_few_sentences_drawn_hollow():
    result = _dyad_rows()
    f = ViewFilters()
    panels = dyad_panels(result, f)
    fig = draw_panels(panels, periods(result), "Dyad cohesion", "week")
    axes = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in axes] == ["CN-RU", "IR-RU", "KP-RU"]
    cn_ru = axes[0]
    notes = [t.get_text() for t in cn_ru.texts]
    assert notes == ["+4 −0 ·1", "+1 −0 ·0"]
    markers = [line for line in cn_ru.lines if line.get_marker() == "o"]
    assert [m.get_markerfacecolor() for m in markers][1] == "white"  # one sentence: hollow
    assert markers[0].get_markerfacecolor() != "white"
    assert not [t for t in axes[2].texts]  # no cooperation or friction: no index to draw
    svg = report._export(fig, "svg").decode()
    assert "CN-RU" in svg and "+4 −0 ·1" in svg and "IR-RU" in svg


def test_only_the_scoped_members_pairs_stay():
    result = _dyad_rows()
    scope = ReportScope(member="CN")
    panels = scoped_panels("dyads", dyad_panels(result, scope.filters), scope)
    assert [p.title for p in panels] == ["CN-RU"]
    assert {r[1] for r in scoped_rows("dyads", result, scope).rows} == {"CN-RU"}
    assert scoped_rows("dyads", result, ReportScope()).rows == result.rows
