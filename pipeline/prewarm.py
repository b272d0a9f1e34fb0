"""Pay the process stage's one-time costs before the first chunk arrives.

The first page a process extracts costs far more than the next ones: trafilatura's fallbacks load
on first use, htmldate's date parser compiles the patterns of every dateparser locale (over a
second), langdetect reads its language profiles, and the tag stage compiles the taxonomy. Each
worker process pays them as it starts (``pipeline.parallel.start_workers``), which the runner does
before the fetch, so they are paid on the other cores while the run fetches.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

# A small page written for this purpose: an article, a byline, a date and two comments.
WARM_PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour works resume</title></head><body><nav><a href="/">Home</a></nav><article>
<h1>Harbour works resume</h1><p class="byline">By Staff, published 3 March 2025</p>
<p>Work on the northern pier resumed on Monday after a pause of two weeks, the port office said,
and the new cranes should be running before the summer season begins in earnest.</p>
<p>Engineers said the foundations had settled as planned and that the delay was caused by a late
delivery of steel, not by the storm that closed the harbour in February.</p></article>
<section id="comments"><h2>2 comments</h2><ol class="commentlist">
<li class="comment"><div class="comment-author">Reader One</div><time>4 March 2025</time>
<p>Good to hear the pier is moving again.</p></li>
<li class="comment"><div class="comment-author">Reader Two</div><time>5 March 2025</time>
<p>Will the ferry timetable change?</p></li></ol></section></body></html>"""


def warm_process_stage(taxonomy_path: Path) -> None:
    """Load and compile what extract, language and tag need on their first page; never raises
    (a warm-up that fails leaves the first page to pay, as it would have anyway)."""
    try:
        from htmldate.extractors import get_external_parser

        from pipeline.extraction.article import extract_page
        from pipeline.models import RawPage
        from pipeline.tagging.stage import cached_lexicon

        # A string no locale reads as a date: the parser tries, and so compiles, every locale.
        get_external_parser().get_date_data("warm 1 up 2")
        page = RawPage(url="https://warm.invalid/harbour", canonical_url="https://warm.invalid/harbour",
                       source_ids=["warm"], status=200, fetched_at="", body_path=None,
                       content_sha256=None, content_type="text/html")
        extract_page(WARM_PAGE, page)
        cached_lexicon(taxonomy_path)
    except Exception as exc:  # the run itself will meet (and report) any real problem
        log.debug("warm-up of the process stage failed: %s", exc)
