"""Search while people write: search p95 while a reporter saves an edit to a draft every second.

A draft's writes do not move the data revision (ipcoop.db.private_writes), so readers keep
their index: this stage measures that the searches stay as fast as with no writer.
"""

from __future__ import annotations

import statistics
import threading
import time
from typing import Any

from sqlalchemy import Engine

from ipcoop.activities.schemas import ActivityCreate, ActivityUpdate
from ipcoop.db import current_revision, session_scope
from ipcoop.review import service
from ipcoop.review.permissions import Actor
from ipcoop.review.schemas import ReportCreate
from ipcoop.search import filters
from ipcoop.search.service import search

WRITER = Actor(0, "bench-writer@example.org", "curator")
# the searches a reader runs in turn: everything with facets, a word, a beneficiary, a page
ASKED = (
    lambda s: search(s, filters.parse(), limit=50),
    lambda s: search(s, filters.parse(q="patent"), limit=50),
    lambda s: search(s, filters.parse(beneficiary=["LDC"]), limit=50, facets=("year",)),
    lambda s: search(s, filters.parse(topic=["enforcement"]), sort="-date", limit=50),
)


def _writer(
    engine: Engine,
    stop: threading.Event,
    every: float,
    saved: list[float],
    failed: list[BaseException],
) -> None:
    try:
        _write(engine, stop, every, saved)
    except BaseException as error:  # reported by measure
        failed.append(error)


def _write(engine: Engine, stop: threading.Event, every: float, saved: list[float]) -> None:
    """Draft a report with one activity, then save an edit to it every ``every`` seconds."""
    with session_scope(engine) as session:
        report = service.create_report(session, WRITER, ReportCreate(party="CHE"))
        activity = service.add_activity(
            session,
            WRITER,
            report.id,
            ActivityCreate.model_validate({"title": "Bench edit", "start_date": "2025"}),
        )
        rid, aid, version = report.id, activity.id, activity.lock_version
    n = 0
    while not stop.wait(every):
        n += 1
        started = time.perf_counter()
        with session_scope(engine) as session:
            edited = service.update_activity(
                session,
                WRITER,
                rid,
                aid,
                ActivityUpdate.model_validate({"version": version, "city": f"Bern {n}"}),
            )
            version = edited.lock_version
        saved.append((time.perf_counter() - started) * 1000)


def measure(
    engine: Engine, backend: str, rows: int, seconds: float = 30, every: float = 1.0
) -> dict[str, Any]:
    """Search latencies (ms) over ``seconds`` with a writer saving every ``every`` seconds."""
    with session_scope(engine) as session:
        ASKED[0](session)  # a warm index, as a serving process has
    with engine.connect() as connection:
        before = current_revision(connection)
    stop = threading.Event()
    saved: list[float] = []
    failed: list[BaseException] = []
    writer = threading.Thread(
        target=_writer, args=(engine, stop, every, saved, failed), daemon=True
    )
    writer.start()
    timings: list[float] = []
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        with session_scope(engine) as session:
            started = time.perf_counter()
            ASKED[i % len(ASKED)](session)
            timings.append((time.perf_counter() - started) * 1000)
        i += 1
    stop.set()
    writer.join(timeout=30)
    if failed:
        raise RuntimeError("the writer failed") from failed[0]
    with engine.connect() as connection:
        after = current_revision(connection)
    quantiles = statistics.quantiles(timings, n=100, method="inclusive")
    return {
        "backend": backend,
        "rows": rows,
        "searches": len(timings),
        "edits": len(saved),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(quantiles[94], 1),
        "max_ms": round(max(timings), 1),
        "edit_p50_ms": round(statistics.median(saved), 1) if saved else None,
        "revision_moved": after != before,
    }
