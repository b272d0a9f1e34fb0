"""Extract, language and tag over chunks of a batch, on every core (or every Airflow worker).

A batch's fetched pages are split into chunks of ``chunk_size`` pages (``plan_chunks``). Each
chunk has the batch's own folder layout under ``<batch>/chunks/<n>/``, so the unchanged stage
functions (``extract_batch``, ``label_batch``, ``tag_batch``) run on a chunk as on a batch; the
chunk's records keep the batch's id. ``merge_chunks`` then concatenates the chunks' files, in
chunk order, into the batch's files, streaming one chunk at a time, so the result is the same
whatever the number of workers and no process holds more than one chunk's records.

``crinkwatch run`` runs the chunks on worker processes (``start_workers``, ``ChunkRun``), started
before the fetch and busy while the run validates the raw pages; the process DAG maps one task
per chunk and stage (``pipeline.tasks``). Re-running any step rewrites what it wrote.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pipeline.batch import BatchPaths
from pipeline.tempfiles import temp_path_for

PLAN_FILE = "plan.json"
# The run's settings and active sources, for the comments that load after the page.
LateCommentsFor = tuple[Any, list[Any]]
STAGE_NAMES = ("extract", "language", "tag")


@dataclass(frozen=True)
class ChunkPaths(BatchPaths):
    """One chunk's stage files: the batch layout under ``chunks/<n>/``, named by the batch's id."""

    batch: BatchPaths | None = None
    index: int = 0

    @classmethod
    def of(cls, batch: BatchPaths, index: int) -> "ChunkPaths":
        return cls(chunks_dir(batch) / f"{index:05d}", batch, index)

    @property
    def batch_id(self) -> str:
        assert self.batch is not None
        return self.batch.batch_id


def chunks_dir(paths: BatchPaths) -> Path:
    """Where a batch's chunks live while they are processed (removed after the merge)."""
    return paths.root / "chunks"


def plan_chunks(paths: BatchPaths, chunk_size: int) -> int:
    """Split the batch's ``raw_pages.jsonl`` into chunks of ``chunk_size`` lines; return their count.

    Lines are copied as they are, so each chunk's extract sees exactly what the batch's would.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk size must be at least 1, not {chunk_size}")
    shutil.rmtree(chunks_dir(paths), ignore_errors=True)
    count, out = 0, None
    try:
        for n, line in enumerate(_page_lines(paths.raw_pages)):
            if n % chunk_size == 0:
                if out:
                    out.close()
                chunk = ChunkPaths.of(paths, count)
                chunk.root.mkdir(parents=True)
                out = chunk.raw_pages.open("w", encoding="utf-8")
                count += 1
            out.write(line)
    finally:
        if out:
            out.close()
    if count == 0:  # no page at all: one empty chunk, so every stage still writes its files
        ChunkPaths.of(paths, 0).root.mkdir(parents=True)
        ChunkPaths.of(paths, 0).raw_pages.touch()
        count = 1
    (chunks_dir(paths) / PLAN_FILE).write_text(json.dumps({"chunks": count,
                                                           "chunk_size": chunk_size}))
    return count


def _page_lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield line if line.endswith("\n") else line + "\n"


def planned_chunks(paths: BatchPaths) -> int:
    """How many chunks ``plan_chunks`` made for the batch."""
    return int(json.loads((chunks_dir(paths) / PLAN_FILE).read_text())["chunks"])


def process_chunk(chunk: ChunkPaths, raw_dir: Path, taxonomy_path: Path,
                  late_comments: LateCommentsFor | None = None) -> dict:
    """Extract, label and tag one chunk with the batch's stage functions; counts and seconds.

    ``late_comments`` is the (settings, sources) of the run: each process opens its own fetcher
    for the comments that load after the page (connections do not cross processes).
    """
    from pipeline.extraction.stage import extract_batch
    from pipeline.fetch.rawstore import RawStore
    from pipeline.language import label_batch
    from pipeline.tagging.stage import tag_batch

    def extract() -> dict:
        if late_comments is None:
            return extract_batch(chunk, RawStore(raw_dir))
        from pipeline.extraction.late_comments import open_late_comments

        with open_late_comments(*late_comments) as late:
            return extract_batch(chunk, RawStore(raw_dir), late=late)

    counts: dict = {"seconds": {}}
    steps: tuple[tuple[str, Callable[[], dict]], ...] = (
        ("extract", extract),
        ("language", lambda: label_batch(chunk)),
        ("tag", lambda: tag_batch(chunk, taxonomy_path)),
    )
    for name, step in steps:
        start = time.perf_counter()
        counts[name] = step()
        counts["seconds"][name] = time.perf_counter() - start
    return counts


def _chunk_files(chunk: ChunkPaths) -> Iterator[Path]:
    """Every stage output of a chunk, relative to its folder (its raw pages are the input)."""
    for path in sorted(chunk.root.rglob("*")):
        if path.is_file() and path.suffix in (".parquet", ".jsonl") and path != chunk.raw_pages:
            yield path.relative_to(chunk.root)


def merge_chunks(paths: BatchPaths) -> dict[str, int]:
    """Concatenate the chunks' stage files into the batch's, in chunk order; return row counts.

    Run again after a crash it redoes the merge; once the chunks are gone (merged and removed)
    it only reports the rows of the merged files.
    """

    if not (chunks_dir(paths) / PLAN_FILE).exists():
        return _merged_rows(paths)
    chunks = [ChunkPaths.of(paths, i) for i in range(planned_chunks(paths))]
    relative = sorted({p for chunk in chunks for p in _chunk_files(chunk)})
    for rel in relative:
        target = paths.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_path_for(target)
        parts = [chunk.root / rel for chunk in chunks if (chunk.root / rel).exists()]
        if rel.suffix == ".parquet":
            _concat_parquet(parts, tmp)
        else:
            with tmp.open("wb") as out:
                for part in parts:
                    with part.open("rb") as src:
                        shutil.copyfileobj(src, out)
        tmp.replace(target)
    shutil.rmtree(chunks_dir(paths))
    return _merged_rows(paths)


def _concat_parquet(parts: list[Path], target: Path) -> None:
    """Concatenate Parquet files one at a time. The tag stage writes a batch's article rows
    before its comment rows, so files with ``doc_kind`` are merged in that order too: the merged
    file is then row for row the one a single pass over the batch writes."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    schema = pq.read_schema(parts[0])
    kinds: tuple[str | None, ...] = ("article", "comment") if "doc_kind" in schema.names else (None,)
    with pq.ParquetWriter(target, schema) as writer:
        for kind in kinds:
            for part in parts:
                table = pq.read_table(part, schema=schema)
                if kind is not None:
                    table = table.filter(pc.equal(table["doc_kind"], kind))
                writer.write_table(table)


def _merged_rows(paths: BatchPaths) -> dict[str, int]:
    import pyarrow.parquet as pq

    files = {"articles": paths.articles, "comments": paths.comments,
             "mentions": paths.mentions, "framings": paths.framings, "dyads": paths.dyads}
    return {name: pq.read_metadata(path).num_rows for name, path in files.items()
            if path.exists()}


def balanced_chunk_size(paths: BatchPaths, chunk_size: int, workers: int) -> int:
    """``chunk_size``, made smaller for a small batch so that each worker gets about four chunks
    (pages differ a lot in cost; several chunks each keep the workers evenly busy)."""
    if workers <= 1:
        return chunk_size
    pages = sum(1 for _ in _page_lines(paths.raw_pages))
    return max(1, min(chunk_size, -(-pages // (workers * 4))))


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _end_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this worker when the run that forked it dies (kill -9, a crash), so
    no orphan goes on writing chunks of a batch nobody will merge. Linux only; elsewhere a no-op."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os.kill(os.getpid(), signal.SIGKILL)


def _process_in_worker(args: tuple[str, int, str, str, LateCommentsFor | None]) -> dict:
    batch_root, index, raw_dir, taxonomy_path, late_comments = args
    return process_chunk(ChunkPaths.of(BatchPaths(Path(batch_root)), index), Path(raw_dir),
                         Path(taxonomy_path), late_comments)


def start_workers(workers: int, taxonomy_path: Path) -> ProcessPoolExecutor:
    """Fork ``workers`` processes (one at least) now; each first pays the process stage's one-time
    costs (:mod:`pipeline.prewarm`), while this process goes on (the runner fetches meanwhile).

    Fork them before this process starts threads: a child gets a copy of every lock, and one that
    another thread held at the fork never opens in it.
    """
    pool = ProcessPoolExecutor(max(1, workers), mp_context=mp.get_context("fork"),
                               initializer=_start_worker, initargs=(os.getpid(), str(taxonomy_path)))
    pool.submit(int)  # with fork, the first job forks every worker at once
    return pool


def _start_worker(parent_pid: int, taxonomy_path: str) -> None:
    from pipeline.prewarm import warm_process_stage

    _end_with_parent(parent_pid)
    warm_process_stage(Path(taxonomy_path))


class ChunkRun:
    """Extract, label and tag a batch's chunks on worker processes, started now, merged later.

    Between ``start`` and ``finish`` the calling process is free: the runner validates the raw
    pages and imports Great Expectations there while the workers extract. ``cancel`` drops the
    work (its chunk files included) when that validation blocks or changes the batch's pages.
    """

    def __init__(self, paths: BatchPaths, raw_dir: Path, taxonomy_path: Path, *, workers: int,
                 chunk_size: int, late_comments: LateCommentsFor | None = None) -> None:
        self.paths, self.workers, self.taxonomy_path = paths, workers, taxonomy_path
        self.chunks = plan_chunks(paths, balanced_chunk_size(paths, chunk_size, workers))
        self._jobs = [(str(paths.root), i, str(raw_dir), str(taxonomy_path), late_comments)
                      for i in range(self.chunks)]
        self._own_pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []

    def start(self, pool: ProcessPoolExecutor | None = None) -> "ChunkRun":
        """Hand every chunk to ``pool`` (from :func:`start_workers`), or to workers forked now."""
        if pool is None:
            pool = self._own_pool = start_workers(min(self.workers, self.chunks), self.taxonomy_path)
        self._futures = [pool.submit(_process_in_worker, job) for job in self._jobs]
        return self

    def finish(self, progress: Callable[..., None] | None = None) -> dict[str, dict]:
        """Wait for every chunk, merge them into the batch's files; the summed counts."""
        assert self._futures or not self._jobs, "start() first"
        try:
            total = sum_counts((f.result() for f in self._futures), progress)
        finally:
            self._shutdown()
        total["merge"] = merge_chunks(self.paths)
        return total

    def cancel(self) -> None:
        """Drop the chunks not yet started, wait for the running ones, remove every chunk file."""
        for future in self._futures:
            future.cancel()
        wait(self._futures)
        self._shutdown()
        shutil.rmtree(chunks_dir(self.paths), ignore_errors=True)

    def _shutdown(self) -> None:
        if self._own_pool is not None:
            self._own_pool.shutdown()
            self._own_pool = None


def sum_counts(results: Iterable[dict], progress: Callable[..., None] | None = None
               ) -> dict[str, dict]:
    """Per-stage counts (and ``seconds``) summed over chunk results; text values kept as they are."""
    total: dict[str, dict] = {name: {} for name in (*STAGE_NAMES, "seconds")}
    for result in results:
        for name in total:
            for key, value in result.get(name, {}).items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    total[name][key] = total[name].get(key, 0) + value
                else:
                    total[name][key] = value
        if progress:
            done = result.get("extract", {})
            progress("process", done.get("articles", 0) + done.get("failed", 0))
    total["seconds"] = {k: round(v, 3) for k, v in total["seconds"].items()}
    return total
