"""Rich progress bars for the stages of a run."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.cli.app import console


@contextmanager
def stage_progress() -> Iterator:
    """A callback ``progress(stage, advance)`` drawing one line per stage."""
    bars = Progress(SpinnerColumn(), TextColumn("{task.description:<10}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=False)
    tasks: dict[str, int] = {}

    def progress(stage: str, advance: int = 1) -> None:
        if stage not in tasks:
            for t in tasks.values():  # a new stage means the previous one is done
                bars.update(t, total=bars.tasks[t].completed or 1, completed=bars.tasks[t].completed or 1)
            tasks[stage] = bars.add_task(stage, total=None)
        if advance:
            bars.advance(tasks[stage], advance)

    with bars:
        yield progress
        for t in tasks.values():
            bars.update(t, total=bars.tasks[t].completed or 1, completed=bars.tasks[t].completed or 1)
