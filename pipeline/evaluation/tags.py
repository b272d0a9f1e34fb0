"""Measure the tagger against a labelled gold file: members, framings, stance, dyads, relations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.evaluation.jsonlines import numbered_objects
from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.tagger import TagResult, tag_text

SPLITS = ("dev", "test", "all")


class GoldError(ValueError):
    """A gold file line is malformed; the message names the line."""


@dataclass
class Counts:
    """True/false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class TagReport:
    """Every figure ``crinkwatch eval tags`` prints, plus the misses for inspection."""

    items: int = 0
    members: dict[str, Counts] = field(default_factory=dict)
    framings: dict[str, Counts] = field(default_factory=dict)
    dyads: Counts = field(default_factory=Counts)
    stance_correct: int = 0
    stance_total: int = 0
    relation_correct: int = 0
    relation_total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _micro(by_label: dict[str, Counts]) -> Counts:
        total = Counts()
        for c in by_label.values():
            total.add(c)
        return total

    @property
    def members_micro(self) -> Counts:
        return self._micro(self.members)

    @property
    def framings_micro(self) -> Counts:
        return self._micro(self.framings)

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.stance_total if self.stance_total else 1.0

    @property
    def relation_accuracy(self) -> float:
        return self.relation_correct / self.relation_total if self.relation_total else 1.0

    def summary(self) -> dict[str, float]:
        """The headline figures, as the tests' floors name them."""
        return {"members_f1": self.members_micro.f1, "framings_f1": self.framings_micro.f1,
                "stance_accuracy": self.stance_accuracy, "dyads_f1": self.dyads.f1,
                "relation_accuracy": self.relation_accuracy}


def read_labelled_lines(path: Path, required: set[str], split: str = "all") -> list[tuple[int, dict[str, Any]]]:
    """(line number, item) of a JSON Lines label file in one split ('dev', 'test' or 'all'), checked."""
    if split not in SPLITS:
        raise GoldError(f"split must be one of {SPLITS}, not {split!r}")
    items = []
    for n, item in numbered_objects(path, GoldError):
        missing = required - set(item)
        if missing:
            raise GoldError(f"{path}:{n}: missing {sorted(missing)}")
        if split == "all" or item["split"] == split:
            items.append((n, item))
    return items


def read_gold(path: Path, split: str = "all") -> list[dict[str, Any]]:
    """Gold items of one split ('dev', 'test' or 'all'), validated."""
    required = {"id", "lang", "text", "split", "members", "framings", "dyads"}
    return [item for _, item in read_labelled_lines(path, required, split)]


def _pair_relations(result: TagResult) -> dict[tuple[str, str], str]:
    """One relation per pair in a text: the most frequent; friction, then cooperation, wins ties."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for d in result.dyads:
        votes.setdefault((d.a, d.b), Counter())[d.relation] += 1
    rank = {"friction": 2, "cooperation": 1, "neutral": 0}
    return {pair: max(c, key=lambda r: (c[r], rank.get(r, 0))) for pair, c in votes.items()}


def evaluate_tags(items: list[dict[str, Any]], lexicon: Lexicon) -> TagReport:
    """Compare the tagger's output with each gold item."""
    report = TagReport()
    for code in sorted(lexicon.members):
        report.members[code] = Counts()
    for fid in lexicon.framing_ids:
        report.framings[fid] = Counts()
    for item in items:
        report.items += 1
        result = tag_text(item["text"], item["lang"], lexicon)
        problems: list[str] = []
        gold_m, pred_m = set(item["members"]), set(result.member_codes(lexicon))
        for code in gold_m | pred_m:
            c = report.members.setdefault(code, Counts())
            c.tp += code in gold_m and code in pred_m
            c.fp += code in pred_m and code not in gold_m
            c.fn += code in gold_m and code not in pred_m
        if gold_m != pred_m:
            problems.append(f"members gold={sorted(gold_m)} got={sorted(pred_m)}")

        gold_f: dict[str, list[str]] = {}
        for f in item["framings"]:
            gold_f.setdefault(f["id"], []).append(f["stance"])
        pred_f: dict[str, list[str]] = {}
        for framing in result.framings:
            pred_f.setdefault(framing.label, []).append(framing.stance)
        for fid in set(gold_f) | set(pred_f):
            g, p = gold_f.get(fid, []), pred_f.get(fid, [])
            matched = min(len(g), len(p))
            c = report.framings.setdefault(fid, Counts())
            c.tp += matched
            c.fp += len(p) - matched
            c.fn += len(g) - matched
            if len(g) != len(p):
                problems.append(f"framing {fid} gold={len(g)} got={len(p)}")
            for gs, ps in zip(g, p):  # both in text order
                report.stance_total += 1
                report.stance_correct += gs == ps
                if gs != ps:
                    problems.append(f"stance {fid} gold={gs} got={ps}")

        gold_d = {tuple(sorted(d["pair"])): d["relation"] for d in item["dyads"]}
        pred_d = _pair_relations(result)
        for pair in set(gold_d) | set(pred_d):
            report.dyads.tp += pair in gold_d and pair in pred_d
            report.dyads.fp += pair in pred_d and pair not in gold_d
            report.dyads.fn += pair in gold_d and pair not in pred_d
            if pair in gold_d and pair in pred_d:
                report.relation_total += 1
                report.relation_correct += gold_d[pair] == pred_d[pair]
                if gold_d[pair] != pred_d[pair]:
                    problems.append(f"relation {'-'.join(pair)} gold={gold_d[pair]} got={pred_d[pair]}")
            elif pair in gold_d or pair in pred_d:
                problems.append(f"dyad {'-'.join(pair)} gold={pair in gold_d} got={pair in pred_d}")
        if problems:
            report.errors.append({"id": item["id"], "text": item["text"], "problems": problems})
    return report
