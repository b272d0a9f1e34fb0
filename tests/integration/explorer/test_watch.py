"""Watch rules on the demo warehouse: a surge alerts once through the alert channels and is listed
in the explorer; the demo's own rules stay quiet."""

from __future__ import annotations

import logging
import shutil

from starlette.testclient import TestClient

from pipeline.config import load_settings
from pipeline.explorer.app import create_app
from pipeline.warehouse.quality_records import list_alerts
from pipeline.watch.notify import run_watch

# In the demo, North Korea is named by 2 of 7 articles in the first week and 3 of 7 in the second.
SURGE = """
rules:
  - id: kp_attention
    description: attention to North Korea
    measure: member
    member: KP
    baseline_periods: 1
    min_count: 3
    ratio: 1.4
  - id: kp_attention_strict
    measure: member
    member: KP
    baseline_periods: 1
    min_count: 3
    ratio: 2
"""


def test_a_surge_alerts_once_and_is_listed_in_the_app(demo_dir, tmp_path, caplog):
    data = tmp_path / "data"
    shutil.copytree(demo_dir, data, symlinks=True)
    rules = tmp_path / "watch.yml"
    rules.write_text(SURGE, encoding="utf-8")
    settings = load_settings(data_dir=data, watch_rules_path=rules)

    with caplog.at_level(logging.WARNING):
        results = run_watch(settings)
    assert [(r.rule.id, r.is_hit, r.count, r.baseline) for r in results] == [
        ("kp_attention", True, 3, 2.0), ("kp_attention_strict", False, 3, 2.0)]
    sent = [rec for rec in caplog.records if "kp_attention" in rec.getMessage()]
    assert len(sent) == 1 and "3 in the week of 2026-11-23" in sent[0].getMessage()
    [alert] = [a for a in list_alerts(settings.private_db_path) if a["origin"] == "watch"]
    assert alert["check_name"] == "kp_attention" and "/evidence?view=attention" in alert["details"]

    caplog.clear()
    with caplog.at_level(logging.WARNING):
        run_watch(settings)  # the next publish: same rule, same week, no second alert
    assert not [rec for rec in caplog.records if "kp_attention" in rec.getMessage()]

    page = TestClient(create_app(settings.db_path, data, rules)).get("/watch")
    assert page.status_code == 200
    row = page.text.split('<tr class="hit">')[1].split("</tr>")[0]
    assert "kp_attention" in row and "SURGE" in row and ">3</a>" in row
    assert page.text.count("SURGE") == 1


def test_the_demo_rules_are_quiet_on_the_demo(demo_db):
    page = TestClient(create_app(demo_db, None, load_settings().watch_rules_path)).get("/watch")
    assert page.status_code == 200 and page.text.count("<tr") == 5 and "SURGE" not in page.text
