"""What a publication costs readers: the publish itself, then the first search after it, which
brings the readers' index to the new revision.

The index reads again only the reports a publication touched (``ipcoop.db.public_writes``
lists them in ``public_changes``); a full reading of every activity, which is what the first
search after a publication paid before, is measured beside it at the same revision. The
reports published here are deleted at the end, so the database keeps its size.

Run by hand::

    python -m bench.publishing sqlite:///bench/data/activities-100000.sqlite3 --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from sqlalchemy import Engine, delete

from ipcoop.activities.schemas import ActivityCreate
from ipcoop.db import current_revision, make_engine, session_scope
from ipcoop.reports.models import Report
from ipcoop.review import service
from ipcoop.review.permissions import Actor
from ipcoop.review.schemas import ReportCreate, Transition
from ipcoop.search import filters
from ipcoop.search.index import DIMENSIONS, ActivityIndex, current
from ipcoop.search.service import search

CURATOR = Actor(0, "bench-curator@example.org", "curator")
PARTIES = ("CHE", "JPN", "WIPO", "EU", "USA")


def _submitted(engine: Engine, n: int, activities: int) -> int:
    """A submitted report with ``activities`` activities (private writes: no revision moves)."""
    with session_scope(engine) as session:
        party = PARTIES[n % len(PARTIES)]
        report = service.create_report(session, CURATOR, ReportCreate(party=party))
        for i in range(activities):
            service.add_activity(
                session,
                CURATOR,
                report.id,
                ActivityCreate.model_validate(
                    {
                        "title": f"Bench publication {n} seminar {i}",
                        "start_date": f"2025-{1 + i % 12:02d}",
                        "beneficiaries": ["GHA", "LDC"][: 1 + i % 2],
                        "topics": ["patents"] if i % 2 else ["enforcement"],
                        "type": "seminar",
                    }
                ),
            )
        service.submit(session, CURATOR, report.id, Transition())
        return report.id


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def measure(
    engine: Engine, backend: str, rows: int, rounds: int = 5, activities: int = 20
) -> dict[str, Any]:
    """Median ms of a publish, of the first search after it, and of a full reading of the index
    at the same revision (what that search paid when every publication rebuilt it)."""
    ask = filters.parse()
    with session_scope(engine) as session:
        search(session, ask, limit=50)  # a warm index with every facet, as a serving process has
    published, first, full = [], [], []
    made: list[int] = []
    try:
        for n in range(rounds):
            report_id = _submitted(engine, n, activities)
            made.append(report_id)
            started = time.perf_counter()
            with session_scope(engine) as session:
                service.publish(session, CURATOR, report_id, Transition())
            published.append(_ms(started))
            started = time.perf_counter()
            with session_scope(engine) as session:
                found = search(session, ask, limit=50)
            first.append(_ms(started))
            started = time.perf_counter()
            with session_scope(engine) as session:
                connection = session.connection()
                fresh = ActivityIndex.read(connection, current_revision(connection))
                fresh.add(connection, DIMENSIONS)
            full.append(_ms(started))
            with session_scope(engine) as session:
                assert current(session).ids.tolist() == fresh.ids.tolist()
            assert found.total == fresh.size
    finally:
        with session_scope(engine) as session:
            session.execute(delete(Report).where(Report.id.in_(made)))
    return {
        "backend": backend,
        "rows": rows,
        "rounds": rounds,
        "activities_published": activities,
        "publish_ms": round(statistics.median(published), 1),
        "first_search_ms": round(statistics.median(first), 1),
        "full_reading_ms": round(statistics.median(full), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--activities", type=int, default=20)
    args = parser.parse_args()
    engine = make_engine(args.url)
    with engine.connect() as connection:
        from sqlalchemy import text

        rows = int(connection.execute(text("SELECT count(*) FROM activities")).scalar_one())
    print(measure(engine, engine.dialect.name, rows, args.rounds, args.activities))
    engine.dispose()


if __name__ == "__main__":
    main()
