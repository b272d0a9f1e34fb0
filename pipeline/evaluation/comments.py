"""Score the extract stage's comment records against pages labelled comment by comment.

Labels (``tests/gold/comments/{dev,test}.jsonl``, format in that folder's README) give, per page,
whether it shows reader comments and, per comment, the author, the date string and the first words
of the body. A label is *found* when one of our records of the same kind contains its first words
(one record per label, in page order). Scores:

- record precision: our comment records that are labelled comments / all our comment records;
- recall: labelled comments found / labelled comments (all are in the static HTML);
- author correct: found comments whose author equals the label's (case and spacing ignored),
  over found comments whose label has an author;
- date present: found comments with a date, over found comments whose label shows a date
  (and, apart, how many of those we also parsed to a timestamp);
- body clean: found comments whose text starts with the label's first words and ends in no button;
- false-comment pages: pages labelled without comments that get one or more comment records.
Pingbacks are scored apart: a pingback taken for a comment is a false record, and the reverse a miss.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pipeline.evaluation.jsonlines import numbered_objects
from pipeline.extraction.comment_text import BUTTON_LINE
from pipeline.extraction.text import normalise_space

SPLITS = ("dev", "test")
QUOTES = "\"'„“”«»‚‘’"


@dataclass
class RecordView:
    """What the scorer reads of one comment record."""

    text: str
    author: str | None = None
    date_raw: str | None = None
    published_at: str | None = None
    kind: str = "comment"
    parent: int | None = None


# page bytes, url → our comment records in page order
CommentExtractor = Callable[[bytes, str | None], list[RecordView]]


@dataclass
class PageResult:
    """One labelled page: what was expected, what we produced, what matched."""

    page: str
    split: str
    has_comments: bool
    labelled: int = 0
    records: int = 0
    found: int = 0
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)  # found comments with a wrong field: what and how

    @property
    def failed(self) -> bool:
        """Whether anything on the page was missed, extra, wrong or crashed."""
        return bool(self.error or self.missed or self.extra or self.faults)


@dataclass
class CommentScore:
    """Counts over a set of labelled pages, and the scores derived from them."""

    pages: int = 0
    comment_pages: int = 0
    errors: int = 0
    labelled: int = 0
    records: int = 0
    found: int = 0
    with_author: int = 0
    author_correct: int = 0
    with_date: int = 0
    date_present: int = 0
    date_parsed: int = 0
    body_clean: int = 0
    with_parent: int = 0
    parent_correct: int = 0
    pingbacks_labelled: int = 0
    pingbacks_found: int = 0
    empty_pages: int = 0
    false_comment_pages: int = 0
    page_results: list[PageResult] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.found, self.records)

    @property
    def recall(self) -> float:
        return self._ratio(self.found, self.labelled)

    @property
    def author_accuracy(self) -> float:
        return self._ratio(self.author_correct, self.with_author)

    @property
    def date_rate(self) -> float:
        return self._ratio(self.date_present, self.with_date)

    @property
    def clean_rate(self) -> float:
        return self._ratio(self.body_clean, self.found)

    @property
    def false_page_rate(self) -> float:
        return self._ratio(self.false_comment_pages, self.empty_pages)

    def as_dict(self, pages: bool = False) -> dict:
        """Counts and scores as plain values (for JSON output)."""
        row = asdict(self)
        if not pages:
            row.pop("page_results")
        for name in ("precision", "recall", "author_accuracy", "date_rate", "clean_rate", "false_page_rate"):
            row[name] = round(getattr(self, name), 4)
        return row


class LabelError(ValueError):
    """A label file is missing, unreadable or not in the documented format."""


def load_labels(labels_dir: Path, split: str = "all") -> list[dict]:
    """The labelled pages of one split (``dev``, ``test``) or of both (``all``)."""
    chosen = SPLITS if split == "all" else (split,)
    if any(s not in SPLITS for s in chosen):
        raise LabelError(f"unknown split {split!r} (dev, test or all)")
    pages: list[dict] = []
    for name in chosen:
        path = Path(labels_dir) / f"{name}.jsonl"
        if not path.is_file():
            continue
        for n, item in numbered_objects(path, LabelError):
            if not isinstance(item, dict) or "page" not in item or not isinstance(item.get("comments", []), list):
                raise LabelError(f"{path}:{n}: needs 'page' and a 'comments' list")
            item.setdefault("split", name)
            pages.append(item)
    if not pages:
        raise LabelError(f"no labelled pages for split {split!r} under {labels_dir}")
    return pages


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # soft hyphens and zero widths: typesetting


def _norm(text: str | None) -> str:
    return normalise_space((text or "").translate(INVISIBLE)).casefold().strip(QUOTES + " ")


def _words(text: str | None) -> str:
    """Lower-case words only: labels and pages may differ in quotes, dashes and ellipses. A text with
    no word at all ("🥰🥰🥰", "*+") is its own marks, so that it can be matched too."""
    norm = _norm(text)
    return " ".join(re.findall(r"\w+", norm)) or "".join(norm.split())


def _is_clean(record: RecordView, start: str) -> bool:
    lines = [line for line in record.text.split("\n") if line.strip()]
    return bool(lines) and _words(record.text).startswith(start) and not BUTTON_LINE.match(lines[-1].strip())


def _faults(label: dict, record: RecordView, matched: dict[int, int]) -> list[str]:
    """What is wrong with a found comment, one line per field: author, date, body, parent."""
    faults: list[str] = []
    start = _words(label.get("body_start"))
    if label.get("author") and _norm(label["author"]) != _norm(record.author):
        faults.append(f"author: want {label['author']!r}, got {record.author!r}")
    if label.get("date") and not (record.date_raw or record.published_at):
        faults.append(f"date: want {label['date']!r}, got none")
    if not _is_clean(record, start):
        lines = [line for line in record.text.split("\n") if line.strip()]
        faults.append(f"body: starts {normalise_space(record.text)[:60]!r}, ends {(lines or [''])[-1][-40:]!r}")
    if label.get("parent") is not None and (record.parent is None or record.parent != matched.get(label["parent"])):
        faults.append(f"parent: want comment {label['parent']}, got {record.parent}")
    return faults


def _match(labels: list[dict], records: list[RecordView]) -> dict[int, int]:
    """label index → record index: each label to the first unused record (in page order, of the
    same kind) that contains its first words."""
    texts = [_words(r.text) for r in records]
    used: set[int] = set()
    matched: dict[int, int] = {}
    for i, label in enumerate(labels):
        start = _words(label.get("body_start"))
        kind = label.get("kind") or "comment"
        if not start:
            continue
        for j, record in enumerate(records):
            if j not in used and record.kind == kind and start in texts[j]:
                matched[i] = j
                used.add(j)
                break
    return matched


def score_page(item: dict, records: list[RecordView], result: CommentScore) -> PageResult:
    """Add one page's counts to ``result``."""
    labels = [c for c in item.get("comments", []) if isinstance(c, dict)]
    has_comments = bool(item.get("has_comments", bool(labels)))
    page = PageResult(item["page"], item.get("split", ""), has_comments)
    comment_labels = [c for c in labels if (c.get("kind") or "comment") == "comment"]
    comment_records = [r for r in records if r.kind == "comment"]
    matched = _match(labels, records)
    result.pages += 1
    result.labelled += len(comment_labels)
    result.records += len(comment_records)
    page.labelled, page.records = len(comment_labels), len(comment_records)
    for i, label in enumerate(labels):
        kind = label.get("kind") or "comment"
        j = matched.get(i)
        if kind == "pingback":
            result.pingbacks_labelled += 1
            result.pingbacks_found += j is not None
            if j is None:
                page.missed.append(f"(pingback) {str(label.get('body_start'))[:50]}")
            continue
        if j is None:
            page.missed.append(str(label.get("body_start"))[:60])
            continue
        record = records[j]
        result.found += 1
        page.found += 1
        faults = _faults(label, record, matched)
        page.faults.extend(faults)
        if label.get("author"):
            result.with_author += 1
            result.author_correct += not any(f.startswith("author") for f in faults)
        if label.get("date"):
            result.with_date += 1
            result.date_present += bool(record.date_raw or record.published_at)
            result.date_parsed += bool(record.published_at)
        result.body_clean += not any(f.startswith("body") for f in faults)
        if label.get("parent") is not None:
            result.with_parent += 1
            result.parent_correct += not any(f.startswith("parent") for f in faults)
    matched_records = set(matched.values())
    page.extra = [normalise_space(r.text)[:60] for j, r in enumerate(records)
                  if r.kind == "comment" and j not in matched_records]
    if has_comments:
        result.comment_pages += 1
    else:
        result.empty_pages += 1
        result.false_comment_pages += bool(comment_records)
    result.page_results.append(page)
    return page


def static_comments() -> CommentExtractor:
    """The extract stage's comment records for a page, as a run over the static HTML makes them."""
    from pipeline.extraction.article import split_page
    from pipeline.extraction.page import parse_page
    from pipeline.extraction.settings import DEFAULT_SETTINGS

    def run(body: bytes, url: str | None) -> list[RecordView]:
        _, section = split_page(parse_page(body, DEFAULT_SETTINGS), url, DEFAULT_SETTINGS)
        return [RecordView(text=c.text, author=c.author, date_raw=c.date_raw, published_at=c.published_at,
                           kind=c.kind, parent=c.parent) for c in section.comments]

    return run


def iter_labelled_pages(corpus: Path, labels: Iterable[dict]) -> Iterator[tuple[dict, bytes | None, str | None]]:
    """(label, plain page bytes or None if the page is missing, the page's URL) in label order."""
    from pipeline.evaluation.extraction import page_path
    from pipeline.extraction.page import gunzip_if_needed

    urls: dict[str, str] = {}
    index = Path(corpus) / "index.json"
    if index.is_file():
        urls = {row["file"]: row.get("url") for row in json.loads(index.read_text(encoding="utf-8"))}
    for item in labels:
        path = page_path(Path(corpus), item["page"])
        yield item, (gunzip_if_needed(path.read_bytes()) if path else None), urls.get(item["page"])


def evaluate_comments(corpus: Path, labels_dir: Path, split: str = "all",
                      extractor: CommentExtractor | None = None) -> CommentScore:
    """Score comment records on the labelled pages of ``split``; a crash counts as no records."""
    run = extractor or static_comments()
    result = CommentScore()
    for item, body, url in iter_labelled_pages(corpus, load_labels(labels_dir, split)):
        error = None
        records: list[RecordView] = []
        if body is None:
            error = "page not found in the corpus"
        else:
            try:
                records = run(body, url)
            except Exception as exc:  # a crash is a page with no comments, as in production
                error = f"{type(exc).__name__}: {exc}"
        page = score_page(item, records, result)
        if error:
            result.errors += 1
            page.error = error
    return result
