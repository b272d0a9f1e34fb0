"""The language stage: label every article and comment with a language code (langdetect)."""

from __future__ import annotations

from dataclasses import replace

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from pipeline.batch import BatchPaths
from pipeline.config import LANGDETECT_SEED
from pipeline.fetch.urls import url_id
from pipeline.models import Article, Comment, RawPage, read_jsonl, read_parquet, write_parquet

# langdetect samples randomly; a fixed seed makes labels reproducible run to run.
DetectorFactory.seed = LANGDETECT_SEED

MIN_CHARS = 20
MIN_CONFIDENCE = 0.70
PREFIX_CHARS = 2000  # the first 2,000 characters decide; long texts do not dominate the cost
UNDETERMINED = "und"


def detect_language(text: str, hint: str | None = None) -> tuple[str, float]:
    """(ISO 639-1 code, confidence); ``und`` when the text is too short or unclear.

    ``hint`` (the page's lang attribute or the feed's language) settles unclear cases.
    """
    sample = (text or "")[:PREFIX_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return (hint or UNDETERMINED, 0.0)
    try:
        candidates = detect_langs(sample)
    except LangDetectException:
        return (hint or UNDETERMINED, 0.0)
    best = candidates[0]
    code = best.lang.split("-")[0]
    if best.prob < MIN_CONFIDENCE:
        if hint and any(c.lang.split("-")[0] == hint for c in candidates):
            return (hint, best.prob)
        return (UNDETERMINED, best.prob)
    return (code, round(best.prob, 4))


def feed_language_hints(paths: BatchPaths) -> dict[str, str]:
    """article_id → the language its feed declared, to break ties."""
    return {
        url_id(p.canonical_url): p.entry_language
        for p in read_jsonl(paths.raw_pages, RawPage)
        if p.entry_language
    }


def label_batch(paths: BatchPaths) -> dict[str, int]:
    """Add language labels to the batch's extracted articles and comments."""
    hints = feed_language_hints(paths)
    articles = []
    for a in read_parquet(paths.extracted_articles, Article):
        lang, conf = detect_language(a.text, hints.get(a.article_id))
        articles.append(replace(a, language=lang, language_confidence=conf))
    article_lang = {a.article_id: a.language for a in articles}
    comments = []
    for c in read_parquet(paths.extracted_comments, Comment):
        lang, conf = detect_language(c.text, article_lang.get(c.article_id))
        comments.append(replace(c, language=lang, language_confidence=conf))
    write_parquet(paths.articles, articles, Article)
    write_parquet(paths.comments, comments, Comment)
    return {"articles": len(articles), "comments": len(comments)}
