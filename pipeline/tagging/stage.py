"""The tag stage: tag every article and comment of a batch and write mention files."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from pipeline.batch import BatchPaths
from pipeline.models import Article, Comment, FramingMention, Mention, read_parquet, write_parquet
from pipeline.tagging.lexicon import Lexicon, load_lexicon
from pipeline.tagging.tagger import tag_text


def tag_document(
    doc_id: str, doc_kind: str, article_id: str, text: str, lang: str, lexicon: Lexicon,
    batch_id: str = "",
) -> tuple[list[Mention], list[FramingMention]]:
    """Mention and framing records for one article or comment."""
    result = tag_text(text, lang, lexicon)
    mentions = [
        Mention(doc_id=doc_id, doc_kind=doc_kind, article_id=article_id, actor=s.label,
                is_member=s.label in lexicon.members, start=s.start, end=s.end,
                surface=s.surface, sentence=result.sentence(s.sentence_index, text),
                taxonomy_version=lexicon.version, batch_id=batch_id)
        for s in result.actors
    ]
    framings = [
        FramingMention(doc_id=doc_id, doc_kind=doc_kind, article_id=article_id,
                       framing_id=s.label, stance=stance, start=s.start, end=s.end,
                       surface=s.surface, sentence=result.sentence(s.sentence_index, text),
                       taxonomy_version=lexicon.version, batch_id=batch_id)
        for s, stance in result.framings
    ]
    return mentions, framings


def tag_batch(
    paths: BatchPaths, taxonomy_path: Path, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Tag the batch's language-labelled articles and comments."""
    lexicon = load_lexicon(taxonomy_path)
    mentions: list[Mention] = []
    framings: list[FramingMention] = []
    for a in read_parquet(paths.articles, Article):
        m, f = tag_document(a.article_id, "article", a.article_id, a.text, a.language, lexicon,
                            paths.batch_id)
        mentions += m
        framings += f
        if progress:
            progress("tag", 1)
    for c in read_parquet(paths.comments, Comment):
        m, f = tag_document(c.comment_id, "comment", c.article_id, c.text, c.language, lexicon,
                            paths.batch_id)
        mentions += m
        framings += f
    write_parquet(paths.mentions, mentions, Mention)
    write_parquet(paths.framings, framings, FramingMention)
    return {"mentions": len(mentions), "framings": len(framings),
            "taxonomy_version": lexicon.version}  # type: ignore[dict-item]
