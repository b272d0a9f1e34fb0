"""Score extraction against snippet ground truth, the way trafilatura's own evaluation does.

Truth file: a JSON object keyed by page file name; each value has ``url``, ``with`` (snippets the
main text must contain), ``without`` (snippets it must not contain) and optionally ``comments``
(snippets that must appear among the comments). Snippets are compared after collapsing
whitespace. A crash counts as an empty result, as a production failure would.

Three scores: main text (precision/recall/F1 over with/without snippets), comment recall (comment
snippets found in the comments), and leakage (comment snippets found in the article text).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from pipeline.extraction.page import gunzip_if_needed
from pipeline.extraction.settings import ExtractorSettings
from pipeline.extraction.text import normalise_space

# (article text, comment texts) for a page body and its URL
Extractor = Callable[[bytes, str | None], tuple[str, list[str]]]


@dataclass
class Confusion:
    """Accumulated true/false positives and negatives with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, tp: int, fp: int, fn: int, tn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn
        self.tn += tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


@dataclass
class ExtractionScore:
    """One extractor's scores over a corpus."""

    name: str
    pages: int = 0
    errors: int = 0
    main: Confusion = field(default_factory=Confusion)
    comment_pages: int = 0
    comment_snippets: int = 0
    comments_found: int = 0
    comments_leaked: int = 0
    comments_on_pages_without_truth: int = 0

    @property
    def comment_recall(self) -> float:
        return self.comments_found / self.comment_snippets if self.comment_snippets else 0.0

    @property
    def leakage_rate(self) -> float:
        return self.comments_leaked / self.comment_snippets if self.comment_snippets else 0.0

    def as_dict(self) -> dict:
        """Counts and scores as plain values (for JSON output)."""
        row = asdict(self)
        row["main"] = {**asdict(self.main), "precision": round(self.main.precision, 4),
                       "recall": round(self.main.recall, 4), "f1": round(self.main.f1, 4),
                       "accuracy": round(self.main.accuracy, 4)}
        row["comment_recall"] = round(self.comment_recall, 4)
        row["leakage_rate"] = round(self.leakage_rate, 4)
        return row


def load_truth(path: Path) -> dict[str, dict]:
    """The snippet ground truth, keyed by page file name."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object keyed by file name")
    for name, item in data.items():
        if not isinstance(item.get("with", []), list) or not isinstance(item.get("without", []), list):
            raise ValueError(f"{path}: {name}: 'with' and 'without' must be lists")
    return data


def page_path(corpus: Path, name: str) -> Path | None:
    """Where a page of the truth file is stored: ``name`` or ``name.gz``, in DIR or DIR/html."""
    for folder in (corpus, corpus / "html"):
        for candidate in (folder / name, folder / f"{name}.gz"):
            if candidate.is_file():
                return candidate
    return None


def iter_pages(corpus: Path, truth: dict[str, dict], limit: int | None = None) -> Iterator[tuple[str, bytes]]:
    """(name, plain bytes) of every page of the truth file found under ``corpus``."""
    n = 0
    for name in sorted(truth):
        path = page_path(corpus, name)
        if path is None:
            continue
        yield name, gunzip_if_needed(path.read_bytes())
        n += 1
        if limit and n >= limit:
            return


def comment_snippets(item: dict) -> list[str]:
    """The page's non-empty comment snippets (an empty one would match any text)."""
    return [n for s in item.get("comments", []) or [] if (n := normalise_space(s))]


def count_snippets(item: dict, text: str, comments: list[str]) -> tuple[tuple[int, int, int, int], int, int]:
    """((tp, fp, fn, tn) of the main text, comment snippets found, comment snippets leaked)."""
    body = normalise_space(text)
    joined = normalise_space("\n".join(comments))
    tp = sum(1 for s in item.get("with", []) if normalise_space(s) in body)
    fp = sum(1 for s in item.get("without", []) if normalise_space(s) in body)
    expected = comment_snippets(item)
    found = sum(1 for s in expected if s in joined)
    leaked = sum(1 for s in expected if s in body)
    return (tp, fp, len(item.get("with", [])) - tp, len(item.get("without", [])) - fp), found, leaked


def score(name: str, extractor: Extractor, pages: Iterator[tuple[str, bytes]],
          truth: dict[str, dict]) -> ExtractionScore:
    """Run one extractor over the pages and accumulate its scores."""
    result = ExtractionScore(name)
    for page_name, body in pages:
        item = truth[page_name]
        try:
            text, comments = extractor(body, item.get("url"))
        except Exception:
            text, comments = "", []
            result.errors += 1
        counts, found, leaked = count_snippets(item, text, comments)
        result.pages += 1
        result.main.add(*counts)
        if item.get("comments"):
            result.comment_pages += 1
            result.comment_snippets += len(comment_snippets(item))
            result.comments_found += found
            result.comments_leaked += leaked
        elif comments:
            result.comments_on_pages_without_truth += 1
    return result


def ours(settings: ExtractorSettings | None = None) -> Extractor:
    """Our extractor: article text and split comments, as the extract stage produces them."""
    from pipeline.extraction.article import split_page
    from pipeline.extraction.page import parse_page

    chosen = settings or ExtractorSettings()

    def run(body: bytes, url: str | None) -> tuple[str, list[str]]:
        text, section = split_page(parse_page(body, chosen), url, chosen)
        # a record's author and date are part of it: a snippet naming the commenter is found there
        return text, ["\n".join(filter(None, (c.author, c.date_raw, c.text))) for c in section.comments]

    return run


def trafilatura_defaults() -> Extractor:
    """Bare trafilatura: main text with its evaluation defaults, comments from a comments-on run."""
    import trafilatura

    def run(body: bytes, url: str | None) -> tuple[str, list[str]]:
        text = trafilatura.extract(body, url=url, include_comments=False, include_tables=True) or ""
        doc = trafilatura.bare_extraction(body, url=url, include_comments=True)
        comments = [doc.comments] if doc is not None and doc.comments else []
        return text, comments

    return run


def evaluate_extraction(corpus: Path, truth_path: Path, baseline: bool = True,
                        limit: int | None = None,
                        settings: ExtractorSettings | None = None) -> list[ExtractionScore]:
    """Scores of our extractor (and of bare trafilatura, if ``baseline``) on one corpus."""
    truth = load_truth(truth_path)
    results = [score("crinkwatch", ours(settings), iter_pages(corpus, truth, limit), truth)]
    if baseline:
        results.append(score("trafilatura-defaults", trafilatura_defaults(),
                             iter_pages(corpus, truth, limit), truth))
    return results
