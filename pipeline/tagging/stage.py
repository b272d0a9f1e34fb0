"""The tag stage: tag every article and comment of a batch and write the three tag files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pipeline.batch import BatchPaths
from pipeline.models import (Article, Comment, DyadMention, FramingMention, Mention, read_parquet,
                             write_parquet)
from pipeline.tagging.lexicon import Lexicon, load_lexicon
from pipeline.tagging.tagger import tag_text


@dataclass
class DocumentTags:
    """The tag rows of one or more documents."""

    mentions: list[Mention] = field(default_factory=list)
    framings: list[FramingMention] = field(default_factory=list)
    dyads: list[DyadMention] = field(default_factory=list)

    def extend(self, other: "DocumentTags") -> None:
        self.mentions += other.mentions
        self.framings += other.framings
        self.dyads += other.dyads


def tag_document(
    doc_id: str, doc_kind: str, article_id: str, text: str, lang: str, lexicon: Lexicon,
    batch_id: str = "",
) -> DocumentTags:
    """Mention, framing and dyad records for one article or comment; each keeps its sentence."""
    result = tag_text(text or "", lang, lexicon)
    common = {"doc_id": doc_id, "doc_kind": doc_kind, "article_id": article_id,
              "taxonomy_version": lexicon.version, "batch_id": batch_id}
    tags = DocumentTags()
    tags.mentions = [
        Mention(actor=s.label, is_member=s.label in lexicon.members, start=s.start, end=s.end,
                surface=s.surface, sentence=result.sentence(s.sentence_index, text), **common)
        for s in result.actors
    ]
    tags.framings = [
        FramingMention(framing_id=f.label, stance=f.stance, start=f.start, end=f.end, surface=f.surface,
                       sentence=result.sentence(f.sentence_index, text), target_members=list(f.target), **common)
        for f in result.framings
    ]
    tags.dyads = [
        DyadMention(member_a=d.a, member_b=d.b, relation=d.relation, confidence=d.confidence,
                    sentence=result.sentence(d.sentence_index, text),
                    sentence_start=result.sentences[d.sentence_index][0], **common)
        for d in result.dyads
    ]
    return tags


def tag_records(
    articles: Iterable[Article], comments: Iterable[Comment], lexicon: Lexicon, batch_id: str,
    progress: Callable[[str, int], None] | None = None,
) -> DocumentTags:
    """Tag articles and comments; comments get their own rows (doc_kind 'comment')."""
    tags = DocumentTags()
    for a in articles:
        if a.error:  # a failed extraction has no text to tag
            continue
        tags.extend(tag_document(a.article_id, "article", a.article_id, a.text, a.language, lexicon, batch_id))
        if progress:
            progress("tag", 1)
    for c in comments:
        if c.kind != "comment":  # a pingback is another site's teaser, not a reader's words
            continue
        tags.extend(tag_document(c.comment_id, "comment", c.article_id, c.text, c.language, lexicon, batch_id))
    return tags


def write_tags(paths: BatchPaths, tags: DocumentTags) -> None:
    """Write mentions, framings and dyads Parquet files of a batch (atomic per file)."""
    write_parquet(paths.mentions, tags.mentions, Mention)
    write_parquet(paths.framings, tags.framings, FramingMention)
    write_parquet(paths.dyads, tags.dyads, DyadMention)


_compiled: dict[tuple[Path, int, int], Lexicon] = {}


def cached_lexicon(taxonomy_path: Path) -> Lexicon:
    """The compiled taxonomy, compiled once per process and file version: a batch's chunks are
    tagged one after another in the same worker, and compiling takes longer than tagging one."""
    path = Path(taxonomy_path).resolve()
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _compiled:
        _compiled.clear()
        _compiled[key] = load_lexicon(path)
    return _compiled[key]


def tag_batch(
    paths: BatchPaths, taxonomy_path: Path, progress: Callable[[str, int], None] | None = None
) -> dict[str, int | str]:
    """Tag the batch's language-labelled articles and comments."""
    lexicon = cached_lexicon(taxonomy_path)
    tags = tag_records(read_parquet(paths.articles, Article), read_parquet(paths.comments, Comment),
                       lexicon, paths.batch_id, progress)
    write_tags(paths, tags)
    return {"mentions": len(tags.mentions), "framings": len(tags.framings), "dyads": len(tags.dyads),
            "taxonomy_version": lexicon.version}
