"""Ingest files into the registry: the pipeline per file, a summary of what happened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ipcoop.config import Settings
from ipcoop.db import session_scope
from ipcoop.ingest import pipeline, store


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


def ingest_file(engine: Engine, path: Path, settings: Settings) -> Outcome:
    """Ingest one file in its own transaction; a failure changes nothing."""
    try:
        source = pipeline.load(path, max_bytes=settings.max_upload_bytes)
        with session_scope(engine) as session:
            if store.is_stored(session, source.sha256):
                return Outcome(str(path), "skipped", "already present (same SHA-256)")
            extracted = pipeline.extract(source, review_threshold=settings.review_threshold)
            report = store.store(session, extracted, source.data)
            if report is None:
                return Outcome(str(path), "skipped", "already present (same SHA-256)")
            review = sum(bool(a.review_reasons) for a in extracted.activities)
            detail = f"{extracted.kind}, {len(extracted.activities)} activities"
            if review:
                detail += f", {review} for review"
            if extracted.warnings:
                detail += f", {len(extracted.warnings)} warnings"
            return Outcome(str(path), "stored", detail, report.id, len(extracted.activities))
    except pipeline.IngestError as error:
        return Outcome(str(path), "rejected", str(error))


def ingest(
    engine: Engine,
    paths: list[Path],
    settings: Settings,
    on_file: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Ingest every file under the paths; on_file is called after each (for progress bars)."""
    summary = Summary()
    for path in pipeline.discover(paths):
        outcome = ingest_file(engine, path, settings)
        summary.outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)
    return summary
