"""Accuracy floors on the held-out test half of the gold set (tuning used the dev half only)."""

import json
from collections import Counter
from pathlib import Path

from pipeline.evaluation.tags import evaluate_tags, read_gold

GOLD = Path(__file__).resolve().parents[2] / "gold" / "tags.jsonl"
FLOORS = {"members_f1": 0.95, "framings_f1": 0.90, "stance_accuracy": 0.80, "dyads_f1": 0.95,
          "relation_accuracy": 0.75}


def test_gold_set_has_the_promised_shape():
    items = read_gold(GOLD, "all")
    assert len(items) >= 200
    assert len({i["id"] for i in items}) == len(items)
    assert sum(i["lang"] != "en" for i in items) >= 40
    assert sum(bool(i["framings"]) for i in items) >= 60
    assert sum(not i["members"] and not i["framings"] for i in items) >= 30  # hard negatives
    assert {i["lang"] for i in items} == {"en", "ru", "zh", "fa", "ko", "fr", "de", "es"}
    splits = Counter(i["split"] for i in items)
    assert set(splits) == {"dev", "test"} and splits["test"] >= 100
    for i in items:
        for d in i["dyads"]:
            assert set(d["pair"]) <= set(i["members"]), i["id"]
            assert d["relation"] in ("cooperation", "friction", "neutral")
        for f in i["framings"]:
            assert f["stance"] in ("asserted", "distanced", "contested")


def test_floors_on_the_test_half(lexicon):
    report = evaluate_tags(read_gold(GOLD, "test"), lexicon)
    summary = report.summary()
    below = {k: round(v, 3) for k, v in summary.items() if v < FLOORS[k]}
    assert below == {}, report.errors
    for code, counts in report.members.items():
        assert counts.f1 >= 0.9, code


def test_evaluation_counts_misses_and_false_alarms(lexicon, tmp_path):
    gold = tmp_path / "g.jsonl"
    rows = [
        {"id": "1", "lang": "en", "split": "test", "text": "Moscow and Beijing signed a deal.",
         "members": ["CN", "RU"], "framings": [], "dyads": [{"pair": ["CN", "RU"], "relation": "friction"}]},
        {"id": "2", "lang": "en", "split": "test", "text": "Nothing here.",
         "members": ["IR"], "framings": [{"id": "bloc", "stance": "asserted"}], "dyads": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = evaluate_tags(read_gold(gold, "test"), lexicon)
    assert (report.members["IR"].tp, report.members["IR"].fn) == (0, 1)
    assert report.members["CN"].f1 == 1.0
    assert report.framings["bloc"].fn == 1
    assert report.dyads.f1 == 1.0 and report.relation_accuracy == 0.0
