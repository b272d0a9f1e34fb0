"""The explorer in a real browser (Debian's chromium driven by Playwright): filter, click a chart
point into its evidence, search Russian and Chinese, download a CSV and compare it with SQL.

Screenshots of the main views go to $CRINKWATCH_SCREENSHOT_DIR, else a pytest temp folder.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from pipeline.warehouse.connection import connect
from tests.integration.explorer.conftest import CHROMIUM



@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("CRINKWATCH_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def page(explorer_url):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no chromium at {CHROMIUM}: `make browser` installs Debian's package")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True,
                                      base_url=explorer_url)
        yield context.new_page()
        browser.close()


def test_filter_then_click_a_point_into_its_evidence(page: Page, shots):
    page.goto("/attention")
    expect(page.locator("h1")).to_have_text("Attention")
    page.screenshot(path=shots / "attention.png", full_page=True)

    page.select_option("select[name=language]", "ru")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"language=ru"))
    points = page.locator("svg a.pt circle")
    counts = [int(re.search(r": (\d+) of \d+ articles", t)[1])
              for t in points.locator("title").all_text_contents()]
    chosen = next(i for i, n in enumerate(counts) if n > 0)
    articles = counts[chosen]
    points.nth(chosen).click()

    expect(page).to_have_url(re.compile(r"/evidence\?.*language=ru"))
    expect(page.locator("h1")).to_contain_text("Evidence")
    assert page.locator("div.doc").count() == articles
    expect(page.locator("div.doc mark").first).to_be_visible()
    expect(page.locator("div.doc a", has_text="stored copy").first).to_be_visible()
    page.screenshot(path=shots / "evidence.png", full_page=True)


@pytest.mark.parametrize("view", ["framings", "dyads", "kinds"])
def test_main_views_draw_a_panel_per_series_key(page: Page, shots, view):
    page.goto(f"/{view}")
    assert page.locator("svg.panel").count() > 1
    assert page.locator("svg a.pt").count() > 0
    page.screenshot(path=shots / f"{view}.png", full_page=True)


@pytest.mark.parametrize("word", ["Москва", "中俄"])
def test_search_russian_and_chinese(page: Page, shots, word):
    page.goto("/search")
    page.fill("input[name=q]", word)
    page.press("input[name=q]", "Enter")
    expect(page.locator("#search-total")).to_contain_text("match(es)")
    assert int(re.match(r"(\d+)", page.locator("#search-total").text_content().strip())[1]) > 0
    expect(page.locator(".hit mark").first).to_have_text(word)
    page.screenshot(path=shots / f"search-{'ru' if word == 'Москва' else 'zh'}.png", full_page=True)


def test_downloaded_csv_equals_sql(page: Page, demo_db, tmp_path):
    page.goto("/dyads?source=vestnik")
    with page.expect_download() as download:
        page.click("#export-csv")
    path = tmp_path / "dyads.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8") as fh:
        rows = [(r["period"], r["pair_id"], int(r["cooperation"]), int(r["friction"]), int(r["neutral"]))
                for r in csv.DictReader(fh)]
    con = connect(demo_db, read_only=True)
    try:
        expected = con.execute("""
            select cast(date_trunc('week', cast(timezone('UTC', a.published_at) as date)) as date)::varchar,
                   d.member_a || '-' || d.member_b,
                   -- the explorer counts a relation in its column only when confident (unsure ones apart)
                   count(*) filter (where relation = 'cooperation' and coalesce(confidence, 1.0) >= 0.7),
                   count(*) filter (where relation = 'friction' and coalesce(confidence, 1.0) >= 0.7),
                   count(*) filter (where relation = 'neutral')
            from dyads d join articles a using (article_id)
            where list_contains(a.source_ids, 'vestnik')
            group by all order by 1, 2""").fetchall()
    finally:
        con.close()
    assert rows == expected and rows
