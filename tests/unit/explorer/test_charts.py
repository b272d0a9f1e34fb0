from datetime import date

from pipeline.explorer.charts import Panel, Point, Series, panel_svg

XS = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]


def point(x, y, n, href="/evidence?x=1"):
    return Point(x, y, n, f"{n}", f"tip {x}", href)


def test_every_point_links_to_its_evidence_and_carries_its_counts():
    panel = Panel("RU", [Series("share", [point(XS[0], 500, 2, "/evidence?a=1&b=2"),
                                          point(XS[2], 250, 40)])], 0, 1000, "per 1,000")
    svg = panel_svg(panel, XS)
    assert svg.count("<a href=") == 2
    assert 'href="/evidence?a=1&amp;b=2"' in svg
    assert "<title>tip 2026-11-02</title>" in svg
    # few documents: hollow; many: filled
    assert 'fill="white" stroke="#1f77b4"' in svg and 'fill="#1f77b4" stroke="#1f77b4"' in svg
    assert '>2</text>' in svg and '>40</text>' in svg


def test_a_missing_value_breaks_the_line_instead_of_drawing_zero():
    panel = Panel("CN-RU", [Series("cohesion", [point(XS[0], 1, 5), point(XS[1], None, 0),
                                                point(XS[2], -1, 5)])], -1, 1, "cohesion")
    svg = panel_svg(panel, XS)
    assert "<polyline" not in svg
    assert svg.count("<circle") == 2


def test_series_differ_by_dash_as_well_as_colour():
    panel = Panel("bloc", [Series(s, [point(x, 1, 5) for x in XS])
                           for s in ("asserted", "distanced", "contested")], 0, 2, "mentions")
    svg = panel_svg(panel, XS)
    dashes = {part.split('"')[0] for part in svg.split('stroke-dasharray="')[1:]}
    assert len(dashes) == 3
    assert all(name in svg for name in ("asserted", "distanced", "contested"))
