"""The committed GX project is consistent: each suite has its checkpoint, a policy and a row check."""

import json

from pipeline.config import EXPECTATIONS_DIR
from pipeline.quality.policy import ACTIONS, ROW_CHECKS
from pipeline.quality.stages import STAGE_SUITES
from pipeline.quality.suites import load_suite_dict, project_dir, suite_names

GX = project_dir(EXPECTATIONS_DIR)


def test_every_stage_suite_exists_with_checkpoint_and_validation_definition():
    names = suite_names(EXPECTATIONS_DIR)
    assert sorted(s for suites in STAGE_SUITES.values() for s in suites) == names
    for name in names:
        checkpoint = json.loads((GX / "checkpoints" / f"{name}.json").read_text(encoding="utf-8"))
        definition = json.loads((GX / "validation_definitions" / f"{name}.json").read_text(encoding="utf-8"))
        assert [v["name"] for v in checkpoint["validation_definitions"]] == [name]
        assert definition["suite"]["name"] == name and definition["data"]["asset"]["name"] == name


def test_every_expectation_says_what_its_failure_does():
    for name in suite_names(EXPECTATIONS_DIR):
        checks = []
        for e in load_suite_dict(EXPECTATIONS_DIR, name)["expectations"]:
            meta = e["meta"]
            assert meta["on_failure"] in ACTIONS, (name, e)
            assert meta["why"], (name, e)
            if meta["on_failure"] == "quarantine":
                assert e["type"] in ROW_CHECKS, (name, e["type"])
            checks.append(meta["check"])
        assert len(checks) == len(set(checks)), name


def test_data_docs_output_is_not_committed_and_progress_bars_are_off():
    assert "uncommitted/" in (GX / ".gitignore").read_text(encoding="utf-8")
    config = (GX / "great_expectations.yml").read_text(encoding="utf-8")
    assert "progress_bars:\n  globally: false" in config
    assert "analytics_enabled: false" in config
