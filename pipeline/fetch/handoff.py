"""Exactly-once hand-off from fetch to the warehouse: which pages a batch must carry, and when a
page counts as done.

A page whose body no loaded batch has carried is *new*. The fetch stage queues it as pending in
the state store; only :func:`mark_batch_loaded`, called after the load's commit, makes it done.
So a crash anywhere between fetch and load (a kill, a full disk, a blocked validation) leaves
the page pending, and the next fetch puts it into its own batch again (:func:`requeue_pending`),
whether or not a feed still lists it. Loading the same page twice is harmless: a load replaces
an article's rows.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import datetime, timezone

from pipeline.batch import BatchPaths
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.state import FetchState
from pipeline.models import RawPage, from_dict, read_jsonl

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def queue_new_page(state: FetchState, page: RawPage, batch_id: str) -> None:
    """Note that ``batch_id`` carries this page's new body; it is pending until that loads."""
    state.queue_page(page.canonical_url, page.content_sha256 or "", batch_id,
                     json.dumps(asdict(page), ensure_ascii=False), _now())


def requeue_pending(state: FetchState, store: RawStore, pages: list[RawPage], batch_id: str) -> int:
    """Add to ``pages`` every pending page of an earlier, unfinished batch that this batch does
    not already carry with a body; return how many were added.

    The stored copy is used (its body is in the raw store), so a page that has dropped off its
    feed, or that fails today, still reaches the warehouse.
    """
    carried = {p.canonical_url: p.is_new for p in pages if not p.error and p.content_sha256}
    index = {p.canonical_url: i for i, p in enumerate(pages)}
    added = 0
    for row in state.pending_pages():
        url, sha = row["canonical_url"], row["content_sha256"]
        if row["batch_id"] == batch_id or carried.get(url):
            continue  # this batch carries the page's newest body itself
        if url in carried or state.page_hash(url) == sha:
            # The page's current body is already loaded (an ad-hoc re-fetch of an unchanged
            # page, or an older body superseded): nothing is left to carry.
            state.drop_pending(url, sha)
            continue
        if not store.has(sha):
            log.warning("pending page %s: its body %s is no longer in the raw store; it will be "
                        "fetched again when a feed lists it", url, sha[:12])
            continue
        page = from_dict(RawPage, json.loads(row["page"]))
        page.is_new, page.error = True, None
        if url in index:  # today's attempt failed: carry the body fetched before instead
            pages[index[url]] = page
        else:
            pages.append(page)
        state.queue_page(url, sha, batch_id, row["page"], _now())
        added += 1
    if added:
        log.info("batch %s re-queues %d page(s) of unfinished batches", batch_id, added)
    return added


def mark_batch_loaded(paths: BatchPaths, state_path) -> int:
    """After the batch's load has committed: its new pages are done. Returns how many."""
    if not paths.raw_pages.exists():
        return 0
    done = [(p.canonical_url, p.content_sha256) for p in read_jsonl(paths.raw_pages, RawPage)
            if p.is_new and not p.error and p.content_sha256]
    with FetchState(state_path) as state:
        state.mark_loaded(done, paths.batch_id, _now())
    return len(done)
