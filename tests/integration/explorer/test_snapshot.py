"""`crinkwatch report` writes a self-contained interactive snapshot: no network, every point's
evidence inside the file, SVG files per panel; checked in Debian's chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from typer.testing import CliRunner

from pipeline.cli import app
from tests.integration.explorer.conftest import CHROMIUM


@pytest.fixture(scope="module")
def snapshot(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(app, ["report", "--db", str(demo_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "snapshot.html"


def test_the_snapshot_needs_no_network_and_embeds_every_points_evidence(snapshot):
    html = snapshot.read_text(encoding="utf-8")
    assert "<script>" in html and not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", html)
    targets = set(re.findall(r'<a href="#(ev\d+)" class="pt">', html))
    assert targets and targets <= set(re.findall(r"<template id='(ev\d+)'>", html))
    svgs = sorted(p.name for p in (snapshot.parent / "svg").glob("*.svg"))
    assert "dyads-CN-RU.svg" in svgs and "attention-RU.svg" in svgs and "framings-bloc.svg" in svgs


def test_clicking_a_point_in_the_snapshot_shows_its_sentences(snapshot):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(snapshot.as_uri())
        page.click("nav button[data-view=dyads]")
        expect(page.locator("section#dyads")).to_be_visible()
        expect(page.locator("section#attention")).to_be_hidden()
        point = page.locator("section#dyads svg a.pt circle").first
        pair = point.get_attribute("data-x")
        point.click()
        expect(page.locator("#evidence h3")).to_contain_text("dyads")
        expect(page.locator("#evidence")).to_contain_text(pair)
        assert page.locator("#evidence p").count() > 1
        browser.close()
    assert all(u.startswith("file://") for u in requests)


def test_the_reports_chart_links_open_their_view_in_the_snapshot(snapshot):
    index = (snapshot.parent / "index.html").read_text(encoding="utf-8")
    assert "href='snapshot.html#dyads'" in index
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(snapshot.parent.joinpath("index.html").as_uri())
        page.click("figure#dyad_cohesion img.chart")
        expect(page.locator("section#dyads")).to_be_visible()
        expect(page.locator("section#attention")).to_be_hidden()
        expect(page.locator("nav button[data-view=dyads]")).to_have_class("on")
        browser.close()
