"""The `tag` JSON Lines contract (streaming, in order, one line per input) and `eval tags`."""

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[3]
KEYS = {"id", "lang", "members", "framings", "dyads"}


def test_tag_streams_one_line_per_input_in_order():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "tag"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=ROOT)
    try:
        # Each answer is read before the next line is sent: the command must not wait for EOF.
        proc.stdin.write(json.dumps({"id": "1", "text": "Moscow and Beijing signed a deal. "
                                     "The so-called axis of upheaval is a myth.", "lang": "en"}) + "\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())
        proc.stdin.write("{broken\n")
        proc.stdin.flush()
        second = json.loads(proc.stdout.readline())
        proc.stdin.write(json.dumps({"id": 3, "text": "중국과 러시아는 자연스러운 동맹이 아니다.", "lang": "ko"}) + "\n")
        proc.stdin.close()
        rest = [json.loads(line) for line in proc.stdout]
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == 0
    assert set(first) == KEYS
    assert first["id"] == "1" and first["lang"] == "en" and first["members"] == ["CN", "RU"]
    text = "Moscow and Beijing signed a deal. The so-called axis of upheaval is a myth."
    [framing] = first["framings"]
    assert framing["id"] == "axis_of_upheaval" and framing["stance"] == "contested"
    assert text[framing["start"]:framing["end"]] == framing["text"]
    assert first["dyads"] == [{"pair": ["CN", "RU"], "relation": "cooperation",
                               "sentence": "Moscow and Beijing signed a deal."}]
    assert second["id"] is None and "line 2" in second["error"] and KEYS <= set(second)
    assert [r["id"] for r in rest] == [3]
    assert rest[0]["framings"][0]["stance"] == "contested"


def test_tag_detects_the_language_when_none_is_given():
    line = json.dumps({"id": "r", "text": "Россия и Китай подписали новое соглашение о поставках газа."})
    result = CliRunner().invoke(app, ["tag"], input=line + "\n")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip())
    assert row["lang"] == "ru" and row["members"] == ["CN", "RU"]


def test_eval_tags_prints_every_figure():
    gold = ROOT / "tests" / "gold" / "tags.jsonl"
    result = CliRunner().invoke(app, ["eval", "tags", "--gold", str(gold), "--split", "test"])
    assert result.exit_code == 0, result.output
    for needle in ("CN", "KP", "natural_allies", "convenience", "precision", "recall", "F1",
                   "stance accuracy", "dyads", "relation accuracy"):
        assert needle in result.stdout


def test_eval_tags_rejects_a_bad_split(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "tags", "--gold", str(gold), "--split", "train"])
    assert result.exit_code == 2
