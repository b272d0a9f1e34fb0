"""Small hand-written batches for warehouse tests: one day of articles, comments and tags."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch import BatchPaths
from pipeline.models import (Article, Comment, DyadMention, FramingMention, Mention, Source,
                             write_parquet)

SOURCES = [
    Source(id="ledger", name="Ledger", feed_url="http://127.0.0.1/ledger.xml", type="news"),
    Source(id="institute", name="Institute", feed_url="http://127.0.0.1/inst.xml", type="think_tank"),
]
TAXONOMY = "t-test"


def _mention(doc: str, kind: str, article: str, actor: str, start: int, sentence: str, batch: str) -> Mention:
    return Mention(doc_id=doc, doc_kind=kind, article_id=article, actor=actor,
                   is_member=actor in ("CN", "RU", "IR", "KP"), start=start, end=start + 6,
                   surface=sentence[start:start + 6], sentence=sentence, taxonomy_version=TAXONOMY,
                   batch_id=batch)


def write_day(runs_dir: Path, day: str, n_articles: int = 3, tag: str = "", batch_suffix: str = "b") -> BatchPaths:
    """A batch of ``n_articles`` articles published on ``day`` (YYYY-MM-DD), each naming Russia
    and China, one comment each naming Iran, one framing and one dyad sentence per article."""
    paths = BatchPaths.for_batch(runs_dir, f"{day.replace('-', '')}T060000Z-{tag}{batch_suffix}")
    batch = paths.batch_id
    articles, comments, mentions, framings, dyads = [], [], [], [], []
    for i in range(n_articles):
        aid = f"{day}-{tag}{i}"
        sentence = "Moscow and Beijing called themselves natural allies this week."
        source = SOURCES[i % 2].id
        articles.append(Article(article_id=aid, url=f"http://127.0.0.1/{aid}", canonical_url=f"http://127.0.0.1/{aid}",
                                source_ids=[source], title=f"Article {aid}", authors=["A. Writer"],
                                published_at=f"{day}T08:00:00+00:00", site_name=None,
                                text=sentence + " More text follows here.", language="en",
                                word_count=12, batch_id=batch))
        comments.append(Comment(comment_id=f"{aid}-0000", article_id=aid, position=0, author="Reader",
                                published_at=None, text="Tehran is watching.", language="en",
                                batch_id=batch))
        mentions += [_mention(aid, "article", aid, "RU", 0, sentence, batch),
                     _mention(aid, "article", aid, "CN", 11, sentence, batch),
                     _mention(f"{aid}-0000", "comment", aid, "IR", 0, "Tehran is watching.", batch)]
        framings.append(FramingMention(doc_id=aid, doc_kind="article", article_id=aid,
                                       framing_id="natural_allies", stance="asserted", start=39, end=53,
                                       surface="natural allies", sentence=sentence,
                                       taxonomy_version=TAXONOMY, batch_id=batch, target_members=["CN", "RU"]))
        dyads.append(DyadMention(doc_id=aid, doc_kind="article", article_id=aid, member_a="CN",
                                 member_b="RU", relation="cooperation" if i % 3 else "friction",
                                 sentence=sentence, sentence_start=0, taxonomy_version=TAXONOMY,
                                 batch_id=batch))
    write_parquet(paths.articles, articles, Article)
    write_parquet(paths.comments, comments, Comment)
    write_parquet(paths.mentions, mentions, Mention)
    write_parquet(paths.framings, framings, FramingMention)
    write_parquet(paths.dyads, dyads, DyadMention)
    return paths
