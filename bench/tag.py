"""Tagging throughput: MB of text per CPU-second on one core (target: at least 5 MB/s).

Usage: python bench/tag.py [--mb 10] [--corpus DIR]

By default the text is built from the project's own gold sentences (dense with mentions and
framings) mixed with filler sentences in the same eight languages, four filler sentences to one
gold sentence, in documents of about 4 KB. ``--corpus DIR`` uses the *.txt files of a folder
(or *.txt.gz) instead, read as English and repeated until the size is reached.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import DEFAULT_TAXONOMY  # noqa: E402
from pipeline.tagging.lexicon import load_lexicon  # noqa: E402
from pipeline.tagging.stage import tag_document  # noqa: E402

FILLER = {
    "en": "The committee reviewed the annual report and discussed budget priorities for the coming year.",
    "ru": "Комитет рассмотрел годовой отчёт и обсудил приоритеты бюджета на следующий год.",
    "zh": "委员会审议了年度报告，并讨论了明年的预算优先事项。",
    "fa": "کمیته گزارش سالانه را بررسی کرد و درباره اولویت‌های بودجه سال آینده گفتگو کرد.",
    "ko": "위원회는 연례 보고서를 검토하고 내년 예산 우선순위를 논의했다.",
    "fr": "Le comité a examiné le rapport annuel et discuté des priorités budgétaires de l'année prochaine.",
    "de": "Der Ausschuss prüfte den Jahresbericht und beriet über die Haushaltsprioritäten des kommenden Jahres.",
    "es": "El comité revisó el informe anual y debatió las prioridades presupuestarias del próximo año.",
}


def build_documents(target_bytes: int, seed: int = 7) -> list[tuple[str, str]]:
    """(lang, text) documents of about 4 KB until ``target_bytes`` of UTF-8 text."""
    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = defaultdict(list)
    for line in (ROOT / "tests" / "gold" / "tags.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        by_lang[item["lang"]].append(item["text"])
    langs = sorted(by_lang)
    docs, total = [], 0
    while total < target_bytes:
        lang = rng.choice(langs)
        parts, size = [], 0
        while size < 4000:
            sentence = rng.choice(by_lang[lang]) if rng.random() < 0.2 else FILLER[lang]
            parts.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
        text = " ".join(parts)
        docs.append((lang, text))
        total += len(text.encode("utf-8"))
    return docs


def corpus_documents(folder: Path, target_bytes: int) -> list[tuple[str, str]]:
    import gzip

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
    texts += [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(folder.rglob("*.txt.gz"))]
    if not texts:
        raise SystemExit(f"no .txt or .txt.gz files under {folder}")
    docs, total, i = [], 0, 0
    while total < target_bytes:
        text = texts[i % len(texts)]
        docs.append(("en", text))
        total += len(text.encode("utf-8"))
        i += 1
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    lexicon = load_lexicon(DEFAULT_TAXONOMY)
    target = int(args.mb * 1_000_000)
    docs = corpus_documents(args.corpus, target) if args.corpus else build_documents(target)
    total = sum(len(t.encode("utf-8")) for _, t in docs)
    per_lang_bytes: dict[str, int] = defaultdict(int)
    per_lang_cpu: dict[str, float] = defaultdict(float)
    counts = defaultdict(int)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for i, (lang, text) in enumerate(docs):
        t0 = time.process_time()
        tags = tag_document(f"d{i}", "article", f"d{i}", text, lang, lexicon)
        per_lang_cpu[lang] += time.process_time() - t0
        per_lang_bytes[lang] += len(text.encode("utf-8"))
        counts["mentions"] += len(tags.mentions)
        counts["framings"] += len(tags.framings)
        counts["dyads"] += len(tags.dyads)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"taxonomy {lexicon.version}; {len(docs)} documents, {total / 1e6:.1f} MB of UTF-8 text")
    print(f"tag rows: {counts['mentions']} mentions, {counts['framings']} framings, {counts['dyads']} dyads")
    print(f"cpu {cpu:.2f} s, wall {wall:.2f} s (one process, one core)")
    print(f"throughput: {total / 1e6 / cpu:.2f} MB/s per core (target >= 5)")
    for lang in sorted(per_lang_bytes):
        print(f"  {lang}: {per_lang_bytes[lang] / 1e6 / per_lang_cpu[lang]:.2f} MB/s "
              f"({per_lang_bytes[lang] / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
