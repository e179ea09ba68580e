"""Ingest files into the registry: the pipeline per file, a summary of what happened."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest import pipeline, store
from ipcoop.ingest.limits import Limits
from ipcoop.ingest.records import ExtractedReport
from ipcoop.ingest.workers import Extracted, Extractor

ALREADY = "already present (same SHA-256)"
PARALLEL_FROM = 50  # files; below this a worker pool costs more than it saves


@dataclass(slots=True)
class Outcome:
    """What became of one file."""

    path: str
    status: str  # stored | skipped | rejected
    detail: str = ""
    report_id: int | None = None
    activities: int = 0


@dataclass(slots=True)
class Summary:
    """What an ingest run stored, skipped and rejected."""

    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(o.status == status for o in self.outcomes)

    @property
    def activities(self) -> int:
        return sum(o.activities for o in self.outcomes)


def _store(
    engine: Engine, source: pipeline.Source, extracted: ExtractedReport | pipeline.IngestError
) -> Outcome:
    """Write one extracted report in its own transaction; a failure changes nothing."""
    if isinstance(extracted, pipeline.IngestError):
        return Outcome(source.name, "rejected", str(extracted))
    with session_scope(engine) as session:
        report = store.store(session, extracted, source.data)
        if report is None:
            return Outcome(source.name, "skipped", ALREADY)
        review = sum(bool(a.review_reasons) for a in extracted.activities)
        detail = f"{extracted.kind}, {len(extracted.activities)} activities"
        if review:
            detail += f", {review} for review"
        if extracted.warnings:
            detail += f", {len(extracted.warnings)} warnings"
        return Outcome(source.name, "stored", detail, report.id, len(extracted.activities))


def _sources(
    engine: Engine, paths: list[Path], settings: Settings
) -> Iterator[pipeline.Source | Outcome]:
    """Each file loaded, or its outcome when it is unreadable or already stored (the store
    checks again in its own transaction: this only spares extracting what is there)."""
    with session_scope(engine) as session:
        stored = store.stored_files(session)
    for path in paths:
        try:
            source = pipeline.load(path, max_bytes=settings.max_upload_bytes)
        except pipeline.IngestError as error:
            yield Outcome(str(path), "rejected", str(error))
            continue
        yield Outcome(str(path), "skipped", ALREADY) if source.sha256 in stored else source


def ingest(
    engine: Engine,
    paths: list[Path],
    settings: Settings,
    on_file: Callable[[Outcome], None] | None = None,
    workers: int | None = None,
) -> Summary:
    """Ingest every file under the paths; on_file is called after each (for progress bars).

    Every file is read and extracted in a worker process under the reading limits (one
    worker, or one per core for large batches) while this process stores, in the files' order.
    """
    files = pipeline.discover(paths)
    if workers is None:
        workers = (os.cpu_count() or 1) if len(files) >= PARALLEL_FROM else 1
    summary = Summary()

    def record(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)

    limits = Limits.from_settings(settings)
    with Extractor(workers, limits, settings.review_threshold) as extractor:
        pending: deque[tuple[pipeline.Source, Future[Extracted]]] = deque()
        for item in _sources(engine, files, settings):
            if isinstance(item, Outcome):
                record(item)
                continue
            pending.append((item, extractor.submit(item)))
            while len(pending) > workers * 4 or (pending and pending[0][1].done()):
                source, future = pending.popleft()
                record(_store(engine, source, extractor.result(source, future)))
        while pending:
            source, future = pending.popleft()
            record(_store(engine, source, extractor.result(source, future)))
    return summary
