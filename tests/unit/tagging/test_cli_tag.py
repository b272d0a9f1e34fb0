"""The `tag` JSON Lines contract (streaming, in order, one line per input) and `eval tags`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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
        proc.stdin.write(json.dumps({"id": "3", "text": "중국과 러시아는 자연스러운 동맹이 아니다.", "lang": "ko"}) + "\n")
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
    assert first["dyads"] == [{"pair": ["CN", "RU"], "relation": "cooperation", "confidence": 0.9,
                               "sentence": "Moscow and Beijing signed a deal."}]
    assert framing["target"] == ["CN", "IR", "KP", "RU"]
    assert second["id"] is None and "line 2" in second["error"] and KEYS <= set(second)
    assert [r["id"] for r in rest] == ["3"]
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


def test_bad_lines_each_get_one_error_line_and_the_stream_goes_on():
    good = json.dumps({"id": "ok", "text": "Moscow and Beijing signed a deal.", "lang": "en"})
    bad = [
        '{"id": "s", "text": "lone \\ud800 surrogate", "lang": "en"}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": 7, "text": "Russia.", "lang": "en"}),
        json.dumps({"id": "l", "text": "Russia.", "lang": ["en"]}),
        "",
        '{"id": "n", "text": "Russia.", "lang": "en", "score": NaN}',
    ]
    lines = [x for b in bad for x in (b, good)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "tag"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert len(out) == len(lines)
    rows = [json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in output")) for line in out]
    for n, (row, line) in enumerate(zip(rows, lines), 1):
        if line == good:
            assert "error" not in row and row["members"] == ["CN", "RU"], n
        else:
            assert row["error"].startswith(f"line {n}:") and KEYS <= set(row), (n, row)
    assert "surrogate" in rows[0]["error"] and rows[0]["id"] == "s" and "nested" in rows[2]["error"]
    assert rows[4]["id"] is None and rows[6]["id"] == "l"  # an id is echoed only when it is a clean string
    assert "'id'" in rows[4]["error"] and "'lang'" in rows[6]["error"] and "blank" in rows[8]["error"]


def test_undecodable_bytes_on_stdin_give_an_error_line():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    good = json.dumps({"id": "ok", "text": "Iran and Russia signed a pact.", "lang": "en"}).encode()
    data = b'{"id": "x", "text": "bad \xff byte"}\n' + good + b"\n"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "tag"], input=data, capture_output=True,
                          env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    first, second = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert "surrogate" in first["error"] and second["members"] == ["IR", "RU"]
