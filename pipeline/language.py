"""The language stage: label every article and comment with a language code (langdetect).

Detection runs on a bounded prefix of the text so long articles do not dominate the cost; text
that is too short or too unclear gets ``und``, and the page's ``lang`` attribute or the feed's
language settles a close call between candidates. The extract stage labels records as it builds
them; ``label_batch`` only fills in records that arrive without a label.
"""

from __future__ import annotations

import re
from dataclasses import replace

from langdetect import DetectorFactory, detector_factory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram

from pipeline.batch import BatchPaths
from pipeline.config import LANGDETECT_SEED
from pipeline.fetch.urls import url_id
from pipeline.models import Article, Comment, RawPage, read_jsonl, read_parquet, write_parquet

# langdetect samples randomly; a fixed seed makes labels reproducible run to run.
DetectorFactory.seed = LANGDETECT_SEED

MIN_CHARS = 20
MIN_CONFIDENCE = 0.70
PREFIX_CHARS = 1000  # the first 1,000 characters decide; long texts do not dominate the cost
TRIALS = 3  # langdetect's random restarts (its default is 7); 3 agree with 7 on clear text
UNDETERMINED = "und"
# A Han/kana character carries about as much as a short word: it counts three toward MIN_CHARS,
# so a one-line Chinese comment is long enough while "ok" or "+1" never is.
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def effective_length(text: str) -> int:
    """Length for the too-short test: characters, with each CJK character counted three times."""
    return len(text) + 2 * len(CJK.findall(text))


def normalise_language_tag(tag: str | None) -> str | None:
    """'en-GB', 'zh_CN', ' RU ' → 'en', 'zh', 'ru'; None for empty or malformed tags."""
    if not tag:
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
KANA = re.compile("[\u3040-\u30ff]")


_NORMALISED: dict[str, str] = {}


def _normalised(ch: str) -> str:
    found = _NORMALISED.get(ch)
    if found is None:
        found = _NORMALISED[ch] = NGram.normalize(ch)
    return found


def text_ngrams(text: str, known: dict) -> list[str]:
    """The n-grams langdetect's ``Detector._extract_ngrams`` finds in ``text``, the same list in
    the same order, at a third of its cost: each character is normalised once per process, not
    once per occurrence, and the 1-, 2- and 3-gram buffer is kept in local variables.

    ``known`` is the detector's ``word_lang_prob_map``: only n-grams in its profiles count.
    """
    result: list[str] = []
    grams, capital = " ", False
    for ch in text:
        ch = _NORMALISED.get(ch) or _normalised(ch)
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue
        elif len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        if len(grams) >= 2:
            if grams[-2:] in known:
                result.append(grams[-2:])
            if len(grams) >= 3 and grams[-3:] in known:
                result.append(grams[-3:])
    return result


def _candidates(sample: str, trials: int) -> list:
    """langdetect's ranked candidates, with a chosen number of trials (seeded, reproducible).

    Korean without Hangul and Japanese without kana are impossible: langdetect proposes them for
    Chinese text (shared Han characters), so they are dropped and the rest renormalised.
    """
    detector_factory.init_factory()
    detector = detector_factory._factory.create()
    detector.n_trial = trials
    detector.append(sample)
    detector._extract_ngrams = lambda: text_ngrams(detector.text, detector.word_lang_prob_map)
    candidates = detector.get_probabilities()
    impossible = set()
    if not HANGUL.search(sample):
        impossible.add("ko")
    if not KANA.search(sample):
        impossible.add("ja")
    kept = [c for c in candidates if c.lang not in impossible]
    total = sum(c.prob for c in kept)
    if kept and len(kept) < len(candidates) and total > 0:
        for c in kept:
            c.prob = c.prob / total
    return kept or candidates


def detect_language(
    text: str, hint: str | None = None, *, prefix_chars: int = PREFIX_CHARS,
    min_chars: int = MIN_CHARS, min_confidence: float = MIN_CONFIDENCE, trials: int = TRIALS,
) -> tuple[str, float]:
    """(ISO 639-1 code, confidence); ``und`` when the text is too short or unclear.

    ``hint`` (the page's lang attribute or the feed's language) settles a low-confidence call
    when it is one of the candidates langdetect saw; it never labels text that is too short.
    """
    sample = " ".join((text or "")[:prefix_chars].split())
    if effective_length(sample) < min_chars:
        return (UNDETERMINED, 0.0)
    try:
        candidates = _candidates(sample, trials)
    except LangDetectException:
        return (UNDETERMINED, 0.0)
    best = candidates[0]
    code = normalise_language_tag(best.lang) or UNDETERMINED
    if best.prob >= min_confidence:
        return (code, round(best.prob, 4))
    hint = normalise_language_tag(hint)
    for c in candidates:
        if hint and normalise_language_tag(c.lang) == hint:
            return (hint, round(c.prob, 4))
    return (UNDETERMINED, round(best.prob, 4))


def feed_language_hints(paths: BatchPaths) -> dict[str, str]:
    """article_id → the language its feed declared, to break ties."""
    return {
        url_id(p.canonical_url): p.entry_language
        for p in read_jsonl(paths.raw_pages, RawPage)
        if p.entry_language
    }


def _unlabelled(language: str | None, confidence: float) -> bool:
    return not language or (language == UNDETERMINED and confidence == 0.0)


def label_batch(paths: BatchPaths) -> dict[str, int]:
    """Write the batch's labelled articles and comments, detecting only what extract left unlabelled."""
    hints = feed_language_hints(paths)
    articles = []
    for a in read_parquet(paths.extracted_articles, Article):
        if _unlabelled(a.language, a.language_confidence):
            lang, conf = detect_language(a.text, hints.get(a.article_id))
            a = replace(a, language=lang, language_confidence=conf)
        articles.append(a)
    article_lang = {a.article_id: a.language for a in articles}
    comments = []
    for c in read_parquet(paths.extracted_comments, Comment):
        if _unlabelled(c.language, c.language_confidence):
            lang, conf = detect_language(c.text, article_lang.get(c.article_id))
            c = replace(c, language=lang, language_confidence=conf)
        comments.append(c)
    write_parquet(paths.articles, articles, Article)
    write_parquet(paths.comments, comments, Comment)
    return {"articles": len(articles), "comments": len(comments)}
